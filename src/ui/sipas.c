/* SIPAS: the survey rounds, the fast entry of their paper forms, and their
 * results.
 *
 * Fast entry is built for typing a pile of forms without looking up: one
 * form a page, one key an answer.  The form number comes first (the next
 * free one is proposed: Enter takes it), then one digit per respondent field
 * and per question; the cursor moves on by itself, Backspace or Up goes back
 * one answer, Down forward over those typed, and after the last answer a
 * line asks for Enter, which saves the form (one transaction) and starts
 * the next one -- so a wrong last key is still taken back with Backspace.
 * A key that is not an answer beeps and changes nothing.
 *
 * The forms of a round are listed one a row, as the digits typed, to find
 * a form typed wrong: Del deletes it, Enter opens it in the fast entry to
 * be corrected (Enter or Down keeps an answer, a digit changes it, Up goes
 * back, F2 or Enter after the last answer saves), the round's index beside
 * them. */
#include "ui/app.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/number.h"
#include "core/sipas.h"
#include "core/text.h"
#include "core/validate.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

struct screen *sipas_new(struct app *app);

static struct screen *forms_new(struct app *app, const struct sipas_round *r);
static struct screen *entry_new(struct app *app, const struct sipas_round *r,
    const struct sipas_form *correct);
static struct screen *results_new(struct app *app, int64_t round, int64_t compare);

/* ---- the rounds ------------------------------------------------------ */

struct rounds_data {
	struct sipas_round *rounds;
	int n;
};

static void
rounds_free(struct screen *s)
{
	struct rounds_data *d = s->data;

	if (d != NULL)
		sipas_rounds_free(d->rounds, d->n);
	free(d);
	s->data = NULL;
}

static int
rounds_load(struct app *app, struct screen *s)
{
	struct rounds_data *d = calloc(1, sizeof *d);

	rounds_free(s);
	if (d == NULL)
		return -1;
	s->data = d;
	if (sipas_round_list(app->db, &d->rounds, &d->n) != 0) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		return -1;
	}
	list_fit(&s->list, d->n);
	return 0;
}

#define W_DATES 23
#define W_FORMS 7

static void
rounds_draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct rounds_data *d = s->data;
	int name_w = (cols - W_DATES - W_FORMS - 3) / 2, cover_w = cols - 3 - name_w - W_DATES - W_FORMS;
	char line[160];

	snprintf(line, sizeof line, _("Satisfaction survey rounds (%d)"), d ? d->n : 0);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	draw_text(y + 1, 1, _("Enter: type the forms   f: see and correct them   r: results   "
	    "a: new round"), cols - 1, draw_attr(COLOR_WARN));
	draw_cell(y + 2, 1, _("Round"), name_w + 1, A_BOLD | A_UNDERLINE);
	draw_cell(y + 2, 2 + name_w, _("Days"), W_DATES + 1, A_BOLD | A_UNDERLINE);
	draw_cell(y + 2, 3 + name_w + W_DATES, _("Covers"), cover_w + 1, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 2, cols - W_FORMS - 1, _("Forms"), W_FORMS, A_BOLD | A_UNDERLINE);
	if (d == NULL)
		return;
	list_scroll(&s->list, rows - 3);
	for (int r = 0; r < rows - 3 && s->list.top + r < d->n; r++) {
		const struct sipas_round *rd = &d->rounds[s->list.top + r];
		attr_t a = s->list.top + r == s->list.selected ? A_REVERSE : A_NORMAL;
		char from[11], to[11], days[32], cover[512], forms[16];

		date_iso_to_vn(rd->date_from, from);
		date_iso_to_vn(rd->date_to, to);
		snprintf(days, sizeof days, "%s%s%s", from, from[0] || to[0] ? " – " : "", to);
		snprintf(cover, sizeof cover, "%s%s%s", rd->service,
		    rd->service[0] && rd->unit[0] ? "; " : "", rd->unit);
		snprintf(forms, sizeof forms, "%d", rd->forms);
		draw_cell(y + 3 + r, 1, rd->name, name_w + 1, a);
		draw_cell(y + 3 + r, 2 + name_w, days, W_DATES + 1, a);
		draw_cell(y + 3 + r, 3 + name_w + W_DATES, cover, cover_w + 1, a);
		draw_text_right(y + 3 + r, cols - W_FORMS - 1, forms, W_FORMS, a);
	}
}

