/* Unit tests for src/core/store/db.c and schema.c: opening, refusing files that
 * are not ours, the schema's constraints, transactions and settings.  Every
 * test works in a fresh temporary folder. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/io/file_out.h"
#include "core/plan/unit.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/store/lock.h"
#include "core/store/migration_history.h"
#include "core/store/paths.h"
#include "core/store/schema.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static char path[sizeof fixture_dir + 32];
static struct err err;

static void
setup(void)
{
	fixture_mkdir("db");
	snprintf(path, sizeof path, "%s", fixture_path("cchc.db"));
	err_clear(&err);
}

static void
teardown(void)
{
	fixture_close(NULL);
}

static void
write_file(const char *p, const char *content)
{
	FILE *fp = fopen(p, "w");

	ck_assert_ptr_nonnull(fp);
	fputs(content, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

static struct db *
open_ok(void)
{
	struct db *db = db_open(path, &err);

	ck_assert_msg(db != NULL, "db_open: %s", err.msg);
	return db;
}

static sqlite3_int64
query_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	sqlite3_int64 v;

	ck_assert_msg(st != NULL, "%s: %s", sql, db_error(db));
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The whole of a small file; malloc'd, its size in *n. */
static char *
slurp(const char *p, size_t *n)
{
	FILE *fp = fopen(p, "rb");
	char *buf;
	long len;

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	ck_assert_int_ge(len = ftell(fp), 0);
	rewind(fp);
	ck_assert_ptr_nonnull(buf = malloc((size_t)len + 1));
	*n = fread(buf, 1, (size_t)len, fp);
	ck_assert_uint_eq(*n, (size_t)len);
	fclose(fp);
	return buf;
}

static mode_t
file_mode(const char *p)
{
	struct stat sb;

	ck_assert_msg(stat(p, &sb) == 0, "stat %s", p);
	return sb.st_mode & 07777;
}

START_TEST(test_create)
{
	static const struct {
		const char *sql;
		sqlite3_int64 want;
	} pragmas[] = {
		{ "PRAGMA user_version", DB_SCHEMA_VERSION },
		{ "PRAGMA application_id", DB_APPLICATION_ID },
		{ "PRAGMA foreign_keys", 1 },
		{ "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'", 1 },
		{ "SELECT count(*) FROM sqlite_schema WHERE name = 'task'", 1 },
	};
	struct db *db = open_ok();
	char wal[sizeof path + 8];

	ck_assert(db_created(db));
	ck_assert_str_eq(db_error(db), "");
	ck_assert_int_eq(file_mode(path), 0600);
	for (size_t i = 0; i < NELEM(pragmas); i++)
		ck_assert_msg(query_int(db, pragmas[i].sql) == pragmas[i].want,
		    "%s: want %lld", pragmas[i].sql, (long long)pragmas[i].want);

	/* The log holds the office's data too until a checkpoint. */
	ck_assert_int_eq(db_setting_set(db, "k", "v"), 0);
	snprintf(wal, sizeof wal, "%s-wal", path);
	ck_assert_int_eq(file_mode(wal), 0600);
	db_close(db);
}
END_TEST

