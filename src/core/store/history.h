/* The history of changes: who changed which record, when, from what to
 * what.
 *
 * Triggers in the database (migration_history.h) write a row for every
 * insert, update and delete of the office's records, whoever makes it.
 * This reads them back as a user thinks of them: what one save did to a
 * record is one entry.  Saving a task rewrites its products and cooperating
 * units (delete, then insert); rows that come back unchanged in the same
 * second by the same operator cancel out, and the rows one save wrote for
 * the same record are merged into one entry (first values before, last
 * values after; a record added and removed again leaves nothing).
 *
 * The operator is the one row of table history_operator.  The program
 * copies it from the setting "operator" when it starts
 * (history_load_operator) and both change together when the user switches
 * (history_set_operator).  All instances on one file share it: the last
 * one to start names the operator. */
#ifndef CCHC_HISTORY_H
#define CCHC_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;

enum history_action {
	HISTORY_INSERT,
	HISTORY_UPDATE,
	HISTORY_DELETE,
};

struct history_entry {
	int64_t id;		/* its first history row */
	char at[21];		/* UTC: "2025-10-15T01:30:00Z" */
	char local[17];		/* local time: "15/10/2025 08:30" */
	char *operator;		/* "" when none was set */
	char *table;		/* "task", "product"... (history_table_label) */
	int64_t record_id;	/* for a unit_alias, target_phase or
				 * task_cooperator: its unit, target or task */
	int64_t parent_id;	/* the plan, task, target or unit it is part
				 * of; 0 for an office, unit or plan */
	enum history_action action;
	char *before;		/* JSON object; NULL for an insert */
	char *after;		/* JSON object; NULL for a delete */
};

/* What to list; every member may be left zero. */
struct history_query {
	const char *since;	/* ISO date: changes from its first second,
				 * local time */
	const char *table;	/* one table (history_table_known) */
	int64_t id;		/* with table: that record and its parts (a
				 * task's products and cooperating units, a
				 * target's results and values by phase, a
				 * unit's spellings, a plan's phases) */
};

/* The changes q selects, oldest first; *out newly allocated.  0 or -1. */
int history_list(struct db *db, const struct history_query *q,
    struct history_entry **out, int *n);
void history_free(struct history_entry *h, int n);

/* One field an entry changed, as text to show: for an update each field
 * whose value changed, for an insert or a delete each field with a value,
 * but the id and the owner's id (history_subject() names them).
 * Values are NULL when absent or SQL NULL; numbers are written
 * number_format()'s way, dates dd/mm/yyyy, progress in words; units,
 * sections, phases and periods by name where they still exist. */
struct history_change {
	char *field;		/* the column: "progress" (history_field_label) */
	char *before;
	char *after;
};

int history_changes(struct db *db, const struct history_entry *e,
    struct history_change **out, int *n);
void history_changes_free(struct history_change *c, int n);

/* Whether table is one whose changes are recorded. */
bool history_table_known(const char *table);
/* Translated names, for showing: "task" -> "nhiệm vụ".  An unknown name is
 * returned as it is. */
const char *history_table_label(const char *table);
const char *history_field_label(const char *field);
const char *history_action_label(enum history_action a);
/* What e is about, translated, into buf (n bytes), as a clerk names it:
 * "task III.2 Xây dựng kế hoạch…", "product Báo cáo (task III.2 …)",
 * "result 6 tháng/2025 (target …)".  A deleted record keeps the name its
 * values had; its owner is named while it exists. */
void history_subject(struct db *db, const struct history_entry *e, char *buf, size_t n);

/* Copies the setting "operator" ("" when unset) into history_operator:
 * call once the database is open.  0 or -1. */
int history_load_operator(struct db *db);
/* Makes name (NFC, trimmed) the operator from now on: the setting, then
 * history_operator.  0 or -1. */
int history_set_operator(struct db *db, const char *name);
/* The operator named in the setting, malloc'd ("" when unset, as when the
 * program should ask for it); NULL when memory ran out. */
char *history_operator(struct db *db);

#endif