/* The round's form. */
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
save_round(struct app *app, struct form *f, struct field_error *err)
{
	struct round_edit *e = f->record;
	struct sipas_round r = { .id = e->id };

	r.name = (char *)form_text(f, e->fname);
	r.service = (char *)form_text(f, e->fservice);
	r.questionnaire_id = e->nnames ? e->names[form_choice(f, e->fquestionnaire)].id : 0;
	if (validate_date(form_text(f, e->ffrom), r.date_from, err, SRF_FROM,
	    f->fields[e->ffrom].label) != 0 ||
	    validate_date(form_text(f, e->fto), r.date_to, err, SRF_TO,
	    f->fields[e->fto].label) != 0 ||
	    form_unit_id(app, form_text(f, e->funit), SRF_UNIT, f->fields[e->funit].label,
	    &r.unit_id, err) != 0)
		return -1;
	return sipas_round_save(app->db, &r, err);
}

static struct screen *
round_form_new(struct app *app, const struct sipas_round *r)
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
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
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

static const struct sipas_round *
selected_round(struct screen *s)
{
	struct rounds_data *d = s->data;

	return d != NULL && d->n > 0 ? &d->rounds[s->list.selected] : NULL;
}

static void
add_round(struct app *app, struct screen *s, enum action a)
{
	struct screen *f = round_form_new(app, NULL);

	if (f != NULL)
		app_push(app, f);
}

static void
edit_round(struct app *app, struct screen *s, enum action a)
{
	struct screen *f;

	if (selected_round(s) != NULL && (f = round_form_new(app, selected_round(s))) != NULL)
		app_push(app, f);
}

static void
open_entry(struct app *app, struct screen *s, enum action a)
{
	struct screen *e;

	if (selected_round(s) == NULL) {
		app_message(app, COLOR_WARN, "%s", _("No survey round yet: a adds one."));
		return;
	}
	if (app_may_write(app) && (e = entry_new(app, selected_round(s), NULL)) != NULL)
		app_push(app, e);
}

static void
open_forms(struct app *app, struct screen *s, enum action a)
{
	struct screen *f;

	if (selected_round(s) != NULL && (f = forms_new(app, selected_round(s))) != NULL)
		app_push(app, f);
}

/* Results beside the round before it with the same questionnaire (the
 * list is latest first). */
static void
open_results(struct app *app, struct screen *s, enum action a)
{
	struct rounds_data *d = s->data;
	const struct sipas_round *r = selected_round(s);
	int64_t compare = 0;
	struct screen *res;

	if (r == NULL)
		return;
	for (int i = s->list.selected + 1; i < d->n && compare == 0; i++)
		if (d->rounds[i].questionnaire_id == r->questionnaire_id)
			compare = d->rounds[i].id;
	if ((res = results_new(app, r->id, compare)) != NULL)
		app_push(app, res);
}

static void
delete_confirmed(struct app *app, struct screen *s)
{
	if (sipas_round_delete(app->db, selected_round(s)->id) != 0) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		return;
	}
	rounds_load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Survey round deleted."));
}

static void
delete_round(struct app *app, struct screen *s, enum action a)
{
	const struct sipas_round *r = selected_round(s);
	char q[256];

	if (r == NULL)
		return;
	snprintf(q, sizeof q, _("Delete this round and its %d forms? y: delete, other key: keep"),
	    r->forms);
	app_confirm(app, q, delete_confirmed);
}

static const char *
round_text(struct screen *s, int i)
{
	struct rounds_data *d = s->data;

	return d->rounds[i].name;
}