START_TEST(test_reopen)
{
	struct db *db = open_ok();
	sqlite3_int64 objects = query_int(db, "SELECT count(*) FROM sqlite_schema");
	char *v;

	ck_assert_int_eq(db_setting_set(db, "lang", "vi"), 0);
	db_close(db);

	/* Twice: migrating an up-to-date file must change nothing. */
	for (int i = 0; i < 2; i++) {
		db = open_ok();
		ck_assert(!db_created(db));
		ck_assert_int_eq(query_int(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
		ck_assert_int_eq(query_int(db, "SELECT count(*) FROM sqlite_schema"), objects);
		ck_assert_int_eq(query_int(db, "PRAGMA foreign_keys"), 1);
		v = db_setting_get(db, "lang");
		ck_assert_ptr_nonnull(v);
		ck_assert_str_eq(v, "vi");
		free(v);
		db_close(db);
	}
	ck_assert_int_eq(file_mode(path), 0600);
}
END_TEST

/* Files db_open must refuse, and leave as they were. */
static void
make_text(const char *p)
{
	write_file(p, "Kế hoạch cải cách hành chính năm 2025\n"
	    "This is a note, not a database.  It is long enough to have a "
	    "header's worth of bytes in it, so SQLite reads it as one.\n");
}

static void
make_sqlite(const char *p, const char *sql)
{
	sqlite3 *s;

	ck_assert_int_eq(sqlite3_open(p, &s), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(s, sql, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(s), SQLITE_OK);
}

static void
make_foreign(const char *p)
{
	make_sqlite(p, "CREATE TABLE contact (name TEXT, phone TEXT);"
	    "INSERT INTO contact VALUES ('Nguyễn Văn A', '0912345678');");
}

static void
make_newer(const char *p)
{
	char sql[200];

	snprintf(sql, sizeof sql, "CREATE TABLE future (x);"
	    "PRAGMA application_id = %d; PRAGMA user_version = %d;",
	    DB_APPLICATION_ID, DB_SCHEMA_VERSION + 1);
	make_sqlite(p, sql);
}

static const struct {
	void (*make)(const char *);
	const char *want[2];	/* substrings of the message */
} refused[] = {
	{ make_text, { "not a cchc database", "cchc.db" } },
	{ make_foreign, { "not a cchc database", "other tables" } },
	{ make_newer, { "newer version", "cchc.db" } },
};

START_TEST(test_refuse)
{
	size_t nbefore, nafter;
	char *before, *after;
	bool same;
	struct db *db;

	refused[_i].make(path);
	before = slurp(path, &nbefore);
	db = db_open(path, &err);
	ck_assert_msg(db == NULL, "opened a file it should refuse");
	for (size_t j = 0; j < NELEM(refused[_i].want); j++)
		ck_assert_msg(strstr(err.msg, refused[_i].want[j]) != NULL,
		    "message \"%s\" lacks \"%s\"", err.msg, refused[_i].want[j]);
	/* Refusing must not delete or change a byte of someone's file (not
	 * even its header's journal mode). */
	after = slurp(path, &nafter);
	same = nafter == nbefore && memcmp(after, before, nbefore) == 0;
	free(before);
	free(after);
	ck_assert_msg(same, "the refused file was changed");
}
END_TEST

/* export reads schema_tables: a table a migration adds and the list
 * forgets would be left out of every export. */
START_TEST(test_schema_tables)
{
	struct db *db = open_ok();
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
	    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
	int n = 0;

	ck_assert_ptr_nonnull(st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		bool listed = false;

		for (int i = 0; i < schema_ntables; i++)
			listed |= strcmp(schema_tables[i], name) == 0;
		ck_assert_msg(listed, "table %s is not in schema_tables", name);
		n++;
	}
	sqlite3_finalize(st);
	ck_assert_int_eq(n, schema_ntables);
	db_close(db);
}
END_TEST

/* An existing empty file is a new database: made private, marked new so
 * that the sample plan is loaded. */
START_TEST(test_empty_file)
{
	struct db *db;

	write_file(path, "");
	ck_assert_int_eq(chmod(path, 0644), 0);
	db = open_ok();
	ck_assert(db_created(db));
	ck_assert_uint_eq(file_mode(path), 0600);
	db_close(db);
	db = open_ok();
	ck_assert(!db_created(db));
	db_close(db);
}
END_TEST

static int
entries(void)
{
	DIR *d = opendir(fixture_dir);
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while (readdir(d) != NULL)
		n++;
	closedir(d);
	return n - 2;
}

static void
file_is(const char *p, const char *want)
{
	size_t n;
	char *text = slurp(p, &n);

	ck_assert_msg(n == strlen(want) && memcmp(text, want, n) == 0, "%s: %.*s", p, (int)n, text);
	free(text);
}

/* file_out: a symlink at the target is replaced, never written through;
 * the caller's mode under the umask; a failure or an abort leaves
 * nothing. */
START_TEST(test_out_file)
{
	char victim[sizeof fixture_dir + 16], target[sizeof fixture_dir + 16];
	struct out_file o;
	mode_t old = umask(022);
	FILE *fp;

	snprintf(victim, sizeof victim, "%s/victim", fixture_dir);
	snprintf(target, sizeof target, "%s/out.csv", fixture_dir);
	write_file(victim, "victim");
	ck_assert_int_eq(symlink(victim, target), 0);
	ck_assert_ptr_nonnull(fp = out_open(&o, target, OUT_PRIVATE));
	fputs("new", fp);
	ck_assert_msg(out_commit(&o) == 0, "%s", o.err.msg);
	file_is(victim, "victim");
	file_is(target, "new");
	ck_assert_uint_eq(file_mode(target), 0600);
	ck_assert_ptr_nonnull(fp = out_open(&o, target, OUT_SHARED));
	ck_assert_msg(out_commit(&o) == 0, "%s", o.err.msg);
	ck_assert_uint_eq(file_mode(target), 0644);
	/* Given up: the file is as it was, no temporary file stays. */
	ck_assert_ptr_nonnull(fp = out_open(&o, target, OUT_PRIVATE));
	fputs("half", fp);
	out_abort(&o);
	ck_assert_int_eq(entries(), 2);
	file_is(target, "");
	/* A folder that does not exist: a message naming the file. */
	snprintf(target, sizeof target, "%s/no/out.csv", fixture_dir);
	ck_assert_ptr_null(out_open(&o, target, OUT_PRIVATE));
	ck_assert_msg(strstr(o.err.msg, target) != NULL, "%s", o.err.msg);
	umask(old);
}
END_TEST

/* Files for people go to the XDG documents folder: the environment, then
 * user-dirs.dirs (a Vietnamese desktop's "Tài liệu"), then ~/Documents,
 * and the current folder when none exists. */
START_TEST(test_documents_dir)
{
	char home[sizeof fixture_dir + 16], dir[sizeof fixture_dir + 64], got[4096], cwd[4096];

	snprintf(home, sizeof home, "%s/home", fixture_dir);
	ck_assert_int_eq(mkdir(home, 0700), 0);
	setenv("HOME", home, 1);
	unsetenv("XDG_DOCUMENTS_DIR");
	unsetenv("XDG_CONFIG_HOME");
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	ck_assert_int_eq(paths_documents_dir(got, sizeof got), 0);
	ck_assert_str_eq(got, cwd);
	snprintf(dir, sizeof dir, "%s/Documents", home);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	ck_assert_int_eq(paths_documents_dir(got, sizeof got), 0);
	ck_assert_str_eq(got, dir);
	snprintf(dir, sizeof dir, "%s/.config", home);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(dir, sizeof dir, "%s/.config/user-dirs.dirs", home);
	write_file(dir, "# written by xdg-user-dirs-update\n"
	    "XDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
	    "XDG_DOCUMENTS_DIR=\"$HOME/T\xc3\xa0i li\xe1\xbb\x87u\"\n");
	snprintf(dir, sizeof dir, "%s/T\xc3\xa0i li\xe1\xbb\x87u", home);
	/* Named but missing: not taken. */
	ck_assert_int_eq(paths_documents_dir(got, sizeof got), 0);
	ck_assert_str_ne(got, dir);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	ck_assert_int_eq(paths_documents_dir(got, sizeof got), 0);
	ck_assert_str_eq(got, dir);
	setenv("XDG_DOCUMENTS_DIR", home, 1);
	ck_assert_int_eq(paths_documents_dir(got, sizeof got), 0);
	ck_assert_str_eq(got, home);
	unsetenv("XDG_DOCUMENTS_DIR");
}
END_TEST

START_TEST(test_unwritable)
{
	char file[sizeof fixture_dir + 16], ro[sizeof fixture_dir + 16], paths[3][sizeof fixture_dir + 32];
	size_t n = 0;

	/* A folder that does not exist; a "folder" that is a file; and,
	 * unless we are root (who may write anywhere), a read-only one. */
	snprintf(paths[n++], sizeof paths[0], "%s/missing/cchc.db", fixture_dir);
	snprintf(file, sizeof file, "%s/file", fixture_dir);
	write_file(file, "x");
	snprintf(paths[n++], sizeof paths[0], "%s/cchc.db", file);
	if (geteuid() != 0) {
		snprintf(ro, sizeof ro, "%s/ro", fixture_dir);
		ck_assert_int_eq(mkdir(ro, 0500), 0);
		snprintf(paths[n++], sizeof paths[0], "%s/cchc.db", ro);
	}
	for (size_t i = 0; i < n; i++) {
		err_clear(&err);
		ck_assert_ptr_null(db_open(paths[i], &err));
		ck_assert_msg(strstr(err.msg, paths[i]) != NULL,
		    "message \"%s\" does not name %s", err.msg, paths[i]);
		ck_assert_msg(strstr(err.msg, "cannot create") != NULL, "message \"%s\"", err.msg);
	}
}
END_TEST

/* Each row: a statement the schema accepts and one that differs from it
 * only in what the constraint forbids, so a refusal cannot come from
 * anything else. */
static const struct {
	const char *what;
	const char *good;
	const char *bad;
	int code;
} constraints[] = {
	{ "task of a missing plan",
	  "INSERT INTO task (plan_id, section_id, ord, description, folded) VALUES (1, 1, 1, 'T', 't')",
	  "INSERT INTO task (plan_id, section_id, ord, description, folded) VALUES (99, 1, 1, 'T', 't')",
	  SQLITE_CONSTRAINT_FOREIGNKEY },
	{ "target in a missing section",
	  "INSERT INTO target (plan_id, section_id, ord, text, folded, kind, comparator, value) "
	  "VALUES (1, 1, 2, 'X', 'x', 'rate', '>', 99)",
	  "INSERT INTO target (plan_id, section_id, ord, text, folded, kind, comparator, value) "
	  "VALUES (1, 42, 2, 'X', 'x', 'rate', '>', 99)",
	  SQLITE_CONSTRAINT_FOREIGNKEY },
	{ "target kind",
	  "INSERT INTO target (plan_id, section_id, ord, text, folded, kind, comparator, value) "
	  "VALUES (1, 1, 2, 'X', 'x', 'rate', '>', 99)",
	  "INSERT INTO target (plan_id, section_id, ord, text, folded, kind, comparator, value) "
	  "VALUES (1, 1, 2, 'X', 'x', 'percent', '>', 99)",
	  SQLITE_CONSTRAINT_CHECK },
	{ "target comparator",
	  "INSERT INTO target (plan_id, section_id, ord, text, folded, kind, comparator, value) "
	  "VALUES (1, 1, 2, 'X', 'x', 'rate', '>=', 99)",
	  "INSERT INTO target (plan_id, section_id, ord, text, folded, kind, comparator, value) "
	  "VALUES (1, 1, 2, 'X', 'x', 'rate', '=>', 99)",
	  SQLITE_CONSTRAINT_CHECK },
	{ "negative denominator",
	  "INSERT INTO result (target_id, period_id, numerator, denominator) VALUES (1, 1, 5, 0)",
	  "INSERT INTO result (target_id, period_id, numerator, denominator) VALUES (1, 1, 5, -1)",
	  SQLITE_CONSTRAINT_CHECK },
	{ "result of a missing target",
	  "INSERT INTO result (target_id, period_id, value) VALUES (1, 1, 5)",
	  "INSERT INTO result (target_id, period_id, value) VALUES (7, 1, 5)",
	  SQLITE_CONSTRAINT_FOREIGNKEY },
	{ "progress not in the list",
	  "INSERT INTO task (plan_id, section_id, ord, description, folded, progress) "
	  "VALUES (1, 1, 1, 'T', 't', 'in_progress')",
	  "INSERT INTO task (plan_id, section_id, ord, description, folded, progress) "
	  "VALUES (1, 1, 1, 'T', 't', 'started')",
	  SQLITE_CONSTRAINT_CHECK },
	{ "completion date of a task not done",
	  "INSERT INTO task (plan_id, section_id, ord, description, folded, progress, completion_date) "
	  "VALUES (1, 1, 1, 'T', 't', 'done', '2025-09-30')",
	  "INSERT INTO task (plan_id, section_id, ord, description, folded, progress, completion_date) "
	  "VALUES (1, 1, 1, 'T', 't', 'in_progress', '2025-09-30')",
	  SQLITE_CONSTRAINT_CHECK },
	{ "plan ending before it starts",
	  "INSERT INTO plan (title, folded, sort_key, year_from, year_to) VALUES ('K', 'k', 'k', 2026, 2030)",
	  "INSERT INTO plan (title, folded, sort_key, year_from, year_to) VALUES ('K', 'k', 'k', 2026, 2025)",
	  SQLITE_CONSTRAINT_CHECK },
	{ "office kind",
	  "INSERT INTO office (id, name, kind) VALUES (1, 'UBND xã', 'xa')",
	  "INSERT INTO office (id, name, kind) VALUES (1, 'UBND xã', 'huyen')",
	  SQLITE_CONSTRAINT_CHECK },
	{ "second office",
	  "INSERT INTO office (id, name, kind) VALUES (1, 'UBND xã', 'xa')",
	  "INSERT INTO office (id, name, kind) VALUES (2, 'UBND xã', 'xa')",
	  SQLITE_CONSTRAINT_CHECK },
	{ "product deadline kind",
	  "INSERT INTO product (task_id, ord, deadline_kind) VALUES (1, 1, 'recurring')",
	  "INSERT INTO product (task_id, ord, deadline_kind) VALUES (1, 1, 'someday')",
	  SQLITE_CONSTRAINT_CHECK },
};

static const char constraint_rows[] =
    "INSERT INTO section (id, code, ord, title, short_title, folded) "
    "VALUES (1, 'tthc', 3, 'Cải cách thủ tục hành chính', 'TTHC', 'cai cach thu tuc hanh chinh');"
    "INSERT INTO plan (id, title, folded, sort_key, year_from, year_to) "
    "VALUES (1, 'Kế hoạch', 'ke hoach', 'ke hoach', 2025, 2025);"
    "INSERT INTO target (id, plan_id, section_id, ord, text, folded, kind, comparator, value) "
    "VALUES (1, 1, 1, 1, 'Trên 99% hồ sơ', 'tren 99% ho so', 'rate', '>', 99);"
    "INSERT INTO task (id, plan_id, section_id, ord, description, folded) "
    "VALUES (1, 1, 1, 1, 'Rà soát', 'ra soat');"
    "INSERT INTO period (id, year, kind, start_date, end_date) "
    "VALUES (1, 2025, 'year', '2025-01-01', '2025-12-31');";

/* Runs sql in a transaction rolled back afterwards; SQLite's extended
 * result code, and its message in msg. */
static int
try_sql(struct db *db, const char *sql, char *msg, size_t msgsz)
{
	int rc;

	ck_assert_int_eq(db_begin(db), 0);
	rc = sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		rc = sqlite3_extended_errcode(db_sqlite(db));
	snprintf(msg, msgsz, "%s", sqlite3_errmsg(db_sqlite(db)));
	db_rollback(db);
	return rc;
}

START_TEST(test_constraints)
{
	struct db *db = open_ok();
	char msg[256];

	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), constraint_rows, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_msg(try_sql(db, constraints[_i].good, msg, sizeof msg) == SQLITE_OK,
	    "%s: the good row: %s", constraints[_i].what, msg);
	ck_assert_msg(try_sql(db, constraints[_i].bad, msg, sizeof msg) == constraints[_i].code,
	    "%s: accepted or refused for another reason (%s)", constraints[_i].what, msg);
	db_close(db);
}
END_TEST

/* Undoes the last migrations (10 -> 11, the sheet table; 9 -> 10, the
 * written report's table; 8 -> 9: the target as it was before its horizon
 * and interim values). */
#define BEFORE_YEAR \
	"DROP TRIGGER history_plan_insert;" \
	"DROP TRIGGER history_plan_update;" \
	"DROP TRIGGER history_plan_delete;" \
	"ALTER TABLE plan DROP COLUMN issue_date_month;" \
	HISTORY_TRIGGERS(plan, id, HISTORY_PLAN, id, "NULL", "NULL") \
	"DROP INDEX section_ord;" \
	"DROP INDEX task_cooperator_order;" \
	"DROP TABLE sheet;" \
	"DROP TABLE written_part;" \
	"DROP TRIGGER history_target_insert;" \
	"DROP TRIGGER history_target_update;" \
	"DROP TRIGGER history_target_delete;" \
	"ALTER TABLE target DROP COLUMN horizon;" \
	"ALTER TABLE target DROP COLUMN value_q1;" \
	"ALTER TABLE target DROP COLUMN value_h1;" \
	"ALTER TABLE target DROP COLUMN value_m9;" \
	HISTORY_TRIGGERS(target, id, HISTORY_TARGET, id, "NEW.plan_id", "OLD.plan_id")

/* A file of schema version 4, made here by undoing migration 5 (its
 * columns, and the task triggers as migration 2 made them), with a task's
 * evidence: the upgrade keeps the evidence as the summary, and history
 * then records the document's number and date too. */
START_TEST(test_migrate_evidence)
{
	static const char v4[] =
	    BEFORE_YEAR
	    "DROP TRIGGER history_task_insert;"
	    "DROP TRIGGER history_task_update;"
	    "DROP TRIGGER history_task_delete;"
	    "ALTER TABLE task DROP COLUMN evidence_number;"
	    "ALTER TABLE task DROP COLUMN evidence_date;"
	    "ALTER TABLE task DROP COLUMN review;"
	    "ALTER TABLE task DROP COLUMN raw_cells;"
	    HISTORY_TRIGGERS(task, id, HISTORY_TASK, id, "NEW.plan_id", "OLD.plan_id")
	    "UPDATE task SET evidence = 'Báo cáo số 12' WHERE id = 1;"
	    "DROP TABLE par_year;"
	    "ALTER TABLE par_entry DROP COLUMN note1;"
	    "ALTER TABLE par_entry DROP COLUMN note2;"
	    "PRAGMA user_version = 4;";
	struct db *db = open_ok();

	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), constraint_rows, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db_sqlite(db), v4, NULL, NULL, NULL) == SQLITE_OK, "%s",
	    sqlite3_errmsg(db_sqlite(db)));
	db_close(db);

	db = open_ok();
	ck_assert_int_eq(query_int(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	ck_assert_int_eq(query_int(db, "SELECT evidence = 'Báo cáo số 12' AND "
	    "evidence_number = '' AND evidence_date IS NULL FROM task WHERE id = 1"), 1);
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), "UPDATE task SET evidence_number = '120/BC-UBND', "
	    "evidence_date = '2025-06-20' WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM history WHERE table_name = 'task' "
	    "AND action = 'update' "
	    "AND json_extract(after_json, '$.evidence_number') = '120/BC-UBND' "
	    "AND json_extract(after_json, '$.evidence_date') = '2025-06-20' "
	    "AND json_extract(after_json, '$.evidence') = 'Báo cáo số 12'"), 1);
	/* Migration 13: plans are dated by day until said otherwise, and the
	 * history records the month. */
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM plan WHERE issue_date_month <> 0"), 0);
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), "UPDATE plan SET issue_date_month = 1",
	    NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM history WHERE table_name = 'plan' "
	    "AND action = 'update' AND json_extract(after_json, '$.issue_date_month') = 1"),
	    query_int(db, "SELECT count(*) FROM plan"));
	db_close(db);
}
END_TEST

