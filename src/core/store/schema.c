/* Schema migrations.
 *
 * Each entry of migrations[] takes the database from version i to i + 1 and
 * is never edited once released: a change is a new entry.  Text columns hold
 * NFC UTF-8; every name or title a user searches or sorts on has a folded
 * column (no marks, lower case, đ -> d) and a sort key computed in C (text.c),
 * so the file needs no custom collation and opens in the sqlite3 shell.
 * Dates are ISO text (YYYY-MM-DD). */
#include "core/store/schema.h"

#include <sqlite3.h>
#include <stdio.h>

#include "core/store/db.h"
#include "core/store/migration_appraisal_note.h"
#include "core/store/migration_evidence.h"
#include "core/store/migration_history.h"
#include "core/store/migration_issue_month.h"
#include "core/store/migration_par.h"
#include "core/store/migration_par_year.h"
#include "core/store/migration_review.h"
#include "core/store/migration_sheet.h"
#include "core/store/migration_sipas.h"
#include "core/store/migration_written.h"
#include "core/store/migration_year.h"
#include "core/text/i18n.h"

static const char *const migrations[] = {
	/* 0 -> 1: the model of domain.md. */
	"CREATE TABLE setting ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);"

	"CREATE TABLE office ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"	/* one office a file */
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  kind TEXT NOT NULL CHECK (kind IN ('xa', 'phuong', 'so')),"
	"  province TEXT NOT NULL DEFAULT '');"

	"CREATE TABLE section ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  ord INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  short_title TEXT NOT NULL,"
	"  folded TEXT NOT NULL);"
	"CREATE TABLE section_alias ("
	"  section_id INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,"
	"  folded TEXT NOT NULL UNIQUE);"

	"CREATE TABLE unit ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  short_name TEXT NOT NULL DEFAULT '',"
	"  folded TEXT NOT NULL UNIQUE,"
	"  sort_key TEXT NOT NULL);"
	"CREATE INDEX unit_sort ON unit(sort_key);"
	/* One unit, many spellings: every spelling (the name included) folds
	 * to a key that finds the unit. */
	"CREATE TABLE unit_alias ("
	"  unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,"
	"  alias TEXT NOT NULL,"
	"  folded TEXT NOT NULL UNIQUE);"
	"CREATE INDEX unit_alias_unit ON unit_alias(unit_id);"

	"CREATE TABLE plan ("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT NOT NULL DEFAULT '',"
	"  title TEXT NOT NULL CHECK (title <> ''),"
	"  folded TEXT NOT NULL,"
	"  sort_key TEXT NOT NULL,"
	"  issuer TEXT NOT NULL DEFAULT '',"
	"  signer TEXT NOT NULL DEFAULT '',"
	"  issue_date TEXT,"
	"  year_from INTEGER NOT NULL CHECK (year_from BETWEEN 1990 AND 2200),"
	"  year_to INTEGER NOT NULL CHECK (year_to >= year_from AND year_to <= 2200));"
	"CREATE TABLE phase ("
	"  id INTEGER PRIMARY KEY,"
	"  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	"  label TEXT NOT NULL,"
	"  year_from INTEGER NOT NULL,"
	"  year_to INTEGER NOT NULL CHECK (year_to >= year_from),"
	"  UNIQUE (plan_id, label));"

	"CREATE TABLE target ("
	"  id INTEGER PRIMARY KEY,"
	"  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	"  section_id INTEGER NOT NULL REFERENCES section(id),"
	"  ord INTEGER NOT NULL,"
	"  text TEXT NOT NULL CHECK (text <> ''),"
	"  folded TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('rate', 'count', 'reduction', 'rank', 'yesno')),"
	"  comparator TEXT NOT NULL CHECK (comparator IN ('>', '>=', '<', '<=', '=')),"
	"  value REAL NOT NULL,"
	"  baseline REAL,"
	"  numerator_label TEXT NOT NULL DEFAULT '',"
	"  denominator_label TEXT NOT NULL DEFAULT '',"
	"  lead_unit_id INTEGER REFERENCES unit(id));"
	"CREATE INDEX target_plan ON target(plan_id, section_id, ord);"
	"CREATE INDEX target_lead ON target(lead_unit_id);"
	/* A five-year plan gives a target other values in later phases. */
	"CREATE TABLE target_phase ("
	"  target_id INTEGER NOT NULL REFERENCES target(id) ON DELETE CASCADE,"
	"  phase_id INTEGER NOT NULL REFERENCES phase(id) ON DELETE CASCADE,"
	"  value REAL NOT NULL,"
	"  PRIMARY KEY (target_id, phase_id));"

	"CREATE TABLE task ("
	"  id INTEGER PRIMARY KEY,"
	"  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	"  section_id INTEGER NOT NULL REFERENCES section(id),"
	"  ord INTEGER NOT NULL,"
	"  tt TEXT NOT NULL DEFAULT '',"
	"  description TEXT NOT NULL CHECK (description <> ''),"
	"  folded TEXT NOT NULL,"
	"  lead_unit_id INTEGER REFERENCES unit(id),"
	"  monitor_unit_id INTEGER REFERENCES unit(id),"
	"  progress TEXT NOT NULL DEFAULT 'not_started'"
	"    CHECK (progress IN ('not_started', 'in_progress', 'done')),"
	"  completion_date TEXT,"
	"  evidence TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  CHECK (progress = 'done' OR completion_date IS NULL));"
	"CREATE INDEX task_plan ON task(plan_id, section_id, ord);"
	"CREATE INDEX task_lead ON task(lead_unit_id);"
	"CREATE INDEX task_monitor ON task(monitor_unit_id);"
	"CREATE TABLE task_cooperator ("
	"  task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	"  unit_id INTEGER NOT NULL REFERENCES unit(id),"
	"  ord INTEGER NOT NULL,"
	"  PRIMARY KEY (task_id, unit_id)) WITHOUT ROWID;"
	"CREATE INDEX task_cooperator_unit ON task_cooperator(unit_id);"
	/* deadline_text is kept as written; due_date and deadline_kind are
	 * derived from it (deadline.c) or set by hand for conditional ones. */
	"CREATE TABLE product ("
	"  id INTEGER PRIMARY KEY,"
	"  task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  name TEXT NOT NULL DEFAULT '',"
	"  deadline_text TEXT NOT NULL DEFAULT '',"
	"  deadline_kind TEXT NOT NULL DEFAULT 'unknown'"
	"    CHECK (deadline_kind IN ('date', 'continuous', 'recurring', 'milestones', 'conditional', 'unknown')),"
	"  due_date TEXT,"
	"  due_manual INTEGER NOT NULL DEFAULT 0 CHECK (due_manual IN (0, 1)));"
	"CREATE INDEX product_task ON product(task_id, ord);"
	"CREATE INDEX product_due ON product(due_date);"

	/* Reports are cumulative from 1 January: quý I, 6 tháng, 9 tháng, năm. */
	"CREATE TABLE period ("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('q1', 'h1', 'm9', 'year')),"
	"  start_date TEXT NOT NULL,"
	"  end_date TEXT NOT NULL,"
	"  UNIQUE (year, kind));"

	"CREATE TABLE result ("
	"  id INTEGER PRIMARY KEY,"
	"  target_id INTEGER NOT NULL REFERENCES target(id) ON DELETE CASCADE,"
	"  period_id INTEGER NOT NULL REFERENCES period(id),"
	"  numerator REAL,"
	"  denominator REAL CHECK (denominator IS NULL OR denominator >= 0),"
	"  value REAL,"
	"  evidence TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (target_id, period_id));"
	"CREATE INDEX result_period ON result(period_id);",
	/* 1 -> 2 */
	MIGRATION_HISTORY,
	/* 2 -> 3 */
	MIGRATION_PAR,
	/* 3 -> 4 */
	MIGRATION_SIPAS,
	/* 4 -> 5 */
	MIGRATION_EVIDENCE,
	/* 5 -> 6 */
	MIGRATION_REVIEW,
	/* 6 -> 7 */
	MIGRATION_PAR_YEAR,
	/* 7 -> 8 */
	MIGRATION_APPRAISAL_NOTE,
	/* 8 -> 9 */
	MIGRATION_YEAR,
	/* 9 -> 10 */
	MIGRATION_WRITTEN,
	/* 10 -> 11 */
	MIGRATION_SHEET,
	/* 11 -> 12: the lists read sections in this index's order, each
	 * section's rows through the plan's index and a task's cooperators
	 * through theirs, all already in order: no sort copies every row (the
	 * largest share of the memory a start touches). */
	"CREATE INDEX section_ord ON section(ord);"
	"CREATE INDEX task_cooperator_order ON task_cooperator(task_id, ord);",
	/* 12 -> 13 */
	MIGRATION_ISSUE_MONTH,
};

