/* Schema migration 1 -> 2: history of changes (issue 6).
 * Included once, by schema.c, as one entry of its migrations[]: SQL
 * statements separated by ';', applied in one transaction.
 *
 * Every insert, update and delete of the office's records leaves a row in
 * history: when (UTC), who (the one row of history_operator, which the
 * program sets from the setting "operator" when it starts), the table and
 * record, and the record's values before and after as JSON objects.  The
 * triggers live in the file, so a change made from the sqlite3 shell is
 * recorded too.  They only append (no lookups beyond the operator's row),
 * and an update that changes nothing is not recorded.  Derived columns
 * (folded, sort_key) are left out of the values.
 *
 * record_id is the row's own id; rows without one (unit_alias,
 * target_phase, task_cooperator) are recorded under the record they belong
 * to.  parent_id is the record a row is part of (its plan, task, target or
 * unit), so that a record's history can show its parts.  history.c reads
 * it all back, merging what one save wrote (see history.h). */
#ifndef CCHC_MIGRATION_HISTORY_H
#define CCHC_MIGRATION_HISTORY_H

/* The columns recorded, by table: X(prefix, column) for each but the
 * first, which HISTORY_TRIGGERS takes apart. */
#define HISTORY_OFFICE(X, p) X(p, name) X(p, kind) X(p, province)
#define HISTORY_UNIT(X, p) X(p, name) X(p, short_name)
#define HISTORY_UNIT_ALIAS(X, p) X(p, alias)
#define HISTORY_PLAN(X, p) X(p, number) X(p, title) X(p, issuer) X(p, signer) \
	X(p, issue_date) X(p, year_from) X(p, year_to)
#define HISTORY_PHASE(X, p) X(p, plan_id) X(p, label) X(p, year_from) X(p, year_to)
#define HISTORY_TARGET(X, p) X(p, plan_id) X(p, section_id) X(p, ord) X(p, text) \
	X(p, kind) X(p, comparator) X(p, value) X(p, baseline) X(p, numerator_label) \
	X(p, denominator_label) X(p, lead_unit_id)
#define HISTORY_TARGET_PHASE(X, p) X(p, phase_id) X(p, value)
#define HISTORY_TASK(X, p) X(p, plan_id) X(p, section_id) X(p, ord) X(p, tt) \
	X(p, description) X(p, lead_unit_id) X(p, monitor_unit_id) X(p, progress) \
	X(p, completion_date) X(p, evidence) X(p, note)
/* Migration 5 gave the evidence document a number and a date. */
#define HISTORY_TASK_5(X, p) HISTORY_TASK(X, p) X(p, evidence_number) X(p, evidence_date)
#define HISTORY_TASK_COOPERATOR(X, p) X(p, unit_id) X(p, ord)
#define HISTORY_PRODUCT(X, p) X(p, task_id) X(p, ord) X(p, name) X(p, deadline_text) \
	X(p, deadline_kind) X(p, due_date) X(p, due_manual)
#define HISTORY_RESULT(X, p) X(p, target_id) X(p, period_id) X(p, numerator) \
	X(p, denominator) X(p, value) X(p, evidence) X(p, note)

#define HISTORY_PAIR(p, c) ", '" #c "', " #p "." #c
/* json_object() of the row p (NEW, OLD or a table name). */
#define HISTORY_JSON(p, first, COLS) \
	"json_object('" #first "', " #p "." #first COLS(HISTORY_PAIR, p) ")"
#define HISTORY_OPERATOR "coalesce((SELECT name FROM history_operator WHERE id = 1), '')"
#define HISTORY_INSERT "INSERT INTO history (operator, table_name, record_id, parent_id, " \
	"action, before_json, after_json) "

/* The three triggers of table t: first is its first recorded column, COLS
 * the others, rec the column holding the record's id, par_new / par_old
 * the parent's id (SQL: "NEW.plan_id", or "NULL"). */
