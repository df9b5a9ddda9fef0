/* The form widget: fields, focus, editing keys, save and cancel. */
#include "ui/form.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/editor.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/unit.h"
#include "core/validate.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/screen.h"

#define LABEL_COLS 22
#define MAX_MATCHES 6
#define CTRL(c) ((c) & 0x1f)

static enum telex_mode input_mode = INPUT_TELEX;
static enum tone_style tone_style = TONE_OLD;

enum telex_mode
form_input_mode(void)
{
	return input_mode;
}

enum tone_style
form_tone_style(void)
{
	return tone_style;
}

struct form *
form_of(struct screen *s)
{
	return s->data;
}

static struct form_field *
add_field(struct form *f, const char *label, enum field_kind kind, int id)
{
	struct form_field *grown = realloc(f->fields, (f->nfields + 1) * sizeof *grown);
	struct form_field *fl;

	if (grown == NULL)
		return NULL;
	f->fields = grown;
	fl = &grown[f->nfields];
	memset(fl, 0, sizeof *fl);
	if ((fl->label = strdup(label)) == NULL)
		return NULL;
	fl->kind = kind;
	fl->id = id;
	f->nfields++;
	return fl;
}

static int
add_editor(struct form *f, const char *label, enum field_kind kind, int id, const char *value)
{
	struct form_field *fl = add_field(f, label, kind, id);

	if (fl == NULL || (fl->ed = editor_new(kind == FIELD_LONG_TEXT, 0)) == NULL)
		return -1;
	if (value != NULL && editor_set_text(fl->ed, value) != 0)
		return -1;
	editor_mark_saved(fl->ed);
	editor_end(fl->ed);
	return f->nfields - 1;
}

/* A unit named in a form field: "" is none; an unknown name is an error
 * on that field. */
int
form_unit_id(struct app *app, const char *name, int field, const char *label,
    int64_t *id, struct field_error *err)
{
	char *nfc;

	*id = 0;
	if (*name == '\0')
		return 0;
	*id = unit_find(app->db, name);
	if (*id > 0)
		return 0;
	err->field = field;
	nfc = strdup(name);
	snprintf(err->message, sizeof err->message, _("%s: no unit is called \"%s\""), label,
	    nfc ? text_trim(nfc) : name);
	free(nfc);
	return -1;
}

int
form_add_text(struct form *f, const char *label, int id, const char *value, bool long_text)
{
	return add_editor(f, label, long_text ? FIELD_LONG_TEXT : FIELD_TEXT, id, value);
}

int
form_add_unit(struct form *f, const char *label, int id, const char *value, bool several)
{
	return add_editor(f, label, several ? FIELD_UNITS : FIELD_UNIT, id, value);
}

int
form_add_choice(struct form *f, const char *label, int id, const char *const *choices,
    int n, int selected)
{
	struct form_field *fl = add_field(f, label, FIELD_CHOICE, id);

	if (fl == NULL)
		return -1;
	fl->choices = choices;
	fl->nchoices = n;
	fl->choice = fl->saved_choice = selected;
	return f->nfields - 1;
}

void
form_set_plain(struct form *f, int field)
{
	if (field >= 0)
		f->fields[field].plain = true;
}

const char *
form_text(const struct form *f, int field)
{
	return f->fields[field].ed ? editor_text(f->fields[field].ed) : "";
}

int
form_choice(const struct form *f, int field)
{
	return f->fields[field].choice;
}

int
form_field_of(const struct form *f, int id)
{
	for (int i = 0; i < f->nfields; i++)
		if (f->fields[i].id == id)
			return i;
	return -1;
}

bool
form_changed(const struct form *f)
{
	for (int i = 0; i < f->nfields; i++) {
		const struct form_field *fl = &f->fields[i];

		if (fl->ed ? editor_changed(fl->ed) : fl->choice != fl->saved_choice)
			return true;
	}
	return false;
}

static void
clear_matches(struct form *f)
{
	for (int i = 0; i < f->nmatches; i++)
		free(f->matches[i]);
	free(f->matches);
	f->matches = NULL;
	f->nmatches = f->match = 0;
}

static void
form_free(struct screen *s)
{
	struct form *f = s->data;

	if (f == NULL)
		return;
	clear_matches(f);
	for (int i = 0; i < f->nfields; i++) {
		free(f->fields[i].label);
		editor_free(f->fields[i].ed);
	}
	free(f->fields);
	free(f->title);
	free(f->paste);
	if (f->free_record != NULL)
		f->free_record(f->record);
	free(f);
}

/* The part of a unit field being typed: after the last ';' for several. */
static const char *
unit_part(const struct form_field *fl)
{
	const char *text = editor_text(fl->ed), *semi;

	if (fl->kind == FIELD_UNITS && (semi = strrchr(text, ';')) != NULL)
		text = semi + 1;
	while (*text == ' ')
		text++;
	return text;
}