static const struct binding rounds_bindings[] = {
	{ ACT_OPEN, open_entry, true },
	{ ACT_FORMS, open_forms, true },
	{ ACT_RESULT, open_results, true },
	{ ACT_ADD, add_round, true },
	{ ACT_EDIT, edit_round, true },
	{ ACT_DELETE, delete_round, true },
	{ ACT_SEARCH, screen_search, false },
	{ ACT_NEXT_MATCH, screen_next_match, false },
	{ ACT_BACK, screen_back, true },
	{ ACT_PAGE_UP, screen_list_action, false },
	{ ACT_PAGE_DOWN, screen_list_action, false },
	{ ACT_UP, screen_list_action, false },
	{ ACT_DOWN, screen_list_action, false },
	{ ACT_HOME, screen_list_action, false },
	{ ACT_END, screen_list_action, false },
};

const struct screen_type rounds_type = {
	N_("Satisfaction surveys (SIPAS)"), rounds_bindings,
	sizeof rounds_bindings / sizeof rounds_bindings[0], rounds_draw, rounds_load, rounds_free,
	NULL, round_text,
};

struct screen *
sipas_new(struct app *app)
{
	struct screen *s = screen_new(&rounds_type);

	if (s != NULL)
		rounds_load(app, s);
	return s;
}

/* ---- the forms of a round ------------------------------------------- */

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
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
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
	    (e = entry_new(app, &d->round, selected_form(s))) != NULL)
		app_push(app, e);
}

static void
add_forms(struct app *app, struct screen *s, enum action a)
{
	struct forms_data *d = s->data;
	struct screen *e;

	if (app_may_write(app) && (e = entry_new(app, &d->round, NULL)) != NULL)
		app_push(app, e);
}

static void
delete_form_confirmed(struct app *app, struct screen *s)
{
	struct forms_data *d = s->data;
	int number = selected_form(s)->number;
	struct trash *undo;

	if (sipas_form_delete(app->db, d->round.id, number, &undo) != 0) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
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

static struct screen *
forms_new(struct app *app, const struct sipas_round *r)
{
	struct screen *s = screen_new_data(&forms_type, sizeof (struct forms_data));
	struct forms_data *d;

	if (s == NULL)
		return NULL;
	d = s->data;
	if (sipas_round_get(app->db, r->id, &d->round) != 1 ||
	    sipas_questionnaire_load(app->db, r->questionnaire_id, &d->q) != 0 ||
	    forms_load(app, s) != 0) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		screen_free(s);
		return NULL;
	}
	return s;
}

/* ---- fast entry ------------------------------------------------------ */

struct entry {
	struct sipas_questionnaire q;
	int64_t round;
	char *round_name;
	struct sipas_form form;
	/* 0: the form number; 1..nfields: the respondent fields; then the
	 * questions; steps(): all typed, Enter saves. */
	int step;
	int reached;		/* steps below it are typed (shown) */
	char number[10];	/* digits typed; "" takes the proposed number */
	int proposed;
	int count;		/* forms in the round */
	int session;		/* forms saved on this screen */
	int correcting;		/* the number of the form corrected; 0: new forms */
};

static int
steps(const struct entry *e)
{
	return 1 + e->q.nfields + e->q.nquestions;
}

static void
entry_free(struct screen *s)
{
	struct entry *e = s->data;

	if (e == NULL)
		return;
	sipas_questionnaire_free(&e->q);
	free(e->round_name);
	free(e);
	s->data = NULL;
}

/* A new blank form with the next free number proposed. */
static int
next_form(struct app *app, struct entry *e)
{
	memset(&e->form, 0, sizeof e->form);
	e->step = e->reached = 0;
	e->number[0] = '\0';
	if ((e->proposed = sipas_form_next_number(app->db, e->round)) < 0 ||
	    (e->count = sipas_form_count(app->db, e->round)) < 0) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		return -1;
	}
	return 0;
}

