/* The main loop: draw the top screen, read a key, map it to an action,
 * dispatch.  Screens never build SQL; they call the core and draw what it
 * returns. */
#include "config.h"

#include "ui/app.h"

#include <curses.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/period.h"
#include "core/plan/plan.h"
#include "core/plan/section.h"
#include "core/plan/task.h"
#include "core/plan/validate.h"
#include "core/store/backup.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/store/history.h"
#include "core/store/office.h"
#include "core/store/trash.h"
#include "core/text/i18n.h"
#include "core/text/text.h"
#include "ui/form.h"
#include "ui/input.h"
#include "ui/screen.h"
#include "ui/screens.h"

/* Below this the screens cannot show a row of a list with its columns. */
#define MIN_COLS 60
#define MIN_ROWS 12

int
app_section_index(const struct app *app, int64_t id)
{
	for (int i = 0; i < app->nsections; i++)
		if (app->sections[i].id == id)
			return i;
	return -1;
}

void
app_message(struct app *app, enum color c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_color = c;
}

void
app_error(struct app *app, const struct err *e)
{
	app_message(app, COLOR_BAD, "%s", e->msg);
}

void
app_fail_db(struct app *app)
{
	struct err e;

	err_db(&e, app->db);
	app_error(app, &e);
}

void
app_push(struct app *app, struct screen *s)
{
	if (s == NULL) {
		app_message(app, COLOR_BAD, "%s", _("Out of memory"));
		return;
	}
	/* Said before anything is typed, not at F2. */
	if (form_writes(s) && !app_may_write(app)) {
		screen_free(s);
		return;
	}
	s->below = app->top;
	app->top = s;
}

void
app_pop(struct app *app)
{
	struct screen *s = app->top;

	if (s == NULL || s->below == NULL)
		return;
	app->top = s->below;
	screen_free(s);
	/* What the screen shows may have changed meanwhile (a save, a new
	 * plan, another period): read it again. */
	if (app->top->type->load != NULL)
		app->top->type->load(app, app->top);
}

static void
draw_title(struct app *app, int cols)
{
	char line[512];

	snprintf(line, sizeof line, " cchc · %s · %s%s%s", app->has_office ? app->office.name : "",
	    _(app->top->type->title), app->read_only ? " · " : "",
	    app->read_only ? _("READ ONLY") : "");
	draw_text(0, 0, line, cols, draw_attr(COLOR_BAR));
}

/* The key bar: help and quit first (they lead to every other key), then
 * the screen's keys, each whole, on as many of KEY_LINES lines as they
 * need; when some do not fit, the last line ends with "… F1", which lists
 * them all.  Draws when draw is true; returns the lines used. */
#define KEY_LINES 2

/* Lays the keys out, the last line reserve columns short; *all: every key
 * fitted. */
static int
key_layout(struct app *app, int y, int cols, int reserve, bool draw, bool *all)
{
	const struct screen_type *t = app->top->type;
	int x = 0, line = 0;

	*all = true;
	for (int i = 0; i < nglobal_actions + t->nbindings; i++) {
		bool global = i < nglobal_actions;
		enum action a = global ? global_actions[i] : t->bindings[i - nglobal_actions].action;
		const struct action_def *d = action_def(a);
		int w;

		if (global ? !screen_offers_global(t, a) : !t->bindings[i - nglobal_actions].hint ||
		    (app->top->offers != NULL && !app->top->offers(app->top, a)))
			continue;
		w = text_width(_(d->key_label)) + 1 + text_width(_(d->label));
		if (x > 0 && x + w > cols - (line + 1 == KEY_LINES ? reserve : 0)) {
			if (line + 1 == KEY_LINES) {
				*all = false;
				break;
			}
			line++;
			x = 0;
		}
		if (draw) {
			draw_text(y + line, x, _(d->key_label), cols - x, draw_attr(COLOR_BAR));
			draw_text(y + line, x + text_width(_(d->key_label)) + 1, _(d->label),
			    cols - x - text_width(_(d->key_label)) - 1, A_NORMAL);
		}
		x += w + 2;
	}
	return line + 1;
}