/* A file of schema version 5 where a set imported for 2024 (labelled
 * 2025, issue 19) hid the 2025 assessment: the upgrade gives each assessed
 * year the set its assessment holds most entries on, the older on a tie. */
START_TEST(test_migrate_par_year)
{
	static const char v6[] =
	    BEFORE_YEAR
	    "DROP TABLE par_year;"
	    "ALTER TABLE par_entry DROP COLUMN note1;"
	    "ALTER TABLE par_entry DROP COLUMN note2;"
	    "INSERT INTO par_set (id, year, level, name, folded) VALUES "
	    "  (1, 2025, 'xa', 'Mẫu', 'mau'), (2, 2025, 'xa', 'Mẫu', 'mau'),"
	    "  (3, 2023, 'xa', 'Cũ', 'cu');"
	    "INSERT INTO par_criterion (id, set_id, ord, code, title, max) VALUES "
	    "  (1, 1, 1, '1', 'Một', 1), (2, 1, 2, '2', 'Hai', 1), (3, 2, 1, '1', 'Một', 1);"
	    "INSERT INTO par_assessment (id, set_id, year) VALUES (1, 1, 2025), (2, 2, 2025),"
	    "  (3, 2, 2024), (4, 3, 2023), (5, 1, 2023);"
	    "INSERT INTO par_entry (assessment_id, criterion_id, a) VALUES (1, 1, 1), (1, 2, 1),"
	    "  (2, 3, 1), (3, 3, 1);"
	    "PRAGMA user_version = 6;";
	struct db *db = open_ok();

	ck_assert_msg(sqlite3_exec(db_sqlite(db), v6, NULL, NULL, NULL) == SQLITE_OK, "%s",
	    sqlite3_errmsg(db_sqlite(db)));
	db_close(db);

	db = open_ok();
	ck_assert_int_eq(query_int(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	ck_assert_int_eq(query_int(db, "SELECT set_id FROM par_year WHERE year = 2025"), 1);
	ck_assert_int_eq(query_int(db, "SELECT set_id FROM par_year WHERE year = 2024"), 2);
	ck_assert_int_eq(query_int(db, "SELECT set_id FROM par_year WHERE year = 2023"), 1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM par_year"), 3);
	db_close(db);
}
END_TEST

/* Migration 9 adds a target's horizon and interim values, and its history
 * records them. */
START_TEST(test_migrate_year)
{
	static const char v8[] = BEFORE_YEAR "PRAGMA user_version = 8;";
	struct db *db = open_ok();

	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), constraint_rows, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db_sqlite(db), v8, NULL, NULL, NULL) == SQLITE_OK, "%s",
	    sqlite3_errmsg(db_sqlite(db)));
	db_close(db);

	db = open_ok();
	ck_assert_int_eq(query_int(db, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM target WHERE horizon IS NULL "
	    "AND value_q1 IS NULL AND value_h1 IS NULL AND value_m9 IS NULL"),
	    query_int(db, "SELECT count(*) FROM target"));
	ck_assert_int_ne(sqlite3_exec(db_sqlite(db), "UPDATE target SET horizon = 'week'", NULL, NULL, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), "UPDATE target SET horizon = 'phase', value_h1 = 5 "
	    "WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM history WHERE table_name = 'target' "
	    "AND action = 'update' AND json_extract(after_json, '$.horizon') = 'phase' "
	    "AND json_extract(after_json, '$.value_h1') = 5"), 1);
	db_close(db);
}
END_TEST