static void
save_form(struct app *app, struct entry *e)
{
	struct field_error err;
	int number = e->form.number;

	if ((e->correcting ? sipas_form_replace(app->db, &e->q, e->round, e->correcting, &e->form,
	    &err) : sipas_form_save(app->db, &e->q, e->round, &e->form, &err)) != 0) {
		beep();
		app_message(app, COLOR_BAD, "%s", err.message);
		/* Back to where the fault is: the number, or the answer. */
		e->step = err.field == SFF_NUMBER ? 0 : steps(e) - 1;
		return;
	}
	if (e->correcting) {
		/* Back to the list, reloaded; this frees e. */
		app_pop(app);
		app_message(app, COLOR_GOOD, _("Form %d corrected."), number);
		return;
	}
	e->session++;
	app_message(app, COLOR_GOOD, _("Form %d saved."), number);
	next_form(app, e);
}

static bool
is_enter(int key)
{
	return key == '\r' || key == '\n' || key == KEYFN(KEY_ENTER);
}

static bool
is_backspace(int key)
{
	return key == KEYFN(KEY_BACKSPACE) || key == 127 || key == 8;
}

/* Enter on the form number: the typed one or the proposed one, if it is
 * not already in the round (but the form corrected). */
static bool
accept_number(struct app *app, struct entry *e)
{
	int n = e->number[0] ? atoi(e->number) : e->proposed, exists;

	if (n <= 0)
		return false;
	if ((exists = sipas_form_exists(app->db, e->round, n)) < 0) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		return false;
	}
	if (exists && n != e->correcting) {
		app_message(app, COLOR_BAD, _("Form %d is already entered in this round"), n);
		e->number[0] = '\0';
		return false;
	}
	e->form.number = n;
	e->step = 1;
	app->message[0] = '\0';
	return true;
}

static bool
number_key(struct app *app, struct entry *e, int key)
{
	size_t len = strlen(e->number);

	if (key >= '0' && key <= '9' && len + 1 < sizeof e->number && (len > 0 || key != '0')) {
		e->number[len] = (char)key;
		e->number[len + 1] = '\0';
		return true;
	}
	if (is_backspace(key) && len > 0) {
		e->number[len - 1] = '\0';
		return true;
	}
	if (is_enter(key))
		return accept_number(app, e);
	return false;
}

/* Digit key as the value of the current field or question; false when it
 * is not one of its values. */
static bool
set_value(struct entry *e, int key)
{
	int v = key - '0', i = e->step - 1;

	if (key < '0' || key > '9')
		return false;
	if (i < e->q.nfields) {
		if (!sipas_option_valid(&e->q, i, v))
			return false;
		e->form.fields[i] = v;
	} else {
		if (!sipas_answer_valid(&e->q, v))
			return false;
		e->form.answers[i - e->q.nfields] = v;
	}
	return true;
}

static void
ask_save(struct app *app, struct entry *e)
{
	if (e->step > e->reached)
		e->reached = e->step;
	if (e->step == steps(e))
		app_message(app, COLOR_WARN, _("Enter: save form %d   Backspace: back to the last "
		    "answer"), e->form.number);
}

/* One answer back (delta -1), or on over what is typed (any answer when
 * correcting); false when there is nowhere to go. */
static bool
move_step(struct app *app, struct entry *e, int delta)
{
	if (e->step == 0 || (delta > 0 && (e->step == steps(e) ||
	    (!e->correcting && e->step + 1 > e->reached))))
		return false;
	e->step += delta;
	app->message[0] = '\0';
	ask_save(app, e);
	return true;
}

/* A digit for the current field or question (or, correcting, Enter to
 * keep it), Backspace back, Enter once all is typed to save; false for
 * any other key. */
static bool
answer_key(struct app *app, struct entry *e, int key)
{
	if (is_backspace(key))
		return move_step(app, e, -1);
	if (e->step == steps(e))
		return is_enter(key) ? (save_form(app, e), true) : false;
	if (!(e->correcting && is_enter(key)) && !set_value(e, key))
		return false;
	e->step++;
	app->message[0] = '\0';
	ask_save(app, e);
	return true;
}

