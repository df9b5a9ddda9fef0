/* The forms of the plan's header and of the office. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/phase.h"
#include "core/plan/plan.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/office.h"
#include "core/text/i18n.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

struct plan_edit {
	struct plan_input plan;	/* id only */
	int fnumber, ftitle, fissuer, fsigner, fdate, ffrom, fto, fphases;
};

static int
read_year(struct form *f, int field, int id, int *year, struct err *err)
{
	double v;
	bool has;

	if (validate_number(form_text(f, field), true, 1990, 2200, &v, &has, err, id,
	    f->fields[field].label) != 0)
		return -1;
	*year = (int)v;
	return 0;
}

static int
save_plan(struct app *app, struct form *f, struct err *err)
{
	struct plan_edit *e = f->record;
	struct plan_input p = e->plan;
	int64_t id;
	char iso[11];

	p.number = form_text(f, e->fnumber);
	p.title = form_text(f, e->ftitle);
	p.issuer = form_text(f, e->fissuer);
	p.signer = form_text(f, e->fsigner);
	p.phases = form_text(f, e->fphases);
	if (validate_date_or_month(form_text(f, e->fdate), p.issue_date, err, PF_ISSUE_DATE,
	    f->fields[e->fdate].label) != 0)
		return -1;
	/* Accepted, but not as a whole date: a month. */
	p.issue_date_month = *p.issue_date != '\0' &&
	    validate_date(form_text(f, e->fdate), iso, NULL, PF_ISSUE_DATE, "") != 0;
	if (read_year(f, e->ffrom, PF_YEAR_FROM, &p.year_from, err) != 0 ||
	    read_year(f, e->fto, PF_YEAR_TO, &p.year_to, err) != 0 ||
	    plan_save(app->db, &p, &id, err) != 0)
		return -1;
	if (app_reload(app, id) != 0)
		return err_db(err, app->db);
	return 0;
}

struct screen *
plan_form_new(struct app *app, bool new_plan)
{
	struct plan_edit *e = calloc(1, sizeof *e);
	const struct plan *p = new_plan || !app->has_plan ? NULL : &app->plan;
	char date[32] = "", from[8] = "", to[8] = "", *phases;
	struct screen *s;
	struct form *f;

	if (e == NULL)
		return NULL;
	/* "2026–2027; 2028–2030": the form edits them as text. */
	phases = p != NULL ? phase_text(app->db, p->id) : strdup("");
	if (p != NULL) {
		e->plan.id = p->id;
		plan_date_text(p, date, sizeof date);
		snprintf(from, sizeof from, "%d", p->year_from);
		snprintf(to, sizeof to, "%d", p->year_to);
	} else {
		snprintf(from, sizeof from, "%d", date_today().year);
		snprintf(to, sizeof to, "%d", date_today().year);
	}
	if ((s = form_new(p ? _("Edit the plan") : _("New plan"), save_plan, e, free)) == NULL) {
		free(phases);
		return NULL;
	}
	f = form_of(s);
	e->fnumber = form_add_text(f, _("Number"), PF_NUMBER, p ? p->number : NULL, false);
	e->ftitle = form_add_text(f, _("Title"), PF_TITLE, p ? p->title : NULL, true);
	e->fissuer = form_add_text(f, _("Issued by"), PF_ISSUER,
	    p ? p->issuer : app->has_office ? app->office.name : NULL, false);
	e->fdate = form_add_text(f, _("Issue date"), PF_ISSUE_DATE, date, false);
	form_set_note(f, e->fdate, _("dd/mm/yyyy, or the month alone as documents write it: 4/2026"));
	e->ffrom = form_add_text(f, _("From year"), PF_YEAR_FROM, from, false);
	e->fto = form_add_text(f, _("To year"), PF_YEAR_TO, to, false);
	e->fsigner = form_add_text(f, _("Signed by"), PF_SIGNER, p ? p->signer : NULL, false);
	e->fphases = form_add_text(f, _("Phases"), PF_PHASES, phases, false);
	free(phases);
	return s;
}

/* The office: name, kind, province. */

/* The office form's field numbers, for its errors. */
enum { OF_NAME, OF_KIND, OF_PROVINCE };

struct office_edit {
	int fname, fkind, fprovince;
};

/* The texts go through field_text like every record's: blanks around
 * them, invalid UTF-8, control characters and 60,000-byte pastes are
 * refused on the field, not stored. */
static int
save_office(struct app *app, struct form *f, struct err *err)
{
	struct office_edit *e = f->record;
	const char *label = f->fields[e->fname].label;
	char *name = field_text(form_text(f, e->fname), err, OF_NAME, label), *province = NULL;
	int rc = -1;

	if (name == NULL || (province = field_text(form_text(f, e->fprovince), err, OF_PROVINCE,
	    f->fields[e->fprovince].label)) == NULL)
		goto out;
	if (*name == '\0') {
		err_set(err, OF_NAME, _("%s is required"), label);
		goto out;
	}
	if (db_begin(app->db) != 0) {
		err_db(err, app->db);
		goto out;
	}
	if (office_put(app->db, name, office_kind_codes[form_choice(f, e->fkind)], province) != 0 ||
	    db_commit(app->db) != 0) {
		err_db(err, app->db);
		db_rollback(app->db);
		goto out;
	}
	if ((rc = app_reload(app, app->has_plan ? app->plan.id : 0)) != 0)
		err_db(err, app->db);
out:
	free(name);
	free(province);
	return rc;
}

struct screen *
office_form_new(struct app *app)
{
	struct office_edit *e = calloc(1, sizeof *e);
	struct screen *s;
	struct form *f;
	int kind = 0;

	if (e == NULL)
		return NULL;
	for (int i = 0; app->has_office && i < OFFICE_KINDS; i++)
		if (strcmp(app->office.kind, office_kind_codes[i]) == 0)
			kind = i;
	if ((s = form_new(_("The office"), save_office, e, free)) == NULL)
		return NULL;
	f = form_of(s);
	e->fname = form_add_text(f, _("Name"), OF_NAME, app->has_office ? app->office.name : NULL, false);
	e->fkind = form_add_choice(f, _("Kind"), OF_KIND, office_kind_names, OFFICE_KINDS, kind);
	e->fprovince = form_add_text(f, _("Province"), OF_PROVINCE, app->has_office ? app->office.province : NULL, false);
	return s;
}