/* Candidates for the unit being typed: names whose folded form contains
 * the folded part typed (so "vhxh" and "van hoa" both find Phòng VHXH). */
static void
find_matches(struct app *app, struct form *f)
{
	struct form_field *fl = &f->fields[f->focus];
	struct unit *units;
	char *needle;
	int n;

	clear_matches(f);
	if (fl->kind != FIELD_UNIT && fl->kind != FIELD_UNITS)
		return;
	if ((needle = text_fold(unit_part(fl))) == NULL || *needle == '\0' ||
	    unit_list(app->db, &units, &n) != 0) {
		free(needle);
		return;
	}
	f->matches = calloc(MAX_MATCHES, sizeof *f->matches);
	for (int i = 0; f->matches && i < n && f->nmatches < MAX_MATCHES; i++) {
		if (text_contains_folded(units[i].name, needle) ||
		    text_contains_folded(units[i].short_name, needle))
			f->matches[f->nmatches++] = strdup(units[i].name);
	}
	/* An exact name needs no list. */
	if (f->nmatches == 1 && strcmp(f->matches[0], unit_part(fl)) == 0)
		clear_matches(f);
	units_free(units, n);
	free(needle);
}

static void
accept_match(struct form *f)
{
	struct form_field *fl = &f->fields[f->focus];
	const char *text = editor_text(fl->ed);
	size_t start = (size_t)(unit_part(fl) - text);

	editor_replace(fl->ed, start, strlen(text), f->matches[f->match]);
	editor_end(fl->ed);
	if (fl->kind == FIELD_UNITS)
		editor_insert_text(fl->ed, "; ");
	clear_matches(f);
}

