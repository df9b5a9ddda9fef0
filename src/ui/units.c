/* The units of the office, with their other spellings and their share of
 * the plan's tasks (led, cooperated on, overdue, due soon); added, renamed
 * and deleted here (a unit still in use cannot be deleted).  The units
 * with overdue tasks come first unless s asks for the units' own order;
 * t shows the tasks of the selected unit.  Per unit, its update sheet for
 * the period shown: out, back, or none sent (x sends them, i reads the
 * answers). */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/sheet.h"
#include "core/plan/summary.h"
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

/* The units and, per unit, its aliases and its tasks; the rows shown
 * (s->rows) index into them. */
struct units_data {
	struct unit *units;
	char **aliases;
	struct unit_summary *tasks;
	enum sheet_state *sheets;	/* for the period shown */
	int n;
	bool own_order;		/* the units' order, not overdue first */
};

/* Empties d for a reload, keeping the order asked for. */
static void
clear_data(struct units_data *d)
{
	for (int i = 0; d->aliases != NULL && i < d->n; i++)
		free(d->aliases[i]);
	free(d->aliases);
	free(d->tasks);
	free(d->sheets);
	units_free(d->units, d->n);
	*d = (struct units_data){ .own_order = d->own_order };
}

static void
free_data(struct screen *s)
{
	if (s->data != NULL)
		clear_data(s->data);
	free(s->data);
	s->data = NULL;
}

static struct units_data *sorting;

/* Units with overdue tasks first, the most overdue first; otherwise (and
 * in the units' own order) as unit_list gives them. */
static int
overdue_first(const void *a, const void *b)
{
	int i = *(const int *)a, j = *(const int *)b;
	int x = sorting->tasks[i].overdue, y = sorting->tasks[j].overdue;

	if (!sorting->own_order && x != y)
		return y - x;
	return i - j;
}

/* Each unit's sheet state; units without tasks have none (SHEET_MISSING
 * is drawn only for units with tasks). */
static int
load_sheets(struct app *app, struct units_data *d)
{
	struct sheet_status *st;
	int n;

	if ((d->sheets = calloc(d->n ? d->n : 1, sizeof *d->sheets)) == NULL)
		return db_fail(app->db, "%s", _("out of memory"));
	if (sheet_status_list(app->db, app->plan.id, app->year, app->period, &st, &n) != 0)
		return -1;
	for (int i = 0; i < d->n; i++)
		for (int j = 0; j < n; j++)
			if (st[j].unit_id == d->units[i].id)
				d->sheets[i] = st[j].state;
	sheet_status_free(st, n);
	return 0;
}

static int
load(struct app *app, struct screen *s)
{
	struct units_data *d = s->data;

	clear_data(d);
	if (unit_list(app->db, &d->units, &d->n) != 0 ||
	    (d->aliases = calloc(d->n ? d->n : 1, sizeof *d->aliases)) == NULL ||
	    (d->tasks = calloc(d->n ? d->n : 1, sizeof *d->tasks)) == NULL ||
	    (app->has_plan && summary_by_unit(app->db, app->plan.id, REPORT_SOON_DAYS,
	    d->units, d->n, d->tasks) != 0)) {
		app_fail_db(app);
		return screen_view(s, 0, NULL, NULL);
	}
	for (int i = 0; i < d->n; i++)
		d->aliases[i] = unit_aliases(app->db, d->units[i].id);
	if (app->has_plan && load_sheets(app, d) != 0)
		app_fail_db(app);
	sorting = d;
	return screen_view(s, d->n, NULL, overdue_first);
}

static struct unit *
selected_unit(struct screen *s)
{
	struct units_data *d = s->data;

	return s->nrows > 0 ? &d->units[s->rows[s->list.selected]] : NULL;
}

#define W_SHORT 16
#define W_COUNT 10
#define COUNTS 4
#define W_SHEET 10

