/* Backups while the database is in use, restores that check first, and the
 * daily backups kept. */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/store/backup.h"
#include "core/store/db.h"
#include "core/text/date.h"
#include "fixture.h"

static struct db *db;
static char path[sizeof fixture_dir + 32];

static void
setup(void)
{
	db = fixture_open("backup", true, true);
	snprintf(path, sizeof path, "%s", fixture_path("cchc.db"));
}

static void
teardown(void)
{
	fixture_close(db);
}

static sqlite3 *
open_raw(const char *file)
{
	sqlite3 *s;

	ck_assert_int_eq(sqlite3_open_v2(file, &s, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(s, 5000);
	return s;
}

static void
exec_raw(sqlite3 *s, const char *sql)
{
	char *msg = NULL;

	ck_assert_msg(sqlite3_exec(s, sql, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", sql, msg);
}

static long
query_raw(sqlite3 *s, const char *sql)
{
	sqlite3_stmt *st;
	long v;

	ck_assert_msg(sqlite3_prepare_v2(s, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(s));
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static long
query_file(const char *file, const char *sql)
{
	sqlite3 *s = open_raw(file);
	long v = query_raw(s, sql);

	sqlite3_close(s);
	return v;
}

/* A file passes integrity_check. */
static void
assert_sound(const char *file)
{
	sqlite3 *s = open_raw(file);
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_prepare_v2(s, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	sqlite3_close(s);
}

/* What the office's data looks like, to compare before and after. */
#define FINGERPRINT "SELECT (SELECT count(*) FROM plan) * 1000000 + " \
	"(SELECT count(*) FROM task) * 1000 + (SELECT count(*) FROM unit)"

static int
count_files(const char *folder, const char *prefix)
{
	DIR *d = opendir(folder);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

START_TEST(test_backup_is_one_sound_file)
{
	const char *file = fixture_path("copy.db");
	char out[256], wal[200];
	unsigned char header[20];
	struct stat sb;
	FILE *fp;

	ck_assert_msg(backup_to_file(db, file, out, sizeof out) == 0, "%s", db_error(db));
	ck_assert_str_eq(out, file);
	assert_sound(file);
	ck_assert_int_eq(query_file(file, "PRAGMA application_id"), DB_APPLICATION_ID);
	ck_assert_int_eq(query_file(file, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	ck_assert_int_eq(query_file(file, FINGERPRINT), query_raw(db_sqlite(db), FINGERPRINT));
	/* Rollback-journal mode (bytes 18-19 are 1), private, no -wal. */
	ck_assert_ptr_nonnull(fp = fopen(file, "rb"));
	ck_assert_int_eq(fread(header, 1, sizeof header, fp), sizeof header);
	fclose(fp);
	ck_assert_int_eq(header[18], 1);
	ck_assert_int_eq(header[19], 1);
	snprintf(wal, sizeof wal, "%s-wal", file);
	ck_assert_int_ne(access(wal, F_OK), 0);
	ck_assert_int_eq(stat(file, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	/* An existing file is never overwritten. */
	ck_assert_int_eq(backup_to_file(db, file, NULL, 0), -1);
	ck_assert_ptr_nonnull(strstr(db_error(db), "already exists"));
	ck_assert_int_eq(backup_to_file(db, path, NULL, 0), -1);
	/* No name: beside the database, dated. */
	ck_assert_msg(backup_to_file(db, NULL, out, sizeof out) == 0, "%s", db_error(db));
	ck_assert_int_eq(strncmp(out, fixture_path("cchc-"), strlen(fixture_path("cchc-"))), 0);
	assert_sound(out);
	/* Only the two backups and the database's own files are there. */
	ck_assert_int_eq(count_files(fixture_dir, "copy.db"), 1);
	ck_assert_int_eq(count_files(fixture_dir, "cchc-"), 1);
}
END_TEST

/* Another connection holds a write transaction: the backup is made, holds
 * the last commit only, and the writer commits afterwards. */
START_TEST(test_backup_while_a_write_is_held)
{
	sqlite3 *w = open_raw(path);
	const char *first = fixture_path("first.db"), *second = fixture_path("second.db");

	exec_raw(w, "BEGIN IMMEDIATE;"
	    "INSERT INTO unit (name, folded, sort_key) VALUES ('Ban Chỉ huy quân sự', 'x1', 'x1');");
	ck_assert_msg(backup_to_file(db, first, NULL, 0) == 0, "%s", db_error(db));
	exec_raw(w, "COMMIT");
	ck_assert_msg(backup_to_file(db, second, NULL, 0) == 0, "%s", db_error(db));
	sqlite3_close(w);
	assert_sound(first);
	assert_sound(second);
	ck_assert_int_eq(query_file(first, "SELECT count(*) FROM unit WHERE folded = 'x1'"), 0);
	ck_assert_int_eq(query_file(second, "SELECT count(*) FROM unit WHERE folded = 'x1'"), 1);
}
END_TEST

#define WRITES 300

/* A second process writes in a loop, each commit a unit with its
 * spelling and their history; every backup made meanwhile is sound and
 * holds whole commits only. */
START_TEST(test_backup_while_another_process_writes)
{
	int status;
	pid_t pid = fork();

	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		sqlite3 *w;
		int rc = 0;

		if (sqlite3_open_v2(path, &w, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
			_exit(2);
		sqlite3_busy_timeout(w, 10000);
		for (int i = 0; i < WRITES && rc == 0; i++) {
			char sql[512];

			snprintf(sql, sizeof sql, "BEGIN IMMEDIATE;"
			    "INSERT INTO unit (name, folded, sort_key) VALUES ('W %d', 'w %d', 'w %d');"
			    "INSERT INTO unit_alias (unit_id, alias, folded) "
			    "VALUES (last_insert_rowid(), 'W %d', 'w %d'); COMMIT;", i, i, i, i, i);
			rc = sqlite3_exec(w, sql, NULL, NULL, NULL);
		}
		sqlite3_close(w);
		_exit(rc == SQLITE_OK ? 0 : 1);
	}
	for (int i = 0; i < 5; i++) {
		char name[32];
		const char *file;

		snprintf(name, sizeof name, "during-%d.db", i);
		file = fixture_path(name);
		ck_assert_msg(backup_to_file(db, file, NULL, 0) == 0, "%s", db_error(db));
		assert_sound(file);
		ck_assert_int_eq(query_file(file, "SELECT count(*) FROM unit u WHERE u.name LIKE 'W %'"
		    " AND NOT EXISTS (SELECT 1 FROM unit_alias a WHERE a.unit_id = u.id)"), 0);
		ck_assert_int_eq(query_file(file, "SELECT count(*) FROM unit WHERE name LIKE 'W %'"),
		    query_file(file, "SELECT count(*) FROM history WHERE table_name = 'unit_alias'"
		    " AND after_json LIKE '%\"W %'"));
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	ck_assert_int_eq(query_raw(db_sqlite(db), "SELECT count(*) FROM unit WHERE name LIKE 'W %'"), WRITES);
}
END_TEST

/* Writes a good backup into good.db and returns its name. */
static const char *
good_backup(void)
{
	const char *file = fixture_path("good.db");

	ck_assert_msg(backup_to_file(db, file, NULL, 0) == 0, "%s", db_error(db));
	return file;
}

static void
truncate_half(const char *file)
{
	struct stat sb;

	ck_assert_int_eq(stat(file, &sb), 0);
	ck_assert_int_eq(truncate(file, sb.st_size / 2), 0);
}

/* Flips the first bytes of every page but the first: the b-tree page
 * headers. */
static void
flip_pages(const char *file)
{
	int fd = open(file, O_RDWR);
	struct stat sb;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fstat(fd, &sb), 0);
	for (off_t at = 4096; at < sb.st_size; at += 4096 * 3) {
		unsigned char b[8];

		ck_assert_int_eq(pread(fd, b, sizeof b, at), sizeof b);
		for (size_t i = 0; i < sizeof b; i++)
			b[i] ^= 0x5a;
		ck_assert_int_eq(pwrite(fd, b, sizeof b, at), sizeof b);
	}
	close(fd);
}

static void
flip_magic(const char *file)
{
	int fd = open(file, O_RDWR);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, "SQLite format 4", 15, 0), 15);
	close(fd);
}

/* An index that no longer matches its table: integrity_check reports it
 * as a row, not as an error. */
static void
spoil_index(const char *file)
{
	sqlite3 *s = open_raw(file);

	exec_raw(s, "PRAGMA writable_schema = ON;"
	    "UPDATE sqlite_schema SET sql = 'CREATE INDEX unit_sort ON unit(name)'"
	    " WHERE name = 'unit_sort'");
	sqlite3_close(s);
}

static void
set_version(const char *file)
{
	sqlite3 *s = open_raw(file);
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", DB_SCHEMA_VERSION + 1);
	exec_raw(s, sql);
	sqlite3_close(s);
}

static void
other_app(const char *file)
{
	sqlite3 *s = open_raw(file);

	exec_raw(s, "PRAGMA application_id = 0");
	sqlite3_close(s);
}

static void
not_sqlite(const char *file)
{
	FILE *fp = fopen(file, "w");

	ck_assert_ptr_nonnull(fp);
	for (int i = 0; i < 200; i++)
		fputs("TT\tNhiệm vụ\tSản phẩm\n", fp);
	fclose(fp);
}

static void
no_file(const char *file)
{
	ck_assert_int_eq(unlink(file), 0);
}

static const struct {
	const char *name;
	void (*spoil)(const char *file);
	const char *message;	/* part of the refusal */
} bad_files[] = {
	{ "truncated", truncate_half, "damaged" },
	{ "flipped pages", flip_pages, "damaged" },
	{ "flipped magic", flip_magic, "not an SQLite file" },
	{ "index out of step", spoil_index, "damaged: " },
	{ "newer", set_version, "newer version" },
	{ "other application", other_app, "not a cchc database" },
	{ "text", not_sqlite, "not an SQLite file" },
	{ "missing", no_file, "cannot read" },
};

/* A bad file is refused before anything changes: the data, and no
 * "before-restore" copy made. */
START_TEST(test_restore_refuses_bad_files)
{
	const char *file = good_backup();
	sqlite3 *s = open_raw(path);
	long before;

	/* Make the current data differ from the file's. */
	exec_raw(s, "PRAGMA foreign_keys = ON; DELETE FROM plan");
	sqlite3_close(s);
	before = query_raw(db_sqlite(db), FINGERPRINT);
	bad_files[_i].spoil(file);
	ck_assert_int_eq(backup_check(db, file), -1);
	ck_assert_msg(strstr(db_error(db), bad_files[_i].message) != NULL, "%s: %s",
	    bad_files[_i].name, db_error(db));
	ck_assert_int_eq(backup_restore(db, file, NULL, 0), -1);
	ck_assert_msg(strstr(db_error(db), bad_files[_i].message) != NULL, "%s: %s",
	    bad_files[_i].name, db_error(db));
	ck_assert_int_eq(query_raw(db_sqlite(db), FINGERPRINT), before);
	assert_sound(path);
	ck_assert_int_eq(count_files(fixture_path("backups"), "before-restore-"), 0);
}
END_TEST

START_TEST(test_restore_replaces_and_keeps_the_old)
{
	const char *file = good_backup();
	long good = query_raw(db_sqlite(db), FINGERPRINT), changed;
	char saved[256];
	struct stat sb;

	ck_assert_int_eq(backup_check(db, file), 0);
	ck_assert_int_eq(plan_delete(db, 1, NULL), 0);
	changed = query_raw(db_sqlite(db), FINGERPRINT);
	ck_assert_int_ne(changed, good);
	ck_assert_msg(backup_restore(db, file, saved, sizeof saved) == 0, "%s", db_error(db));
	ck_assert_int_eq(query_raw(db_sqlite(db), FINGERPRINT), good);
	assert_sound(path);
	/* The replaced data is kept, whole. */
	ck_assert_int_eq(strncmp(saved, fixture_path("backups/before-restore-"),
	    strlen(fixture_path("backups/before-restore-"))), 0);
	ck_assert_int_eq(stat(saved, &sb), 0);
	assert_sound(saved);
	ck_assert_int_eq(query_file(saved, FINGERPRINT), changed);
	/* Another connection sees the restored data. */
	ck_assert_int_eq(query_file(path, FINGERPRINT), good);
	/* The database itself is not a file to restore. */
	ck_assert_int_eq(backup_restore(db, path, NULL, 0), -1);
	ck_assert_ptr_nonnull(strstr(db_error(db), "database itself"));
}
END_TEST

/* Checking and restoring a file in WAL mode (a plain copy of a database)
 * writes nothing beside it, whatever its name. */
START_TEST(test_restore_leaves_the_file_alone)
{
	const char *file = fixture_path("copy #1 100%?.db");
	char side[256], cmd[512];

	exec_raw(db_sqlite(db), "PRAGMA wal_checkpoint(TRUNCATE)");
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", path, file);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_int_eq(plan_delete(db, 1, NULL), 0);
	ck_assert_msg(backup_check(db, file) == 0, "%s", db_error(db));
	ck_assert_msg(backup_restore(db, file, NULL, 0) == 0, "%s", db_error(db));
	ck_assert_int_eq(query_raw(db_sqlite(db), "SELECT count(*) FROM plan"), 1);
	snprintf(side, sizeof side, "%s-wal", file);
	ck_assert_int_ne(access(side, F_OK), 0);
	snprintf(side, sizeof side, "%s-shm", file);
	ck_assert_int_ne(access(side, F_OK), 0);
	/* Relative names too. */
	ck_assert_int_eq(chdir(fixture_dir), 0);
	ck_assert_msg(backup_check(db, "copy #1 100%?.db") == 0, "%s", db_error(db));
	ck_assert_int_ne(access("copy #1 100%?.db-shm", F_OK), 0);
	ck_assert_int_eq(chdir("/"), 0);
}
END_TEST

/* A file of schema version 1 (no history, PAR or SIPAS tables, no
 * evidence number or date) comes in and is upgraded. */
START_TEST(test_restore_upgrades_an_older_file)
{
	const char *file = good_backup();
	sqlite3 *s = open_raw(file);
	sqlite3_stmt *st;
	char *drops = NULL;

	/* Drop what migrations 2.. made, triggers first. */
	ck_assert_int_eq(sqlite3_prepare_v2(s, "SELECT group_concat('DROP ' || type || ' ' || "
	    "name || ';', '') FROM (SELECT type, name FROM sqlite_schema WHERE (name LIKE "
	    "'history%' OR name LIKE 'par\\_%' ESCAPE '\\' OR name LIKE 'sipas\\_%' ESCAPE '\\' "
	    "OR name LIKE 'written\\_%' ESCAPE '\\') "
	    "AND type IN ('trigger', 'table') ORDER BY type = 'table')", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	drops = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	exec_raw(s, "PRAGMA foreign_keys = OFF");
	exec_raw(s, drops);
	exec_raw(s, "DROP TABLE sheet");
	exec_raw(s, "ALTER TABLE plan DROP COLUMN issue_date_month");
	exec_raw(s, "DROP INDEX section_ord");
	exec_raw(s, "DROP INDEX task_cooperator_order");
	exec_raw(s, "ALTER TABLE task DROP COLUMN evidence_number");
	exec_raw(s, "ALTER TABLE task DROP COLUMN evidence_date");
	exec_raw(s, "ALTER TABLE task DROP COLUMN review");
	exec_raw(s, "ALTER TABLE task DROP COLUMN raw_cells");
	exec_raw(s, "ALTER TABLE target DROP COLUMN horizon");
	exec_raw(s, "ALTER TABLE target DROP COLUMN value_q1");
	exec_raw(s, "ALTER TABLE target DROP COLUMN value_h1");
	exec_raw(s, "ALTER TABLE target DROP COLUMN value_m9");
	exec_raw(s, "PRAGMA user_version = 1");
	free(drops);
	sqlite3_close(s);
	ck_assert_int_eq(query_file(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'history'"), 0);

	ck_assert_msg(backup_restore(db, file, NULL, 0) == 0, "%s", db_error(db));
	ck_assert_int_eq(query_raw(db_sqlite(db), "PRAGMA user_version"), DB_SCHEMA_VERSION);
	ck_assert_int_eq(query_raw(db_sqlite(db), "SELECT count(*) FROM sqlite_schema "
	    "WHERE type = 'trigger' AND name LIKE 'history%'"), 34);
	/* And records history again. */
	exec_raw(db_sqlite(db), "UPDATE unit SET short_name = 'VP' WHERE id = 1");
	ck_assert_int_eq(query_raw(db_sqlite(db), "SELECT count(*) FROM history"), 1);
}
END_TEST

static void
set_today(int y, int m, int d)
{
	struct date t = { y, m, d };

	date_set_today(t);
}

START_TEST(test_daily_keeps_the_last)
{
	const char *folder = fixture_path("backups");
	char other[200];
	FILE *fp;

	/* Files that are not daily backups stay. */
	ck_assert_int_eq(mkdir(folder, 0700), 0);
	snprintf(other, sizeof other, "%s/before-restore-20250101-000000.db", folder);
	ck_assert_ptr_nonnull(fp = fopen(other, "w"));
	fclose(fp);
	for (int day = 1; day <= 5; day++) {
		set_today(2025, 10, day);
		ck_assert_msg(backup_daily(db, path, 3) == 1, "%s", db_error(db));
		/* Once a day. */
		ck_assert_int_eq(backup_daily(db, path, 3), 0);
		ck_assert_int_eq(count_files(folder, "cchc-"), day < 3 ? day : 3);
	}
	ck_assert_int_eq(count_files(folder, "cchc-20251003-"), 1);
	ck_assert_int_eq(count_files(folder, "cchc-20251004-"), 1);
	ck_assert_int_eq(count_files(folder, "cchc-20251005-"), 1);
	ck_assert_int_eq(count_files(folder, "before-restore-"), 1);
	/* keep < 1: the setting decides. */
	ck_assert_int_eq(db_setting_set(db, "backup_keep", "2"), 0);
	set_today(2025, 10, 6);
	ck_assert_int_eq(backup_daily(db, path, 0), 1);
	ck_assert_int_eq(count_files(folder, "cchc-"), 2);
	ck_assert_int_eq(count_files(folder, "cchc-20251006-"), 1);
}
END_TEST

static const struct {
	const char *setting;	/* NULL: unset */
	int keep;
} keeps[] = {
	{ NULL, BACKUP_KEEP_DEFAULT },
	{ "5", 5 },
	{ "0", BACKUP_KEEP_DEFAULT },
	{ "-3", BACKUP_KEEP_DEFAULT },
	{ "mười", BACKUP_KEEP_DEFAULT },
	{ "7 ngày", BACKUP_KEEP_DEFAULT },
};

START_TEST(test_keep_setting)
{
	if (keeps[_i].setting != NULL)
		ck_assert_int_eq(db_setting_set(db, "backup_keep", keeps[_i].setting), 0);
	ck_assert_int_eq(backup_keep(db), keeps[_i].keep);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("backup");
	TCase *tc = tcase_create("backup");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_backup_is_one_sound_file);
	tcase_add_test(tc, test_backup_while_a_write_is_held);
	tcase_add_test(tc, test_backup_while_another_process_writes);
	tcase_add_loop_test(tc, test_restore_refuses_bad_files, 0,
	    sizeof bad_files / sizeof bad_files[0]);
	tcase_add_test(tc, test_restore_replaces_and_keeps_the_old);
	tcase_add_test(tc, test_restore_leaves_the_file_alone);
	tcase_add_test(tc, test_restore_upgrades_an_older_file);
	tcase_add_test(tc, test_daily_keeps_the_last);
	tcase_add_loop_test(tc, test_keep_setting, 0, sizeof keeps / sizeof keeps[0]);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(suite());
}
