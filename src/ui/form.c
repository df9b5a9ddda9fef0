/* The form screen: draws a form's state (form_state.c), carries out what
 * its keys and actions come to, saves through the record's callback. */
#include "ui/form.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/unit.h"
#include "core/plan/unit_match.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/editor.h"
#include "core/text/i18n.h"
#include "core/text/text.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/screen.h"

#define LABEL_COLS 22

struct form *
form_of(struct screen *s)
{
	return s->data;
}


extern const struct screen_type form_type;
extern const struct screen_type filter_form_type;

/* Keeps the first name of a save no unit has (not one that could be two
 * units: adding a third would not help), for save() to offer to add. */
static void
note_unknown(struct app *app, const char *name, int field, const char *why)
{
	struct form *f = form_screen_type(app->top->type) ? app->top->data : NULL;
	struct unit_matcher m;
	struct unit_ref r;
	char *shown;

	if (f == NULL || !f->add_units || f->unknown_unit != NULL ||
	    unit_matcher_load(app->db, &m) != 0)
		return;
	if (unit_match(&m, name, &r) == 0 && r.how == UNIT_MATCH_NONE &&
	    (shown = text_nfc(name)) != NULL) {
		f->unknown_unit = text_trim(shown);
		f->unknown_field = field;
		snprintf(f->unknown_error, sizeof f->unknown_error, "%s", why);
	}
	unit_matcher_free(&m);
}

/* A unit named in a form field: "" is none; an unknown name is an error
 * on that field. */
int
form_unit_id(struct app *app, const char *name, int field, const char *label,
    int64_t *id, struct err *err)
{
	*id = 0;
	if (*name == '\0')
		return 0;
	/* The importer's matcher: a name one accepts, the other does too. */
	*id = unit_resolve(app->db, name, label, err);
	if (*id > 0)
		return 0;
	if (*id < 0)
		return -1;
	*id = 0;
	err->field = field;
	note_unknown(app, name, field, err->msg);
	return -1;
}




static void
form_free(struct screen *s)
{
	form_destroy(s->data);
}

/* The units, read once when the form first completes one. */
struct unit_names {
	struct unit *units;
	int n;
};

static void
free_unit_names(void *ctx)
{
	struct unit_names *u = ctx;

	units_free(u->units, u->n);
	free(u);
}

/* Names whose folded form contains the folded part typed (so "vhxh" and
 * "van hoa" both find Phòng VHXH). */
static int
complete_unit(void *ctx, const char *typed, char **out, int max)
{
	const struct unit_names *u = ctx;
	char *needle = text_fold(typed);
	int n = 0;

	for (int i = 0; needle != NULL && *needle != '\0' && i < u->n && n < max; i++)
		if (text_contains_folded(u->units[i].name, needle) ||
		    text_contains_folded(u->units[i].short_name, needle))
			if ((out[n] = strdup(u->units[i].name)) != NULL)
				n++;
	free(needle);
	return n;
}

static void
load_unit_names(struct app *app, struct form *f)
{
	struct unit_names *u;

	if (f->complete != NULL || (u = calloc(1, sizeof *u)) == NULL)
		return;
	for (int i = 0; i < f->nfields; i++) {
		if (f->fields[i].kind != FIELD_UNIT && f->fields[i].kind != FIELD_UNITS)
			continue;
		if (unit_list(app->db, &u->units, &u->n) != 0)
			break;
		f->complete = complete_unit;
		f->complete_ctx = u;
		f->free_complete = free_unit_names;
		return;
	}
	free(u);
}


/* The message of a refused save, naming field i (-1: none) when it does
 * not already begin with its label: the core words some rules without
 * the form's labels ("A rate must be between 0 and 100"), and the user
 * must know which field to mend. */
static void
show_error(struct app *app, const struct form *f, int i, const char *msg)
{
	const char *label = i >= 0 ? f->fields[i].label : "";

	/* Indented labels ("  deadline") belong to the line above. */
	label += strspn(label, " ");
	msg += strspn(msg, " ");
	if (*label != '\0' && strncmp(msg, label, strlen(label)) != 0)
		app_message(app, COLOR_BAD, "%s: %s", label, msg);
	else
		app_message(app, COLOR_BAD, "%s", msg);
}

/* The record's save, after adding the units the clerk said yes to, all in
 * one transaction (the core's own nests in it). */
static int
save_adding_units(struct app *app, struct form *f, struct err *err)
{
	int rc = 0;

	if (f->nnew_units == 0)
		return f->save(app, f, err);
	if (db_begin_enclosing(app->db) != 0)
		return -1;
	for (int i = 0; i < f->nnew_units && rc == 0; i++)
		if (unit_add(app->db, f->new_units[i], "", "") < 0)
			rc = -1;
	if (rc == 0)
		rc = f->save(app, f, err);
	if (rc == 0 && (rc = db_commit(app->db)) == 0)
		return 0;
	db_rollback(app->db);
	return -1;
}

