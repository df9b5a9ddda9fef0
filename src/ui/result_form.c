/* The result of a target for the period shown: numerator and denominator
 * for a rate (the app computes it) or the rate itself ("90%"), else the
 * value ("có" / "không" for yes/no); the verdict shows as
 * the figures are typed. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/result.h"
#include "core/plan/validate.h"
#include "core/report/report.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

struct result_edit {
	struct target target;	/* a copy: its strings belong to the list */
	int fnum, fden, fvalue, fevidence, fnote;
};

/* Reads the figures typed so far; false when one cannot be read. */
static bool
read_measure(struct form *f, const struct result_edit *e, struct measure *m, struct err *err)
{
	struct err ignore;

	return result_read(e->target.rule.kind, e->fnum >= 0 ? form_text(f, e->fnum) : "",
	    e->fden >= 0 ? form_text(f, e->fden) : "", e->fvalue >= 0 ? form_text(f, e->fvalue) : "",
	    m, err != NULL ? err : &ignore) == 0;
}

/* The computed figure and the verdict, under the last figure field. */
static void
changed(struct app *app, struct form *f, int field)
{
	struct result_edit *e = f->record;
	int hint_field = e->fnum >= 0 ? e->fden : e->fvalue;
	char *hint = f->fields[hint_field].hint, figure[64];
	struct target t = e->target;

	/* A rate's fields say what they count, from the target. */
	if (e->fnum >= 0)
		snprintf(f->fields[e->fnum].hint, sizeof f->fields[0].hint, "%s", t.numerator_label);
	snprintf(hint, sizeof f->fields[0].hint, "%s", e->fnum >= 0 ? t.denominator_label : "");
	if (!read_measure(f, e, &t.result.measure, NULL))
		return;
	t.has_result = true;
	target_result_text(&t, figure, sizeof figure);
	if (figure[0] == '\0')
		return;
	snprintf(hint + strlen(hint), sizeof f->fields[0].hint - strlen(hint), "%s→ %s · %s",
	    *hint ? "  " : "", figure, report_verdict_label(evaluate_interim(&t.rule, &t.result.measure, t.final)));
}

static int
save_result(struct app *app, struct form *f, struct err *err)
{
	struct result_edit *e = f->record;
	struct measure m;

	if (!read_measure(f, e, &m, err))
		return -1;
	return result_save(app->db, &e->target, app->year, app->period, &m,
	    form_text(f, e->fevidence), form_text(f, e->fnote), err);
}

struct screen *
result_form_new(struct app *app, const struct target *t)
{
	struct result_edit *e = calloc(1, sizeof *e);
	const struct measure *m = &t->result.measure;
	char title[512], period[64], a[32], b[32];
	struct screen *s;
	struct form *f;

	if (e == NULL)
		return NULL;
	e->target = *t;
	report_period_label(app->year, app->period, period, sizeof period);
	snprintf(title, sizeof title, _("Result for %s: %s"), period, t->text);
	if ((s = form_new(title, save_result, e, free)) == NULL)
		return NULL;
	f = form_of(s);
	f->changed = changed;
	e->fnum = e->fden = e->fvalue = -1;
	if (t->rule.kind == TARGET_RATE) {
		number_format_opt(t->has_result && m->has_numerator, m->numerator, a, sizeof a);
		number_format_opt(t->has_result && m->has_denominator, m->denominator, b, sizeof b);
		/* A rate typed directly comes back as typed. */
		if (t->has_result && !m->has_numerator && m->has_value) {
			number_format_opt(true, m->value, a, sizeof a - 1);
			strcat(a, "%");
		}
		e->fnum = form_add_text(f, _("Numerator"), RF_NUMERATOR, a, false);
		e->fden = form_add_text(f, _("Denominator"), RF_DENOMINATOR, b, false);
	} else {
		number_format_opt(t->has_result && m->has_value, m->value, a, sizeof a);
		if (t->rule.kind == TARGET_YESNO && t->has_result && m->has_value)
			snprintf(a, sizeof a, "%s", m->value != 0 ? _("Yes") : _("No"));
		e->fvalue = form_add_text(f, result_value_label(t->rule.kind), RF_VALUE, a, false);
	}
	e->fevidence = form_add_text(f, _("Evidence"), RF_EVIDENCE, t->has_result ? t->result.evidence : NULL, false);
	e->fnote = form_add_text(f, _("Note"), RF_NOTE, t->has_result ? t->result.note : NULL, false);
	changed(app, f, 0);
	return s;
}
