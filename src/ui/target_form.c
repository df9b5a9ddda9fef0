/* The forms of a target and of its result for a period. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/phase.h"
#include "core/plan/result.h"
#include "core/plan/target.h"
#include "core/plan/unit.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

static const char *const kinds[] = {
	N_("rate (%)"), N_("count"), N_("reduction (%)"), N_("rank"), N_("yes/no"),
};
/* By its kind, then enum target_horizon. */
static const char *const horizons[] = {
	N_("as its kind"), N_("each period"), N_("at the year's end"), N_("at the phase's end"),
};
/* By enum comparator: the sign and its word, since "< ≥ >" alone reads
 * as the chooser's arrows. */
static const char *const comparators[] = {
	N_("> above"), N_("≥ at least"), N_("< below"), N_("≤ at most"), N_("= exactly"),
};

/* What the form edits: the target as loaded (id 0 for a new one). */
struct target_edit {
	struct target_input target;
	int fsection, ftext, fkind, fcmp, fvalue, fphases, fhorizon, fbaseline, fnum, fden, flead;
	int64_t *section_ids;
	const char **section_names;	/* the section choice's labels */
};

static void
free_edit(void *p)
{
	struct target_edit *e = p;

	if (e == NULL)
		return;
	free(e->section_ids);
	free(e->section_names);
	free(e);
}

static int
save_target(struct app *app, struct form *f, struct err *err)
{
	struct target_edit *e = f->record;
	struct target_input t = e->target;
	int horizon;

	t.section_id = e->section_ids[form_choice(f, e->fsection)];
	t.text = form_text(f, e->ftext);
	t.rule.kind = (enum target_kind)form_choice(f, e->fkind);
	/* Hidden for a yes/no, the comparator keeps "≥": "có" is met by "có"
	 * and settles before the year's end. */
	t.rule.cmp = (enum comparator)form_choice(f, e->fcmp);
	if (target_read_planned(t.rule.kind, form_text(f, e->fvalue), &t.rule.value, &t.rule.cmp, err,
	    TF_VALUE, f->fields[e->fvalue].label) != 0 ||
	    validate_number(form_text(f, e->fbaseline), false, 0, 1e12, &t.rule.baseline,
	    &t.rule.has_baseline, err, TF_BASELINE, f->fields[e->fbaseline].label) != 0)
		return -1;
	t.phase_values = form_text(f, e->fphases);
	horizon = form_choice(f, e->fhorizon);
	t.has_horizon = horizon > 0;
	t.horizon = t.has_horizon ? (enum target_horizon)(horizon - 1) : HORIZON_PERIOD;
	t.numerator_label = t.rule.kind == TARGET_YESNO ? "" : form_text(f, e->fnum);
	t.denominator_label = t.rule.kind == TARGET_YESNO ? "" : form_text(f, e->fden);
	if (form_unit_id(app, form_text(f, e->flead), TF_LEAD_UNIT, f->fields[e->flead].label,
	    &t.lead_unit_id, err) != 0)
		return -1;
	return target_save(app->db, &t, NULL, err);
}

/* Each kind shows only the fields it reads: a yes/no target needs no
 * comparator, only a rate has a numerator and a denominator, only a
 * reduction a figure before.  A hidden field keeps its text, so a save
 * loses nothing the clerk typed before changing the kind. */
static void
changed(struct app *app, struct form *f, int field)
{
	struct target_edit *e = f->record;
	int kind = form_choice(f, e->fkind);

	(void)app;
	(void)field;
	f->fields[e->fcmp].hidden = kind == TARGET_YESNO;
	f->fields[e->fnum].hidden = kind != TARGET_RATE;
	f->fields[e->fden].hidden = kind != TARGET_RATE;
	f->fields[e->fbaseline].hidden = kind != TARGET_REDUCTION;
}