static void
save(struct app *app, struct screen *s)
{
	struct form *f = s->data;
	struct err err = { -1, "" };
	char done[1024];
	bool warns = f->done_warns;
	int i;

	if (!f->no_write && !app_may_write(app))
		return;
	/* A save that fails never shows an error older than itself. */
	db_clear_error(app->db);
	free(f->unknown_unit);
	f->unknown_unit = NULL;
	if (save_adding_units(app, f, &err) != 0) {
		if ((i = form_field_of(f, err.field)) >= 0)
			f->focus = i;
		if (f->unknown_unit != NULL) {
			f->asking_unit = true;
			app_message(app, COLOR_WARN, _("Add a new unit «%s»? y: add, other key: no"),
			    f->unknown_unit);
			return;
		}
		form_forget_new_units(f);
		show_error(app, f, i, err_empty(&err) ? _("Could not save.") : err.msg);
		beep();
		return;
	}
	/* Copied first: the message may be the record's, freed with the form. */
	snprintf(done, sizeof done, "%s", f->done != NULL ? f->done : _("Saved."));
	app_pop(app);
	app_message(app, warns ? COLOR_WARN : COLOR_GOOD, "%s", done);
}

/* How the settings spell the modes and styles. */
static const char *const mode_codes[] = { "off", "telex", "vni" };
static const char *const style_codes[] = { "old", "new" };

static int
code_index(const char *s, const char *const *codes, int n, int fallback)
{
	for (int i = 0; s != NULL && i < n; i++)
		if (strcmp(s, codes[i]) == 0)
			return i;
	return fallback;
}

void
form_load_input(struct db *db)
{
	char *mode = db_setting_get(db, "input_mode"), *style = db_setting_get(db, "tone_style");

	/* Telex in the old style unless changed: what Unikey users have. */
	form_set_input((enum telex_mode)code_index(mode, mode_codes, 3, INPUT_TELEX),
	    (enum tone_style)code_index(style, style_codes, 2, TONE_OLD));
	free(mode);
	free(style);
}

int
form_save_input(struct db *db, enum telex_mode mode, enum tone_style style)
{
	form_set_input(mode, style);
	if (db_setting_set(db, "input_mode", mode_codes[mode]) != 0 ||
	    db_setting_set(db, "tone_style", style_codes[style]) != 0)
		return -1;
	return 0;
}

void
form_cycle_input(struct app *app)
{
	if (!app_may_write(app))
		return;
	if (form_save_input(app->db, (form_input_mode() + 1) % 3, form_tone_style()) != 0)
		app_fail_db(app);
}


static int
value_cols(void)
{
	return COLS - LABEL_COLS - 2;
}


const char *
form_input_label(void)
{
	static const char *const modes[] = { N_("Typing: off"), N_("Typing: Telex"), N_("Typing: VNI") };

	return _(modes[form_input_mode()]);
}

/* Carries out what a key or an action came to. */
static void
outcome(struct app *app, struct screen *s, enum form_outcome o)
{
	struct form *f = s->data;

	switch (o) {
	case FORM_EDITED:
		app->message[0] = '\0';
		/* fall through */
	case FORM_PASTED:
		if (f->changed != NULL)
			f->changed(app, f, f->focus);
		break;
	case FORM_SAVE:
		save(app, s);
		break;
	case FORM_DISCARD:
		app->message[0] = '\0';
		/* fall through */
	case FORM_CLOSE:
		app_pop(app);
		break;
	case FORM_ASK_DISCARD:
		app_message(app, COLOR_WARN, "%s", _("Discard the changes? y: discard, other key: keep editing"));
		break;
	case FORM_KEEP:
		app->message[0] = '\0';
		break;
	case FORM_INPUT_MODE:
		form_cycle_input(app);
		break;
	case FORM_ADD_UNIT: {
		char **grown = realloc(f->new_units, (f->nnew_units + 1) * sizeof *grown);

		if (grown == NULL)
			break;
		f->new_units = grown;
		f->new_units[f->nnew_units++] = f->unknown_unit;
		f->unknown_unit = NULL;
		save(app, s);
		break;
	}
	case FORM_NOT_TEXT:
		app_message(app, COLOR_WARN, "%s", _("This field is a choice: Left/Right change it, Tab goes on"));
		break;
	case FORM_NO_UNIT:
		form_forget_new_units(f);
		show_error(app, f, form_field_of(f, f->unknown_field), f->unknown_error);
		snprintf(app->message + strlen(app->message), sizeof app->message - strlen(app->message),
		    "%s", _(" — add it under Units (d)"));
		break;
	default:
		break;
	}
}