static bool
entry_key(struct app *app, struct screen *s, int key)
{
	struct entry *e = s->data;

	/* The screen's keys (Esc, and F2 when correcting) and the global
	 * function keys (F1 help, F10 quit) keep their meaning; Backspace
	 * takes back an answer here, and a letter is never a command. */
	if (!is_backspace(key) && (screen_binding(s->type, key) != NULL ||
	    (key >= KEYFN(0) && global_action(key) != ACT_NONE)))
		return false;
	if (!(e->step == 0 ? number_key(app, e, key) : answer_key(app, e, key)))
		beep();
	return true;
}

static void
entry_move(struct app *app, struct screen *s, enum action a)
{
	if (!move_step(app, s->data, a == ACT_FIELD_UP ? -1 : 1))
		beep();
}

static bool
form_started(const struct entry *e)
{
	return e->step > 0 || e->number[0] != '\0';
}

static void
leave_confirmed(struct app *app, struct screen *s)
{
	app_pop(app);
	if (app->top->type->load != NULL)
		app->top->type->load(app, app->top);
}

/* F2 when correcting: the form saved as it stands. */
static void
save_now(struct app *app, struct screen *s, enum action a)
{
	struct entry *e = s->data;

	if (e->step > 0 || accept_number(app, e))
		save_form(app, e);
}

static void
leave_entry(struct app *app, struct screen *s, enum action a)
{
	if (form_started(s->data))
		app_confirm(app, _("Leave without saving this form? y: leave, other key: keep typing"),
		    leave_confirmed);
	else
		leave_confirmed(app, s);
}

/* The scale or a field's options as "0 Không trả lời · 1 …". */
static void
legend(const struct sipas_option *o, int n, const char *zero, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	if (zero != NULL)
		len += (size_t)snprintf(buf, size, "0 %s", zero);
	for (int i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%d %s", len ? " · " : "", o[i].value,
		    o[i].label);
}

static void
value_text(int v, bool shown, char *buf)
{
	if (shown)
		snprintf(buf, 4, "[%d]", v);
	else
		snprintf(buf, 4, "[ ]");
}

/* The value of step is shown once typed, or from the start when
 * correcting. */
static bool
value_shown(const struct entry *e, int step)
{
	return e->correcting || e->reached > step;
}

static void
entry_draw_head(struct app *app, struct entry *e, int y, int cols)
{
	const char *label = _("Form number:");
	char line[512], num[16];
	int x = 2 + text_width(label);

	snprintf(line, sizeof line, _("Round: %s · %s"), e->round_name, e->q.name);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	if (e->correcting)
		snprintf(line, sizeof line, _("Forms entered: %d   (correcting form %d)"), e->count,
		    e->correcting);
	else
		snprintf(line, sizeof line, _("Forms entered: %d   (this session: %d)"), e->count,
		    e->session);
	draw_text(y + 1, 1, line, cols - 1, draw_attr(COLOR_GOOD) | A_BOLD);
	snprintf(num, sizeof num, "%d", e->step > 0 ? e->form.number : e->proposed);
	draw_text(y + 2, 1, label, x - 1, A_NORMAL);
	if (e->step > 0) {
		draw_text(y + 2, x, num, 10, A_BOLD);
		return;
	}
	draw_text(y + 2, x, e->number[0] ? e->number : num, 10, A_REVERSE);
	app->cursor_y = y + 2;
	app->cursor_x = x + (e->number[0] ? text_width(e->number) : 0);
	draw_text(y + 2, x + 11, e->number[0] ? _("Enter: this number") :
	    _("Enter: this number, or type another"), cols - x - 12, draw_attr(COLOR_WARN));
}

#define CURRENT_ROWS 2

