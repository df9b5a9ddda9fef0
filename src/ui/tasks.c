/* The tasks of a section (or of all): deadline, lead unit and status as of
 * today; filtered by unit, status and due date, sorted by any column. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/plan/validate.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "core/text/i18n.h"
#include "core/text/text.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

#define W_TT 4
#define W_LEAD 18
#define W_DUE 12
#define W_STATUS 14

enum task_sort { SORT_PLAN, SORT_TEXT, SORT_DUE, SORT_LEAD, SORT_STATUS, SORTS };
static const char *const sort_names[SORTS] = {
	N_("plan order"), N_("task"), N_("due date"), N_("lead unit"), N_("status"),
};

/* Status filter: everything, one status, all not done, or the tasks an
 * import kept for review. */
enum { SHOW_ALL, SHOW_NOT_STARTED, SHOW_IN_PROGRESS, SHOW_DONE_ON_TIME, SHOW_DONE_LATE,
	SHOW_OVERDUE, SHOW_NOT_DONE, SHOW_REVIEW, SHOWS };
static const char *const show_names[SHOWS] = {
	N_("all"), N_("Not started"), N_("In progress"), N_("Done on time"), N_("Done late"),
	N_("Overdue"), N_("not done"), N_("needs review"),
};

struct task_view {
	char *unit;		/* lead or cooperating unit's name, "" for any */
	int64_t unit_id;	/* the same unit, 0 for any */
	int show;
	int within;		/* due within so many days; -1 for any */
	bool all_sections;
	enum task_sort sort;
	char **keys;		/* sort keys of the column sorted on, per task */
};

static struct task_view *
view_of(struct screen *s)
{
	return s->data;
}

static void
free_keys(struct screen *s)
{
	struct task_view *v = view_of(s);

	for (int i = 0; v->keys && i < s->ntasks; i++)
		free(v->keys[i]);
	free(v->keys);
	v->keys = NULL;
}

static void
free_view(struct screen *s)
{
	struct task_view *v = view_of(s);

	if (v == NULL)
		return;
	free_keys(s);
	free(v->unit);
	free(v);
}

static bool
has_unit(const struct task *t, const char *unit)
{
	const char *p = t->cooperators;
	size_t n = strlen(unit);

	if (strcmp(t->lead_unit, unit) == 0)
		return true;
	/* The cooperators' names come joined by "; ". */
	while ((p = strstr(p, unit)) != NULL) {
		bool starts = p == t->cooperators || (p >= t->cooperators + 2 && p[-2] == ';');

		if (starts && (p[n] == '\0' || p[n] == ';'))
			return true;
		p += n;
	}
	return false;
}

static bool
keep(struct screen *s, int i)
{
	const struct task_view *v = view_of(s);
	const struct task *t = &s->tasks[i];
	bool done = t->status == STATUS_DONE_ON_TIME || t->status == STATUS_DONE_LATE;

	if (*v->unit && !has_unit(t, v->unit))
		return false;
	if (v->show == SHOW_REVIEW ? *t->review == '\0' : v->show == SHOW_NOT_DONE ? done :
	    v->show != SHOW_ALL && (int)t->status != v->show - SHOW_NOT_STARTED)
		return false;
	if (v->within >= 0) {
		char limit[11];

		date_format_iso(date_add_days(date_today(), v->within), limit);
		if (done || *t->due_date == '\0' || strcmp(t->due_date, limit) > 0)
			return false;
	}
	return true;
}

/* qsort has no context argument: the screen being sorted. */
static struct screen *sorting;

static int
compare(const void *a, const void *b)
{
	int i = *(const int *)a, j = *(const int *)b, c = 0;
	const struct task_view *v = view_of(sorting);
	const struct task *x = &sorting->tasks[i], *y = &sorting->tasks[j];

	if (v->sort == SORT_STATUS)
		c = (int)x->status - (int)y->status;
	else if (v->sort != SORT_PLAN)
		c = strcmp(v->keys[i], v->keys[j]);
	/* Ties keep the plan's order. */
	return c != 0 ? c : i - j;
}

/* Sort keys for the column: Vietnamese order for text, ISO dates as they
 * are (no date sorts last). */