START_TEST(test_transactions)
{
	static const char insert[] = "INSERT INTO setting (key, value) VALUES ('k', 'v')";
	struct db *db = open_ok();
	char *v;

	ck_assert_int_eq(db_begin(db), 0);
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), insert, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM setting"), 1);
	db_rollback(db);
	ck_assert(sqlite3_get_autocommit(db_sqlite(db)));
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM setting"), 0);
	ck_assert_ptr_null(db_setting_get(db, "k"));

	/* Rolling back with no transaction open is harmless. */
	db_rollback(db);

	ck_assert_int_eq(db_begin(db), 0);
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), insert, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(db_commit(db), 0);
	db_close(db);

	db = open_ok();
	v = db_setting_get(db, "k");
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(v, "v");
	free(v);
	db_close(db);
}
END_TEST

START_TEST(test_begin_twice)
{
	struct db *db = open_ok();

	ck_assert_int_eq(db_begin(db), 0);
	ck_assert_int_eq(db_begin(db), -1);
	ck_assert_msg(strstr(db_error(db), "transaction") != NULL, "%s", db_error(db));
	db_rollback(db);
	db_close(db);
}
END_TEST

/* Saves inside db_begin_enclosing's transaction count: the outer commit
 * writes, an inner rollback undoes the whole and the outer commit fails. */