static void
entry_draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct entry *e = s->data;
	const struct sipas_questionnaire *q = &e->q;
	char text[1024], v[4];
	int row = y + 3, avail, ncol, colw, label_w = 0;

	entry_draw_head(app, e, y, cols);
	for (int i = 0; i < q->nfields; i++)
		if (text_width(q->fields[i].name) > label_w)
			label_w = text_width(q->fields[i].name);
	for (int i = 0; i < q->nfields; i++, row++) {
		bool current = e->step == 1 + i;

		draw_text(row, 1, q->fields[i].name, label_w + 1, current ? A_BOLD : A_NORMAL);
		value_text(e->form.fields[i], value_shown(e, 1 + i), v);
		draw_text(row, 2 + label_w, v, 4, current ? A_REVERSE : A_NORMAL);
		legend(q->fields[i].options, q->fields[i].noptions, _("not given"), text, sizeof text);
		draw_text(row, 7 + label_w, text, cols - 8 - label_w, draw_attr(COLOR_WARN));
		if (current) {
			app->cursor_y = row;
			app->cursor_x = 3 + label_w;
		}
	}
	legend(q->scale + 1, q->nscale - 1, q->nscale ? q->scale[0].label : "", text, sizeof text);
	/* The scale stays whole, on two lines if it must. */
	row += draw_wrapped(row, 1, text, cols - 1, 0, 2, draw_attr(COLOR_WARN)) > 1 ? 2 : 1;
	/* The current field's options or question in full on the last rows:
	 * at 80 columns the lists above cut them. */
	if (e->step > 0 && e->step <= q->nfields) {
		const struct sipas_field *fd = &q->fields[e->step - 1];
		char opts[768];

		legend(fd->options, fd->noptions, _("not given"), opts, sizeof opts);
		snprintf(text, sizeof text, "%s: %s", fd->name, opts);
	} else if (e->step > q->nfields && e->step < steps(e)) {
		const struct sipas_question *qu = &q->questions[e->step - 1 - q->nfields];

		snprintf(text, sizeof text, "%s %s", qu->code, qu->text);
	} else {
		text[0] = '\0';
	}
	draw_wrapped(y + rows - CURRENT_ROWS, 1, text, cols - 2, 0, CURRENT_ROWS, A_BOLD);
	avail = y + rows - row - CURRENT_ROWS;
	if (avail < 1 || q->nquestions == 0)
		return;
	ncol = (q->nquestions + avail - 1) / avail;
	colw = (cols - 1) / ncol;
	for (int i = 0; i < q->nquestions; i++) {
		int step = 1 + q->nfields + i, r = row + i % avail, x = 1 + (i / avail) * colw;
		bool current = e->step == step;
		int cw;

		value_text(e->form.answers[i], value_shown(e, step), v);
		snprintf(text, sizeof text, "%s ", q->questions[i].code);
		cw = text_width(text);
		draw_text(r, x, text, cw, current ? A_BOLD : A_NORMAL);
		draw_text(r, x + cw, v, 4, current ? A_REVERSE : A_NORMAL);
		draw_text(r, x + cw + 4, q->questions[i].text, colw - cw - 5, A_NORMAL);
		if (current) {
			app->cursor_y = r;
			app->cursor_x = x + cw + 1;
		}
	}
}

static const struct binding entry_bindings[] = {
	{ ACT_BACK, leave_entry, true },
	{ ACT_FIELD_UP, entry_move, true },
	{ ACT_FIELD_DOWN, entry_move, false },
};

const struct screen_type entry_type = {
	N_("Survey forms: fast entry"), entry_bindings,
	sizeof entry_bindings / sizeof entry_bindings[0], entry_draw, NULL, entry_free, entry_key,
	NULL,
};

static const struct binding correct_bindings[] = {
	{ ACT_SAVE, save_now, true },
	{ ACT_BACK, leave_entry, true },
	{ ACT_FIELD_UP, entry_move, true },
	{ ACT_FIELD_DOWN, entry_move, false },
};

const struct screen_type correct_type = {
	N_("Survey forms: correct a form"), correct_bindings,
	sizeof correct_bindings / sizeof correct_bindings[0], entry_draw, NULL, entry_free,
	entry_key, NULL,
};

/* The fast entry of new forms of round r, or of form correct to be
 * corrected (r->forms: the forms of the round). */
