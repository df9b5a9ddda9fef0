#include "ui/actions.h"

#include <curses.h>

#include "core/text/i18n.h"

static const struct action_def table[ACT_COUNT] = {
	[ACT_UP] = { ACT_UP, "up", { KEYFN(KEY_UP), 'k', 0 }, N_("Up/Down"), N_("move") },
	[ACT_DOWN] = { ACT_DOWN, "down", { KEYFN(KEY_DOWN), 'j', 0 }, N_("Down"), N_("move down") },
	[ACT_ARROW_UP] = { ACT_ARROW_UP, "arrow-up", { KEYFN(KEY_UP), 0 }, N_("Up/Down"), N_("move") },
	[ACT_FIELD_UP] = { ACT_FIELD_UP, "field-up", { KEYFN(KEY_UP), 0 }, N_("Up/Down"), N_("move") },
	[ACT_FIELD_DOWN] = { ACT_FIELD_DOWN, "field-down", { KEYFN(KEY_DOWN), 0 }, N_("Down"), N_("move down") },
	[ACT_PAGE_UP] = { ACT_PAGE_UP, "page-up", { KEYFN(KEY_PPAGE), 0 }, N_("PgUp"), N_("page up") },
	[ACT_PAGE_DOWN] = { ACT_PAGE_DOWN, "page-down", { KEYFN(KEY_NPAGE), ' ', 0 }, N_("PgDn"), N_("page down") },
	[ACT_HOME] = { ACT_HOME, "first", { KEYFN(KEY_HOME), 'g', 0 }, N_("Home"), N_("first") },
	[ACT_END] = { ACT_END, "last", { KEYFN(KEY_END), 'G', 0 }, N_("End"), N_("last") },
	[ACT_PREV_SECTION] = { ACT_PREV_SECTION, "previous-section", { KEYFN(KEY_LEFT), 0 }, N_("Left/Right"), N_("section") },
	[ACT_NEXT_SECTION] = { ACT_NEXT_SECTION, "next-section", { KEYFN(KEY_RIGHT), 0 }, N_("Right"), N_("next section") },
	[ACT_OPEN] = { ACT_OPEN, "open", { '\n', '\r', KEYFN(KEY_ENTER), 0 }, N_("Enter"), N_("open") },
	[ACT_TARGETS] = { ACT_TARGETS, "targets", { 'c', 0 }, N_("c"), N_("targets") },
	[ACT_TASKS] = { ACT_TASKS, "tasks", { 'n', 0 }, N_("n"), N_("tasks") },
	[ACT_UNIT_TASKS] = { ACT_UNIT_TASKS, "unit-tasks", { 't', 0 }, N_("t"), N_("its tasks") },
	/* l: "lùi", back through the periods. */
	[ACT_PERIOD] = { ACT_PERIOD, "period", { 'p', 0 }, N_("p/l"), N_("period") },
	[ACT_PREV_PERIOD] = { ACT_PREV_PERIOD, "previous-period", { 'l', 0 }, N_("l"), N_("previous period") },
	[ACT_ADD] = { ACT_ADD, "add", { 'a', KEYFN(KEY_IC), 0 }, N_("a"), N_("add") },
	[ACT_EDIT] = { ACT_EDIT, "edit", { 'e', 0 }, N_("e"), N_("edit") },
	[ACT_EDIT_PLAN] = { ACT_EDIT_PLAN, "edit-plan", { 'e', 0 }, N_("e"), N_("edit plan") },
	[ACT_DELETE] = { ACT_DELETE, "delete", { KEYFN(KEY_DC), 0 }, N_("Del"), N_("delete") },
	[ACT_UNDO] = { ACT_UNDO, "undo", { 'u', 0 }, N_("u"), N_("undo") },
	[ACT_RESULT] = { ACT_RESULT, "result", { 'r', 0 }, N_("r"), N_("result") },
	[ACT_SEARCH] = { ACT_SEARCH, "search", { '/', 0 }, N_("/"), N_("search") },
	[ACT_FILTER] = { ACT_FILTER, "filter", { 'f', 0 }, N_("f"), N_("filter") },
	[ACT_SORT] = { ACT_SORT, "sort", { 's', 0 }, N_("s"), N_("sort") },
	[ACT_NEXT_MATCH] = { ACT_NEXT_MATCH, "next-match", { 'n', 0 }, N_("n"), N_("next match") },
	[ACT_UNITS] = { ACT_UNITS, "units", { 'd', 0 }, N_("d"), N_("units") },
	[ACT_OFFICE] = { ACT_OFFICE, "office", { 'o', 0 }, N_("o"), N_("office") },
	[ACT_PLANS] = { ACT_PLANS, "plans", { 'k', 0 }, N_("k"), N_("plans") },
	[ACT_SETTINGS] = { ACT_SETTINGS, "settings", { 's', 0 }, N_("s"), N_("settings") },
	[ACT_SIPAS] = { ACT_SIPAS, "sipas", { 'h', 0 }, N_("h"), N_("satisfaction") },
	[ACT_FORMS] = { ACT_FORMS, "forms", { 'f', 0 }, N_("f"), N_("forms") },
	[ACT_ASSESSMENT] = { ACT_ASSESSMENT, "assessment", { 'i', 0 }, N_("i"), N_("PAR INDEX") },
	[ACT_CRITERIA] = { ACT_CRITERIA, "criteria", { 'c', 0 }, N_("c"), N_("criteria") },
	[ACT_SET_HEADER] = { ACT_SET_HEADER, "criteria-set", { 'o', 0 }, N_("o"), N_("the set") },
	[ACT_COMPARE] = { ACT_COMPARE, "compare", { 'v', 0 }, N_("v"), N_("compare years") },
	[ACT_SURVEY] = { ACT_SURVEY, "survey", { 'p', 0 }, N_("p"), N_("survey held or not") },
	[ACT_TEMPLATE] = { ACT_TEMPLATE, "template", { 'a', 0 }, N_("a"), N_("import the template") },
	[ACT_HISTORY] = { ACT_HISTORY, "history", { 'l', 0 }, N_("l"), N_("history") },
	[ACT_BACKUP] = { ACT_BACKUP, "backup", { 'b', 0 }, N_("b"), N_("back up now") },
	[ACT_OPERATOR] = { ACT_OPERATOR, "operator", { 'w', 0 }, N_("w"), N_("who enters data") },
	[ACT_IMPORT] = { ACT_IMPORT, "import", { 'm', 0 }, N_("m"), N_("import") },
	[ACT_REPORT] = { ACT_REPORT, "report", { 'P', 0 }, N_("P"), N_("print preview") },
	[ACT_WRITTEN] = { ACT_WRITTEN, "written-report", { 'W', 0 }, N_("W"), N_("written report") },
	[ACT_REPORT_SENT] = { ACT_REPORT_SENT, "report-sent", { 'S', 0 }, N_("S"), N_("report sent") },
	[ACT_COPY_PREVIOUS] = { ACT_COPY_PREVIOUS, "copy-previous", { 'c', 0 }, N_("c"), N_("copy the previous period's") },
	[ACT_PRINT] = { ACT_PRINT, "print", { 'p', 0 }, N_("p"), N_("print") },
	[ACT_EXPORT] = { ACT_EXPORT, "export", { 's', 0 }, N_("s"), N_("save as") },
	[ACT_WIDTH] = { ACT_WIDTH, "width", { 'w', 0 }, N_("w"), N_("80/132 columns") },
	[ACT_SAVE] = { ACT_SAVE, "save", { KEYFN(KEY_F(2)), 0 }, N_("F2"), N_("save") },
	[ACT_APPLY] = { ACT_APPLY, "apply", { KEYFN(KEY_F(2)), 0 }, N_("F2"), N_("apply") },
	[ACT_NEXT_FIELD] = { ACT_NEXT_FIELD, "next-field", { '\t', 0 }, N_("Tab"), N_("next field") },
	[ACT_PREV_FIELD] = { ACT_PREV_FIELD, "previous-field", { KEYFN(KEY_BTAB), 0 }, N_("Shift-Tab"), N_("previous field") },
	[ACT_NEXT_OR_SAVE] = { ACT_NEXT_OR_SAVE, "next-or-save", { '\n', '\r', KEYFN(KEY_ENTER), 0 }, N_("Enter"), N_("next field, on the last save") },
	[ACT_NEXT_OR_APPLY] = { ACT_NEXT_OR_APPLY, "next-or-apply", { '\n', '\r', KEYFN(KEY_ENTER), 0 }, N_("Enter"), N_("next field, on the last apply") },
	[ACT_CANCEL] = { ACT_CANCEL, "cancel", { 27, 0 }, N_("Esc"), N_("cancel") },
	[ACT_CANCEL_FORM] = { ACT_CANCEL_FORM, "cancel-form", { 27, KEYFN(KEY_F(10)), 0 }, N_("Esc"), N_("cancel") },
	[ACT_INPUT_MODE] = { ACT_INPUT_MODE, "input-mode", { KEYFN(KEY_F(4)), 0 }, N_("F4"), N_("Telex/VNI") },
	[ACT_BACK] = { ACT_BACK, "back", { 27, KEYFN(KEY_BACKSPACE), 0 }, N_("Esc"), N_("back") },
	[ACT_HELP] = { ACT_HELP, "help", { KEYFN(KEY_F(1)), '?', 0 }, N_("F1"), N_("help") },
	[ACT_QUIT] = { ACT_QUIT, "quit", { KEYFN(KEY_F(10)), 'q', 0 }, N_("q"), N_("quit") },
	[ACT_SKIP] = { ACT_SKIP, "skip-row", { 'x', 0 }, N_("x"), N_("skip the row") },
	[ACT_MERGE_UP] = { ACT_MERGE_UP, "merge-up", { 'U', 0 }, N_("U"), N_("merge into the task above") },
	[ACT_SHEETS_OUT] = { ACT_SHEETS_OUT, "sheets-out", { 'x', 0 }, N_("x"), N_("update sheets out") },
	[ACT_SHEETS_IN] = { ACT_SHEETS_IN, "sheets-in", { 'i', 0 }, N_("i"), N_("answers in") },
	[ACT_TAKE_SHEET] = { ACT_TAKE_SHEET, "take-sheet", { 'h', 0 }, N_("h"), N_("take the sheet's") },
	[ACT_TAKE_CCHC] = { ACT_TAKE_CCHC, "take-cchc", { 'c', 0 }, N_("c"), N_("keep cchc's") },
	/* x: "xong"; t: "trạng thái". */
	[ACT_MARK_DONE] = { ACT_MARK_DONE, "mark-done", { 'x', 0 }, N_("x"), N_("done today") },
	[ACT_CYCLE_PROGRESS] = { ACT_CYCLE_PROGRESS, "cycle-progress", { 't', 0 }, N_("t"), N_("next progress") },
	[ACT_FIELD_START] = { ACT_FIELD_START, "field-start", { KEYFN(KEY_HOME), 0x01, 0 }, N_("Home, Ctrl-A"), N_("to the start of the field") },
	[ACT_FIELD_END] = { ACT_FIELD_END, "field-end", { KEYFN(KEY_END), 0x05, 0 }, N_("End, Ctrl-E"), N_("to the end of the field") },
	[ACT_KILL_START] = { ACT_KILL_START, "kill-start", { 0x15, 0 }, N_("Ctrl-U"), N_("delete to the start of the field") },
	[ACT_KILL_END] = { ACT_KILL_END, "kill-end", { 0x0b, 0 }, N_("Ctrl-K"), N_("delete to the end of the field") },
	[ACT_KILL_WORD] = { ACT_KILL_WORD, "kill-word", { 0x17, 0 }, N_("Ctrl-W"), N_("delete the word before the cursor") },
	[ACT_WORD_LEFT] = { ACT_WORD_LEFT, "word-left", { KEYFN(KEY_WORD_LEFT), 0 }, N_("Ctrl-←, Alt-b"), N_("to the previous word") },
	[ACT_WORD_RIGHT] = { ACT_WORD_RIGHT, "word-right", { KEYFN(KEY_WORD_RIGHT), 0 }, N_("Ctrl-→, Alt-f"), N_("to the end of the next word") },
	/* The same keys as next-field and next-or-save, while units are
	 * offered under the field. */
	[ACT_TAKE_MATCH] = { ACT_TAKE_MATCH, "take-match", { '\t', '\n', '\r', 0 }, N_("Tab, Enter"), N_("take the unit offered (Up/Down choose; Enter stays in the field)") },
	[ACT_OTHER_SET] = { ACT_OTHER_SET, "other-set", { 'x', 0 }, N_("x"), N_("the year's set") },
	[ACT_LEFT] = { ACT_LEFT, "scroll-left", { KEYFN(KEY_LEFT), 0 }, N_("Left/Right"), N_("scroll sideways") },
	[ACT_RIGHT] = { ACT_RIGHT, "scroll-right", { KEYFN(KEY_RIGHT), 0 }, N_("Right"), N_("scroll right") },
};

