/* A form: labelled fields edited with the keyboard alone.
 *
 * Tab/Shift-Tab and Up/Down move between fields, F2 saves (Enter on the
 * last field too), Esc cancels and asks first when something changed.  Text
 * fields use the core's line editor (NFC, letters not bytes) and the
 * built-in Telex/VNI engine.  The form does not know the record: a record's
 * form fills the fields and gives a save callback that calls the core and
 * reports a field error, which puts the cursor back on that field. */
#ifndef CCHC_UI_FORM_H
#define CCHC_UI_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "core/text/telex.h"
#include "ui/actions.h"

struct app;
struct db;
struct editor;
struct err;
struct screen;
struct screen_type;

enum field_kind {
	FIELD_TEXT,		/* one line, scrolls sideways */
	FIELD_LONG_TEXT,	/* wraps over FORM_LONG_ROWS rows */
	FIELD_CHOICE,		/* one of a list: Left/Right, Space */
	FIELD_UNIT,		/* a unit's name, completed from the units */
	FIELD_UNITS,		/* several units separated by ';' */
};

#define FORM_LONG_ROWS 3

struct form_field {
	char *label;
	enum field_kind kind;
	int id;			/* the core's field number, for errors */
	struct editor *ed;	/* text-like kinds */
	size_t scroll;		/* first byte shown (one-line fields) */
	const char *const *choices;	/* FIELD_CHOICE: msgids */
	int nchoices, choice, saved_choice;
	char hint[160];		/* shown after the field: "→ 30/09/2025" */
	const char *note;	/* what a term of art means, on the status
				 * line while focused (translated); NULL */
	bool plain;		/* typed as is, never through Telex (file names) */
	bool hidden;		/* not drawn, never focused: of no use for the
				 * record as it stands (a yes/no target's
				 * comparator) */
	size_t word_floor;	/* Telex words start no earlier: an accepted
				 * completion is not re-read as typing */
	bool sep_due;		/* FIELD_UNITS: a name was just taken; "; "
				 * comes before the next one typed */
	bool page;		/* FIELD_LONG_TEXT as tall as the screen allows,
				 * Enter breaking the line: a document's part */
};

struct form;
typedef int (*form_save_fn)(struct app *, struct form *, struct err *);
typedef void (*form_change_fn)(struct app *, struct form *, int field);
/* Completes the unit being typed: at most max names (strdup'ed) into out
 * whose folded form contains the folded typed part; returns how many. */
typedef int (*form_complete_fn)(void *ctx, const char *typed, char **out, int max);

#define FORM_MAX_MATCHES 6

struct form {
	char *title;
	struct form_field *fields;
	int nfields;
	int focus;
	int top;		/* first field row shown */
	form_save_fn save;
	/* What the status line says when save worked; NULL: "Saved."
	 * (a filter applies rather than saves). */
	const char *done;
	/* The save writes nothing to the database (a filter, a file): the
	 * form opens and saves in a read-only instance too. */
	bool no_write;
	bool done_warns;	/* done is a warning: the save went through */
	form_change_fn changed;	/* after each edit of a field; may be NULL */
	void *record;		/* the record's own state */
	void (*free_record)(void *);
	bool asking;		/* "discard changes?" is on the status line */
	/* A save refused because a unit field names no unit: the name, the
	 * refusal (said again if the clerk does not add it), "add it?" on the
	 * status line; the names said yes to, added in the save's own
	 * transaction.  Only forms with add_units ask. */
	bool add_units;
	char *unknown_unit;
	int unknown_field;
	char unknown_error[512];	/* as struct err's msg */
	bool asking_unit;
	char **new_units;
	int nnew_units;
	/* Unit completion for FIELD_UNIT(S): candidates matching the part
	 * being typed, and the one highlighted. */
	char **matches;
	int nmatches, match;
	form_complete_fn complete;	/* NULL: no completion */
	void *complete_ctx;
	void (*free_complete)(void *);
	/* A bracketed paste being received: its text goes in as it is (no
	 * Telex), in one piece when the paste ends. */
	bool pasting;
	char *paste;
	size_t paste_len, paste_cap;
};

