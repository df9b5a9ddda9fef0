/* SIPAS: the forms of a round, listed one a row as the digits typed, to
 * find a form typed wrong: Del deletes it, Enter opens it in the fast entry
 * to be corrected (Enter or Down keeps an answer, a digit changes it, Up
 * goes back, F2 or Enter after the last answer saves), the round's index
 * beside them. */
#include "ui/app.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/sipas/sipas.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"
#include "ui/screen.h"
#include "ui/sipas.h"

struct forms_data {
	struct sipas_round round;
	struct sipas_questionnaire q;
	struct sipas_form *forms;	/* in number order */
	int n;
	bool has_index;
	double index;
	char found[16];		/* the text searched in: a form's number */
};

static void
forms_free(struct screen *s)
{
	struct forms_data *d = s->data;

	if (d == NULL)
		return;
	sipas_round_free(&d->round);
	sipas_questionnaire_free(&d->q);
	free(d->forms);
	free(d);
	s->data = NULL;
}

static int
forms_load(struct app *app, struct screen *s)
{
	struct forms_data *d = s->data;
	int rc;

	free(d->forms);
	rc = sipas_form_list(app->db, &d->q, d->round.id, &d->forms, &d->n);
	d->round.forms = d->n;
	list_fit(&s->list, d->n);
	if (rc != 0 || sipas_round_index(app->db, d->round.id, &d->has_index, &d->index) != 0) {
		app_fail_db(app);
		return -1;
	}
	return 0;
}

static bool
starts_element(const struct sipas_questionnaire *q, int question)
{
	for (int e = 0; e < q->nelements; e++)
		if (q->elements[e].first == question)
			return true;
	return false;
}

/* A form as typed, the fields apart and the elements spaced: "1 2 |
 * 5 5 4  0 3" (at 80 columns room for 8 fields and 20 answers or more). */
static void
form_digits(const struct sipas_questionnaire *q, const struct sipas_form *f, char *buf,
    size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < q->nfields && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%d ", f->fields[i]);
	if (q->nfields > 0 && len < size)
		len += (size_t)snprintf(buf + len, size - len, "| ");
	for (int i = 0; i < q->nquestions && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%d",
		    i == 0 ? "" : starts_element(q, i) ? "  " : " ", f->answers[i]);
}

/* The index as screens show numbers ("73,33%"), or "—". */
static void
index_text(bool has, double v, char *buf, size_t size)
{
	if (has)
		number_format_percent(v, false, buf, size);
	else
		snprintf(buf, size, "—");
}

#define W_NUMBER 6

static void
forms_draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct forms_data *d = s->data;
	char line[512], index[40];
	int index_w;

	index_text(d->has_index, d->index, index, sizeof index);
	snprintf(line, sizeof line, _("Overall index: %s"), index);
	index_w = text_width(line);
	draw_text_right(y, cols - index_w - 1, line, index_w, A_BOLD);
	snprintf(line, sizeof line, _("Forms of %s (%d)"), d->round.name, d->n);
	draw_text(y, 1, line, cols - index_w - 3, A_BOLD);
	draw_text(y + 1, 1, _("Enter: correct the form   Del: delete it   a: type new forms"),
	    cols - 1, draw_attr(COLOR_WARN));
	draw_text_right(y + 2, 1, _("Form #"), W_NUMBER, A_BOLD | A_UNDERLINE);
	draw_text(y + 2, W_NUMBER + 3, d->q.nfields ? _("Respondent fields | answers, by element") :
	    _("Answers, by element"), cols - W_NUMBER - 4, A_BOLD | A_UNDERLINE);
	list_scroll(&s->list, rows - 3);
	for (int r = 0; r < rows - 3 && s->list.top + r < d->n; r++) {
		int i = s->list.top + r;
		char digits[256];

		form_digits(&d->q, &d->forms[i], digits, sizeof digits);
		snprintf(line, sizeof line, "%*d  %s", W_NUMBER, d->forms[i].number, digits);
		draw_text(y + 3 + r, 1, line, cols - 2, i == s->list.selected ? A_REVERSE : A_NORMAL);
	}
}

static const struct sipas_form *
selected_form(struct screen *s)
{
	struct forms_data *d = s->data;

	return d->n > 0 ? &d->forms[s->list.selected] : NULL;
}

static void
correct_form(struct app *app, struct screen *s, enum action a)
{
	struct forms_data *d = s->data;
	struct screen *e;

	if (selected_form(s) != NULL && app_may_write(app) &&
	    (e = sipas_entry_new(app, &d->round, selected_form(s))) != NULL)
		app_push(app, e);
}

static void
add_forms(struct app *app, struct screen *s, enum action a)
{
	struct forms_data *d = s->data;
	struct screen *e;

	if (app_may_write(app) && (e = sipas_entry_new(app, &d->round, NULL)) != NULL)
		app_push(app, e);
}

static void
delete_form_confirmed(struct app *app, struct screen *s)
{
	struct forms_data *d = s->data;
	int number = selected_form(s)->number;
	struct trash *undo;

	if (sipas_form_delete(app->db, d->round.id, number, &undo) != 0) {
		app_fail_db(app);
		return;
	}
	app_keep_trash(app, undo);
	forms_load(app, s);
	app_message(app, COLOR_GOOD, _("Form %d deleted. u: undo"), number);
}

static void
delete_form(struct app *app, struct screen *s, enum action a)
{
	char q[256];

	if (selected_form(s) == NULL)
		return;
	snprintf(q, sizeof q, _("Delete form %d? y: delete, other key: keep"),
	    selected_form(s)->number);
	app_confirm(app, q, delete_form_confirmed);
}

static const char *
form_number_text(struct screen *s, int i)
{
	struct forms_data *d = s->data;

	snprintf(d->found, sizeof d->found, "%d", d->forms[i].number);
	return d->found;
}

static const struct binding forms_bindings[] = {
	{ ACT_EDIT, correct_form, true },
	{ ACT_OPEN, correct_form, false },
	{ ACT_DELETE, delete_form, true },
	{ ACT_ADD, add_forms, true },
	LIST_BINDINGS(true),
};

const struct screen_type forms_type = {
	N_("Survey forms"), forms_bindings, sizeof forms_bindings / sizeof forms_bindings[0],
	forms_draw, forms_load, forms_free, NULL, form_number_text,
};

struct screen *
sipas_forms_new(struct app *app, const struct sipas_round *r)
{
	struct screen *s = screen_new_data(&forms_type, sizeof (struct forms_data));
	struct forms_data *d;

	if (s == NULL)
		return NULL;
	d = s->data;
	if (sipas_round_get(app->db, r->id, &d->round) != 1 ||
	    sipas_questionnaire_load(app->db, r->questionnaire_id, &d->q) != 0 ||
	    forms_load(app, s) != 0) {
		app_fail_db(app);
		screen_free(s);
		return NULL;
	}
	return s;
}
