#include "ui/actions.h"

#include <curses.h>

#include "core/i18n.h"

static const struct action_def table[ACT_COUNT] = {
	[ACT_UP] = { ACT_UP, { KEYFN(KEY_UP), 'k', 0 }, N_("Up/Down"), N_("move") },
	[ACT_DOWN] = { ACT_DOWN, { KEYFN(KEY_DOWN), 'j', 0 }, N_("Down"), N_("move down") },
	[ACT_PAGE_UP] = { ACT_PAGE_UP, { KEYFN(KEY_PPAGE), 0 }, N_("PgUp"), N_("page up") },
	[ACT_PAGE_DOWN] = { ACT_PAGE_DOWN, { KEYFN(KEY_NPAGE), ' ', 0 }, N_("PgDn"), N_("page down") },
	[ACT_HOME] = { ACT_HOME, { KEYFN(KEY_HOME), 'g', 0 }, N_("Home"), N_("first") },
	[ACT_END] = { ACT_END, { KEYFN(KEY_END), 'G', 0 }, N_("End"), N_("last") },
	[ACT_PREV_SECTION] = { ACT_PREV_SECTION, { KEYFN(KEY_LEFT), 0 }, N_("Left/Right"), N_("section") },
	[ACT_NEXT_SECTION] = { ACT_NEXT_SECTION, { KEYFN(KEY_RIGHT), 0 }, N_("Right"), N_("next section") },
	[ACT_OPEN] = { ACT_OPEN, { '\n', '\r', KEYFN(KEY_ENTER), 0 }, N_("Enter"), N_("open") },
	[ACT_TARGETS] = { ACT_TARGETS, { 'c', 0 }, N_("c"), N_("targets") },
	[ACT_TASKS] = { ACT_TASKS, { 'n', 0 }, N_("n"), N_("tasks") },
	[ACT_UNIT_TASKS] = { ACT_UNIT_TASKS, { 't', 0 }, N_("t"), N_("its tasks") },
	[ACT_PERIOD] = { ACT_PERIOD, { 'p', 0 }, N_("p"), N_("period") },
	[ACT_ADD] = { ACT_ADD, { 'a', KEYFN(KEY_IC), 0 }, N_("a"), N_("add") },
	[ACT_EDIT] = { ACT_EDIT, { 'e', 0 }, N_("e"), N_("edit") },
	[ACT_EDIT_PLAN] = { ACT_EDIT_PLAN, { 'e', 0 }, N_("e"), N_("edit plan") },
	[ACT_DELETE] = { ACT_DELETE, { KEYFN(KEY_DC), 0 }, N_("Del"), N_("delete") },
	[ACT_UNDO] = { ACT_UNDO, { 'u', 0 }, N_("u"), N_("undo delete") },
	[ACT_RESULT] = { ACT_RESULT, { 'r', 0 }, N_("r"), N_("result") },
	[ACT_SEARCH] = { ACT_SEARCH, { '/', 0 }, N_("/"), N_("search") },
	[ACT_FILTER] = { ACT_FILTER, { 'f', 0 }, N_("f"), N_("filter") },
	[ACT_SORT] = { ACT_SORT, { 's', 0 }, N_("s"), N_("sort") },
	[ACT_NEXT_MATCH] = { ACT_NEXT_MATCH, { 'n', 0 }, N_("n"), N_("next match") },
	[ACT_UNITS] = { ACT_UNITS, { 'd', 0 }, N_("d"), N_("units") },
	[ACT_OFFICE] = { ACT_OFFICE, { 'o', 0 }, N_("o"), N_("office") },
	[ACT_PLANS] = { ACT_PLANS, { 'k', 0 }, N_("k"), N_("plans") },
	[ACT_SETTINGS] = { ACT_SETTINGS, { 's', 0 }, N_("s"), N_("settings") },
	[ACT_SIPAS] = { ACT_SIPAS, { 'h', 0 }, N_("h"), N_("satisfaction") },
	[ACT_FORMS] = { ACT_FORMS, { 'f', 0 }, N_("f"), N_("forms") },
	[ACT_ASSESSMENT] = { ACT_ASSESSMENT, { 'i', 0 }, N_("i"), N_("PAR INDEX") },
	[ACT_CRITERIA] = { ACT_CRITERIA, { 'c', 0 }, N_("c"), N_("criteria") },
	[ACT_SET_HEADER] = { ACT_SET_HEADER, { 'o', 0 }, N_("o"), N_("the set") },
	[ACT_COMPARE] = { ACT_COMPARE, { 'v', 0 }, N_("v"), N_("compare years") },
	[ACT_SURVEY] = { ACT_SURVEY, { 'p', 0 }, N_("p"), N_("survey held or not") },
	[ACT_TEMPLATE] = { ACT_TEMPLATE, { 'a', 0 }, N_("a"), N_("import the template") },
	[ACT_OTHER_SET] = { ACT_OTHER_SET, { 'x', 0 }, N_("x"), N_("the year's set") },
	[ACT_LEFT] = { ACT_LEFT, { KEYFN(KEY_LEFT), 0 }, N_("Left/Right"), N_("scroll sideways") },
	[ACT_RIGHT] = { ACT_RIGHT, { KEYFN(KEY_RIGHT), 0 }, N_("Right"), N_("scroll right") },
	[ACT_HISTORY] = { ACT_HISTORY, { 'l', 0 }, N_("l"), N_("history") },
	[ACT_BACKUP] = { ACT_BACKUP, { 'b', 0 }, N_("b"), N_("back up now") },
	[ACT_OPERATOR] = { ACT_OPERATOR, { 'w', 0 }, N_("w"), N_("who enters data") },
	[ACT_IMPORT] = { ACT_IMPORT, { 'm', 0 }, N_("m"), N_("import") },
	[ACT_REPORT] = { ACT_REPORT, { 'P', 0 }, N_("P"), N_("print preview") },
	[ACT_PRINT] = { ACT_PRINT, { 'p', 0 }, N_("p"), N_("print") },
	[ACT_EXPORT] = { ACT_EXPORT, { 's', 0 }, N_("s"), N_("save as") },
	[ACT_WIDTH] = { ACT_WIDTH, { 'w', 0 }, N_("w"), N_("80/132 columns") },
	[ACT_SAVE] = { ACT_SAVE, { KEYFN(KEY_F(2)), 0 }, N_("F2"), N_("save") },
	[ACT_NEXT_FIELD] = { ACT_NEXT_FIELD, { '\t', 0 }, N_("Tab"), N_("next field") },
	[ACT_CANCEL] = { ACT_CANCEL, { 27, 0 }, N_("Esc"), N_("cancel") },
	[ACT_INPUT_MODE] = { ACT_INPUT_MODE, { KEYFN(KEY_F(4)), 0 }, N_("F4"), N_("Telex/VNI") },
	[ACT_BACK] = { ACT_BACK, { 27, KEYFN(KEY_BACKSPACE), 0 }, N_("Esc"), N_("back") },
	[ACT_HELP] = { ACT_HELP, { KEYFN(KEY_F(1)), '?', 0 }, N_("F1"), N_("help") },
	[ACT_QUIT] = { ACT_QUIT, { KEYFN(KEY_F(10)), 'q', 0 }, N_("q"), N_("quit") },
};

const enum action global_actions[] = { ACT_HELP, ACT_QUIT };
const int nglobal_actions = sizeof global_actions / sizeof global_actions[0];

const struct action_def *
action_def(enum action a)
{
	return &table[a];
}

static bool
action_has_key(enum action a, int key)
{
	for (int i = 0; i < 4 && table[a].keys[i] != 0; i++)
		if (table[a].keys[i] == key)
			return true;
	return false;
}

enum action
action_for_key(int key, const enum action *offered, int n)
{
	for (int i = 0; i < n; i++)
		if (action_has_key(offered[i], key))
			return offered[i];
	for (int i = 0; i < nglobal_actions; i++)
		if (action_has_key(global_actions[i], key))
			return global_actions[i];
	return ACT_NONE;
}