/* Text first, then the form's bindings; the rest (F1) goes on to the
 * global actions.  The form's actions leave the status line as it is (an
 * error stays while the field is mended). */
static bool
form_key(struct app *app, struct screen *s, int key)
{
	struct form *f = s->data;
	enum form_outcome o;
	const struct binding *b;

	load_unit_names(app, f);
	if ((o = form_take_key(f, key, value_cols())) == FORM_IGNORED) {
		if ((b = screen_binding(s->type, key)) == NULL)
			return false;
		b->run(app, s, b->action);
		return true;
	}
	outcome(app, s, o);
	return true;
}

static void
form_action(struct app *app, struct screen *s, enum action a)
{
	outcome(app, s, form_do(s->data, a));
}

/* The rows of a long text's text: a page takes the avail rows of the
 * screen left for the fields (its hint's aside). */
static int
text_rows(const struct form_field *fl, int avail)
{
	int hint = fl->hint[0] != '\0';

	if (fl->kind != FIELD_LONG_TEXT)
		return 1;
	if (fl->page)
		return avail - hint > 1 ? avail - hint : 1;
	return FORM_LONG_ROWS;
}

static int
field_rows(const struct form_field *fl, int avail)
{
	if (fl->hidden)
		return 0;
	return text_rows(fl, avail) + (fl->hint[0] != '\0');
}

/* Draws a one-line text field; sets the cursor when focused.  Out of
 * focus it shows its start: a cut start looks like damaged data. */
static void
draw_line_field(struct app *app, struct form_field *fl, int y, int x, int w, attr_t a, bool focused)
{
	const char *text = editor_text(fl->ed);
	char *before;

	fl->scroll = focused ? editor_scroll(fl->ed, w, fl->scroll) : 0;
	draw_text(y, x, text + fl->scroll, w, a);
	if (!focused)
		return;
	before = strndup(text + fl->scroll, editor_cursor(fl->ed) - fl->scroll);
	app->cursor_y = y;
	app->cursor_x = x + (before ? text_width(before) : 0);
	free(before);
}

static void
draw_long_field(struct app *app, struct form_field *fl, int y, int x, int w, attr_t a, bool focused,
    int nrows)
{
	int row, col, skip;

	editor_locate(fl->ed, w, &row, &col);
	skip = focused && row >= nrows ? row - nrows + 1 : 0;
	for (int r = 0; r < nrows; r++)
		draw_text(y + r, x, "", w, a);
	draw_wrapped(y, x, editor_text(fl->ed), w, skip, nrows, a);
	if (focused) {
		app->cursor_y = y + row - skip;
		app->cursor_x = x + col;
	}
}

static void
draw_field(struct app *app, struct form *f, int i, int y, int w, int avail)
{
	struct form_field *fl = &f->fields[i];
	bool focused = i == f->focus;
	attr_t a = focused ? A_REVERSE : A_UNDERLINE;
	int x = 1 + LABEL_COLS;

	draw_text(y, 1, fl->label, LABEL_COLS - 1, focused ? A_BOLD : A_NORMAL);
	if (fl->kind == FIELD_CHOICE) {
		char choice[160];

		snprintf(choice, sizeof choice, "< %s >", _(fl->choices[fl->choice]));
		draw_text(y, x, choice, w, a);
	} else if (fl->kind == FIELD_LONG_TEXT) {
		draw_long_field(app, fl, y, x, w, a, focused, text_rows(fl, avail));
	} else {
		draw_line_field(app, fl, y, x, w, a, focused);
	}
	if (fl->hint[0] != '\0')
		draw_text(y + field_rows(fl, avail) - 1, x, fl->hint, w, draw_attr(COLOR_WARN));
}

void
form_open_at(struct form *f, int field)
{
	f->focus = field;
	f->top = 0;
	/* Only a page's height depends on the screen, and it has the
	 * screen to itself. */
	for (int i = 0; i < field; i++)
		f->top += field_rows(&f->fields[i], LINES);
}

/* The completions sit over the rows of the fields below the focused one:
 * their labels are blanked and the list is drawn in the bars' colour, so
 * that a name offered is not read as the next field's value. */
