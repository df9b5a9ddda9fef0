/* The dashboard: the plan's header and, per section, how its targets and
 * tasks stand. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/plan/calendar.h"
#include "core/plan/period.h"
#include "core/plan/plan.h"
#include "core/plan/summary.h"
#include "core/report/report.h"
#include "core/store/backup.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/text.h"
#include "ui/screen.h"
#include "ui/screens.h"

/* Tasks not done and due within this many days count as due soon. */
#define DUE_SOON_DAYS 14

static const char *const columns[] = {
	N_("Total"), N_("Met"), N_("Not met"), N_("Ongoing"), N_("Unknown"),
	N_("Total"), N_("Done"), N_("Overdue"), N_("Due soon"),
};
/* The same in at most three columns, for a narrow terminal (60): the
 * section names come first.  The help and the wide layout spell them out. */
static const char *const narrow_columns[] = {
	/* TRANSLATORS: the dashboard's column headings on a narrow terminal,
	 * three columns at most each: total, met, not met, in progress,
	 * unknown, total, done, overdue, due soon. */
	N_("All"), N_("Met"), N_("Not"), N_("On"), N_("?"), N_("All"), N_("Dn"), N_("Lt"),
	N_("Sn"),
};
#define NCOLUMNS 9
/* The last of the targets' columns, before the gap. */
#define LAST_TARGET_COLUMN 4
#define ONGOING_COLUMN 3
/* The room the sections' short titles need ("3. Thủ tục hành chính"). */
#define NAME_MIN 22

/* Whether the targets in progress have their own column: only when the
 * section names keep their room (not on 80 columns); else they are
 * counted with the unknown, as not judged yet.  Set by draw(). */
static bool ongoing_shown;
/* Whether the headings are narrow_columns: when even without the
 * in-progress column the names would lose their room.  Set by draw(). */
static bool narrow;

static const char *
column_label(int i)
{
	return narrow ? _(narrow_columns[i]) : _(columns[i]);
}

static int
column_width(int i)
{
	int w = text_width(column_label(i)) + 1, min = narrow ? 4 : 5;

	if (i == ONGOING_COLUMN && !ongoing_shown)
		return 0;
	return w < min ? min : w;
}

/* Parts of a header line, three spaces apart, from row y; a part that does
 * not fit after the others starts a row of its own, so nothing is cut at
 * 80 or 60 columns.  The rows used. */
static int
draw_parts(int y, int cols, const char *const *parts, const attr_t *attrs, int n)
{
	int x = 1, rows = 1;

	for (int i = 0; i < n; i++) {
		int w = text_width(parts[i]);

		if (*parts[i] == '\0')
			continue;
		if (x > 1 && x + 3 + w > cols) {
			y++;
			rows++;
			x = 1;
		} else if (x > 1)
			x += 3;
		draw_text(y, x, parts[i], cols - x, attrs[i]);
		x += w;
	}
	return rows;
}

/* The next report due and the days left, and one overdue: the rows used
 * (0 when there is neither). */
static int
draw_calendar(struct app *app, int y, int cols)
{
	struct report_due next, late;
	bool has_next, has_late;
	struct date today = date_today();
	char parts[2][256] = { "", "" }, period[64], due[11];
	const char *p[2] = { parts[0], parts[1] };
	attr_t attrs[2] = { A_NORMAL, draw_attr(COLOR_BAD) };

	if (calendar_status(app->db, app->plan.year_from, app->plan.year_to, app->plan.issue_date,
	    today, &next, &has_next, &late, &has_late) != 0 || (!has_next && !has_late))
		return 0;
	if (has_next) {
		long days = date_to_days(next.due) - date_to_days(today);

		report_period_label(next.year, next.kind, period, sizeof period);
		date_format_vn(next.due, due);
		snprintf(parts[0], sizeof parts[0], ngettext("Next report: %s, due %s (%ld day left)",
		    "Next report: %s, due %s (%ld days left)", (unsigned long)days), period, due, days);
	}
	if (has_late) {
		report_period_label(late.year, late.kind, period, sizeof period);
		date_format_vn(late.due, due);
		snprintf(parts[1], sizeof parts[1], _("Report %s overdue (due %s; S: sent)"), period, due);
	}
	return draw_parts(y, cols, p, attrs, 2);
}

