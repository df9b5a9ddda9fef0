/* SIPAS: the fast entry of a round's paper forms.
 *
 * Fast entry is built for typing a pile of forms without looking up: one
 * form a page, one key an answer.  The form number comes first (the next
 * free one is proposed: Enter takes it), then one digit per respondent field
 * and per question; the cursor moves on by itself, Backspace or Up goes back
 * one answer, Down forward over those typed, and after the last answer a
 * line asks for Enter, which saves the form (one transaction) and starts
 * the next one -- so a wrong last key is still taken back with Backspace.
 * A key that is not an answer beeps and changes nothing.  The same screen
 * corrects a form of the list (sipas_forms.c). */
#include "ui/app.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/validate.h"
#include "core/sipas/sipas.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/text.h"
#include "ui/screen.h"
#include "ui/sipas.h"

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
		app_fail_db(app);
		return -1;
	}
	return 0;
}

static void
save_form(struct app *app, struct entry *e)
{
	struct err err;
	int number = e->form.number;

	if ((e->correcting ? sipas_form_replace(app->db, &e->q, e->round, e->correcting, &e->form,
	    &err) : sipas_form_save(app->db, &e->q, e->round, &e->form, &err)) != 0) {
		beep();
		app_error(app, &err);
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
		app_fail_db(app);
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
struct screen *
sipas_entry_new(struct app *app, const struct sipas_round *r, const struct sipas_form *correct)
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
		app_fail_db(app);
		screen_free(s);
		return NULL;
	}
	app_message(app, COLOR_NORMAL, "%s", correct ? _("Correct the form: a digit changes "
	    "an answer, Enter keeps it; F2 saves.") :
	    _("One key an answer (0: no answer); Backspace: back one; the last answer saves the "
	    "form."));
	return s;
}