static void
draw_matches(struct form *f, int y, int w)
{
	for (int i = 0; i < f->nmatches; i++) {
		char line[512];

		draw_text(y + i, 1, i == 0 ? _("Choose:") : "", LABEL_COLS - 1, A_DIM);
		snprintf(line, sizeof line, "› %s", f->matches[i]);
		draw_text(y + i, 1 + LABEL_COLS, line, w,
		    i == f->match ? A_REVERSE | A_BOLD : draw_attr(COLOR_BAR));
	}
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct form *f = s->data;
	int w = cols - LABEL_COLS - 2, row = 0, focus_row = 0, focus_h = 1;

	snprintf(app->mode, sizeof app->mode, "%s", form_input_label());
	app->note = f->fields[f->focus].note;
	/* A long title (a result's names its target) takes the blank row
	 * under it rather than being cut mid-word at the edge. */
	draw_wrapped(y, 1, f->title, cols - 1, 0, 2, A_BOLD);
	/* Scroll so the focused field (and its completions) are visible. */
	for (int i = 0; i < f->focus; i++)
		focus_row += field_rows(&f->fields[i], rows - 2);
	focus_h = field_rows(&f->fields[f->focus], rows - 2) + f->nmatches;
	if (focus_row < f->top)
		f->top = focus_row;
	if (focus_row + focus_h > f->top + rows - 2)
		f->top = focus_row + focus_h - (rows - 2);
	int matches_at = -1;

	for (int i = 0; i < f->nfields; i++) {
		int h = field_rows(&f->fields[i], rows - 2), at = row - f->top;

		if (h > 0 && at >= 0 && at + h <= rows - 2)
			draw_field(app, f, i, y + 2 + at, w, rows - 2);
		if (i == f->focus && f->nmatches > 0 && at >= 0)
			matches_at = y + 2 + at + h;
		row += h;
	}
	/* Last, over the fields below the focused one. */
	if (matches_at >= 0)
		draw_matches(f, matches_at, w);
}

/* F10 cancels a form as Esc does, rather than quitting with the changes;
 * the arrows alone move between fields ('k' and 'j' are typed). */
static const struct binding bindings[] = {
	{ ACT_SAVE, form_action, true },
	{ ACT_NEXT_FIELD, form_action, true },
	{ ACT_CANCEL_FORM, form_action, true },
	{ ACT_INPUT_MODE, form_action, true },
	{ ACT_PREV_FIELD, form_action, false },
	{ ACT_NEXT_OR_SAVE, form_action, false },
	{ ACT_FIELD_UP, form_action, false },
	{ ACT_FIELD_DOWN, form_action, false },
};

const struct screen_type form_type = {
	N_("Form"), bindings, sizeof bindings / sizeof bindings[0], draw, NULL, form_free, form_key, NULL,
};

/* A filter's form: the same but for F2 and Enter, which apply it. */
static const struct binding filter_bindings[] = {
	{ ACT_APPLY, form_action, true },
	{ ACT_NEXT_FIELD, form_action, true },
	{ ACT_CANCEL_FORM, form_action, true },
	{ ACT_INPUT_MODE, form_action, true },
	{ ACT_PREV_FIELD, form_action, false },
	{ ACT_NEXT_OR_APPLY, form_action, false },
	{ ACT_FIELD_UP, form_action, false },
	{ ACT_FIELD_DOWN, form_action, false },
};

const struct screen_type filter_form_type = {
	N_("Filter"), filter_bindings, sizeof filter_bindings / sizeof filter_bindings[0], draw, NULL,
	form_free, form_key, NULL,
};

bool
form_screen_type(const struct screen_type *t)
{
	return t == &form_type || t == &filter_form_type;
}

bool
form_writes(const struct screen *s)
{
	return s->type == &form_type && !((const struct form *)s->data)->no_write;
}

void
form_hand_over(struct app *app, struct screen *next)
{
	struct screen *form = app->top;

	/* The form closes when its save returns and shows what is below it. */
	next->below = form->below;
	form->below = next;
}

static struct screen *
new_of_type(const struct screen_type *t, const char *title, form_save_fn save_fn, void *record,
    void (*free_record)(void *))
{
	struct screen *s = screen_new(t);
	struct form *f = form_create(title);

	if (s == NULL || f == NULL) {
		form_destroy(f);
		if (free_record)
			free_record(record);
		screen_free(s);
		return NULL;
	}
	f->save = save_fn;
	f->record = record;
	f->free_record = free_record;
	s->data = f;
	return s;
}

struct screen *
form_new(const char *title, form_save_fn save_fn, void *record, void (*free_record)(void *))
{
	return new_of_type(&form_type, title, save_fn, record, free_record);
}

struct screen *
form_new_filter(const char *title, form_save_fn apply, void *record, void (*free_record)(void *))
{
	struct screen *s = new_of_type(&filter_form_type, title, apply, record, free_record);

	if (s != NULL) {
		form_of(s)->done = _("Filter applied.");
		form_of(s)->no_write = true;
	}
	return s;
}