/* The plan, the period and today, the reports due: the rows used. */
static int
draw_header(struct app *app, int y, int cols)
{
	char line[512], period[64], today[11], years[16], parts[3][256];
	const char *p[3] = { parts[0], parts[1], parts[2] };
	const attr_t attrs[3] = { A_NORMAL, A_NORMAL, A_NORMAL };
	int rows;

	if (!app->has_plan) {
		draw_text(y, 1, _("No plan yet."), cols - 1, A_BOLD);
		return 1;
	}
	plan_years_text(&app->plan, years, sizeof years);
	snprintf(line, sizeof line, "%s%s%s (%s)", app->plan.number,
	    *app->plan.number ? " · " : "", app->plan.title, years);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	report_period_label(app->year, app->period, period, sizeof period);
	date_format_vn(date_today(), today);
	snprintf(parts[0], sizeof parts[0], _("Period: %s"), period);
	snprintf(parts[1], sizeof parts[1], _("Today: %s"), today);
	snprintf(parts[2], sizeof parts[2], _("Issued by: %s"), app->plan.issuer);
	rows = 1 + draw_parts(y + 1, cols, p, attrs, 3);
	return rows + draw_calendar(app, y + rows, cols);
}

static void
draw_counts(int y, int x, const struct section_summary *s, attr_t base)
{
	const int v[NCOLUMNS] = { s->targets, s->met, s->not_met, s->in_progress,
	    s->unknown + (ongoing_shown ? 0 : s->in_progress),
	    s->tasks, s->done, s->overdue, s->due_soon };
	const enum color c[NCOLUMNS] = { COLOR_NORMAL, COLOR_GOOD, COLOR_BAD, COLOR_WARN,
	    COLOR_NORMAL, COLOR_NORMAL, COLOR_GOOD, COLOR_BAD, COLOR_WARN };

	for (int i = 0; i < NCOLUMNS; i++) {
		char num[16];
		int w = column_width(i);

		if (w == 0)
			continue;
		snprintf(num, sizeof num, "%d", v[i]);
		draw_text_right(y, x, num, w, base | (v[i] ? draw_attr(c[i]) : 0));
		x += w + (i == LAST_TARGET_COLUMN);
	}
}

static int
counts_width(void)
{
	int w = 1;

	for (int i = 0; i < NCOLUMNS; i++)
		w += column_width(i);
	return w;
}

/* Where the tasks' columns start (one space after the targets'). */
static int
tasks_x(int name_w)
{
	int x = 1 + name_w + 1;

	for (int i = 0; i <= LAST_TARGET_COLUMN; i++)
		x += column_width(i);
	return x;
}

/* The counts, computed when the dashboard is shown again or the period
 * changes, not on every key. */
struct counts {
	bool ok;
	struct section_summary total;
	struct section_summary sections[];
};

static void
free_counts(struct screen *s)
{
	free(s->data);
	s->data = NULL;
}