struct screen *
target_form_new(struct app *app, const struct target *t, int section)
{
	struct target_edit *e = calloc(1, sizeof *e);
	struct screen *s;
	struct form *f;
	char value[32] = "", baseline[32] = "";
	char *values = t != NULL ? phase_values_text(app->db, t->id) : NULL;
	int sel = 0;

	if (e == NULL || (e->section_ids = calloc(app->nsections, sizeof *e->section_ids)) == NULL ||
	    (e->section_names = calloc(app->nsections, sizeof *e->section_names)) == NULL) {
		free_edit(e);
		free(values);
		return NULL;
	}
	if (t != NULL) {
		e->target = target_input_of(t);
		if (t->rule.kind == TARGET_YESNO)
			snprintf(value, sizeof value, "%s", t->rule.value != 0 ? _("Yes") : _("No"));
		else
			number_format_2(t->rule.value, value, sizeof value);
		if (t->rule.has_baseline)
			number_format_2(t->rule.baseline, baseline, sizeof baseline);
	} else {
		e->target.plan_id = app->plan.id;
		e->target.rule.kind = TARGET_RATE;
		e->target.rule.cmp = CMP_GE;
	}
	for (int i = 0; i < app->nsections; i++) {
		e->section_ids[i] = app->sections[i].id;
		e->section_names[i] = app->sections[i].short_title;
		if (t != NULL ? app->sections[i].id == t->section_id : i == section)
			sel = i;
	}
	s = form_new(t ? _("Edit the target") : _("New target"), save_target, e, free_edit);
	if (s == NULL) {
		free(values);
		return NULL;
	}
	f = form_of(s);
	/* A unit typed that no one has entered yet is offered to add. */
	f->add_units = true;
	/* The section names are data, not msgids: _() leaves them as they are. */
	e->fsection = form_add_choice(f, _("Section"), TF_SECTION, e->section_names, app->nsections, sel);
	e->ftext = form_add_text(f, _("Target"), TF_TEXT, t ? t->text : NULL, true);
	e->fkind = form_add_choice(f, _("Kind"), TF_KIND, kinds, 5, e->target.rule.kind);
	e->fcmp = form_add_choice(f, _("Comparator"), TF_COMPARATOR, comparators, 5, e->target.rule.cmp);
	e->fvalue = form_add_text(f, _("Planned value"), TF_VALUE, value, false);
	e->fbaseline = form_add_text(f, _("Baseline"), TF_BASELINE, baseline, false);
	form_set_note(f, e->fcmp, _("How the result meets the plan: ≥ at least, ≤ at most, > above, < below"));
	form_set_note(f, e->fbaseline, _("A reduction's figure before (20 days); empty: the result is the %"));
	e->fnum = form_add_text(f, _("Numerator is"), TF_NUMERATOR_LABEL, t ? t->numerator_label : NULL, false);
	e->fden = form_add_text(f, _("Denominator is"), TF_DENOMINATOR_LABEL, t ? t->denominator_label : NULL, false);
	e->flead = form_add_unit(f, _("Lead unit"), TF_LEAD_UNIT, t ? t->lead_unit : NULL, false);
	/* By phase ("2026-2027: 80") and for the interim reports ("6T: 5"). */
	e->fphases = form_add_text(f, _("Values by period"), TF_PHASE_VALUES, values, false);
	e->fhorizon = form_add_choice(f, _("Judged"), TF_HORIZON, horizons, 4,
	    e->target.has_horizon ? (int)e->target.horizon + 1 : 0);
	/* Terms a new clerk guessed at from the manual (walk-through). */
	form_set_note(f, e->fnum, _("What the numerator counts: \"hồ sơ đúng hạn\""));
	form_set_note(f, e->fphases, _("A report's plan if not the year's: \"6T: 5\"; by phase: \"2026-2027: 80\""));
	form_set_note(f, e->fhorizon, _("When a result is judged against the plan: each report, or only at the year's end"));
	free(values);
	f->changed = changed;
	changed(app, f, e->fkind);
	return s;
}