START_TEST(test_begin_enclosing)
{
	static const char insert[] = "INSERT INTO setting (key, value) VALUES ('k', 'v')";
	static const char insert2[] = "INSERT INTO setting (key, value) VALUES ('k2', 'v')";
	struct db *db = open_ok();

	ck_assert_int_eq(db_begin_enclosing(db), 0);
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), insert, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(db_begin(db), 0);
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), insert2, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(db_commit(db), 0);
	ck_assert(!sqlite3_get_autocommit(db_sqlite(db)));
	db_rollback(db);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM setting"), 0);

	ck_assert_int_eq(db_begin_enclosing(db), 0);
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), insert, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(db_begin(db), 0);
	db_rollback(db);
	ck_assert_int_eq(db_commit(db), -1);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM setting"), 0);

	ck_assert_int_eq(db_begin_enclosing(db), 0);
	ck_assert_int_eq(db_begin(db), 0);
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), insert, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(db_commit(db), 0);
	ck_assert_int_eq(db_commit(db), 0);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM setting"), 1);
	/* Plain transactions refuse nesting again. */
	ck_assert_int_eq(db_begin(db), 0);
	ck_assert_int_eq(db_begin(db), -1);
	db_rollback(db);
	db_close(db);
}
END_TEST

/* A cached statement is the same one next time, reset with its bindings
 * cleared; beyond the cache's size statements are prepared and finalized
 * as usual; a released statement holds no read transaction (a write from
 * another connection can checkpoint). */