static void
focus(struct app *app, struct form *f, int i)
{
	clear_matches(f);
	if (i < 0)
		i = f->nfields - 1;
	if (i >= f->nfields)
		i = 0;
	f->focus = i;
	(void)app;
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

static void
save(struct app *app, struct screen *s)
{
	struct form *f = s->data;
	struct field_error err = { -1, "" };
	int i;

	clear_matches(f);
	if (!app_may_write(app))
		return;
	if (f->save(app, f, &err) != 0) {
		if ((i = form_field_of(f, err.field)) >= 0)
			f->focus = i;
		show_error(app, f, i, err.message[0] ? err.message : db_error(app->db));
		beep();
		return;
	}
	app_pop(app);
	app_message(app, COLOR_GOOD, "%s", _("Saved."));
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
	input_mode = (enum telex_mode)code_index(mode, mode_codes, 3, INPUT_TELEX);
	tone_style = (enum tone_style)code_index(style, style_codes, 2, TONE_OLD);
	free(mode);
	free(style);
}

int
form_save_input(struct db *db, enum telex_mode mode, enum tone_style style)
{
	input_mode = mode;
	tone_style = style;
	if (db_setting_set(db, "input_mode", mode_codes[mode]) != 0 ||
	    db_setting_set(db, "tone_style", style_codes[style]) != 0)
		return -1;
	return 0;
}

static void
cycle_input_mode(struct app *app)
{
	if (!app_may_write(app))
		return;
	if (form_save_input(app->db, (input_mode + 1) % 3, tone_style) != 0)
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
}

/* A printable key into a text field, through Telex/VNI when it is on. */
static void
type_key(struct form_field *fl, wint_t ch)
{
	char out[TELEX_OUT_MAX];

	if (input_mode != INPUT_OFF && !fl->plain && ch < 0x80) {
		const char *text = editor_text(fl->ed);
		size_t cur = editor_cursor(fl->ed);
		size_t start = telex_word_start(input_mode, text, cur);
		char *word = strndup(text + start, cur - start);

		if (word != NULL && telex_apply(input_mode, tone_style, word, (char)ch, out, sizeof out)) {
			free(word);
			editor_replace(fl->ed, start, cur, out);
			return;
		}
		free(word);
	}
	editor_insert(fl->ed, (uint32_t)ch);
}

/* Keys that edit the focused text field; true when taken. */
static bool
edit_key(struct form_field *fl, int key, int width)
{
	switch (key) {
	case KEYFN(KEY_LEFT):
		editor_left(fl->ed);
		return true;
	case KEYFN(KEY_RIGHT):
		editor_right(fl->ed);
		return true;
	case KEYFN(KEY_HOME):
	case CTRL('a'):
		editor_home(fl->ed);
		return true;
	case KEYFN(KEY_END):
	case CTRL('e'):
		editor_end(fl->ed);
		return true;
	case KEYFN(KEY_BACKSPACE):
	case 127:
	case CTRL('h'):
		editor_backspace(fl->ed);
		return true;
	case KEYFN(KEY_DC):
		editor_delete(fl->ed);
		return true;
	case CTRL('u'):
		editor_kill_start(fl->ed);
		return true;
	case CTRL('k'):
		editor_kill_end(fl->ed);
		return true;
	case CTRL('w'):
		editor_kill_word(fl->ed);
		return true;
	case KEYFN(KEY_UP):
		return fl->kind == FIELD_LONG_TEXT && editor_up(fl->ed, width);
	case KEYFN(KEY_DOWN):
		return fl->kind == FIELD_LONG_TEXT && editor_down(fl->ed, width);
	default:
		if (key >= ' ' && key != 127 && key < (1 << 24)) {
			type_key(fl, (wint_t)key);
			return true;
		}
		return false;
	}
}

static bool
choice_key(struct form_field *fl, int key)
{
	if (key == KEYFN(KEY_LEFT))
		fl->choice = (fl->choice + fl->nchoices - 1) % fl->nchoices;
	else if (key == KEYFN(KEY_RIGHT) || key == ' ')
		fl->choice = (fl->choice + 1) % fl->nchoices;
	else
		return false;
	return true;
}

static int
value_cols(void)
{
	return COLS - LABEL_COLS - 2;
}

/* Collects a bracketed paste; true while one is under way.  Choice fields
 * take no text, so a paste there is dropped. */
static bool
paste_key(struct app *app, struct form *f, int key)
{
	struct form_field *fl = &f->fields[f->focus];
	char mb[MB_LEN_MAX];
	int n;

	if (key == KEYFN(KEY_PASTE_START)) {
		f->pasting = true;
		f->paste_len = 0;
		return true;
	}
	if (!f->pasting)
		return false;
	if (key == KEYFN(KEY_PASTE_END)) {
		f->pasting = false;
		if (fl->ed != NULL && f->paste_len > 0) {
			f->paste[f->paste_len] = '\0';
			editor_insert_text(fl->ed, f->paste);
			if (f->changed != NULL)
				f->changed(app, f, f->focus);
		}
		return true;
	}
	if (key == '\r')
		key = '\n';
	if (key >= (1 << 24) || (n = wctomb(mb, (wchar_t)key)) <= 0)
		return true;
	if (f->paste_len + (size_t)n + 1 > f->paste_cap) {
		size_t cap = f->paste_cap ? 2 * f->paste_cap : 4096;
		char *grown = realloc(f->paste, cap);

		if (grown == NULL)
			return true;
		f->paste = grown;
		f->paste_cap = cap;
	}
	memcpy(f->paste + f->paste_len, mb, (size_t)n);
	f->paste_len += (size_t)n;
	return true;
}

static bool
form_key(struct app *app, struct screen *s, int key)
{
	struct form *f = s->data;
	struct form_field *fl = &f->fields[f->focus];
	bool last = f->focus == f->nfields - 1;

	if (paste_key(app, f, key))
		return true;
	if (f->asking) {
		f->asking = false;
		app->message[0] = '\0';
		if (key == 'y' || key == 'Y')
			app_pop(app);
		return true;
	}
	if (key == 27 || key == KEYFN(KEY_F(10))) {
		if (f->nmatches > 0) {
			clear_matches(f);
		} else if (form_changed(f)) {
			f->asking = true;
			app_message(app, COLOR_WARN, "%s", _("Discard the changes? y: discard, other key: keep editing"));
		} else {
			app_pop(app);
		}
		return true;
	}
	if (key == KEYFN(KEY_F(2))) {
		save(app, s);
		return true;
	}
	if (key == KEYFN(KEY_F(4))) {
		cycle_input_mode(app);
		return true;
	}
	if (f->nmatches > 0) {
		if (key == KEYFN(KEY_DOWN) || key == KEYFN(KEY_UP)) {
			f->match = (f->match + (key == KEYFN(KEY_DOWN) ? 1 : f->nmatches - 1)) % f->nmatches;
			return true;
		}
		if (key == '\r' || key == '\n' || key == KEYFN(KEY_ENTER) || key == '\t') {
			accept_match(f);
			return true;
		}
	}
	if (key == '\t') {
		focus(app, f, f->focus + 1);
		return true;
	}
	if (key == KEYFN(KEY_BTAB)) {
		focus(app, f, f->focus - 1);
		return true;
	}
	if (key == '\r' || key == '\n' || key == KEYFN(KEY_ENTER)) {
		if (last)
			save(app, s);
		else
			focus(app, f, f->focus + 1);
		return true;
	}
	if (fl->kind == FIELD_CHOICE ? choice_key(fl, key) : edit_key(fl, key, value_cols())) {
		app->message[0] = '\0';
		if (f->changed != NULL)
			f->changed(app, f, f->focus);
		find_matches(app, f);
		return true;
	}
	if (key == KEYFN(KEY_DOWN) || key == KEYFN(KEY_UP)) {
		focus(app, f, f->focus + (key == KEYFN(KEY_DOWN) ? 1 : -1));
		return true;
	}
	/* Everything else but F1 stays in the form: a letter is never a
	 * command here. */
	return key != KEYFN(KEY_F(1));
}

static int
field_rows(const struct form_field *fl)
{
	return (fl->kind == FIELD_LONG_TEXT ? FORM_LONG_ROWS : 1) + (fl->hint[0] != '\0');
}

/* Draws a one-line text field; sets the cursor when focused. */
static void
draw_line_field(struct app *app, struct form_field *fl, int y, int x, int w, attr_t a, bool focused)
{
	const char *text = editor_text(fl->ed);
	char *before;

	fl->scroll = editor_scroll(fl->ed, w, fl->scroll);
	draw_text(y, x, text + fl->scroll, w, a);
	if (!focused)
		return;
	before = strndup(text + fl->scroll, editor_cursor(fl->ed) - fl->scroll);
	app->cursor_y = y;
	app->cursor_x = x + (before ? text_width(before) : 0);
	free(before);
}

static void
draw_long_field(struct app *app, struct form_field *fl, int y, int x, int w, attr_t a, bool focused)
{
	int row, col, skip;

	editor_locate(fl->ed, w, &row, &col);
	skip = row >= FORM_LONG_ROWS ? row - FORM_LONG_ROWS + 1 : 0;
	for (int r = 0; r < FORM_LONG_ROWS; r++)
		draw_text(y + r, x, "", w, a);
	draw_wrapped(y, x, editor_text(fl->ed), w, skip, FORM_LONG_ROWS, a);
	if (focused) {
		app->cursor_y = y + row - skip;
		app->cursor_x = x + col;
	}
}

static void
draw_field(struct app *app, struct form *f, int i, int y, int w)
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
		draw_long_field(app, fl, y, x, w, a, focused);
	} else {
		draw_line_field(app, fl, y, x, w, a, focused);
	}
	if (fl->hint[0] != '\0')
		draw_text(y + field_rows(fl) - 1, x, fl->hint, w, draw_attr(COLOR_WARN));
}