static int
load(struct app *app, struct screen *s)
{
	struct counts *c;
	struct date as_of;

	free_counts(s);
	if ((c = calloc(1, sizeof *c + (size_t)app->nsections * sizeof c->sections[0])) == NULL)
		return -1;
	s->data = c;
	s->list.count = app->nsections;
	if (!app->has_plan)
		return 0;
	/* A past period's tasks as its report counts them, at its cut-off:
	 * one finished since is not done in the 6 months' figures. */
	as_of = period_counted_as_of(app->db, app->year, app->period, app->plan.issue_date,
	    date_today());
	if (summary_by_section(app->db, app->plan.id, app->year, app->period, as_of, DUE_SOON_DAYS,
	    app->sections, app->nsections, c->sections, &c->total) != 0) {
		app_fail_db(app);
		return -1;
	}
	c->ok = true;
	return 0;
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	const struct counts *c = s->data;
	int name_w, x, h;

	narrow = false;
	ongoing_shown = true;
	ongoing_shown = cols - counts_width() - 2 >= NAME_MIN;
	narrow = cols - counts_width() - 2 < NAME_MIN;
	name_w = cols - counts_width() - 2;

	/* The table below the header, however many rows it took (three
	 * kept, so the table stays put when no report is due). */
	if ((h = draw_header(app, y, cols)) < 3)
		h = 3;
	if (c == NULL || !c->ok)
		return;
	y += h - 3;
	rows -= h - 3;
	x = 1 + name_w;
	draw_text(y + 3, x + 1, _("Targets"), tasks_x(name_w) - x - 1, A_BOLD);
	draw_text(y + 3, tasks_x(name_w) + 1, _("Tasks"), cols - tasks_x(name_w) - 1, A_BOLD);
	draw_text(y + 4, 1, _("Section"), name_w, A_BOLD | A_UNDERLINE);
	for (int i = 0; i < NCOLUMNS; i++) {
		if (column_width(i) == 0)
			continue;
		draw_text_right(y + 4, x, column_label(i), column_width(i), A_BOLD | A_UNDERLINE);
		x += column_width(i) + (i == LAST_TARGET_COLUMN);
	}
	list_scroll(&s->list, rows - 6);
	for (int i = 0; i < app->nsections && i < rows - 6; i++) {
		attr_t a = i == s->list.selected ? A_REVERSE : A_NORMAL;
		char name[256];

		snprintf(name, sizeof name, "%d. %s", i + 1, app->sections[i].short_title);
		draw_text(y + 5 + i, 1, name, name_w, a);
		draw_counts(y + 5 + i, 1 + name_w, &c->sections[i], a);
	}
	if (app->nsections < rows - 6) {
		draw_text(y + 5 + app->nsections, 1, _("All sections"), name_w, A_BOLD);
		draw_counts(y + 5 + app->nsections, 1 + name_w, &c->total, A_BOLD);
	}
}

static void
open_targets(struct app *app, struct screen *s, enum action a)
{
	if (app->has_plan)
		app_push(app, targets_new(app, s->list.selected));
}

static void
open_tasks(struct app *app, struct screen *s, enum action a)
{
	if (app->has_plan)
		app_push(app, tasks_new(app, s->list.selected));
}

/* p forward, l back. */
static void
next_period(struct app *app, struct screen *s, enum action a)
{
	char label[64];

	app->period = (app->period + (a == ACT_PREV_PERIOD ? PERIOD_KINDS - 1 : 1)) % PERIOD_KINDS;
	load(app, s);
	report_period_label(app->year, app->period, label, sizeof label);
	app_message(app, COLOR_NORMAL, _("Targets judged for the period %s"), label);
}

static void
edit_plan(struct app *app, struct screen *s, enum action a)
{
	app_push(app, plan_form_new(app, !app->has_plan));
}

static void
new_plan(struct app *app, struct screen *s, enum action a)
{
	app_push(app, plan_form_new(app, true));
}

static void
edit_office(struct app *app, struct screen *s, enum action a)
{
	app_push(app, office_form_new(app));
}

static void
open_units(struct app *app, struct screen *s, enum action a)
{
	app_push(app, units_new(app));
}

static void
open_plans(struct app *app, struct screen *s, enum action a)
{
	app_push(app, plans_new(app));
}

static void
open_settings(struct app *app, struct screen *s, enum action a)
{
	app_push(app, settings_new(app));
}

static void
open_sipas(struct app *app, struct screen *s, enum action a)
{
	app_push(app, sipas_new(app));
}

static void
preview(struct app *app, struct screen *s, enum action a)
{
	app_push(app, report_screen_new(app, "dashboard", 0));
}

static void
open_written(struct app *app, struct screen *s, enum action a)
{
	if (app->has_plan)
		app_push(app, written_new(app));
}

static void
open_assessment(struct app *app, struct screen *s, enum action a)
{
	app_push(app, assessment_new(app));
}

static void
back_up(struct app *app, struct screen *s, enum action a)
{
	char file[4096];

	if (backup_to_file(app->db, NULL, file, sizeof file) != 0)
		app_fail_db(app);
	else
		app_message(app, COLOR_GOOD, _("Backup saved: %s"), file);
}