_Static_assert(sizeof migrations / sizeof migrations[0] == DB_SCHEMA_VERSION,
    "DB_SCHEMA_VERSION must count the migrations");

const char *const schema_tables[] = {
	"history", "history_operator", "office", "par_assessment", "par_band", "par_criterion",
	"par_entry", "par_evidence", "par_set", "par_year", "period", "phase", "plan", "product", "result",
	"section", "section_alias", "setting", "sheet", "sipas_answer", "sipas_element", "sipas_field",
	"sipas_field_option", "sipas_form", "sipas_question", "sipas_questionnaire",
	"sipas_respondent", "sipas_round", "sipas_scale", "target", "target_phase", "task",
	"task_cooperator", "unit", "unit_alias", "written_part",
};
const int schema_ntables = (int)(sizeof schema_tables / sizeof schema_tables[0]);

int
schema_build(sqlite3 *sql, int version)
{
	int rc = SQLITE_OK;

	for (int v = 0; v < version && v < DB_SCHEMA_VERSION && rc == SQLITE_OK; v++)
		rc = sqlite3_exec(sql, migrations[v], NULL, NULL, NULL);
	return rc;
}

static int
refuse_newer(struct db *db, int version, int known)
{
	return db_fail(db, _("the database was written by a newer version "
	    "of cchc (schema %d; this program knows up to %d)"), version, known);
}