#define HISTORY_TRIGGERS(t, first, COLS, rec, par_new, par_old) \
	"CREATE TRIGGER history_" #t "_insert AFTER INSERT ON " #t " BEGIN " \
	HISTORY_INSERT "VALUES (" HISTORY_OPERATOR ", '" #t "', NEW." #rec ", " par_new \
	", 'insert', NULL, " HISTORY_JSON(NEW, first, COLS) "); END;" \
	"CREATE TRIGGER history_" #t "_update AFTER UPDATE ON " #t " BEGIN " \
	HISTORY_INSERT "SELECT " HISTORY_OPERATOR ", '" #t "', NEW." #rec ", " par_new \
	", 'update', b, a FROM (SELECT " HISTORY_JSON(OLD, first, COLS) " AS b, " \
	HISTORY_JSON(NEW, first, COLS) " AS a) WHERE b IS NOT a; END;" \
	"CREATE TRIGGER history_" #t "_delete AFTER DELETE ON " #t " BEGIN " \
	HISTORY_INSERT "VALUES (" HISTORY_OPERATOR ", '" #t "', OLD." #rec ", " par_old \
	", 'delete', " HISTORY_JSON(OLD, first, COLS) ", NULL); END;"

#define MIGRATION_HISTORY \
	"CREATE TABLE history_operator (" \
	"  id INTEGER PRIMARY KEY CHECK (id = 1)," \
	"  name TEXT NOT NULL DEFAULT '');" \
	"INSERT INTO history_operator (id, name) VALUES (1, '');" \
	"CREATE TABLE history (" \
	"  id INTEGER PRIMARY KEY," \
	"  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))," \
	"  operator TEXT NOT NULL," \
	"  table_name TEXT NOT NULL," \
	"  record_id INTEGER NOT NULL," \
	"  parent_id INTEGER," \
	"  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete'))," \
	"  before_json TEXT," \
	"  after_json TEXT);" \
	"CREATE INDEX history_record ON history(table_name, record_id);" \
	"CREATE INDEX history_parent ON history(parent_id) WHERE parent_id IS NOT NULL;" \
	HISTORY_TRIGGERS(office, id, HISTORY_OFFICE, id, "NULL", "NULL") \
	/* INSERT OR REPLACE (office_put() wrote it before issue 19; the sqlite3 \
	 * shell may), whose implicit delete fires \
	 * no trigger: record the replaced row here, and history.c merges \
	 * the pair into an update. */ \
	"CREATE TRIGGER history_office_replace BEFORE INSERT ON office" \
	"  WHEN EXISTS (SELECT 1 FROM office WHERE id = NEW.id) BEGIN " \
	HISTORY_INSERT "SELECT " HISTORY_OPERATOR ", 'office', id, NULL, 'delete', " \
	HISTORY_JSON(office, id, HISTORY_OFFICE) ", NULL FROM office WHERE id = NEW.id; END;" \
	HISTORY_TRIGGERS(unit, id, HISTORY_UNIT, id, "NULL", "NULL") \
	HISTORY_TRIGGERS(unit_alias, unit_id, HISTORY_UNIT_ALIAS, unit_id, \
	    "NEW.unit_id", "OLD.unit_id") \
	HISTORY_TRIGGERS(plan, id, HISTORY_PLAN, id, "NULL", "NULL") \
	HISTORY_TRIGGERS(phase, id, HISTORY_PHASE, id, "NEW.plan_id", "OLD.plan_id") \
	HISTORY_TRIGGERS(target, id, HISTORY_TARGET, id, "NEW.plan_id", "OLD.plan_id") \
	HISTORY_TRIGGERS(target_phase, target_id, HISTORY_TARGET_PHASE, target_id, \
	    "NEW.target_id", "OLD.target_id") \
	HISTORY_TRIGGERS(task, id, HISTORY_TASK, id, "NEW.plan_id", "OLD.plan_id") \
	HISTORY_TRIGGERS(task_cooperator, task_id, HISTORY_TASK_COOPERATOR, task_id, \
	    "NEW.task_id", "OLD.task_id") \
	HISTORY_TRIGGERS(product, id, HISTORY_PRODUCT, id, "NEW.task_id", "OLD.task_id") \
	HISTORY_TRIGGERS(result, id, HISTORY_RESULT, id, "NEW.target_id", "OLD.target_id")

#endif
