/* SIPAS: the form of a survey round -- its name, questionnaire, days,
 * and the service or unit it covers. */
#include "ui/app.h"

#include <stdlib.h>

#include "core/plan/validate.h"
#include "core/sipas/sipas.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "ui/form.h"
#include "ui/screens.h"
#include "ui/sipas.h"

struct round_edit {
	int64_t id;
	struct sipas_name *names;	/* the questionnaires */
	int nnames;
	const char **choices;
	int fname, fquestionnaire, ffrom, fto, fservice, funit;
};

static void
round_edit_free(void *p)
{
	struct round_edit *e = p;

	sipas_names_free(e->names, e->nnames);
	free(e->choices);
	free(e);
}

static int
save_round(struct app *app, struct form *f, struct err *err)
{
	struct round_edit *e = f->record;
	struct sipas_round_input r = { .id = e->id };

	r.name = form_text(f, e->fname);
	r.service = form_text(f, e->fservice);
	r.questionnaire_id = e->nnames ? e->names[form_choice(f, e->fquestionnaire)].id : 0;
	if (validate_date(form_text(f, e->ffrom), r.date_from, err, SRF_FROM,
	    f->fields[e->ffrom].label) != 0 ||
	    validate_date(form_text(f, e->fto), r.date_to, err, SRF_TO,
	    f->fields[e->fto].label) != 0 ||
	    form_unit_id(app, form_text(f, e->funit), SRF_UNIT, f->fields[e->funit].label,
	    &r.unit_id, err) != 0)
		return -1;
	return sipas_round_save(app->db, &r, NULL, err);
}

struct screen *
sipas_round_form_new(struct app *app, const struct sipas_round *r)
{
	struct round_edit *e = calloc(1, sizeof *e);
	int64_t chosen = r ? r->questionnaire_id : sipas_default_questionnaire(app->db);
	char from[11] = "", to[11] = "";
	struct screen *s;
	struct form *f;
	int selected = 0;

	if (e == NULL)
		return NULL;
	if (chosen < 0 || sipas_questionnaire_list(app->db, &e->names, &e->nnames) != 0 ||
	    e->nnames == 0 || (e->choices = calloc((size_t)e->nnames, sizeof *e->choices)) == NULL) {
		app_fail_db(app);
		round_edit_free(e);
		return NULL;
	}
	for (int i = 0; i < e->nnames; i++) {
		e->choices[i] = e->names[i].name;
		if (e->names[i].id == chosen)
			selected = i;
	}
	if (r != NULL) {
		e->id = r->id;
		date_iso_to_vn(r->date_from, from);
		date_iso_to_vn(r->date_to, to);
	}
	if ((s = form_new(r ? _("Edit the survey round") : _("New survey round"), save_round, e,
	    round_edit_free)) == NULL)
		return NULL;
	f = form_of(s);
	e->fname = form_add_text(f, _("Name"), SRF_NAME, r ? r->name : NULL, false);
	e->fquestionnaire = form_add_choice(f, _("Questionnaire"), SRF_QUESTIONNAIRE,
	    e->choices, e->nnames, selected);
	e->ffrom = form_add_text(f, _("From"), SRF_FROM, from, false);
	e->fto = form_add_text(f, _("To"), SRF_TO, to, false);
	e->fservice = form_add_text(f, _("Service"), SRF_SERVICE, r ? r->service : NULL, false);
	e->funit = form_add_unit(f, _("Unit"), SRF_UNIT, r ? r->unit : NULL, false);
	return s;
}
