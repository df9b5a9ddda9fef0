/* The main loop: draw the top screen, read a key, map it to an action,
 * dispatch.  Screens never build SQL; they call the core and draw what it
 * returns. */
#include "config.h"

#include "ui/app.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/office.h"
#include "core/period.h"
#include "core/plan.h"
#include "core/section.h"
#include "ui/screen.h"
#include "ui/screens.h"

/* Below this the screens cannot show a row of a list with its columns. */
#define MIN_COLS 60
#define MIN_ROWS 12

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
app_push(struct app *app, struct screen *s)
{
	if (s == NULL) {
		app_message(app, COLOR_BAD, "%s", _("Out of memory"));
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
}

void
app_period_label(const struct app *app, char *buf, size_t n)
{
	static const char *const names[PERIOD_KINDS] = {
		N_("Q1"), N_("6 months"), N_("9 months"), N_("Year"),
	};

	snprintf(buf, n, "%s/%d", _(names[app->period]), app->year);
}

static void
draw_title(struct app *app, int cols)
{
	char line[512];

	snprintf(line, sizeof line, " cchc · %s · %s", app->has_office ? app->office.name : "",
	    app->top->type->title ? _(app->top->type->title) : "");
	draw_text(0, 0, line, cols, draw_attr(COLOR_BAR));
}

/* The bottom line: the screen's keys, then help and quit. */
static void
draw_keys(struct app *app, int y, int cols)
{
	const struct screen_type *t = app->top->type;
	int x = 0;

	move(y, 0);
	clrtoeol();
	for (int i = 0; i < t->nbindings + nglobal_actions && x < cols; i++) {
		enum action a = i < t->nbindings ? t->bindings[i].action
		    : global_actions[i - t->nbindings];
		const struct action_def *d = action_def(a);

		if (i < t->nbindings && !t->bindings[i].hint)
			continue;
		x += draw_text(y, x, _(d->key_label), cols - x, draw_attr(COLOR_BAR));
		if (x < cols)
			x += draw_text(y, x, " ", 1, A_NORMAL);
		x += draw_text(y, x, _(d->label), cols - x, A_NORMAL);
		if (x + 2 <= cols)
			x += draw_text(y, x, "  ", 2, A_NORMAL);
	}
}

static void
draw_all(struct app *app)
{
	int rows, cols;

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
	app->top->type->draw(app, app->top, 1, rows - 3, cols);
	draw_text(rows - 2, 0, app->message, cols, draw_attr(app->message_color));
	if (app->mode[0] != '\0')
		draw_text_right(rows - 2, cols - 16, app->mode, 16, A_BOLD);
	draw_keys(app, rows - 1, cols);
	/* The text cursor shows only where a field is being edited. */
	if (app->cursor_y >= 0) {
		curs_set(1);
		move(app->cursor_y, app->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

static void
go_help(struct app *app)
{
	app_push(app, help_new(app, app->top));
}

static void
dispatch(struct app *app, int key)
{
	const struct screen_type *t = app->top->type;
	enum action offered[ACT_COUNT];
	enum action a;

	if (t->key != NULL && t->key(app, app->top, key))
		return;
	for (int i = 0; i < t->nbindings; i++)
		offered[i] = t->bindings[i].action;
	a = action_for_key(key, offered, t->nbindings);
	if (a == ACT_NONE)
		return;
	app->message[0] = '\0';
	if (a == ACT_QUIT) {
		app->quit = true;
		return;
	}
	if (a == ACT_HELP) {
		go_help(app);
		return;
	}
	for (int i = 0; i < t->nbindings; i++) {
		if (t->bindings[i].action == a && t->bindings[i].run != NULL) {
			t->bindings[i].run(app, app->top, a);
			return;
		}
	}
}

static int
load(struct app *app)
{
	struct date today = date_today();
	int rc;

	if ((rc = office_get(app->db, &app->office)) < 0)
		return -1;
	app->has_office = rc == 1;
	if ((rc = plan_current(app->db, &app->plan)) < 0)
		return -1;
	app->has_plan = rc == 1;
	if (section_list(app->db, &app->sections, &app->nsections) != 0)
		return -1;
	if (app->has_plan)
		period_for_day(today, app->plan.year_from, app->plan.year_to, &app->year, &app->period);
	else
		period_for_day(today, today.year, today.year, &app->year, &app->period);
	return 0;
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
}

static void
run_loop(struct app *app)
{
	while (!app->quit) {
		wint_t ch;
		int r;

		draw_all(app);
		r = get_wch(&ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			/* ncurses has already resized stdscr; redraw from
			 * scratch so nothing of the old size stays. */
			clearok(curscr, TRUE);
			continue;
		}
		dispatch(app, r == KEY_CODE_YES ? KEYFN(ch) : (int)ch);
	}
}

int
app_run(struct db *db, bool utf8)
{
	struct app app = { .db = db };

	if (load(&app) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, db_error(db));
		unload(&app);
		return 1;
	}
	/* TRANSLATORS: the decimal separator of numbers ("," in Vietnamese). */
	ui_set_decimal_comma(strcmp(_("."), ",") == 0);
	if (!utf8)
		app_message(&app, COLOR_WARN, "%s", _("The locale is not UTF-8: using C.UTF-8"));
	/* Esc must answer at once; the default 1 s wait feels broken. */
	set_escdelay(25);
	/* newterm, unlike initscr, returns an error for an unknown TERM
	 * instead of exiting. */
	if (newterm(NULL, stdout, stdin) == NULL) {
		fprintf(stderr, "%s: %s\n", PACKAGE, _("cannot start the terminal interface"));
		unload(&app);
		return 1;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	draw_init_colors();
	app_push(&app, dashboard_new(&app));
	if (app.top != NULL)
		run_loop(&app);
	endwin();
	unload(&app);
	return 0;
}