static int
key_bar(struct app *app, int y, int cols, bool draw)
{
	static const char more[] = "… F1";
	int lines, w = text_width(more);
	bool all;

	lines = key_layout(app, y, cols, 0, false, &all);
	if (all)
		return draw ? key_layout(app, y, cols, 0, true, &all) : lines;
	lines = key_layout(app, y, cols, w + 1, draw, &all);
	if (draw)
		draw_text(y + lines - 1, cols - w, more, w, draw_attr(COLOR_BAR));
	return lines;
}

/* While a search is typed, the cursor sits in it on the status line and
 * the typing mode shows, as in a form. */
static void
search_cursor_at(struct app *app, int y)
{
	char *before = strndup(app->search.query, search_cursor(&app->search));

	app->cursor_y = y;
	app->cursor_x = 1 + (before != NULL ? text_width(before) : 0);
	free(before);
}

static void
draw_all(struct app *app)
{
	const char *status;
	int rows, cols, keys;

	getmaxyx(stdscr, rows, cols);
	erase();
	if (rows < MIN_ROWS || cols < MIN_COLS) {
		char msg[200];

		snprintf(msg, sizeof msg, _("Terminal too small: %dx%d, need at least %dx%d"),
		    cols, rows, MIN_COLS, MIN_ROWS);
		draw_wrapped(0, 0, msg, cols, 0, rows, A_BOLD);
		refresh();
		return;
	}
	draw_title(app, cols);
	app->cursor_y = app->cursor_x = -1;
	app->mode[0] = '\0';
	app->note = NULL;
	keys = key_bar(app, 0, cols, false);
	app->top->type->draw(app, app->top, 1, rows - 2 - keys, cols);
	if (app->search.typing)
		snprintf(app->mode, sizeof app->mode, "%s", form_input_label());
	status = app->message[0] == '\0' && app->note != NULL ? app->note : app->message;
	draw_text(rows - 1 - keys, 0, status, cols, status == app->message ?
	    draw_attr(app->message_color) : A_NORMAL);
	/* The typing mode beside the message, or on the title bar when the
	 * message needs the whole line (an error was cut under it). */
	if (app->mode[0] != '\0') {
		bool up = text_width(status) + 17 > cols;

		draw_text_right(up ? 0 : rows - 1 - keys, cols - 16, app->mode, 16,
		    up ? draw_attr(COLOR_BAR) | A_BOLD : A_BOLD);
	}
	key_bar(app, rows - keys, cols, true);
	if (app->search.typing)
		search_cursor_at(app, rows - 1 - keys);
	/* The text cursor shows only where a field is being edited. */
	if (app->cursor_y >= 0) {
		curs_set(1);
		move(app->cursor_y, app->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

void
app_confirm(struct app *app, const char *question, void (*yes)(struct app *, struct screen *))
{
	/* Every question asked before a write is a delete. */
	if (!app_may_write(app))
		return;
	app_message(app, COLOR_WARN, "%s", question);
	app->confirm_yes = yes;
}

void
app_keep_trash(struct app *app, struct trash *t)
{
	trash_free(app->trash);
	app->trash = t;
	app->undo_progress.task = 0;
}

void
app_keep_progress(struct app *app, const struct progress_undo *u)
{
	app_keep_trash(app, NULL);
	app->undo_progress = *u;
}

/* Puts back the progress a key of the task list set. */
static void
undo_progress(struct app *app, struct screen *s)
{
	const struct progress_undo *u = &app->undo_progress;
	struct err err;

	if (task_set_progress(app->db, u->task, u->progress, u->completion, &err) != 0) {
		app_error(app, &err);
		return;
	}
	app->undo_progress.task = 0;
	if (s->type->load != NULL)
		s->type->load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("The task's progress is back as it was."));
}

void
app_undo(struct app *app, struct screen *s)
{
	if (app->trash == NULL && app->undo_progress.task == 0) {
		app_message(app, COLOR_WARN, "%s", _("Nothing to undo."));
		return;
	}
	if (!app_may_write(app))
		return;
	if (app->undo_progress.task != 0) {
		undo_progress(app, s);
		return;
	}
	if (trash_restore(app->db, app->trash) != 0) {
		app_fail_db(app);
		return;
	}
	app_keep_trash(app, NULL);
	if (s->type->load != NULL)
		s->type->load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("The deleted record is back."));
}

void
app_search_start(struct app *app)
{
	if (search_start(&app->search) != 0) {
		app_message(app, COLOR_BAD, "%s", _("Out of memory"));
		return;
	}
	app_message(app, COLOR_NORMAL, "/");
}

/* The first row of s from row from on that matches needle, or -1. */
static int
find_row(struct screen *s, const char *needle, int from)
{
	for (int i = from; s->type->row_text != NULL && i < s->list.count; i++)
		if (text_contains_folded(s->type->row_text(s, i), needle))
			return i;
	return -1;
}

/* A list of one section that Left/Right change: a search goes on into
 * the other sections. */
static bool
sectioned(const struct screen *s)
{
	for (int i = 0; i < s->type->nbindings; i++)
		if (s->type->bindings[i].action == ACT_NEXT_SECTION)
			return !tasks_all_sections(s);
	return false;
}

static void
show_section(struct app *app, struct screen *s, int section)
{
	s->section = section;
	s->list.selected = s->list.top = 0;
	s->type->load(app, s);
}

/* After the rows of the section shown, those of the sections after it,
 * then its rows above from; the list shows the section of the match and
 * the status line says which it is. */
bool
app_search_next(struct app *app, struct screen *s, int from)
{
	char *needle = text_fold(app->search.query);
	int first = s->section, selected = s->list.selected, n = sectioned(s) ? app->nsections : 1;
	int found = -1;

	if (needle == NULL || *needle == '\0') {
		free(needle);
		return false;
	}
	for (int k = 0; k <= n && found < 0; k++) {
		if (k > 0 && n > 1)
			show_section(app, s, (first + k) % app->nsections);
		found = find_row(s, needle, k == 0 ? from : 0);
	}
	free(needle);
	if (found < 0) {
		if (s->section != first)
			show_section(app, s, first);
		s->list.selected = selected;
		return false;
	}
	s->list.selected = found;
	if (n > 1)
		app_message(app, COLOR_NORMAL, _("/%s: found in section %d. %s"), app->search.query,
		    s->section + 1, app->sections[s->section].title);
	return true;
}

/* Looks for the query as it stands, from the top of the list. */
static void
search_now(struct app *app)
{
	app->search_due = false;
	app_message(app, COLOR_NORMAL, "/%s", app->search.query);
	if (app->search.query[0] != '\0' && !app_search_next(app, app->top, 0))
		app_message(app, COLOR_WARN, _("/%s (no match)"), app->search.query);
}

/* A key while typing a search: the list jumps to the first match as the
 * query grows; F4 changes the typing mode as in a form.  The dashboard
 * has no rows to search: Enter looks through the whole plan.  A search
 * goes through every section, so while keys are still waiting (typed
 * ahead, pasted) it waits for the last of them. */
static void
search_typed(struct app *app, int key)
{
	bool rows = app->top->type->row_text != NULL;
	char typed[sizeof app->search.query + 1];

	if (action_has_key(ACT_INPUT_MODE, key)) {
		form_cycle_input(app);
		return;
	}
	switch (search_key(&app->search, key)) {
	case SEARCH_DROPPED:
		app->search_due = false;
		app_message(app, COLOR_NORMAL, "%s", "");
		return;
	case SEARCH_KEPT:
		if (rows && app->search_due) {
			search_now(app);
			return;
		}
		snprintf(typed, sizeof typed, "/%s", app->search.query);
		if (!rows && app->search.query[0] != '\0')
			dashboard_search(app);
		/* Where the match was found stays said. */
		else if (strcmp(app->message, typed) == 0)
			app_message(app, COLOR_NORMAL, "%s", _("n: next match"));
		return;
	case SEARCH_CHANGED:
		break;
	default:
		return;
	}
	if (!rows)
		app_message(app, COLOR_NORMAL, "/%s", app->search.query);
	else if (input_pending()) {
		app->search_due = true;
		app_message(app, COLOR_NORMAL, "/%s", app->search.query);
	} else
		search_now(app);
}

/* The global actions' handlers: every screen has them. */
static void
go_help(struct app *app)
{
	app_push(app, help_new(app, app->top));
}

static void
dispatch(struct app *app, int key)
{
	const struct binding *b;
	enum action a;

	if (app->search.typing) {
		search_typed(app, key);
		return;
	}
	if (app->confirm_yes != NULL) {
		void (*yes)(struct app *, struct screen *) = app->confirm_yes;

		app->confirm_yes = NULL;
		app->message[0] = '\0';
		if (key == 'y' || key == 'Y')
			yes(app, app->top);
		return;
	}
	/* A text field takes what is typed before any key is a command. */
	if (app->top->type->key != NULL && app->top->type->key(app, app->top, key))
		return;
	if ((b = screen_binding(app->top->type, key)) != NULL) {
		app->message[0] = '\0';
		if (b->run != NULL)
			b->run(app, app->top, b->action);
		return;
	}
	if ((a = global_action(key)) == ACT_NONE)
		return;
	app->message[0] = '\0';
	if (a == ACT_QUIT)
		app->quit = true;
	else
		go_help(app);
}

int
app_reload(struct app *app, int64_t plan)
{
	struct date today = date_today();
	int rc;

	if (app->has_office)
		office_free(&app->office);
	if (app->has_plan)
		plan_free(&app->plan);
	app->has_office = app->has_plan = false;
	if ((rc = office_get(app->db, &app->office)) < 0)
		return -1;
	app->has_office = rc == 1;
	rc = plan > 0 ? plan_get(app->db, plan, &app->plan) : plan_current(app->db, &app->plan);
	if (rc < 0)
		return -1;
	app->has_plan = rc == 1;
	/* Keep the period chosen while it lies within the plan's years. */
	if (app->has_plan && (app->year < app->plan.year_from || app->year > app->plan.year_to))
		period_for_day(today, app->plan.year_from, app->plan.year_to, &app->year, &app->period);
	return 0;
}

static int
load(struct app *app)
{
	struct date today = date_today();

	form_load_input(app->db);
	period_for_day(today, today.year, today.year, &app->year, &app->period);
	if (section_list(app->db, &app->sections, &app->nsections) != 0)
		return -1;
	return app_reload(app, 0);
}

static void
unload(struct app *app)
{
	while (app->top != NULL) {
		struct screen *s = app->top;

		app->top = s->below;
		screen_free(s);
	}
	if (app->has_office)
		office_free(&app->office);
	if (app->has_plan)
		plan_free(&app->plan);
	sections_free(app->sections, app->nsections);
	trash_free(app->trash);
	search_free(&app->search);
}

/* The screen is drawn once before the first key and again after each,
 * unless more keys are already waiting. */
static void
run_loop(struct app *app)
{
	while (!app->quit) {
		int key = input_read(stdscr);

		if (key == INPUT_NONE)
			continue;
		if (key == INPUT_INVALID)
			app_message(app, COLOR_WARN, "%s", _("A byte that is not UTF-8 was "
			    "ignored: is the terminal set to UTF-8?"));
		else if (key == KEYFN(KEY_RESIZE))
			/* ncurses has already resized stdscr; redraw from
			 * scratch so nothing of the old size stays. */
			clearok(curscr, TRUE);
		else
			dispatch(app, key);
		if (!app->quit && !input_pending())
			draw_all(app);
	}
}

/* Home and End arrive in several spellings whatever TERM says (PuTTY,
 * tmux, rxvt, the Linux console): take them all.  So do the word keys. */
static void
define_other_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} keys[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME }, { "\033[H", KEY_HOME },
		{ "\033OH", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END },
	};

	/* xterm and tmux, rxvt, and readline's Meta keys; terminfo may name
	 * Ctrl-Left as kLFT5, which these replace. */
	static const struct {
		const char *seq;
		int key;
	} words[] = {
		{ "\033[1;5D", KEY_WORD_LEFT }, { "\033[5D", KEY_WORD_LEFT },
		{ "\033Od", KEY_WORD_LEFT }, { "\033b", KEY_WORD_LEFT },
		{ "\033[1;5C", KEY_WORD_RIGHT }, { "\033[5C", KEY_WORD_RIGHT },
		{ "\033Oc", KEY_WORD_RIGHT }, { "\033f", KEY_WORD_RIGHT },
	};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (key_defined(keys[i].seq) == 0)
			define_key(keys[i].seq, keys[i].key);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		define_key(words[i].seq, words[i].key);
	/* Bracketed paste: the terminal marks pasted text, so it goes into
	 * a field as it is, not through Telex and not key by key. */
	define_key("\033[200~", KEY_PASTE_START);
	define_key("\033[201~", KEY_PASTE_END);
	printf("\033[?2004h");
	fflush(stdout);
}