/* The report the dashboard calls overdue (else the next one) is marked
 * sent today, as `cchc report calendar --sent` does: the banner moves on
 * to the report after it. */
static void
report_sent(struct app *app, struct screen *s, enum action a)
{
	struct report_due next, late, *d;
	bool has_next, has_late;
	char period[64];

	if (!app->has_plan || !app_may_write(app))
		return;
	if (calendar_status(app->db, app->plan.year_from, app->plan.year_to, app->plan.issue_date,
	    date_today(), &next, &has_next, &late, &has_late) != 0) {
		app_fail_db(app);
		return;
	}
	if (!has_late && !has_next) {
		app_message(app, COLOR_WARN, "%s", _("No report is due."));
		return;
	}
	d = has_late ? &late : &next;
	report_period_label(d->year, d->kind, period, sizeof period);
	if (calendar_mark_sent(app->db, d->year, d->kind, date_today()) != 0)
		app_fail_db(app);
	else
		app_message(app, COLOR_GOOD, _("Report %s marked as sent today."), period);
}

static void
open_import(struct app *app, struct screen *s, enum action a)
{
	if (app->has_plan)
		app_push(app, import_new(app));
}

static void
change_operator(struct app *app, struct screen *s, enum action a)
{
	app_push(app, operator_form_new(app));
}

/* Opens the first of the plan's lists, from the start-th on (round), that
 * holds a match, on it; false when none does. */
static bool
search_lists(struct app *app, int start)
{
	struct screen *(*const lists[])(struct app *, int) = { targets_new, tasks_new };
	int n = (int)(sizeof lists / sizeof lists[0]);

	for (int k = 0; k < n; k++) {
		int i = (start + k) % n;
		struct screen *s = lists[i](app, 0);

		app_push(app, s);
		if (s == NULL)
			return true;
		s->plan_search = i + 1;
		if (app_search_next(app, s, 0)) {
			app_message(app, COLOR_NORMAL, _("/%s: found in section %d. %s"), app->search.query,
			    s->section + 1, app->sections[s->section].title);
			return true;
		}
		app_pop(app);
	}
	return false;
}

void
dashboard_search(struct app *app)
{
	if (!search_lists(app, 0))
		app_message(app, COLOR_WARN, _("/%s (no match)"), app->search.query);
}

void
dashboard_search_on(struct app *app, struct screen *s)
{
	int next = s->plan_search;

	app_pop(app);
	if (!search_lists(app, next))
		app_message(app, COLOR_WARN, _("/%s (no match)"), app->search.query);
}

static const struct binding bindings[] = {
	{ ACT_OPEN, open_targets, true },
	{ ACT_SEARCH, screen_search, false },
	{ ACT_TARGETS, open_targets, false },
	{ ACT_TASKS, open_tasks, true },
	{ ACT_PERIOD, next_period, true },
	{ ACT_PREV_PERIOD, next_period, false },
	{ ACT_REPORT, preview, true },
	{ ACT_WRITTEN, open_written, true },
	{ ACT_REPORT_SENT, report_sent, false },
	{ ACT_EDIT_PLAN, edit_plan, true },
	{ ACT_ADD, new_plan, false },
	{ ACT_UNITS, open_units, true },
	{ ACT_OFFICE, edit_office, true },
	{ ACT_PLANS, open_plans, true },
	{ ACT_SETTINGS, open_settings, true },
	{ ACT_ASSESSMENT, open_assessment, true },
	{ ACT_SIPAS, open_sipas, true },
	{ ACT_IMPORT, open_import, true },
	{ ACT_BACKUP, back_up, true },
	{ ACT_OPERATOR, change_operator, true },
	/* 'k' opens the plans here: "up" is the arrow alone. */
	{ ACT_ARROW_UP, screen_list_action, true },
	{ ACT_DOWN, screen_list_action, false },
	{ ACT_HOME, screen_list_action, false },
	{ ACT_END, screen_list_action, false },
};

const struct screen_type dashboard_type = {
	N_("Dashboard"), bindings, sizeof bindings / sizeof bindings[0], draw, load, free_counts, NULL, NULL,
};

struct screen *
dashboard_new(struct app *app)
{
	return screen_open(app, &dashboard_type);
}