/* What a key or an action did to a form, for the screen to carry out. */
enum form_outcome {
	FORM_IGNORED,		/* not the form's: the key is looked up as an action */
	FORM_TAKEN,		/* done, nothing else to do */
	FORM_EDITED,		/* the focused field's value changed */
	FORM_PASTED,		/* a bracketed paste went into the field */
	FORM_MOVED,		/* the focus or the completion chosen moved */
	FORM_SAVE,		/* save (and close when it worked) */
	FORM_CLOSE,		/* close without saving */
	FORM_ASK_DISCARD,	/* ask whether to drop the changes */
	FORM_DISCARD,		/* the answer was yes: close, dropping the changes */
	FORM_KEEP,		/* the answer was not yes: keep editing */
	FORM_INPUT_MODE,	/* switch the typing mode (Telex, VNI, off) */
	FORM_ADD_UNIT,		/* yes to adding the unknown unit: save again */
	FORM_NO_UNIT,		/* no: keep editing, told how to add units */
	FORM_NOT_TEXT,		/* a letter on a choice: nothing changed, say so */
};

/* The state alone (form_state.c), without a screen: for form_new and the
 * tests.  form_destroy frees the record too. */
struct form *form_create(const char *title);
void form_destroy(struct form *f);
/* A key typed into the form: text, a choice, a paste, the answer to the
 * question; FORM_IGNORED when it is none of these.  width: the columns of
 * a long text field (for Up/Down inside it). */
enum form_outcome form_take_key(struct form *f, int key, int width);
/* An action of the form's bindings (save, cancel, next field...). */
enum form_outcome form_do(struct form *f, enum action a);
void form_clear_matches(struct form *f);
/* Drops the units said yes to (a save refused for another reason asks
 * again, so none is added that the record no longer names). */
void form_forget_new_units(struct form *f);
void form_set_input(enum telex_mode mode, enum tone_style style);

/* A new form screen; NULL when memory ran out. */
struct screen *form_new(const char *title, form_save_fn save, void *record,
    void (*free_record)(void *));
/* A filter's form: F2 applies it ("Filter applied."), writing nothing. */
struct screen *form_new_filter(const char *title, form_save_fn apply, void *record,
    void (*free_record)(void *));
/* Whether t is a form's screen type (a filter's too). */
bool form_screen_type(const struct screen_type *t);
struct form *form_of(struct screen *s);
/* Whether s is a form whose save writes to the database: a read-only
 * instance does not open it (the typing would be lost at F2). */
bool form_writes(const struct screen *s);
/* From the save callback of the form on top: next is shown in its place
 * once the save worked (a file read, then its preview). */
void form_hand_over(struct app *app, struct screen *next);

/* Adds a field and returns its index (-1 on failure).  value may be NULL. */
int form_add_text(struct form *f, const char *label, int id, const char *value, bool long_text);
int form_add_choice(struct form *f, const char *label, int id, const char *const *choices,
    int n, int selected);
int form_add_unit(struct form *f, const char *label, int id, const char *value, bool several);

/* Makes a long text field a page of a document (form_field.page). */
void form_set_page(struct form *f, int field);

/* Gives a field a one-line explanation (translated), shown on the status
 * line while it is focused and nothing else is said there. */
void form_set_note(struct form *f, int field, const char *note);

/* Puts the focus on field, scrolled to the top so the fields after it
 * show too (a form opened where it is most often edited). */
void form_open_at(struct form *f, int field);

/* Makes a text field take keys as they are: no Telex/VNI. */
void form_set_plain(struct form *f, int field);

const char *form_text(const struct form *f, int field);
int form_choice(const struct form *f, int field);
/* The field the core's field number id is, or -1. */
int form_field_of(const struct form *f, int id);
bool form_changed(const struct form *f);

/* The unit a unit field names: 0 for an empty field, else its id; an
 * unknown name is an error on that field (0 returned, or -1 and *err).
 * A form on top with add_units keeps a name no unit has, to offer to add
 * it. */
int form_unit_id(struct app *app, const char *name, int field, const char *label,
    int64_t *id, struct err *err);

/* The typing mode for every form, kept in the settings. */
enum telex_mode form_input_mode(void);
enum tone_style form_tone_style(void);
/* Reads them from the settings, and keeps new ones there (0 or -1). */
void form_load_input(struct db *db);
int form_save_input(struct db *db, enum telex_mode mode, enum tone_style style);
/* F4: the next typing mode, kept in the settings. */
void form_cycle_input(struct app *app);
/* "Typing: Telex": what the status line shows while text is typed. */
const char *form_input_label(void);

#endif
