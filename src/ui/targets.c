/* The targets of a section, with their result for the period shown. */
#include "ui/app.h"

#include <stdio.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/target.h"
#include "core/trash.h"
#include "ui/screen.h"
#include "ui/screens.h"

#define W_NO 4
#define W_PLAN 11
#define W_RESULT 9
#define W_VERDICT 10

static int
load(struct app *app, struct screen *s)
{
	targets_free(s->targets, s->ntargets);
	s->targets = NULL;
	s->ntargets = 0;
	if (target_list(app->db, app->plan.id, app->sections[s->section].id, app->year,
	    app->period, &s->targets, &s->ntargets) != 0) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		return -1;
	}
	s->list.count = s->ntargets;
	if (s->list.selected >= s->ntargets)
		s->list.selected = s->ntargets ? s->ntargets - 1 : 0;
	return 0;
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	int text_w = cols - 1 - W_NO - W_PLAN - W_RESULT - W_VERDICT - 3;
	char line[512], period[64];

	app_period_label(app, period, sizeof period);
	snprintf(line, sizeof line, _("%d. %s — targets (%d) — period %s"), s->section + 1,
	    app->sections[s->section].title, s->ntargets, period);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	draw_text(y + 1, 1, "#", W_NO, A_BOLD | A_UNDERLINE);
	draw_text(y + 1, 1 + W_NO, _("Target"), text_w + 1, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 1, 2 + W_NO + text_w, _("Planned"), W_PLAN, A_BOLD | A_UNDERLINE);
	draw_text_right(y + 1, 3 + W_NO + text_w + W_PLAN, _("Result"), W_RESULT, A_BOLD | A_UNDERLINE);
	draw_text(y + 1, 4 + W_NO + text_w + W_PLAN + W_RESULT, _("Verdict"), W_VERDICT, A_BOLD | A_UNDERLINE);
	if (s->ntargets == 0) {
		draw_text(y + 3, 1, _("No targets in this section."), cols - 1, A_NORMAL);
		return;
	}
	list_scroll(&s->list, rows - 2);
	for (int r = 0; r < rows - 2 && s->list.top + r < s->ntargets; r++) {
		int i = s->list.top + r;
		const struct target *t = &s->targets[i];
		attr_t a = i == s->list.selected ? A_REVERSE : A_NORMAL;
		enum color vc = t->verdict == VERDICT_MET ? COLOR_GOOD
		    : t->verdict == VERDICT_NOT_MET ? COLOR_BAD : COLOR_NORMAL;
		char no[16], plan[64], result[64];

		snprintf(no, sizeof no, "%d", i + 1);
		target_plan_text(t, plan, sizeof plan);
		target_result_text(t, result, sizeof result);
		draw_cell(y + 2 + r, 1, no, W_NO, a);
		draw_cell(y + 2 + r, 1 + W_NO, t->text, text_w + 1, a);
		draw_text_right(y + 2 + r, 2 + W_NO + text_w, plan, W_PLAN, a);
		draw_text(y + 2 + r, 2 + W_NO + text_w + W_PLAN, " ", 1, a);
		draw_text_right(y + 2 + r, 3 + W_NO + text_w + W_PLAN, result, W_RESULT, a);
		draw_text(y + 2 + r, 3 + W_NO + text_w + W_PLAN + W_RESULT, " ", 1, a);
		draw_text(y + 2 + r, 4 + W_NO + text_w + W_PLAN + W_RESULT, verdict_label(t->verdict),
		    W_VERDICT, a | draw_attr(vc));
	}
}

static void
open_record(struct app *app, struct screen *s, enum action a)
{
	if (s->ntargets > 0)
		app_push(app, target_record_new(app, &s->targets[s->list.selected]));
}

static void
add(struct app *app, struct screen *s, enum action a)
{
	app_push(app, target_form_new(app, NULL, s->section));
}

static void
edit(struct app *app, struct screen *s, enum action a)
{
	if (s->ntargets > 0)
		app_push(app, target_form_new(app, &s->targets[s->list.selected], s->section));
}

static void
result(struct app *app, struct screen *s, enum action a)
{
	if (s->ntargets > 0)
		app_push(app, result_form_new(app, &s->targets[s->list.selected]));
}

static void
delete_confirmed(struct app *app, struct screen *s)
{
	struct trash *undo;

	if (target_delete(app->db, s->targets[s->list.selected].id, &undo) != 0) {
		app_message(app, COLOR_BAD, "%s", db_error(app->db));
		return;
	}
	app_keep_trash(app, undo);
	load(app, s);
	app_message(app, COLOR_GOOD, "%s", _("Target deleted. u: undo"));
}

static void
delete(struct app *app, struct screen *s, enum action a)
{
	if (s->ntargets > 0)
		app_confirm(app, _("Delete this target and its results? y: delete, other key: keep"),
		    delete_confirmed);
}

static const char *
row_text(struct screen *s, int i)
{
	return s->targets[i].text;
}

static const struct binding bindings[] = {
	{ ACT_OPEN, open_record, true },
	{ ACT_RESULT, result, true },
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

static const struct screen_type targets = {
	N_("Targets"), bindings, sizeof bindings / sizeof bindings[0], draw, load, NULL, NULL, row_text,
};

struct screen *
targets_new(struct app *app, int section)
{
	struct screen *s = screen_new(&targets);

	if (s == NULL)
		return NULL;
	s->section = section;
	load(app, s);
	return s;
}