START_TEST(test_cached)
{
	static const char *const sql[DB_CACHED + 2] = {
		"SELECT 0 + ?", "SELECT 1 + ?", "SELECT 2 + ?", "SELECT 3 + ?", "SELECT 4 + ?",
		"SELECT 5 + ?", "SELECT 6 + ?", "SELECT 7 + ?", "SELECT 8 + ?", "SELECT 9 + ?",
	};
	struct db *db = open_ok();
	sqlite3_stmt *st, *again;

	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < DB_CACHED + 2; i++) {
			ck_assert_ptr_nonnull(st = db_cached(db, sql[i]));
			if (round == 0)
				sqlite3_bind_int(st, 1, 10);
			ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
			/* Unbound on the second round: NULL + i. */
			if (round == 0)
				ck_assert_int_eq(sqlite3_column_int(st, 0), 10 + i);
			else
				ck_assert_int_eq(sqlite3_column_type(st, 0), SQLITE_NULL);
			db_release(db, st);
		}
	}
	st = db_cached(db, sql[0]);
	db_release(db, st);
	again = db_cached(db, sql[0]);
	ck_assert_ptr_eq(st, again);
	db_release(db, again);
	ck_assert_int_eq(sqlite3_stmt_busy(again), 0);
	db_close(db);
}
END_TEST

/* Another process that edits the database (holds its edit lock, as the
 * interface does) makes every write here fail with a message and change
 * nothing; once it is gone, writes go through. */