static void
draw_count(int y, int x, int n, attr_t a)
{
	char num[16];

	snprintf(num, sizeof num, "%d", n);
	draw_text_right(y, x, num, W_COUNT - 1, a);
	draw_text(y, x + W_COUNT - 1, " ", 1, a);
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	static const char *const heads[COUNTS] = {
		N_("Leads"), N_("Coop."), N_("Overdue"), N_("Due soon"),
	};
	struct units_data *d = s->data;
	/* The names first; the sheets, the short names and the spellings
	 * where there is room after the counts (a name keeps 36 columns). */
	int sheet_w = d->sheets != NULL && cols - COUNTS * W_COUNT - 2 - W_SHEET >= 36 ? W_SHEET : 0;
	int counts_w = COUNTS * W_COUNT + sheet_w + 2;
	int short_w = cols - counts_w >= 60 ? W_SHORT : 0;
	int alias_w = cols - counts_w - short_w >= 80 ? (cols - counts_w - short_w) / 2 : 0;
	int name_w = cols - counts_w - short_w - alias_w, x_count = 1 + name_w + short_w;
	char line[160];

	char sheets[96] = "";

	if (d->sheets != NULL && sheet_w == 0) {
		int count[3] = { 0 };

		for (int i = 0; i < d->n; i++)
			if (d->tasks[i].leads + d->tasks[i].cooperates > 0)
				count[d->sheets[i]]++;
		snprintf(sheets, sizeof sheets, _(" · sheets: %d out, %d back, %d none"),
		    count[SHEET_OUT], count[SHEET_BACK], count[SHEET_MISSING]);
	}
	snprintf(line, sizeof line, _("Units of the office (%d) · tasks of the plan · %s"), d->n,
	    d->own_order ? _("units' order") : _("overdue first"));
	/* The sheets' counts are news; "tasks of the plan", then "of the
	 * office" give way to them (11 units cut "chưa gửi" at 80 columns). */
	if (text_width(line) + text_width(sheets) > cols - 1)
		snprintf(line, sizeof line, _("Units of the office (%d) · %s"), d->n,
		    d->own_order ? _("units' order") : _("overdue first"));
	if (text_width(line) + text_width(sheets) > cols - 1)
		snprintf(line, sizeof line, _("Units (%d) · %s"), d->n,
		    d->own_order ? _("units' order") : _("overdue first"));
	snprintf(line + strlen(line), sizeof line - strlen(line), "%s", sheets);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	draw_cell(y + 1, 1, _("Name"), name_w, A_BOLD | A_UNDERLINE);
	if (short_w > 0)
		draw_cell(y + 1, 1 + name_w, _("Short name"), short_w, A_BOLD | A_UNDERLINE);
	for (int c = 0; c < COUNTS; c++)
		draw_text_right(y + 1, x_count + c * W_COUNT, _(heads[c]), W_COUNT - 1,
		    A_BOLD | A_UNDERLINE);
	if (sheet_w > 0)
		draw_text(y + 1, x_count + COUNTS * W_COUNT + 1, _("Sheet"), sheet_w - 1,
		    A_BOLD | A_UNDERLINE);
	if (alias_w > 0)
		draw_text(y + 1, x_count + COUNTS * W_COUNT + sheet_w + 1, _("Other spellings"),
		    alias_w, A_BOLD | A_UNDERLINE);
	list_scroll(&s->list, rows - 2);
	for (int r = 0; r < rows - 2 && s->list.top + r < s->nrows; r++) {
		int i = s->rows[s->list.top + r];
		const struct unit_summary *t = &d->tasks[i];
		attr_t a = s->list.top + r == s->list.selected ? A_REVERSE : A_NORMAL;
		int yr = y + 2 + r;

		draw_cell(yr, 1, d->units[i].name, name_w, a);
		if (short_w > 0)
			draw_cell(yr, 1 + name_w, d->units[i].short_name, short_w, a);
		draw_count(yr, x_count, t->leads, a);
		draw_count(yr, x_count + W_COUNT, t->cooperates, a);
		draw_count(yr, x_count + 2 * W_COUNT, t->overdue,
		    t->overdue > 0 ? a | draw_attr(COLOR_BAD) : a);
		draw_count(yr, x_count + 3 * W_COUNT, t->due_soon,
		    t->due_soon > 0 ? a | draw_attr(COLOR_WARN) : a);
		if (sheet_w > 0 && t->leads + t->cooperates > 0)
			draw_cell(yr, x_count + COUNTS * W_COUNT + 1, sheet_state_label(d->sheets[i]),
			    sheet_w - 1, d->sheets[i] == SHEET_BACK ? a | draw_attr(COLOR_GOOD) :
			    d->sheets[i] == SHEET_OUT ? a | draw_attr(COLOR_WARN) : a);
		else if (sheet_w > 0)
			draw_cell(yr, x_count + COUNTS * W_COUNT + 1, "", sheet_w - 1, a);
		if (alias_w > 0)
			draw_text(yr, x_count + COUNTS * W_COUNT + sheet_w + 1,
			    d->aliases[i] ? d->aliases[i] : "", alias_w, a);
	}
}

