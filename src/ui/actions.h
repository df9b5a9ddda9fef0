/* The table of actions: what a user can do, under which name, on which
 * keys, under which label.  Key hints on the bottom line and the help
 * screen are drawn from it; the main loop only maps a key to an action
 * and dispatches (key -> named action -> the screen's handler). */
#ifndef CCHC_UI_ACTIONS_H
#define CCHC_UI_ACTIONS_H

#include <stdbool.h>
#include <wchar.h>

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_ARROW_UP,		/* the arrow alone, where 'k' means more */
	ACT_FIELD_UP,		/* forms: the arrows, letters being typed */
	ACT_FIELD_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_HOME,
	ACT_END,
	ACT_PREV_SECTION,
	ACT_NEXT_SECTION,
	ACT_OPEN,
	ACT_TARGETS,
	ACT_TASKS,
	ACT_UNIT_TASKS,
	ACT_PERIOD,
	ACT_PREV_PERIOD,
	ACT_ADD,
	ACT_EDIT,
	ACT_EDIT_PLAN,
	ACT_DELETE,
	ACT_UNDO,
	ACT_RESULT,
	ACT_SEARCH,
	ACT_FILTER,
	ACT_SORT,
	ACT_NEXT_MATCH,
	ACT_UNITS,
	ACT_OFFICE,
	ACT_PLANS,
	ACT_SETTINGS,
	ACT_SIPAS,
	ACT_FORMS,
	ACT_HISTORY,
	ACT_BACKUP,
	ACT_IMPORT,
	ACT_OPERATOR,
	ACT_ASSESSMENT,
	ACT_CRITERIA,
	ACT_SET_HEADER,
	ACT_COMPARE,
	ACT_SURVEY,
	ACT_TEMPLATE,
	ACT_OTHER_SET,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_REPORT,
	ACT_WRITTEN,		/* the written report of the period shown */
	ACT_REPORT_SENT,	/* the report overdue (or next) sent today */
	ACT_COPY_PREVIOUS,	/* a part's text of the period before, to edit */
	ACT_PRINT,
	ACT_EXPORT,
	ACT_WIDTH,
	ACT_SAVE,
	ACT_APPLY,		/* a filter's save: it is applied, not kept */
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_NEXT_OR_SAVE,
	ACT_NEXT_OR_APPLY,
	ACT_CANCEL,
	ACT_CANCEL_FORM,	/* Esc, and F10 rather than quitting */
	ACT_INPUT_MODE,
	ACT_BACK,
	ACT_HELP,
	ACT_QUIT,
	ACT_SKIP,
	ACT_MERGE_UP,
	ACT_SHEETS_OUT,
	ACT_SHEETS_IN,
	ACT_TAKE_SHEET,
	ACT_TAKE_CCHC,
	ACT_MARK_DONE,
	ACT_CYCLE_PROGRESS,
	/* Editing a form's text field (form_state.c takes these keys before
	 * any binding; the help lists them). */
	ACT_FIELD_START,
	ACT_FIELD_END,
	ACT_KILL_START,
	ACT_KILL_END,
	ACT_KILL_WORD,
	ACT_WORD_LEFT,
	ACT_WORD_RIGHT,
	ACT_TAKE_MATCH,
	ACT_COUNT
};

/* Function keys (KEY_*) are stored with this bit so they never collide
 * with a character of the same number. */
#define KEYFN(k) ((int)(k) | (1 << 24))

/* Keys the terminal sends around pasted text when bracketed paste is on
 * (defined with define_key in app.c). */
#define KEY_PASTE_START (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)
/* Ctrl-Left / Ctrl-Right and Alt-b / Alt-f, in their several spellings
 * (defined in app.c). */
#define KEY_WORD_LEFT (KEY_MAX + 3)
#define KEY_WORD_RIGHT (KEY_MAX + 4)

struct action_def {
	enum action action;
	const char *name;	/* "next-field": how messages and tests name it */
	int keys[4];		/* 0-terminated */
	const char *key_label;	/* as shown: "Enter", "↑↓" (msgid) */
	const char *label;	/* what it does (msgid) */
};

const struct action_def *action_def(enum action a);

/* Whether key is one of a's. */
bool action_has_key(enum action a, int key);

/* Whether the row of action by ("Up/Down") shows a's keys too (Down), so
 * that a screen with both lists a's keys once. */
bool action_shown_by(enum action a, enum action by);

/* The editing keys of a form's text field, in the order the help lists
 * them. */
extern const enum action field_edit_actions[];
extern const int nfield_edit_actions;

/* Actions every screen has, in the order the bottom line shows them. */
extern const enum action global_actions[];
extern const int nglobal_actions;

#endif