const enum action field_edit_actions[] = {
	ACT_FIELD_START, ACT_FIELD_END, ACT_WORD_LEFT, ACT_WORD_RIGHT, ACT_KILL_START, ACT_KILL_END,
	ACT_KILL_WORD, ACT_TAKE_MATCH,
};
const int nfield_edit_actions = sizeof field_edit_actions / sizeof field_edit_actions[0];

const enum action global_actions[] = { ACT_HELP, ACT_QUIT };
const int nglobal_actions = sizeof global_actions / sizeof global_actions[0];

bool
action_shown_by(enum action a, enum action by)
{
	static const struct {
		enum action a, by;
	} pairs[] = {
		{ ACT_DOWN, ACT_UP }, { ACT_DOWN, ACT_ARROW_UP }, { ACT_FIELD_DOWN, ACT_FIELD_UP },
		{ ACT_NEXT_SECTION, ACT_PREV_SECTION }, { ACT_RIGHT, ACT_LEFT },
		{ ACT_PREV_PERIOD, ACT_PERIOD },
	};

	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (pairs[i].a == a && pairs[i].by == by)
			return true;
	return false;
}

const struct action_def *
action_def(enum action a)
{
	return &table[a];
}

bool
action_has_key(enum action a, int key)
{
	for (int i = 0; i < 4 && table[a].keys[i] != 0; i++)
		if (table[a].keys[i] == key)
			return true;
	return false;
}
