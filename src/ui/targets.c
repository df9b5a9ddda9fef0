/* The targets of a section, with their result for the period shown. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/target.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "core/text/i18n.h"
#include "core/text/text.h"
#include "ui/screen.h"
#include "ui/screens.h"

#define W_NO 4
#define W_PLAN 11
#define W_RESULT 9

/* Which targets show ('f' cycles) and in which order ('s' cycles). */
enum { SHOW_ALL, SHOW_MET, SHOW_NOT_MET, SHOW_UNKNOWN, SHOWS };
static const char *const show_names[SHOWS] = { N_("all"), N_("Met"), N_("Not met"), N_("Unknown") };
enum { SORT_PLAN, SORT_TEXT, SORT_VERDICT, SORTS };
static const char *const sort_names[SORTS] = { N_("plan order"), N_("target"), N_("verdict") };

struct target_view {
	int show, sort;
	char **keys;		/* Vietnamese sort keys of the texts */
};

static void
free_keys(struct screen *s)
{
	struct target_view *v = s->data;

	for (int i = 0; v->keys && i < s->ntargets; i++)
		free(v->keys[i]);
	free(v->keys);
	v->keys = NULL;
}

static void
free_view(struct screen *s)
{
	if (s->data == NULL)
		return;
	free_keys(s);
	free(s->data);
}

static bool
keep(struct screen *s, int i)
{
	static const enum verdict shown[SHOWS] = { 0, VERDICT_MET, VERDICT_NOT_MET, VERDICT_UNKNOWN };
	const struct target_view *v = s->data;

	return v->show == SHOW_ALL || s->targets[i].verdict == shown[v->show];
}

/* qsort has no context argument: the screen being sorted. */
static struct screen *sorting;

static int
compare(const void *a, const void *b)
{
	int i = *(const int *)a, j = *(const int *)b, c = 0;
	const struct target_view *v = sorting->data;

	if (v->sort == SORT_TEXT)
		c = strcmp(v->keys[i], v->keys[j]);
	else if (v->sort == SORT_VERDICT)
		c = (int)sorting->targets[i].verdict - (int)sorting->targets[j].verdict;
	return c != 0 ? c : i - j;
}

static int
make_view(struct screen *s)
{
	struct target_view *v = s->data;

	free_keys(s);
	if (v->sort == SORT_TEXT) {
		if ((v->keys = calloc(s->ntargets ? s->ntargets : 1, sizeof *v->keys)) == NULL)
			return -1;
		for (int i = 0; i < s->ntargets; i++)
			if ((v->keys[i] = text_sort_key(s->targets[i].text)) == NULL &&
			    (v->keys[i] = strdup("")) == NULL)
				return -1;
	}
	sorting = s;
	return screen_view(s, s->ntargets, keep, compare);
}

static int
load(struct app *app, struct screen *s)
{
	free_keys(s);
	targets_free(s->targets, s->ntargets);
	s->targets = NULL;
	s->ntargets = 0;
	if (target_list(app->db, app->plan.id, app->sections[s->section].id, app->year,
	    app->period, &s->targets, &s->ntargets) != 0) {
		app_fail_db(app);
		return -1;
	}
	if (make_view(s) != 0) {
		app_message(app, COLOR_BAD, "%s", _("Out of memory"));
		return -1;
	}
	return 0;
}

/* The verdict column is as wide as its longest word in the interface's
 * language: "Đang thực hiện" was cut to "Đang thực". */
