/* The tasks of a section: deadline, lead unit and status as of today. */
#include "ui/app.h"

#include <stdio.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/task.h"
#include "core/trash.h"
#include "ui/screen.h"
#include "ui/screens.h"

#define W_TT 4
#define W_LEAD 18
#define W_DUE 11
#define W_STATUS 14

static int
load(struct app *app, struct screen *s)
{
	tasks_free(s->tasks, s->ntasks);
	s->tasks = NULL;
	s->ntasks = 0;
	if (task_list(app->db, app->plan.id, app->sections[s->section].id, &s->tasks, &s->ntasks) != 0) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		return -1;
	}
	s->list.count = s->ntasks;
	if (s->list.selected >= s->ntasks)
		s->list.selected = s->ntasks ? s->ntasks - 1 : 0;
	return 0;
}

static enum color
status_color(enum task_status st)
{
	switch (st) {
	case STATUS_OVERDUE:
	case STATUS_DONE_LATE:
		return COLOR_BAD;
	case STATUS_DONE_ON_TIME:
		return COLOR_GOOD;
	default:
		return COLOR_NORMAL;
	}
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	int text_w = cols - 1 - W_TT - W_LEAD - W_DUE - W_STATUS - 3;
	int x_lead = 1 + W_TT + text_w + 1, x_due = x_lead + W_LEAD + 1, x_status = x_due + W_DUE + 1;
	char line[512];

	snprintf(line, sizeof line, _("%d. %s — tasks (%d)"), s->section + 1,
	    app->sections[s->section].title, s->ntasks);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	draw_cell(y + 1, 1, _("No."), W_TT, A_BOLD | A_UNDERLINE);
	draw_cell(y + 1, 1 + W_TT, _("Task"), text_w + 1, A_BOLD | A_UNDERLINE);
	draw_cell(y + 1, x_lead, _("Lead unit"), W_LEAD + 1, A_BOLD | A_UNDERLINE);
	draw_cell(y + 1, x_due, _("Due"), W_DUE + 1, A_BOLD | A_UNDERLINE);
	draw_text(y + 1, x_status, _("Status"), W_STATUS, A_BOLD | A_UNDERLINE);
	if (s->ntasks == 0) {
		draw_text(y + 3, 1, _("No tasks in this section."), cols - 1, A_NORMAL);
		return;
	}
	list_scroll(&s->list, rows - 2);
	for (int r = 0; r < rows - 2 && s->list.top + r < s->ntasks; r++) {
		int i = s->list.top + r;
		const struct task *t = &s->tasks[i];
		attr_t a = i == s->list.selected ? A_REVERSE : A_NORMAL;
		char due[11];

		date_iso_to_vn(t->due_date, due);
		draw_cell(y + 2 + r, 1, t->tt, W_TT, a);
		draw_cell(y + 2 + r, 1 + W_TT, t->description, text_w + 1, a);
		draw_cell(y + 2 + r, x_lead, t->lead_unit, W_LEAD + 1, a);
		draw_cell(y + 2 + r, x_due, due, W_DUE + 1, a);
		draw_text(y + 2 + r, x_status, task_status_label(t->status), W_STATUS,
		    a | draw_attr(status_color(t->status)));
	}
}

static void
open_record(struct app *app, struct screen *s, enum action a)
{
	if (s->ntasks > 0)
		app_push(app, task_record_new(app, &s->tasks[s->list.selected]));
}

static void
add(struct app *app, struct screen *s, enum action a)
{
	app_push(app, task_form_new(app, NULL, s->section));
}

static void
edit(struct app *app, struct screen *s, enum action a)
{
	if (s->ntasks > 0)
		app_push(app, task_form_new(app, &s->tasks[s->list.selected], s->section));
}

static void
delete_confirmed(struct app *app, struct screen *s)
{
	struct trash *undo;

	if (task_delete(app->db, s->tasks[s->list.selected].id, &undo) != 0) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		return;
	}
	app_keep_trash(app, undo);
	load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Task deleted. u: undo"));
}

static void
delete(struct app *app, struct screen *s, enum action a)
{
	if (s->ntasks > 0)
		app_confirm(app, _("Delete this task and its products? y: delete, other key: keep"),
		    delete_confirmed);
}

static const char *
row_text(struct screen *s, int i)
{
	return s->tasks[i].description;
}

static const struct binding bindings[] = {
	{ ACT_OPEN, open_record, true },
	{ ACT_ADD, add, true },
	{ ACT_EDIT, edit, true },
	{ ACT_DELETE, delete, true },
	{ ACT_UNDO, screen_undo, false },
	{ ACT_SEARCH, screen_search, true },
	{ ACT_NEXT_MATCH, screen_next_match, false },
	{ ACT_BACK, screen_back, true },
	{ ACT_PREV_SECTION, screen_change_section, true },
	{ ACT_NEXT_SECTION, screen_change_section, false },
	{ ACT_PAGE_UP, screen_list_action, true },
	{ ACT_PAGE_DOWN, screen_list_action, false },
	{ ACT_UP, screen_list_action, false },
	{ ACT_DOWN, screen_list_action, false },
	{ ACT_HOME, screen_list_action, false },
	{ ACT_END, screen_list_action, false },
};

static const struct screen_type tasks = {
	N_("Tasks"), bindings, sizeof bindings / sizeof bindings[0], draw, load, NULL, NULL, row_text,
};

struct screen *
tasks_new(struct app *app, int section)
{
	struct screen *s = screen_new(&tasks);

	if (s == NULL)
		return NULL;
	s->section = section;
	load(app, s);
	return s;
}
