/* The application: what is open, the screen stack, the main loop. */
#ifndef CCHC_UI_APP_H
#define CCHC_UI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/plan/model.h"
#include "ui/draw.h"
#include "ui/search.h"

struct db;
struct err;
struct screen;

/* A task's progress before a key of the task list changed it. */
struct progress_undo {
	int64_t task;			/* 0: nothing to undo */
	enum task_progress progress;
	char completion[11];
};

struct app {
	struct db *db;
	bool has_office, has_plan;
	struct office office;
	struct plan plan;
	struct section *sections;
	int nsections;
	int year;			/* the reporting period shown */
	enum period_kind period;
	struct screen *top;		/* the screen shown; others below it */
	char message[256];		/* the status line */
	const char *note;		/* the status line when message is "":
					 * the focused field's (set when drawn) */
	char mode[32];			/* right of the status line: typing mode */
	int cursor_y, cursor_x;		/* where the text cursor shows, -1: hidden */
	enum color message_color;
	bool quit;
	bool read_only;			/* another instance holds the edit lock */
	/* A question on the status line: the next key answers it, 'y' runs
	 * confirm_yes on the screen that asked. */
	void (*confirm_yes)(struct app *, struct screen *);
	/* A search on the list on top ("/"). */
	struct search search;
	bool search_due;	/* the query changed while keys were waiting:
				 * looked for when the typing stops */
	/* The last delete, or the last progress set from the task list:
	 * what 'u' undoes (one of them at most). */
	struct trash *trash;
	struct progress_undo undo_progress;
};

/* Runs the UI until the user quits.  utf8 is false when the user's locale
 * was not UTF-8 and C.UTF-8 stands in (said on the status line).
 * exit_after_draw: quit once the first screen is drawn (benchmarks).  Returns
 * the exit status. */
int app_run(struct db *db, const char *path, bool utf8, bool exit_after_draw);

/* False, with a message, when the database is open read-only here (another
 * cchc is editing it): every write path asks this first. */
bool app_may_write(struct app *app);

void app_push(struct app *app, struct screen *s);
void app_pop(struct app *app);
void app_message(struct app *app, enum color c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The one place that shows an error: e's message on the status line. */
void app_error(struct app *app, const struct err *e);
/* app_error with the database's last message, after a core call that
 * takes no struct err failed. */
void app_fail_db(struct app *app);

/* Reads the office, the plan (plan, or the current one when 0) and the
 * sections again after they changed.  0 or -1. */
int app_reload(struct app *app, int64_t plan);
/* The index in app->sections of the section with that id, or -1. */
int app_section_index(const struct app *app, int64_t id);

/* Asks question on the status line; 'y' then calls yes(app, app->top). */
void app_confirm(struct app *app, const char *question, void (*yes)(struct app *, struct screen *));

/* Starts a search on the list on top ('/'); jumps to the first row from
 * row `from` on that matches the query (false when none does). */
void app_search_start(struct app *app);
bool app_search_next(struct app *app, struct screen *s, int from);

/* Keeps t as the delete that 'u' can undo (freeing the one before). */
void app_keep_trash(struct app *app, struct trash *t);
/* Keeps a task's progress as it was, for 'u' (instead of any delete). */
void app_keep_progress(struct app *app, const struct progress_undo *u);
void app_undo(struct app *app, struct screen *s);


#endif