START_TEST(test_other_editor)
{
	struct db *db = open_ok();
	int ready[2];
	bool busy;
	pid_t editor;
	char c;

	db_close(db);
	ck_assert_int_eq(pipe(ready), 0);
	if ((editor = fork()) == 0) {
		if (lock_take(path, &busy) < 0 || write(ready[1], "x", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	ck_assert_int_gt(editor, 0);
	ck_assert_int_eq(read(ready[0], &c, 1), 1);

	ck_assert_ptr_nonnull(db = db_open(path, &err));
	ck_assert_int_eq(db_lock_edits(db, &busy), -1);
	ck_assert(busy);
	ck_assert_int_eq(db_setting_set(db, "k", "v"), -1);
	ck_assert_msg(strstr(db_error(db), "another cchc is editing") != NULL, "%s", db_error(db));
	ck_assert_ptr_null(db_setting_get(db, "k"));

	kill(editor, SIGKILL);
	ck_assert_int_eq(waitpid(editor, NULL, 0), editor);
	ck_assert_int_eq(db_setting_set(db, "k", "v"), 0);
	ck_assert_int_eq(db_lock_edits(db, &busy), 0);
	db_close(db);
	close(ready[0]);
	close(ready[1]);
}
END_TEST

START_TEST(test_settings)
{
	static const struct {
		const char *key, *value;
	} steps[] = {
		{ "lang", "vi" },
		{ "office.name", "UBND xã Tân Đoàn" },
		{ "lang", "en" },		/* replaces */
		{ "empty", "" },
	};
	struct db *db = open_ok();
	char *v;

	ck_assert_ptr_null(db_setting_get(db, "lang"));
	for (size_t i = 0; i < NELEM(steps); i++) {
		ck_assert_int_eq(db_setting_set(db, steps[i].key, steps[i].value), 0);
		ck_assert(sqlite3_get_autocommit(db_sqlite(db)));
		v = db_setting_get(db, steps[i].key);
		ck_assert_ptr_nonnull(v);
		ck_assert_str_eq(v, steps[i].value);
		free(v);
	}
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM setting"), 3);
	db_close(db);
}
END_TEST

/* One setting, the element of the lists below. */
struct pair {
	char *key;
	int64_t rowid;
};

static int
pair_row(sqlite3_stmt *st, void *element)
{
	struct pair *p = element;

	p->rowid = sqlite3_column_int64(st, 1);
	p->key = strdup((const char *)sqlite3_column_text(st, 0));
	/* The second row fails, as an allocation would. */
	return p->rowid == 2 ? -1 : 0;
}

static void
pairs_free(struct pair *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].key);
	free(v);
}

START_TEST(test_rows)
{
	struct db *db = open_ok();
	struct pair *v = NULL;
	int n = -1;

	ck_assert_int_eq(db_list(db, "SELECT key, rowid FROM setting ORDER BY rowid", sizeof *v,
	    pair_row, "settings", &v, &n), 0);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(db_setting_set(db, "a", "1"), 0);
	ck_assert_int_eq(db_list(db, "SELECT key, rowid FROM setting ORDER BY rowid", sizeof *v,
	    pair_row, "settings", &v, &n), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(v[0].key, "a");
	pairs_free(v, n);
	/* A row that fails stops the list; what was read is handed back to free. */
	ck_assert_int_eq(db_setting_set(db, "b", "2"), 0);
	ck_assert_int_eq(db_setting_set(db, "c", "3"), 0);
	ck_assert_int_eq(db_list(db, "SELECT key, rowid FROM setting ORDER BY rowid", sizeof *v,
	    pair_row, "settings", &v, &n), -1);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(v[1].key, "b");
	pairs_free(v, n);
	ck_assert_int_eq(db_list(db, "SELECT nothing FROM nowhere", sizeof *v, pair_row,
	    "settings", &v, &n), -1);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(n, 0);
	/* A write by id in its own transaction. */
	ck_assert_int_eq(db_write_id(db, "DELETE FROM setting WHERE rowid = ?", 1, 0, "setting"), 0);
	ck_assert(sqlite3_get_autocommit(db_sqlite(db)));
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM setting"), 2);
	ck_assert_int_eq(db_write_id(db, "DELETE FROM nowhere WHERE rowid = ?", 1, 0, "setting"), -1);
	ck_assert(sqlite3_get_autocommit(db_sqlite(db)));
	db_close(db);
}
END_TEST

/* A statement bound by the caller, the last write of its transaction:
 * committed, or rolled back with what failed named; a prepare that failed
 * rolls back too. */
START_TEST(test_write_commit)
{
	struct db *db = open_ok();
	sqlite3_stmt *st;

	ck_assert_int_eq(db_begin(db), 0);
	st = db_prepare(db, "INSERT INTO setting (key, value) VALUES (?, 'x')");
	db_bind_text(st, 1, "kept");
	ck_assert_int_eq(db_write_commit(db, st, "setting"), 0);
	ck_assert(sqlite3_get_autocommit(db_sqlite(db)));
	ck_assert_int_eq(db_begin(db), 0);
	ck_assert_int_eq(db_step_write(db, db_prepare(db, "DELETE FROM setting"), "setting"), 0);
	st = db_prepare(db, "INSERT INTO setting (key, value) VALUES ('y', NULL)");
	ck_assert_int_eq(db_write_commit(db, st, "setting"), -1);
	ck_assert_str_eq(db_error(db), "setting: NOT NULL constraint failed: setting.value");
	ck_assert(sqlite3_get_autocommit(db_sqlite(db)));
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM setting WHERE key = 'kept'"), 1);
	ck_assert_int_eq(db_begin(db), 0);
	ck_assert_int_eq(db_write_commit(db, db_prepare(db, "DELETE FROM nowhere"), "setting"), -1);
	ck_assert(sqlite3_get_autocommit(db_sqlite(db)));
	db_close(db);
}
END_TEST

/* The one error channel: err_* as err.h says. */
START_TEST(test_err)
{
	struct db *db = open_ok();
	struct err e;

	err_clear(&e);
	ck_assert(err_empty(&e));
	ck_assert_int_eq(e.field, -1);
	ck_assert_int_eq(err_set(&e, 3, "%s %d", "field", 3), -1);
	ck_assert_int_eq(e.field, 3);
	ck_assert_str_eq(e.msg, "field 3");
	ck_assert(!err_empty(&e));
	ck_assert_int_eq(err_set(NULL, 1, "nowhere"), -1);
	db_fail(db, "the database's %s", "message");
	ck_assert_int_eq(err_db(&e, db), -1);
	ck_assert_int_eq(e.field, -1);
	ck_assert_str_eq(e.msg, "the database's message");
	ck_assert_int_eq(err_db_at(&e, 2, db), -1);
	ck_assert_int_eq(e.field, 2);
	ck_assert_str_eq(e.msg, "the database's message");
	db_clear_error(db);
	err_db(&e, db);
	ck_assert(err_empty(&e));
	errno = ENOENT;
	ck_assert_int_eq(err_errno(&e, "a.csv"), -1);
	ck_assert_int_eq(e.field, -1);
	ck_assert_str_eq(e.msg, "a.csv: No such file or directory");
	/* A full disk is said plainly. */
	errno = ENOSPC;
	err_errno(&e, "a.csv");
	ck_assert_str_eq(e.msg, "a.csv: the disk is full: nothing was changed");
	db_close(db);
}
END_TEST

/* A save that the database refuses returns -1 with its message in err, and
 * a later failure never carries an earlier one's. */
static void
refuse_units(struct db *db, const char *why)
{
	char sql[256];

	snprintf(sql, sizeof sql, "DROP TRIGGER IF EXISTS temp.refuse; CREATE TEMP TRIGGER refuse "
	    "BEFORE INSERT ON unit BEGIN SELECT RAISE(ABORT, '%s'); END", why);
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL), SQLITE_OK);
}

