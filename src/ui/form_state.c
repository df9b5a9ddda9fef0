/* A form's state and what keys do to it, without the terminal: fields,
 * focus, editing, completion, a bracketed paste, the question before
 * discarding.  Each key or action gives an outcome the screen (form.c)
 * carries out: it alone calls the application, the database and curses
 * (here only for the key codes). */
#include "ui/form.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/text/editor.h"
#include "core/text/text.h"
#include "ui/actions.h"

#define CTRL(c) ((c) & 0x1f)

/* The typing mode, one for every form (kept in the settings by form.c). */
static enum telex_mode input_mode = INPUT_TELEX;
static enum tone_style tone_style = TONE_OLD;

void
form_set_input(enum telex_mode mode, enum tone_style style)
{
	input_mode = mode;
	tone_style = style;
}

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

void
form_set_page(struct form *f, int field)
{
	if (field >= 0 && field < f->nfields && f->fields[field].kind == FIELD_LONG_TEXT)
		f->fields[field].page = true;
}

void
form_set_note(struct form *f, int field, const char *note)
{
	if (field >= 0)
		f->fields[field].note = note;
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

void
form_clear_matches(struct form *f)
{
	for (int i = 0; i < f->nmatches; i++)
		free(f->matches[i]);
	free(f->matches);
	f->matches = NULL;
	f->nmatches = f->match = 0;
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

/* Candidates for the unit being typed, from the form's completion (which
 * holds the names: no query per key). */
static void
find_matches(struct form *f)
{
	struct form_field *fl = &f->fields[f->focus];

	form_clear_matches(f);
	if ((fl->kind != FIELD_UNIT && fl->kind != FIELD_UNITS) || f->complete == NULL ||
	    *unit_part(fl) == '\0')
		return;
	if ((f->matches = calloc(FORM_MAX_MATCHES, sizeof *f->matches)) == NULL)
		return;
	f->nmatches = f->complete(f->complete_ctx, unit_part(fl), f->matches, FORM_MAX_MATCHES);
	/* An exact name needs no list. */
	if (f->nmatches == 1 && strcmp(f->matches[0], unit_part(fl)) == 0)
		form_clear_matches(f);
}

static void
accept_match(struct form *f)
{
	struct form_field *fl = &f->fields[f->focus];
	const char *text = editor_text(fl->ed);
	size_t start = (size_t)(unit_part(fl) - text);

	editor_replace(fl->ed, start, strlen(text), f->matches[f->match]);
	editor_end(fl->ed);
	/* Not yet: Tab goes on from here, and no field keeps a separator
	 * with nothing after it. */
	fl->sep_due = fl->kind == FIELD_UNITS;
	fl->word_floor = editor_cursor(fl->ed);
	form_clear_matches(f);
}

/* Focuses field i, or the next shown one going by step (1 or -1). */
static void
focus(struct form *f, int i, int step)
{
	form_clear_matches(f);
	f->fields[f->focus].sep_due = false;
	for (int n = 0; n < f->nfields; n++, i += step) {
		if (i < 0)
			i = f->nfields - 1;
		if (i >= f->nfields)
			i = 0;
		if (!f->fields[i].hidden)
			break;
	}
	f->focus = i;
}

/* True when no shown field follows the focused one. */
static bool
focus_last(const struct form *f)
{
	for (int i = f->focus + 1; i < f->nfields; i++)
		if (!f->fields[i].hidden)
			return false;
	return true;
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

		if (start < fl->word_floor && cur >= fl->word_floor)
			start = fl->word_floor;
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

/* The editing keys the help lists, from the action table; true when key
 * is one. */
static bool
field_edit(struct editor *ed, int key)
{
	if (action_has_key(ACT_FIELD_START, key))
		editor_home(ed);
	else if (action_has_key(ACT_FIELD_END, key))
		editor_end(ed);
	else if (action_has_key(ACT_WORD_LEFT, key))
		editor_word_left(ed);
	else if (action_has_key(ACT_WORD_RIGHT, key))
		editor_word_right(ed);
	else if (action_has_key(ACT_KILL_START, key))
		editor_kill_start(ed);
	else if (action_has_key(ACT_KILL_END, key))
		editor_kill_end(ed);
	else if (action_has_key(ACT_KILL_WORD, key))
		editor_kill_word(ed);
	else
		return false;
	return true;
}

/* Keys that edit the focused text field; true when taken. */
static bool
edit_key(struct form_field *fl, int key, int width)
{
	bool sep = fl->sep_due;

	fl->sep_due = false;
	if (field_edit(fl->ed, key))
		return true;
	switch (key) {
	case KEYFN(KEY_LEFT):
		editor_left(fl->ed);
		return true;
	case KEYFN(KEY_RIGHT):
		editor_right(fl->ed);
		return true;
	case KEYFN(KEY_BACKSPACE):
	case 127:
	case CTRL('h'):
		editor_backspace(fl->ed);
		return true;
	case KEYFN(KEY_DC):
		editor_delete(fl->ed);
		return true;
	case '\n':
	case '\r':
	case KEYFN(KEY_ENTER):
		return fl->page && editor_insert(fl->ed, '\n') == 0;
	case KEYFN(KEY_UP):
		return fl->kind == FIELD_LONG_TEXT && editor_up(fl->ed, width);
	case KEYFN(KEY_DOWN):
		return fl->kind == FIELD_LONG_TEXT && editor_down(fl->ed, width);
	default:
		if (key >= ' ' && key != 127 && key < (1 << 24)) {
			/* Another name after the one taken. */
			if (sep && key != ';' && key != ' ' && editor_insert_text(fl->ed, "; ") == 0)
				fl->word_floor = editor_cursor(fl->ed);
			type_key(fl, (wint_t)key);
			return true;
		}
		return false;
	}
}

static bool
choice_key(struct form_field *fl, int key)
{
	/* Not space: text typed on a choice by a Tab too few changed it
	 * with each word ("to cong tac" made the progress "Xong", dated;
	 * walk-through). */
	if (key == KEYFN(KEY_LEFT))
		fl->choice = (fl->choice + fl->nchoices - 1) % fl->nchoices;
	else if (key == KEYFN(KEY_RIGHT))
		fl->choice = (fl->choice + 1) % fl->nchoices;
	else
		return false;
	return true;
}

/* Collects a bracketed paste; true while one is under way.  Choice fields
 * take no text, so a paste there is dropped. */
static bool
paste_key(struct form *f, int key, bool *pasted)
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
			*pasted = true;
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

enum form_outcome
form_take_key(struct form *f, int key, int width)
{
	struct form_field *fl = &f->fields[f->focus];
	bool pasted = false, arrow = key == KEYFN(KEY_DOWN) || key == KEYFN(KEY_UP);

	if (paste_key(f, key, &pasted))
		return pasted ? FORM_PASTED : FORM_TAKEN;
	if (f->asking) {
		f->asking = false;
		return key == 'y' || key == 'Y' ? FORM_DISCARD : FORM_KEEP;
	}
	if (f->asking_unit) {
		f->asking_unit = false;
		return key == 'y' || key == 'Y' ? FORM_ADD_UNIT : FORM_NO_UNIT;
	}
	/* With completions shown the arrows choose among them (form_do). */
	if (!(arrow && f->nmatches > 0) &&
	    (fl->kind == FIELD_CHOICE ? choice_key(fl, key) : edit_key(fl, key, width))) {
		find_matches(f);
		return FORM_EDITED;
	}
	/* A letter is never a command in a form; on a choice it is a
	 * mistake to point out. */
	if (key >= ' ' && key < (1 << 24))
		return fl->kind == FIELD_CHOICE ? FORM_NOT_TEXT : FORM_TAKEN;
	return FORM_IGNORED;
}

enum form_outcome
form_do(struct form *f, enum action a)
{
	bool last = focus_last(f);

	/* A filter's keys do what a form's do. */
	if (a == ACT_APPLY)
		a = ACT_SAVE;
	else if (a == ACT_NEXT_OR_APPLY)
		a = ACT_NEXT_OR_SAVE;
	switch (a) {
	case ACT_SAVE:
		form_clear_matches(f);
		return FORM_SAVE;
	case ACT_CANCEL_FORM:
		if (f->nmatches > 0) {
			form_clear_matches(f);
			return FORM_TAKEN;
		}
		if (!form_changed(f))
			return FORM_CLOSE;
		f->asking = true;
		return FORM_ASK_DISCARD;
	case ACT_INPUT_MODE:
		return FORM_INPUT_MODE;
	case ACT_FIELD_UP:
	case ACT_FIELD_DOWN:
		if (f->nmatches > 0)
			f->match = (f->match + (a == ACT_FIELD_DOWN ? 1 : f->nmatches - 1)) % f->nmatches;
		else
			focus(f, f->focus + (a == ACT_FIELD_DOWN ? 1 : -1), a == ACT_FIELD_DOWN ? 1 : -1);
		return FORM_MOVED;
	case ACT_NEXT_FIELD:
	case ACT_NEXT_OR_SAVE:
		/* Enter takes a name and stays (to check it); Tab takes it
		 * and goes on, as it does everywhere else. */
		if (f->nmatches > 0) {
			accept_match(f);
			if (a == ACT_NEXT_FIELD)
				focus(f, f->focus + 1, 1);
		} else if (a == ACT_NEXT_OR_SAVE && last)
			return form_do(f, ACT_SAVE);
		else
			focus(f, f->focus + 1, 1);
		return FORM_MOVED;
	case ACT_PREV_FIELD:
		focus(f, f->focus - 1, -1);
		return FORM_MOVED;
	default:
		return FORM_IGNORED;
	}
}

struct form *
form_create(const char *title)
{
	struct form *f = calloc(1, sizeof *f);

	if (f != NULL && (f->title = strdup(title)) == NULL) {
		free(f);
		return NULL;
	}
	return f;
}

void
form_forget_new_units(struct form *f)
{
	for (int i = 0; i < f->nnew_units; i++)
		free(f->new_units[i]);
	free(f->new_units);
	f->new_units = NULL;
	f->nnew_units = 0;
}

void
form_destroy(struct form *f)
{
	if (f == NULL)
		return;
	form_clear_matches(f);
	for (int i = 0; i < f->nfields; i++) {
		free(f->fields[i].label);
		editor_free(f->fields[i].ed);
	}
	free(f->fields);
	free(f->title);
	free(f->paste);
	free(f->unknown_unit);
	form_forget_new_units(f);
	if (f->free_complete != NULL)
		f->free_complete(f->complete_ctx);
	if (f->free_record != NULL)
		f->free_record(f->record);
	free(f);
}
