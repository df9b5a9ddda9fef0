/* A screen: one page of the UI (the dashboard, a list, a record, help).
 * Each kind is a screen_type: what it draws and the actions it binds. */
#ifndef CCHC_UI_SCREEN_H
#define CCHC_UI_SCREEN_H

#include <stddef.h>

#include "core/plan/model.h"
#include "ui/actions.h"

struct app;
struct screen;

typedef void (*action_handler)(struct app *, struct screen *, enum action);

/* An action a screen offers and what it does there.  hint: shown on the
 * bottom line (all are in the help). */
struct binding {
	enum action action;
	action_handler run;
	bool hint;
};

struct screen_type {
	const char *title;		/* msgid */
	const struct binding *bindings;
	int nbindings;
	/* Draws the body: rows y .. y+rows-1, cols wide. */
	void (*draw)(struct app *, struct screen *, int y, int rows, int cols);
	/* Reloads data after a change (may be NULL). */
	int (*load)(struct app *, struct screen *);
	void (*free)(struct screen *);
	/* Sees every key before the action table does (text entry); true
	 * when it took the key.  May be NULL. */
	bool (*key)(struct app *, struct screen *, int key);
	/* The text row i of a list is searched in ('/'); NULL: no search. */
	const char *(*row_text)(struct screen *, int i);
};

/* A scrolling selection over count rows. */
struct list {
	int selected, top, count;
	int page;			/* rows visible, set when drawn */
};

/* One labelled value of a record view. */
struct field {
	char *label;
	char *value;
};

struct screen {
	const struct screen_type *type;
	struct screen *below;
	struct list list;
	int section;			/* index into app->sections */
	struct target *targets;
	int ntargets;
	struct task *tasks;
	int ntasks;
	int *rows;			/* the rows shown: indexes into targets */
	int nrows;			/* or tasks, filtered and sorted */
	struct field *fields;		/* record view */
	int nfields;
	int scroll, lines;		/* record and help views */
	/* Opened by a search of the whole plan from the dashboard: the
	 * list's place among those it searches (1 targets, 2 tasks), so
	 * that n goes on into the next; 0 otherwise. */
	int plan_search;
	void *data;			/* the screen type's own state */
	/* Whether the key bar offers a, now (NULL: as the binding's hint
	 * says): a key that would do nothing is not offered. */
	bool (*offers)(const struct screen *, enum action a);
};

/* The binding of t a key means, or NULL (then perhaps a global action). */
const struct binding *screen_binding(const struct screen_type *t, int key);
/* The global action a key means (help, quit), or ACT_NONE. */
enum action global_action(int key);
/* Whether t's key bar and help offer the global action a: not when t
 * binds one of its keys to an action of its own (a form's F10 cancels it,
 * and its 'q' is typed), where offering it would lie. */
bool screen_offers_global(const struct screen_type *t, enum action a);
/* The rows of the help: an action, or a heading (action ACT_NONE). */
struct help_row {
	enum action action;
	const char *heading;
};
/* The rows of screen type t's help into rows (NULL: only counted); how
 * many (help.c). */
int help_rows(const struct screen_type *t, struct help_row *rows);
/* Every screen type of the UI, NULL-terminated (keymap.c). */
extern const struct screen_type *const screen_types[];
/* 0 when no key of t means two of its actions; else -1 and msg says which
 * key and actions. */
int screen_type_check(const struct screen_type *t, char *msg, size_t n);
/* The same over every screen type: 0, or -1 with the first clash. */
int screen_types_check(char *msg, size_t n);

/* List movement shared by every list screen; true when handled. */
bool list_move(struct list *l, enum action a);
/* A binding's handler for the movement actions of s->list. */
void screen_list_action(struct app *app, struct screen *s, enum action a);
/* The movement over a list: PgUp is hinted on lists long enough to page
 * (hint_pages). */
#define LIST_MOVE_BINDINGS(hint_pages) \
	{ ACT_PAGE_UP, screen_list_action, hint_pages }, \
	{ ACT_PAGE_DOWN, screen_list_action, false }, \
	{ ACT_UP, screen_list_action, false }, \
	{ ACT_DOWN, screen_list_action, false }, \
	{ ACT_HOME, screen_list_action, false }, \
	{ ACT_END, screen_list_action, false }
/* The bindings every list shares: search, undo, back and movement. */
#define LIST_BINDINGS(hint_pages) \
	{ ACT_SEARCH, screen_search, true }, \
	{ ACT_NEXT_MATCH, screen_next_match, false }, \
	{ ACT_UNDO, screen_undo, false }, \
	{ ACT_BACK, screen_back, true }, \
	LIST_MOVE_BINDINGS(hint_pages)

/* A binding's handler for ACT_PREV/NEXT_SECTION: shows the same list for
 * the section before or after, reloading it. */
void screen_change_section(struct app *app, struct screen *s, enum action a);
/* Handlers for '/', 'n' and 'u' on lists. */
void screen_search(struct app *app, struct screen *s, enum action a);
void screen_next_match(struct app *app, struct screen *s, enum action a);
void screen_undo(struct app *app, struct screen *s, enum action a);
/* A binding's handler for a page of text (help, a record): the arrows,
 * PgUp/PgDn and Home/End move s->scroll over s->lines lines, of which
 * s->list.page fit. */
void screen_scroll_text(struct app *app, struct screen *s, enum action a);
/* Its offers hook: PgUp and PgDn only where they would move (a record
 * that fits its page offered "PgUp trang trước"). */
bool screen_text_offers(const struct screen *s, enum action a);
/* A binding's handler that closes s and shows the screen below. */
void screen_back(struct app *app, struct screen *s, enum action a);
/* Keeps the selection visible in rows rows. */
void list_scroll(struct list *l, int rows);

/* Sets the rows shown to those of 0..n-1 for which keep(s, i) (NULL: all),
 * ordered by cmp (NULL: as they are; cmp gets the screen through ctx).
 * Keeps the selection in range.  0 or -1. */
int screen_view(struct screen *s, int n, bool (*keep)(struct screen *, int),
    int (*cmp)(const void *, const void *));

/* A list's selected row, whole, on the status line (while no message
 * is shown) when its cells cut it: two rows may start alike ("Xây dựng,
 * ban hành Kế hoạch…").  The parts are joined by " · ", blank ones and
 * newlines left out. */
void screen_note_row(struct app *app, const char *const *parts, int n);

struct screen *screen_new(const struct screen_type *type);
/* A screen of a type that reads its rows itself (type->load), read; a
 * load that failed has said why on the status line and leaves the screen
 * empty.  NULL when memory ran out. */
struct screen *screen_open(struct app *app, const struct screen_type *type);
/* A screen whose data is size zeroed bytes; NULL when memory ran out. */
struct screen *screen_new_data(const struct screen_type *type, size_t size);
/* The list holds n rows: the selection stays on one of them. */
void list_fit(struct list *l, int n);
void screen_free(struct screen *s);

#endif
