/* The plans in the database: pick the one to work on, add, edit, delete. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/plan.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "core/text/i18n.h"
#include "core/text/text.h"
#include "ui/screen.h"
#include "ui/screens.h"

struct plans_data {
	struct plan *plans;
	int n;
};

static void
free_data(struct screen *s)
{
	struct plans_data *d = s->data;

	if (d == NULL)
		return;
	plans_free(d->plans, d->n);
	free(d);
	s->data = NULL;
}

static int
load(struct app *app, struct screen *s)
{
	struct plans_data *d = calloc(1, sizeof *d);

	free_data(s);
	if (d == NULL)
		return -1;
	s->data = d;
	if (plan_list(app->db, &d->plans, &d->n) != 0) {
		app_fail_db(app);
		return -1;
	}
	list_fit(&s->list, d->n);
	return 0;
}

#define W_NUMBER 16
#define W_YEARS 11

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct plans_data *d = s->data;
	int title_w = cols - 2 - W_NUMBER - W_YEARS;
	char line[128];

	snprintf(line, sizeof line, _("Plans (%d)"), d ? d->n : 0);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	draw_cell(y + 1, 1, _("Number"), W_NUMBER, A_BOLD | A_UNDERLINE);
	draw_cell(y + 1, 1 + W_NUMBER, _("Title"), title_w, A_BOLD | A_UNDERLINE);
	draw_text(y + 1, 1 + W_NUMBER + title_w, _("Years"), W_YEARS, A_BOLD | A_UNDERLINE);
	if (d == NULL)
		return;
	list_scroll(&s->list, rows - 2);
	for (int r = 0; r < rows - 2 && s->list.top + r < d->n; r++) {
		int i = s->list.top + r;
		const struct plan *p = &d->plans[i];
		attr_t a = i == s->list.selected ? A_REVERSE : A_NORMAL;
		char years[32];

		if (app->has_plan && p->id == app->plan.id)
			a |= A_BOLD;
		plan_years_text(p, years, sizeof years);
		draw_cell(y + 2 + r, 1, p->number, W_NUMBER, a);
		draw_cell(y + 2 + r, 1 + W_NUMBER, p->title, title_w, a);
		draw_text(y + 2 + r, 1 + W_NUMBER + title_w, years, W_YEARS, a);
	}
}

static void
choose(struct app *app, struct screen *s, enum action a)
{
	struct plans_data *d = s->data;

	if (d == NULL || d->n == 0)
		return;
	if (app_reload(app, d->plans[s->list.selected].id) != 0) {
		app_fail_db(app);
		return;
	}
	app_pop(app);
}

static void
add(struct app *app, struct screen *s, enum action a)
{
	app_push(app, plan_form_new(app, true));
}

static void
delete_confirmed(struct app *app, struct screen *s)
{
	struct plans_data *d = s->data;
	struct trash *undo;

	if (plan_delete(app->db, d->plans[s->list.selected].id, &undo) != 0) {
		app_fail_db(app);
		return;
	}
	app_keep_trash(app, undo);
	app_reload(app, 0);
	load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Plan deleted. u: undo"));
}

static void
delete(struct app *app, struct screen *s, enum action a)
{
	struct plans_data *d = s->data;

	const char *title;
	char question[1024], name[256];
	size_t fit;
	int room;

	if (d == NULL || d->n == 0)
		return;
	/* Named: the list's row may be cut, and a plan is the largest thing
	 * one key deletes.  The name is cut to leave the question and its
	 * answers their line (at 80 columns "y: x" was all that was left). */
	title = d->plans[s->list.selected].title;
	snprintf(question, sizeof question, _("Delete \"%s\" with all its targets, results and "
	    "tasks? y: delete, other key: keep"), "");
	room = COLS - text_width(question);
	if (room < 9)
		room = 9;
	fit = text_width(title) <= room ? strlen(title) : text_fit(title, room - 1);
	snprintf(name, sizeof name, "%.*s%s", (int)fit, title, title[fit] != '\0' ? "…" : "");
	snprintf(question, sizeof question, _("Delete \"%s\" with all its targets, results and "
	    "tasks? y: delete, other key: keep"), name);
	app_confirm(app, question, delete_confirmed);
}

static const char *
row_text(struct screen *s, int i)
{
	struct plans_data *d = s->data;

	return d->plans[i].title;
}

static const struct binding bindings[] = {
	{ ACT_OPEN, choose, true },
	{ ACT_ADD, add, true },
	{ ACT_DELETE, delete, true },
	LIST_BINDINGS(false),
};

const struct screen_type plans_type = {
	N_("Plans"), bindings, sizeof bindings / sizeof bindings[0], draw, load, free_data, NULL, row_text,
};

struct screen *
plans_new(struct app *app)
{
	return screen_open(app, &plans_type);
}