START_TEST(test_err_save)
{
	struct db *db = open_ok();
	struct unit_input u = { 0, "Phòng Nội vụ", "" };
	struct err e = { -1, "" };

	refuse_units(db, "first refusal");
	ck_assert_int_eq(unit_save(db, &u, "", NULL, &e), -1);
	ck_assert(!err_empty(&e));
	ck_assert_msg(strstr(e.msg, "first refusal") != NULL, "%s", e.msg);
	refuse_units(db, "second refusal");
	err_clear(&e);
	ck_assert_int_eq(unit_save(db, &u, "", NULL, &e), -1);
	ck_assert_msg(strstr(e.msg, "second refusal") != NULL, "%s", e.msg);
	ck_assert_msg(strstr(e.msg, "first") == NULL, "%s", e.msg);
	/* Refused by a check after the database's refusal: the check's
	 * message, on its field. */
	u.name = "";
	err_clear(&e);
	ck_assert_int_eq(unit_save(db, &u, "", NULL, &e), -1);
	ck_assert_int_eq(e.field, UF_NAME);
	ck_assert_msg(strstr(e.msg, "refusal") == NULL, "%s", e.msg);
	ck_assert(!err_empty(&e));
	/* What a form does before its save: a save that fails without a
	 * message finds none left from before. */
	db_clear_error(db);
	err_db(&e, db);
	ck_assert(err_empty(&e));
	db_close(db);
}
END_TEST

static Suite *
db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("db");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_create);
	tcase_add_test(tc, test_reopen);
	tcase_add_loop_test(tc, test_refuse, 0, NELEM(refused));
	tcase_add_test(tc, test_unwritable);
	tcase_add_test(tc, test_schema_tables);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_out_file);
	tcase_add_test(tc, test_documents_dir);
	tcase_add_loop_test(tc, test_constraints, 0, NELEM(constraints));
	tcase_add_test(tc, test_migrate_evidence);
	tcase_add_test(tc, test_migrate_par_year);
	tcase_add_test(tc, test_migrate_year);
	tcase_add_test(tc, test_transactions);
	tcase_add_test(tc, test_begin_twice);
	tcase_add_test(tc, test_begin_enclosing);
	tcase_add_test(tc, test_settings);
	tcase_add_test(tc, test_rows);
	tcase_add_test(tc, test_write_commit);
	tcase_add_test(tc, test_other_editor);
	tcase_add_test(tc, test_cached);
	tcase_add_test(tc, test_err);
	tcase_add_test(tc, test_err_save);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(db_suite());
}