static int
make_keys(struct screen *s)
{
	struct task_view *v = view_of(s);

	free_keys(s);
	if (v->sort == SORT_PLAN || v->sort == SORT_STATUS)
		return 0;
	if ((v->keys = calloc(s->ntasks ? s->ntasks : 1, sizeof *v->keys)) == NULL)
		return -1;
	for (int i = 0; i < s->ntasks; i++) {
		const struct task *t = &s->tasks[i];

		if (v->sort == SORT_DUE)
			v->keys[i] = strdup(*t->due_date ? t->due_date : "9999");
		else
			v->keys[i] = text_sort_key(v->sort == SORT_TEXT ? t->description : t->lead_unit);
		if (v->keys[i] == NULL)
			v->keys[i] = strdup("");
	}
	return 0;
}

static int
load(struct app *app, struct screen *s)
{
	struct task_view *v = view_of(s);

	free_keys(s);
	tasks_free(s->tasks, s->ntasks);
	s->tasks = NULL;
	s->ntasks = 0;
	if (task_list(app->db, app->plan.id, v->all_sections ? 0 : app->sections[s->section].id,
	    &s->tasks, &s->ntasks) != 0) {
		app_fail_db(app);
		return -1;
	}
	sorting = s;
	if (make_keys(s) != 0 || screen_view(s, s->ntasks, keep, compare) != 0) {
		app_message(app, COLOR_BAD, "%s", _("Out of memory"));
		return -1;
	}
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

/* The heading: which tasks, how many of how many, filter and order. */
static void
draw_heading(struct app *app, struct screen *s, int y, int cols)
{
	const struct task_view *v = view_of(s);
	char line[768], filter[320] = "";

	if (*v->unit)
		snprintf(filter, sizeof filter, "%s", v->unit);
	if (v->show != SHOW_ALL)
		snprintf(filter + strlen(filter), sizeof filter - strlen(filter), "%s%s",
		    *filter ? ", " : "", _(show_names[v->show]));
	if (v->within >= 0)
		snprintf(filter + strlen(filter), sizeof filter - strlen(filter),
		    _("%sdue within %d days"), *filter ? ", " : "", v->within);
	/* Shortened by rule until it fits: the section's short title, then
	 * the plan's order left unsaid (it is the default). */
	for (int shorter = 0; shorter < 3; shorter++) {
		if (v->all_sections)
			snprintf(line, sizeof line, _("All sections — tasks (%d/%d)"), s->nrows, s->ntasks);
		else
			snprintf(line, sizeof line, _("%d. %s — tasks (%d)"), s->section + 1,
			    shorter ? app->sections[s->section].short_title :
			    app->sections[s->section].title, s->nrows);
		if (*filter && v->sort == SORT_PLAN && shorter == 2)
			snprintf(line + strlen(line), sizeof line - strlen(line), _(" · filter: %s"),
			    filter);
		else if (*filter || v->sort != SORT_PLAN)
			snprintf(line + strlen(line), sizeof line - strlen(line),
			    _(" · filter: %s · order: %s"), *filter ? filter : _("none"),
			    _(sort_names[v->sort]));
		if (text_width(line) <= cols - 1)
			break;
	}
	draw_text(y, 1, line, cols - 1, A_BOLD);
}

/* A task's number; across sections with its section's ("3.1"), as the
 * sections are numbered in the lists' headings. */
static void
task_number(struct app *app, struct screen *s, const struct task *t, char *buf, size_t n)
{
	if (view_of(s)->all_sections)
		snprintf(buf, n, "%d.%s", app_section_index(app, t->section_id) + 1, t->tt);
	else
		snprintf(buf, n, "%s", t->tt);
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	int tt_w = view_of(s)->all_sections ? W_TT + 2 : W_TT;
	int text_w = cols - 1 - tt_w - W_LEAD - W_DUE - W_STATUS - 3;
	int x_lead = 1 + tt_w + text_w + 1, x_due = x_lead + W_LEAD + 1, x_status = x_due + W_DUE + 1;

	draw_heading(app, s, y, cols);
	draw_cell(y + 1, 1, _("No."), tt_w, A_BOLD | A_UNDERLINE);
	draw_cell(y + 1, 1 + tt_w, _("Task"), text_w + 1, A_BOLD | A_UNDERLINE);
	draw_cell(y + 1, x_lead, _("Lead unit"), W_LEAD + 1, A_BOLD | A_UNDERLINE);
	draw_cell(y + 1, x_due, _("Due"), W_DUE + 1, A_BOLD | A_UNDERLINE);
	draw_text(y + 1, x_status, _("Status"), W_STATUS, A_BOLD | A_UNDERLINE);
	if (s->nrows == 0) {
		draw_text(y + 3, 1, s->ntasks ? _("No task matches the filter.") :
		    _("No tasks in this section."), cols - 1, A_NORMAL);
		return;
	}
	list_scroll(&s->list, rows - 2);
	for (int r = 0; r < rows - 2 && s->list.top + r < s->nrows; r++) {
		int i = s->list.top + r;
		const struct task *t = &s->tasks[s->rows[i]];
		attr_t a = i == s->list.selected ? A_REVERSE : A_NORMAL;
		char due[256], tt[16];

		task_due_short(t, W_DUE, due, sizeof due);
		task_number(app, s, t, tt, sizeof tt);
		draw_cell(y + 2 + r, 1, tt, tt_w, a);
		draw_cell(y + 2 + r, 1 + tt_w, t->description, text_w + 1, a);
		draw_cell(y + 2 + r, x_lead, t->lead_unit, W_LEAD + 1, a);
		draw_cell(y + 2 + r, x_due, due, W_DUE + 1, a);
		draw_text(y + 2 + r, x_status, report_status_label(t->status), W_STATUS,
		    a | draw_attr(status_color(t->status)));
		/* The cells the row cut, whole. */
		if (i == s->list.selected) {
			char written[512];
			const char *parts[3];

			/* The deadline as written is its first line. */
			task_due_text(t, written, sizeof written);
			written[strcspn(written, "\n")] = '\0';
			parts[0] = text_width(t->description) > text_w ? t->description : NULL;
			parts[1] = text_width(t->lead_unit) > W_LEAD ? t->lead_unit : NULL;
			parts[2] = text_width(written) > W_DUE ? written : NULL;
			screen_note_row(app, parts, 3);
		}
	}
}

static const struct task *
selected(struct screen *s)
{
	return s->nrows > 0 ? &s->tasks[s->rows[s->list.selected]] : NULL;
}

static void
open_record(struct app *app, struct screen *s, enum action a)
{
	if (selected(s) != NULL)
		app_push(app, task_record_new(app, selected(s)));
}

static void
add(struct app *app, struct screen *s, enum action a)
{
	app_push(app, task_form_new(app, NULL, s->section));
}

static void
edit(struct app *app, struct screen *s, enum action a)
{
	if (selected(s) != NULL)
		app_push(app, task_form_new(app, selected(s), s->section));
}

static void
delete_confirmed(struct app *app, struct screen *s)
{
	struct trash *undo;

	if (task_delete(app->db, selected(s)->id, &undo) != 0) {
		app_fail_db(app);
		return;
	}
	app_keep_trash(app, undo);
	load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Task deleted. u: undo"));
}

static void
delete(struct app *app, struct screen *s, enum action a)
{
	if (selected(s) != NULL)
		app_confirm(app, _("Delete this task and its products? y: delete, other key: keep"),
		    delete_confirmed);
}

/* x marks the selected task done today; t moves it on to the next
 * progress (not started, in progress, done today, not started...).  The
 * progress before is kept for 'u'. */
static void
set_progress(struct app *app, struct screen *s, enum action a)
{
	const struct task *t = selected(s), *now;
	struct progress_undo before;
	struct err err;
	enum task_progress p;
	char today[11] = "", shown[11];

	if (t == NULL || !app_may_write(app))
		return;
	before.task = t->id;
	before.progress = t->progress;
	snprintf(before.completion, sizeof before.completion, "%s", t->completion_date);
	p = a == ACT_MARK_DONE ? PROGRESS_DONE : (t->progress + 1) % (PROGRESS_DONE + 1);
	if (a == ACT_MARK_DONE && t->progress == PROGRESS_DONE) {
		date_iso_to_vn(t->completion_date, shown);
		app_message(app, COLOR_WARN, _("Already done (on %s)."), shown);
		return;
	}
	if (p == PROGRESS_DONE)
		date_format_iso(date_today(), today);
	if (task_set_progress(app->db, before.task, p, today, &err) != 0) {
		app_error(app, &err);
		return;
	}
	app_keep_progress(app, &before);
	load(app, s);
	now = selected(s);
	if (now != NULL && now->id == before.task && now->status == STATUS_OVERDUE)
		/* The progress set, and that the task is still overdue: its
		 * status alone said "Quá hạn" for t (walk-through). */
		app_message(app, COLOR_GOOD, _("%s, still overdue. u: undo"),
		    _(task_progress_labels[now->progress]));
	else if (now != NULL && now->id == before.task)
		app_message(app, COLOR_GOOD, _("%s. u: undo"), report_status_label(now->status));
	else
		app_message(app, COLOR_GOOD, "%s", _("Saved. u: undo"));
}

static void
sort(struct app *app, struct screen *s, enum action a)
{
	struct task_view *v = view_of(s);

	v->sort = (v->sort + 1) % SORTS;
	load(app, s);
	app_message(app, COLOR_NORMAL, _("Sorted by %s"), _(sort_names[v->sort]));
}

/* The filter form; its record is the list's view, which outlives it. */
struct filter_edit {
	struct screen *list;
	int funit, fshow, fwithin, fsections;
};

static const char *const section_choices[] = { N_("this section"), N_("all sections") };

static int
save_filter(struct app *app, struct form *f, struct err *err)
{
	struct filter_edit *e = f->record;
	struct task_view *v = view_of(e->list);
	const char *within = form_text(f, e->fwithin);
	int64_t unit;
	char *name;
	double days;
	bool has;

	if (form_unit_id(app, form_text(f, e->funit), 0, f->fields[e->funit].label, &unit, err) != 0 ||
	    validate_number(within, false, 0, 3660, &days, &has, err, 2, f->fields[e->fwithin].label) != 0)
		return -1;
	/* The unit's own name: what the list shows and compares. */
	if ((name = unit != 0 ? unit_name(app->db, unit) : strdup("")) == NULL)
		return err_db(err, app->db);
	free(v->unit);
	v->unit = name;
	v->unit_id = unit;
	v->show = form_choice(f, e->fshow);
	v->within = has ? (int)days : -1;
	v->all_sections = form_choice(f, e->fsections) == 1;
	return 0;
}

static void
filter_tasks(struct app *app, struct screen *s, enum action a)
{
	struct task_view *v = view_of(s);
	struct filter_edit *e = calloc(1, sizeof *e);
	struct screen *fs;
	struct form *f;
	char within[16] = "";

	if (e == NULL)
		return;
	e->list = s;
	if ((fs = form_new_filter(_("Filter the tasks"), save_filter, e, free)) == NULL)
		return;
	f = form_of(fs);
	if (v->within >= 0)
		snprintf(within, sizeof within, "%d", v->within);
	e->funit = form_add_unit(f, _("Unit (lead or cooperating)"), 0, v->unit, false);
	e->fshow = form_add_choice(f, _("Status"), 1, show_names, SHOWS, v->show);
	e->fwithin = form_add_text(f, _("Due within (days)"), 2, within, false);
	e->fsections = form_add_choice(f, _("Sections"), 3, section_choices, 2, v->all_sections);
	app_push(app, fs);
}

static const char *
row_text(struct screen *s, int i)
{
	return s->tasks[s->rows[i]].description;
}

static void
preview(struct app *app, struct screen *s, enum action a)
{
	/* What the list is filtered to: the report of the same unit. */
	app_push(app, report_screen_new(app, "overdue", view_of(s)->unit_id));
}

static const struct binding bindings[] = {
	{ ACT_OPEN, open_record, true },
	{ ACT_ADD, add, true },
	{ ACT_EDIT, edit, true },
	{ ACT_MARK_DONE, set_progress, true },
	{ ACT_CYCLE_PROGRESS, set_progress, true },
	{ ACT_DELETE, delete, true },
	{ ACT_REPORT, preview, true },
	{ ACT_FILTER, filter_tasks, true },
	{ ACT_SORT, sort, true },
	{ ACT_PREV_SECTION, screen_change_section, true },
	{ ACT_NEXT_SECTION, screen_change_section, false },
	LIST_BINDINGS(true),
};

const struct screen_type tasks_type = {
	N_("Tasks"), bindings, sizeof bindings / sizeof bindings[0], draw, load, free_view, NULL, row_text,
};

struct screen *
tasks_new(struct app *app, int section)
{
	struct screen *s = screen_new(&tasks_type);
	struct task_view *v = calloc(1, sizeof *v);

	if (s == NULL || v == NULL || (v->unit = strdup("")) == NULL) {
		free(v);
		screen_free(s);
		return NULL;
	}
	v->within = -1;
	s->data = v;
	s->section = section;
	load(app, s);
	return s;
}

bool
tasks_all_sections(const struct screen *s)
{
	return s->type == &tasks_type && ((const struct task_view *)s->data)->all_sections;
}

struct screen *
tasks_of_unit_new(struct app *app, const struct unit *unit)
{
	struct screen *s = tasks_new(app, 0);
	struct task_view *v = s != NULL ? view_of(s) : NULL;
	char *name;

	if (v == NULL || (name = strdup(unit->name)) == NULL)
		return s;
	free(v->unit);
	v->unit = name;
	v->unit_id = unit->id;
	v->all_sections = true;
	load(app, s);
	return s;
}