static void
draw_matches(struct form *f, int y, int w)
{
	for (int i = 0; i < f->nmatches; i++)
		draw_text(y + i, 1 + LABEL_COLS, f->matches[i], w,
		    i == f->match ? A_REVERSE : A_BOLD);
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	static const char *const modes[] = { N_("Typing: off"), N_("Typing: Telex"), N_("Typing: VNI") };
	struct form *f = s->data;
	int w = cols - LABEL_COLS - 2, row = 0, focus_row = 0, focus_h = 1;

	snprintf(app->mode, sizeof app->mode, "%s", _(modes[input_mode]));
	draw_text(y, 1, f->title, cols - 1, A_BOLD);
	/* Scroll so the focused field (and its completions) are visible. */
	for (int i = 0; i < f->focus; i++)
		focus_row += field_rows(&f->fields[i]);
	focus_h = field_rows(&f->fields[f->focus]) + f->nmatches;
	if (focus_row < f->top)
		f->top = focus_row;
	if (focus_row + focus_h > f->top + rows - 2)
		f->top = focus_row + focus_h - (rows - 2);
	int matches_at = -1;

	for (int i = 0; i < f->nfields; i++) {
		int h = field_rows(&f->fields[i]), at = row - f->top;

		if (at >= 0 && at + h <= rows - 2)
			draw_field(app, f, i, y + 2 + at, w);
		if (i == f->focus && f->nmatches > 0 && at >= 0)
			matches_at = y + 2 + at + h;
		row += h;
	}
	/* Last, over the fields below the focused one. */
	if (matches_at >= 0)
		draw_matches(f, matches_at, w);
}

static const struct binding bindings[] = {
	{ ACT_SAVE, NULL, true },
	{ ACT_NEXT_FIELD, NULL, true },
	{ ACT_CANCEL, NULL, true },
	{ ACT_INPUT_MODE, NULL, true },
};

static const struct screen_type form_type = {
	N_("Form"), bindings, sizeof bindings / sizeof bindings[0], draw, NULL, form_free, form_key, NULL,
};

struct screen *
form_new(const char *title, form_save_fn save_fn, void *record, void (*free_record)(void *))
{
	struct screen *s = screen_new(&form_type);
	struct form *f = calloc(1, sizeof *f);

	if (s == NULL || f == NULL || (f->title = strdup(title)) == NULL) {
		free(f);
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