/* The operator's name, asked once: history records who changed what. */
struct operator_edit {
	int fname;
};

static int
save_operator(struct app *app, struct form *f, struct err *err)
{
	struct operator_edit *e = f->record;
	const char *name = form_text(f, e->fname);

	if (*name == '\0')
		return err_set(err, 0, _("%s is required"), f->fields[e->fname].label);
	if (history_set_operator(app->db, name) != 0)
		return err_db(err, app->db);
	return 0;
}

struct screen *
operator_form_new(struct app *app)
{
	struct operator_edit *e = calloc(1, sizeof *e);
	char *name = history_operator(app->db);
	struct screen *s;

	if (e == NULL || (s = form_new(_("Who is entering data? (kept for the history of changes)"),
	    save_operator, e, free)) == NULL) {
		free(name);
		return NULL;
	}
	e->fname = form_add_text(form_of(s), _("Your name"), 0, name, false);
	free(name);
	return s;
}

/* Once a day: a backup beside the database; and the operator's name, asked
 * the first time (CCHC_OPERATOR gives it without asking, for scripts). */
static void
start_of_day(struct app *app, const char *path)
{
	const char *env = getenv("CCHC_OPERATOR");
	struct err e;
	char *name;

	if (!app->read_only && backup_daily(app->db, path, 0) < 0) {
		err_db(&e, app->db);
		app_message(app, COLOR_BAD, _("The daily backup failed: %s"), e.msg);
	}
	if (app->read_only)
		return;
	if (env != NULL && *env != '\0') {
		history_set_operator(app->db, env);
		return;
	}
	history_load_operator(app->db);
	if ((name = history_operator(app->db)) != NULL && *name == '\0')
		app_push(app, operator_form_new(app));
	free(name);
}