int
schema_check(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "PRAGMA user_version");
	int version = 0, n = (int)(sizeof migrations / sizeof migrations[0]);

	if (st == NULL)
		return 0;	/* configure() reports an unreadable file */
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version > n)
		return refuse_newer(db, version, n);
	return 0;
}

int
schema_migrate(struct db *db)
{
	sqlite3_stmt *st;
	int version, n = (int)(sizeof migrations / sizeof migrations[0]);

	if ((st = db_prepare(db, "PRAGMA user_version")) == NULL)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail_sql(db, "reading the schema version");
	}
	version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);

	if (version > n)
		return refuse_newer(db, version, n);

	for (; version < n; version++) {
		char pragma[96];

		if (db_begin(db) != 0)
			return -1;
		if (sqlite3_exec(db_sqlite(db), migrations[version], NULL, NULL, NULL) != SQLITE_OK) {
			db_fail_sql(db, "upgrading the database");
			db_rollback(db);
			return -1;
		}
		/* PRAGMA takes no parameters; the number is ours, not input. */
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d; "
		    "PRAGMA application_id = %d", version + 1, DB_APPLICATION_ID);
		if (sqlite3_exec(db_sqlite(db), pragma, NULL, NULL, NULL) != SQLITE_OK) {
			db_fail_sql(db, "upgrading the database");
			db_rollback(db);
			return -1;
		}
		if (db_commit(db) != 0)
			return -1;
	}
	return 0;
}