static struct screen *
entry_new(struct app *app, const struct sipas_round *r, const struct sipas_form *correct)
{
	struct screen *s = screen_new_data(correct ? &correct_type : &entry_type,
	    sizeof (struct entry));
	struct entry *e;

	if (s == NULL)
		return NULL;
	e = s->data;
	e->round = r->id;
	if (correct != NULL) {
		e->form = *correct;
		e->correcting = e->proposed = correct->number;
		e->count = r->forms;
	}
	if ((e->round_name = strdup(r->name)) == NULL ||
	    sipas_questionnaire_load(app->db, r->questionnaire_id, &e->q) != 0 ||
	    (correct == NULL && next_form(app, e) != 0)) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		screen_free(s);
		return NULL;
	}
	app_message(app, COLOR_NORMAL, "%s", correct ? _("Correct the form: a digit changes "
	    "an answer, Enter keeps it; F2 saves.") :
	    _("One key an answer (0: no answer); Backspace: back one; the last answer saves the "
	    "form."));
	return s;
}

/* ---- results --------------------------------------------------------- */

struct results_view {
	int64_t round, compare;
	int width;		/* the report was laid out for */
	char *text;
	char **lines;
	int nlines;
};

static void
results_free(struct screen *s)
{
	struct results_view *v = s->data;

	if (v == NULL)
		return;
	free(v->text);
	free(v->lines);
	free(v);
	s->data = NULL;
}

/* Lays the report out for width columns and splits it into lines. */
static int
results_layout(struct app *app, struct results_view *v, int width)
{
	size_t size = 0;
	FILE *fp;
	int n = 0;

	free(v->text);
	free(v->lines);
	v->text = NULL;
	v->lines = NULL;
	v->nlines = 0;
	v->width = width;
	if ((fp = open_memstream(&v->text, &size)) == NULL)
		return -1;
	if (sipas_report(app->db, v->round, v->compare, width, fp) != 0) {
		fclose(fp);
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		return -1;
	}
	fclose(fp);
	for (char *p = v->text; *p; p++)
		n += *p == '\n';
	if ((v->lines = calloc((size_t)n + 1, sizeof *v->lines)) == NULL)
		return -1;
	for (char *p = v->text, *nl; *p && (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		*nl = '\0';
		v->lines[v->nlines++] = p;
	}
	return 0;
}

static void
results_draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct results_view *v = s->data;

	if (v->width != cols - 2)
		results_layout(app, v, cols - 2);
	s->list.count = v->nlines;
	list_scroll(&s->list, rows);
	for (int r = 0; r < rows && s->list.top + r < v->nlines; r++) {
		int i = s->list.top + r;

		draw_text(y + r, 1, v->lines[i], cols - 2, i == s->list.selected ? A_REVERSE : A_NORMAL);
	}
}

static int
results_load(struct app *app, struct screen *s)
{
	struct results_view *v = s->data;

	return results_layout(app, v, v->width);
}

/* The round's results as a report to print or save. */
static void
results_preview(struct app *app, struct screen *s, enum action a)
{
	struct results_view *v = s->data;

	app_push(app, report_screen_new_round(app, "sipas", v->round, v->compare));
}

static const struct binding results_bindings[] = {
	{ ACT_REPORT, results_preview, true },
	{ ACT_BACK, screen_back, true },
	{ ACT_PAGE_UP, screen_list_action, true },
	{ ACT_PAGE_DOWN, screen_list_action, false },
	{ ACT_UP, screen_list_action, false },
	{ ACT_DOWN, screen_list_action, false },
	{ ACT_HOME, screen_list_action, false },
	{ ACT_END, screen_list_action, false },
};

const struct screen_type results_type = {
	N_("Survey results"), results_bindings, sizeof results_bindings / sizeof results_bindings[0],
	results_draw, results_load, results_free, NULL, NULL,
};

static struct screen *
results_new(struct app *app, int64_t round, int64_t compare)
{
	struct screen *s = screen_new_data(&results_type, sizeof (struct results_view));
	struct results_view *v;

	if (s == NULL)
		return NULL;
	v = s->data;
	v->round = round;
	v->compare = compare;
	if (results_layout(app, v, COLS - 2) != 0) {
		screen_free(s);
		return NULL;
	}
	return s;
}