static int
verdict_width(void)
{
	static const enum verdict all[] = {
		VERDICT_UNKNOWN, VERDICT_MET, VERDICT_NOT_MET, VERDICT_IN_PROGRESS,
	};
	int w = text_width(_("Verdict"));

	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (text_width(report_verdict_label(all[i])) > w)
			w = text_width(report_verdict_label(all[i]));
	return w;
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	const struct target_view *v = s->data;
	const int verdict_w = verdict_width();
	int text_w = cols - 1 - W_NO - W_PLAN - W_RESULT - verdict_w - 3;
	char line[768], period[64];

	report_period_label(app->year, app->period, period, sizeof period);
	/* The section's short title when the full one would push the period
	 * or the filter off the line. */
	for (int shorter = 0; shorter < 2; shorter++) {
		snprintf(line, sizeof line, _("%d. %s — targets (%d) — period %s"), s->section + 1,
		    shorter ? app->sections[s->section].short_title : app->sections[s->section].title,
		    s->nrows, period);
		if (v->show != SHOW_ALL || v->sort != SORT_PLAN)
			snprintf(line + strlen(line), sizeof line - strlen(line),
			    _(" · filter: %s · order: %s"), _(show_names[v->show]), _(sort_names[v->sort]));
		if (text_width(line) <= cols - 1)
			break;
	}
	draw_text(y, 1, line, cols - 1, A_BOLD);
	draw_text(y + 1, 1, "#", W_NO, A_BOLD | A_UNDERLINE);
	draw_text(y + 1, 1 + W_NO, _("Target"), text_w + 1, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 1, 2 + W_NO + text_w, _("Planned"), W_PLAN, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 1, 3 + W_NO + text_w + W_PLAN, _("Result"), W_RESULT, A_BOLD | A_UNDERLINE);
	draw_text(y + 1, 4 + W_NO + text_w + W_PLAN + W_RESULT, _("Verdict"), verdict_w, A_BOLD | A_UNDERLINE);
	if (s->nrows == 0) {
		draw_text(y + 3, 1, s->ntargets ? _("No target matches the filter.") :
		    _("No targets in this section."), cols - 1, A_NORMAL);
		return;
	}
	list_scroll(&s->list, rows - 2);
	for (int r = 0; r < rows - 2 && s->list.top + r < s->nrows; r++) {
		int i = s->list.top + r;
		const struct target *t = &s->targets[s->rows[i]];
		attr_t a = i == s->list.selected ? A_REVERSE : A_NORMAL;
		enum color vc = t->verdict == VERDICT_MET ? COLOR_GOOD
		    : t->verdict == VERDICT_NOT_MET ? COLOR_BAD : COLOR_NORMAL;
		char no[16], plan[64], result[64];

		snprintf(no, sizeof no, "%d", s->rows[i] + 1);
		report_target_planned(t, plan, sizeof plan);
		target_result_text(t, result, sizeof result);
		draw_cell(y + 2 + r, 1, no, W_NO, a);
		draw_cell(y + 2 + r, 1 + W_NO, t->text, text_w + 1, a);
		draw_text_right(y + 2 + r, 2 + W_NO + text_w, plan, W_PLAN, a);
		draw_text(y + 2 + r, 2 + W_NO + text_w + W_PLAN, " ", 1, a);
		draw_text_right(y + 2 + r, 3 + W_NO + text_w + W_PLAN, result, W_RESULT, a);
		draw_text(y + 2 + r, 3 + W_NO + text_w + W_PLAN + W_RESULT, " ", 1, a);
		draw_text(y + 2 + r, 4 + W_NO + text_w + W_PLAN + W_RESULT, report_verdict_label(t->verdict),
		    verdict_w, a | draw_attr(vc));
		if (i == s->list.selected && text_width(t->text) > text_w) {
			const char *parts[1] = { t->text };

			screen_note_row(app, parts, 1);
		}
	}
}

static const struct target *
selected(struct screen *s)
{
	return s->nrows > 0 ? &s->targets[s->rows[s->list.selected]] : NULL;
}

static void
open_record(struct app *app, struct screen *s, enum action a)
{
	if (selected(s) != NULL)
		app_push(app, target_record_new(app, selected(s)));
}

static void
add(struct app *app, struct screen *s, enum action a)
{
	app_push(app, target_form_new(app, NULL, s->section));
}

static void
edit(struct app *app, struct screen *s, enum action a)
{
	if (selected(s) != NULL)
		app_push(app, target_form_new(app, selected(s), s->section));
}

static void
result(struct app *app, struct screen *s, enum action a)
{
	if (selected(s) != NULL)
		app_push(app, result_form_new(app, selected(s)));
}

static void
delete_confirmed(struct app *app, struct screen *s)
{
	struct trash *undo;

	if (target_delete(app->db, selected(s)->id, &undo) != 0) {
		app_fail_db(app);
		return;
	}
	app_keep_trash(app, undo);
	load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Target deleted. u: undo"));
}

static void
delete(struct app *app, struct screen *s, enum action a)
{
	if (selected(s) != NULL)
		app_confirm(app, _("Delete this target and its results? y: delete, other key: keep"),
		    delete_confirmed);
}

static const char *
row_text(struct screen *s, int i)
{
	return s->targets[s->rows[i]].text;
}

static void
cycle_filter(struct app *app, struct screen *s, enum action a)
{
	struct target_view *v = s->data;

	if (a == ACT_FILTER)
		v->show = (v->show + 1) % SHOWS;
	else
		v->sort = (v->sort + 1) % SORTS;
	if (make_view(s) != 0)
		app_message(app, COLOR_BAD, "%s", _("Out of memory"));
}

static void
preview(struct app *app, struct screen *s, enum action a)
{
	app_push(app, report_screen_new(app, "period", 0));
}

static const struct binding bindings[] = {
	{ ACT_OPEN, open_record, true },
	{ ACT_RESULT, result, true },
	{ ACT_REPORT, preview, true },
	{ ACT_ADD, add, true },
	{ ACT_EDIT, edit, true },
	{ ACT_DELETE, delete, true },
	{ ACT_FILTER, cycle_filter, true },
	{ ACT_SORT, cycle_filter, true },
	{ ACT_PREV_SECTION, screen_change_section, true },
	{ ACT_NEXT_SECTION, screen_change_section, false },
	LIST_BINDINGS(true),
};

const struct screen_type targets_type = {
	N_("Targets"), bindings, sizeof bindings / sizeof bindings[0], draw, load, free_view, NULL, row_text,
};

struct screen *
targets_new(struct app *app, int section)
{
	struct screen *s = screen_new(&targets_type);

	if (s == NULL || (s->data = calloc(1, sizeof(struct target_view))) == NULL) {
		screen_free(s);
		return NULL;
	}
	s->section = section;
	load(app, s);
	return s;
}