bool
app_may_write(struct app *app)
{
	if (app->read_only)
		app_message(app, COLOR_BAD, "%s", _("Read only: another cchc is editing this database"));
	return !app->read_only;
}

int
app_run(struct db *db, const char *path, bool utf8, bool exit_after_draw)
{
	struct app app = { .db = db };
	struct err e;
	bool busy;
	int locked;
	char clash[256];

	/* A key with two meanings on a screen is a mistake in the tables. */
	if (screen_types_check(clash, sizeof clash) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, clash);
		return 1;
	}
	locked = db_lock_edits(db, &busy);
	if (load(&app) != 0) {
		err_db(&e, db);
		fprintf(stderr, "%s: %s\n", PACKAGE, e.msg);
		unload(&app);
		return 1;
	}
	if (!utf8)
		app_message(&app, COLOR_WARN, "%s", _("The locale is not UTF-8: using C.UTF-8"));
	if (locked != 0 || sqlite3_db_readonly(db_sqlite(db), "main") == 1) {
		app.read_only = true;
		app_message(&app, COLOR_BAD, "%s", busy ?
		    _("Read only: another cchc is editing this database") : db_read_only_reason(db) != NULL ?
		    _(db_read_only_reason(db)) : _("Read only: the database cannot be written here"));
	}
	/* Esc must answer at once; the default 1 s wait feels broken. */
	set_escdelay(25);
	/* newterm, unlike initscr, returns an error for an unknown TERM
	 * instead of exiting. */
	if (newterm(NULL, stdout, stdin) == NULL) {
		const char *term = getenv("TERM");

		fprintf(stderr, _("%s: cannot start the terminal interface on TERM=%s; "
		    "try TERM=xterm or TERM=linux\n"), PACKAGE, term ? term : "");
		unload(&app);
		return 1;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_other_keys();
	curs_set(0);
	draw_init_colors();
	app_push(&app, dashboard_new(&app));
	/* A benchmark's single frame measures the start, not the once-a-day
	 * backup or the question asked once. */
	if (!exit_after_draw)
		start_of_day(&app, path);
	app.quit = exit_after_draw;
	if (app.top != NULL) {
		draw_all(&app);
		run_loop(&app);
	}
	printf("\033[?2004l");
	fflush(stdout);
	endwin();
	unload(&app);
	return 0;
}