/* The unit form. */
struct unit_edit {
	struct unit_input unit;	/* id only */
	int fname, fshort, faliases;
};

static int
save_unit(struct app *app, struct form *f, struct err *err)
{
	struct unit_edit *e = f->record;
	struct unit_input u = e->unit;

	u.name = form_text(f, e->fname);
	u.short_name = form_text(f, e->fshort);
	return unit_save(app->db, &u, form_text(f, e->faliases), NULL, err);
}

static struct screen *
unit_form_new(const struct unit *u, const char *aliases)
{
	struct unit_edit *e = calloc(1, sizeof *e);
	struct screen *s;
	struct form *f;

	if (e == NULL)
		return NULL;
	if (u != NULL)
		e->unit.id = u->id;
	if ((s = form_new(u ? _("Edit the unit") : _("New unit"), save_unit, e, free)) == NULL)
		return NULL;
	f = form_of(s);
	e->fname = form_add_text(f, _("Name"), UF_NAME, u ? u->name : NULL, false);
	e->fshort = form_add_text(f, _("Short name"), UF_SHORT_NAME, u ? u->short_name : NULL, false);
	e->faliases = form_add_text(f, _("Other spellings (;)"), UF_ALIASES, aliases, true);
	return s;
}

static void
add(struct app *app, struct screen *s, enum action a)
{
	app_push(app, unit_form_new(NULL, NULL));
}

static void
edit(struct app *app, struct screen *s, enum action a)
{
	struct units_data *d = s->data;

	if (s->nrows > 0)
		app_push(app, unit_form_new(selected_unit(s), d->aliases[s->rows[s->list.selected]]));
}

static void
delete_confirmed(struct app *app, struct screen *s)
{
	struct err err = { -1, "" };
	struct trash *undo;

	if (unit_delete(app->db, selected_unit(s)->id, &undo, &err) != 0) {
		app_error(app, &err);
		return;
	}
	app_keep_trash(app, undo);
	load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Unit deleted. u: undo"));
}

static void
delete(struct app *app, struct screen *s, enum action a)
{
	if (s->nrows > 0)
		app_confirm(app, _("Delete this unit? y: delete, other key: keep"), delete_confirmed);
}

static const char *
row_text(struct screen *s, int i)
{
	struct units_data *d = s->data;

	return d->units[s->rows[i]].name;
}

static void
sort(struct app *app, struct screen *s, enum action a)
{
	struct units_data *d = s->data;

	d->own_order = !d->own_order;
	load(app, s);
}

static void
unit_tasks(struct app *app, struct screen *s, enum action a)
{
	if (!app->has_plan)
		app_message(app, COLOR_BAD, "%s", _("No plan yet."));
	else if (s->nrows > 0)
		app_push(app, tasks_of_unit_new(app, selected_unit(s)));
}

static void
preview(struct app *app, struct screen *s, enum action a)
{
	app_push(app, report_screen_new(app, "units", 0));
}

static void
sheets_out(struct app *app, struct screen *s, enum action a)
{
	sheets_export(app);
	load(app, s);
}

static void
sheets_in(struct app *app, struct screen *s, enum action a)
{
	if (!app->has_plan)
		app_message(app, COLOR_BAD, "%s", _("No plan yet."));
	else
		app_push(app, sheets_import_new(app));
}

static const struct binding bindings[] = {
	{ ACT_ADD, add, true },
	{ ACT_EDIT, edit, true },
	{ ACT_OPEN, edit, false },
	{ ACT_DELETE, delete, true },
	{ ACT_UNIT_TASKS, unit_tasks, true },
	{ ACT_SORT, sort, true },
	{ ACT_REPORT, preview, true },
	{ ACT_SHEETS_OUT, sheets_out, true },
	{ ACT_SHEETS_IN, sheets_in, true },
	LIST_BINDINGS(false),
};

const struct screen_type units_type = {
	N_("Units"), bindings, sizeof bindings / sizeof bindings[0], draw, load, free_data, NULL, row_text,
};

struct screen *
units_new(struct app *app)
{
	struct screen *s = screen_new_data(&units_type, sizeof (struct units_data));

	if (s != NULL)
		load(app, s);
	return s;
}
