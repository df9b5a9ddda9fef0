/* Backups through SQLite's online backup API, and restoring one. */
#include "core/store/backup.h"

#include <dirent.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/io/file_out.h"
#include "core/store/db.h"
#include "core/store/paths.h"
#include "core/store/schema.h"
#include "core/text/date.h"
#include "core/text/i18n.h"

#define PATH_MAX_LEN 4096
#define DAILY_PREFIX "cchc-"
#define RESTORE_PREFIX "before-restore-"
/* Waits for a lock held by another connection: 50 x 100 ms. */
#define BUSY_TRIES 50
#define BUSY_SLEEP_MS 100
/* A backup's temporary file older than this was left by a killed one. */
#define STALE_SECONDS 3600

/* The tables every cchc database has had since schema version 1. */
static const char *const cchc_tables[] = {
	"setting", "office", "section", "unit", "unit_alias", "plan", "phase",
	"target", "target_phase", "task", "task_cooperator", "product", "period", "result",
};

int
backup_keep(struct db *db)
{
	char *s = db_setting_get(db, "backup_keep"), *end;
	long n = s ? strtol(s, &end, 10) : 0;

	if (s == NULL || end == s || *end != '\0' || n < 1 || n > 10000)
		n = BACKUP_KEEP_DEFAULT;
	free(s);
	return (int)n;
}

/* The folder of path ("." when it names none) into buf. */
static int
folder_of(const char *path, char *buf, size_t n)
{
	const char *slash = strrchr(path, '/');
	int len;

	if (slash == NULL)
		len = snprintf(buf, n, ".");
	else if (slash == path)
		len = snprintf(buf, n, "/");
	else
		len = snprintf(buf, n, "%.*s", (int)(slash - path), path);
	return len < 0 || (size_t)len >= n ? -1 : 0;
}

int
backup_dir(const char *db_path, char *buf, size_t n)
{
	char dir[PATH_MAX_LEN];

	if (folder_of(db_path, dir, sizeof dir) != 0)
		return -1;
	return paths_join(buf, n, dir, "backups");
}

static const char *
db_path(struct db *db)
{
	const char *p = sqlite3_db_filename(db_sqlite(db), "main");

	return p != NULL ? p : "";
}

static bool
exists(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0;
}

/* dir/PREFIXyyyymmdd-hhmmss.db, with -2, -3... when a backup of the same
 * second is there: a name nothing has yet. */
static int
new_name(struct db *db, const char *dir, const char *prefix, char *buf, size_t n)
{
	struct date today = date_today();
	time_t now = time(NULL);
	struct tm tm;
	char base[64];

	localtime_r(&now, &tm);
	snprintf(base, sizeof base, "%s%04d%02d%02d-%02d%02d%02d", prefix, today.year,
	    today.month, today.day, tm.tm_hour, tm.tm_min, tm.tm_sec);
	for (int i = 1; i < 100; i++) {
		int len = i == 1 ? snprintf(buf, n, "%s/%s.db", dir, base) :
		    snprintf(buf, n, "%s/%s-%d.db", dir, base, i);

		if (len < 0 || (size_t)len >= n)
			return db_fail(db, _("the backup's path is too long"));
		if (!exists(buf))
			return 0;
	}
	return db_fail(db, _("too many backups in %s this second"), dir);
}

static int
make_folder(struct db *db, const char *dir)
{
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return db_fail(db, _("cannot create the folder %s: %s"), dir, strerror(errno));
	return 0;
}

/* Runs a backup to its end, waiting a while for locks other connections
 * hold.  The SQLite result code. */
static int
run_backup(sqlite3_backup *b)
{
	int rc;

	for (int tries = 0; ; tries++) {
		rc = sqlite3_backup_step(b, -1);
		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries == BUSY_TRIES)
			break;
		sqlite3_sleep(BUSY_SLEEP_MS);
	}
	return rc;
}

/* Copies db into a new file at tmp, left as one file in rollback-journal
 * mode whatever the source's; messages name path, the file to be. */
static int
copy_to(struct db *db, const char *tmp, const char *path)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int rc;

	rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(dst, BUSY_TRIES * BUSY_SLEEP_MS);
		if ((b = sqlite3_backup_init(dst, "main", db_sqlite(db), "main")) == NULL) {
			rc = sqlite3_errcode(dst);
		} else {
			rc = run_backup(b);
			if (sqlite3_backup_finish(b) != SQLITE_OK && rc == SQLITE_DONE)
				rc = sqlite3_errcode(dst);
		}
	}
	if (rc == SQLITE_DONE)
		rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		db_fail(db, _("cannot write the backup %s: %s"), path,
		    dst ? db_errmsg(dst) : sqlite3_errstr(rc));
	if (sqlite3_close(dst) != SQLITE_OK && rc == SQLITE_OK)
		rc = db_fail(db, _("cannot write the backup %s: %s"), path, db_errmsg(dst));
	return rc == SQLITE_OK ? 0 : -1;
}

/* Writes the backup under a temporary name beside path (mode 0600), then
 * renames it: path appears whole or not at all. */
static int
write_backup(struct db *db, const char *path)
{
	char tmp[PATH_MAX_LEN], journal[PATH_MAX_LEN + 16];
	int fd, len = snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);

	if (len < 0 || (size_t)len >= sizeof tmp)
		return db_fail(db, _("the backup's path is too long"));
	if ((fd = mkstemp(tmp)) < 0)
		return db_fail(db, _("cannot write the backup %s: %s"), path, out_strerror(errno));
	close(fd);
	if (copy_to(db, tmp, path) == 0) {
		if (rename(tmp, path) == 0)
			return 0;
		db_fail(db, _("cannot write the backup %s: %s"), path, out_strerror(errno));
	}
	unlink(tmp);
	snprintf(journal, sizeof journal, "%s-journal", tmp);
	unlink(journal);
	return -1;
}

/* A temporary file of write_backup: PREFIX...db.XXXXXX, or its
 * -journal. */
static bool
is_temporary(const char *name)
{
	const char *dot = strstr(name, ".db."), *end;

	if (strncmp(name, DAILY_PREFIX, strlen(DAILY_PREFIX)) != 0 &&
	    strncmp(name, RESTORE_PREFIX, strlen(RESTORE_PREFIX)) != 0)
		return false;
	if (dot == NULL)
		return false;
	dot += 4;
	end = dot + strspn(dot, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
	return end - dot == 6 && (*end == '\0' || strcmp(end, "-journal") == 0);
}

/* Removes the temporary files that backups and restores killed midway
 * left in dir; those younger than STALE_SECONDS may be another process's
 * backup under way.  Best effort: a folder that cannot be read has none
 * to remove. */
static void
remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	time_t now = time(NULL);
	char path[PATH_MAX_LEN];
	struct stat sb;

	if (d == NULL)
		return;
	while ((ent = readdir(d)) != NULL)
		if (is_temporary(ent->d_name) && paths_join(path, sizeof path, dir, ent->d_name) == 0 &&
		    lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && now - sb.st_mtime > STALE_SECONDS)
			unlink(path);
	closedir(d);
}

int
backup_to_file(struct db *db, const char *file, char *out, size_t outsz)
{
	char path[PATH_MAX_LEN], dir[PATH_MAX_LEN];

	if (!sqlite3_get_autocommit(db_sqlite(db)))
		return db_fail(db, _("a change is being saved: back up afterwards"));
	if (file == NULL || *file == '\0') {
		if (folder_of(db_path(db), dir, sizeof dir) != 0)
			return db_fail(db, _("the backup's path is too long"));
		if (new_name(db, dir, DAILY_PREFIX, path, sizeof path) != 0)
			return -1;
	} else {
		if (snprintf(path, sizeof path, "%s", file) >= (int)sizeof path)
			return db_fail(db, _("the backup's path is too long"));
		if (exists(path))
			return db_fail(db, _("%s already exists: choose another name"), path);
	}
	if (folder_of(path, dir, sizeof dir) == 0)
		remove_stale(dir);
	if (backup_dir(db_path(db), dir, sizeof dir) == 0)
		remove_stale(dir);
	if (write_backup(db, path) != 0)
		return -1;
	if (out != NULL)
		snprintf(out, outsz, "%s", path);
	return 0;
}

/* cchc-yyyymmdd-hhmmss.db or cchc-yyyymmdd-hhmmss-N.db */
static bool
is_daily(const char *name)
{
	static const char shape[] = DAILY_PREFIX "99999999-999999";
	size_t n = strlen(shape), len = strlen(name);

	if (len < n + 3 || strcmp(name + len - 3, ".db") != 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (shape[i] == '9' ? name[i] < '0' || name[i] > '9' : name[i] != shape[i])
			return false;
	if (len == n + 3)
		return true;
	if (name[n] != '-' || len == n + 4)
		return false;
	for (size_t i = n + 1; i < len - 3; i++)
		if (name[i] < '0' || name[i] > '9')
			return false;
	return true;
}

static void
names_free(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The daily backups in dir, sorted (oldest first). */
static int
list_daily(struct db *db, const char *dir, char ***out, int *n)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	char **v = NULL, **grown;
	int count = 0;

	*out = NULL;
	*n = 0;
	if (d == NULL)
		return db_fail(db, _("cannot read the folder %s: %s"), dir, strerror(errno));
	while ((ent = readdir(d)) != NULL) {
		if (!is_daily(ent->d_name))
			continue;
		if ((grown = realloc(v, (size_t)(count + 1) * sizeof *v)) == NULL ||
		    (grown[count] = strdup(ent->d_name)) == NULL) {
			names_free(grown ? grown : v, count);
			closedir(d);
			return db_fail(db, _("out of memory"));
		}
		v = grown;
		count++;
	}
	closedir(d);
	if (count > 1)
		qsort(v, (size_t)count, sizeof *v, by_name);
	*out = v;
	*n = count;
	return 0;
}

/* Removes all but the newest keep daily backups. */
static int
prune(struct db *db, const char *dir, char **names, int n, int keep)
{
	char path[PATH_MAX_LEN];
	int rc = 0;

	for (int i = 0; i < n - keep; i++) {
		if (paths_join(path, sizeof path, dir, names[i]) != 0 ||
		    (unlink(path) != 0 && errno != ENOENT))
			rc = db_fail(db, _("cannot remove the old backup %s: %s"), names[i],
			    strerror(errno));
	}
	return rc;
}

int
backup_daily(struct db *db, const char *db_path, int keep)
{
	char dir[PATH_MAX_LEN], path[PATH_MAX_LEN], today[32];
	char **names = NULL;
	struct date d = date_today();
	bool done = false;
	int n = 0, rc = -1;

	if (keep < 1)
		keep = backup_keep(db);
	if (backup_dir(db_path, dir, sizeof dir) != 0)
		return db_fail(db, _("the backup's path is too long"));
	if (make_folder(db, dir) != 0 || list_daily(db, dir, &names, &n) != 0)
		return -1;
	snprintf(today, sizeof today, DAILY_PREFIX "%04d%02d%02d-", d.year, d.month, d.day);
	for (int i = 0; i < n && !done; i++)
		done = strncmp(names[i], today, strlen(today)) == 0;
	if (!done) {
		if (new_name(db, dir, DAILY_PREFIX, path, sizeof path) != 0 ||
		    backup_to_file(db, path, NULL, 0) != 0)
			goto out;
		/* Count the new one among those kept. */
		names_free(names, n);
		if (list_daily(db, dir, &names, &n) != 0)
			return -1;
	}
	if (prune(db, dir, names, n, keep) == 0)
		rc = done ? 0 : 1;
out:
	names_free(names, n);
	return rc;
}

/* Runs a one-value query on the file being checked. */
static int
query_int(sqlite3 *src, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(src, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The first line of PRAGMA integrity_check: "ok" or the first problem,
 * into buf. */
static int
integrity(sqlite3 *src, char *buf, size_t n)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(src, "PRAGMA integrity_check", -1, &st, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static int
count_tables(sqlite3 *src, int *n)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	rc = sqlite3_prepare_v2(src, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
	    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	for (size_t i = 0; i < sizeof cchc_tables / sizeof cchc_tables[0]; i++) {
		sqlite3_bind_text(st, 1, cchc_tables[i], -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			++*n;
		else if (rc != SQLITE_DONE)
			break;
		rc = SQLITE_OK;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Why src cannot be read, from an SQLite result code. */
static int
unreadable(struct db *db, sqlite3 *src, const char *file, int rc)
{
	if ((rc & 0xff) == SQLITE_NOTADB)
		return db_fail(db, _("%s is not a cchc database (not an SQLite file)"), file);
	return db_fail(db, _("%s is damaged: %s"), file, sqlite3_errmsg(src));
}

/* The checks of backup_check(), inside a read transaction of src that the
 * caller ends. */
/* Every table, index, view and trigger of src is the one cchc's schema of
 * version has, with the same SQL, and none is missing: a trigger or view
 * in a file from elsewhere is code that would run on our data. */
static int
check_objects(struct db *db, sqlite3 *src, const char *file, int version)
{
	static const char objects[] = "SELECT type, name, sql FROM sqlite_schema"
	    " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name";
	sqlite3 *ref = NULL;
	sqlite3_stmt *st = NULL, *find = NULL;
	int rc, seen = 0, want = 0;

	rc = sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = schema_build(ref, version);
	if (rc == SQLITE_OK && (rc = sqlite3_prepare_v2(ref, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", -1, &st, NULL)) == SQLITE_OK) {
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			want = sqlite3_column_int(st, 0);
		rc = sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(ref, "SELECT 1 FROM sqlite_schema WHERE type = ? AND name = ?"
		    " AND sql IS ?", -1, &find, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, _("cannot check %s: %s"), file, sqlite3_errmsg(ref));
		goto out;
	}
	if ((rc = sqlite3_prepare_v2(src, objects, -1, &st, NULL)) != SQLITE_OK) {
		unreadable(db, src, file, rc);
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < 3; i++)
			sqlite3_bind_value(find, i + 1, sqlite3_column_value(st, i));
		if (sqlite3_step(find) != SQLITE_ROW) {
			db_fail(db, _("%s is refused: its %s \"%s\" is not cchc's (the file was made "
			    "or altered by another program)"), file, (const char *)sqlite3_column_text(st, 0),
			    (const char *)sqlite3_column_text(st, 1));
			break;
		}
		sqlite3_reset(find);
		seen++;
	}
	if (rc == SQLITE_DONE && seen != want) {
		db_fail(db, _("%s is refused: parts of cchc's schema are missing (the file was "
		    "altered by another program)"), file);
		rc = SQLITE_ERROR;
	} else if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		unreadable(db, src, file, rc);
	}
out:
	sqlite3_finalize(st);
	sqlite3_finalize(find);
	sqlite3_close(ref);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
check_source(struct db *db, sqlite3 *src, const char *file)
{
	char problem[256] = "";
	int rc, app_id = 0, version = 0, tables = 0;
	int want = (int)(sizeof cchc_tables / sizeof cchc_tables[0]);

	if ((rc = sqlite3_exec(src, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK ||
	    (rc = query_int(src, "SELECT count(*) FROM sqlite_schema", &tables)) != SQLITE_OK ||
	    (rc = integrity(src, problem, sizeof problem)) != SQLITE_OK)
		return unreadable(db, src, file, rc);
	if (strcmp(problem, "ok") != 0)
		return db_fail(db, _("%s is damaged: %s"), file, problem);
	if ((rc = query_int(src, "PRAGMA application_id", &app_id)) != SQLITE_OK ||
	    (rc = query_int(src, "PRAGMA user_version", &version)) != SQLITE_OK ||
	    (rc = count_tables(src, &tables)) != SQLITE_OK)
		return unreadable(db, src, file, rc);
	if (app_id != DB_APPLICATION_ID || version < 1 || tables != want)
		return db_fail(db, _("%s is not a cchc database"), file);
	if (version > DB_SCHEMA_VERSION)
		return db_fail(db, _("%s was written by a newer version of cchc (schema %d; "
		    "this program knows up to %d)"), file, version, DB_SCHEMA_VERSION);
	return check_objects(db, src, file, version) == 0 ? SQLITE_OK : SQLITE_ERROR;
}

/* Opens file read-only and checks it; *src is then open inside a read
 * transaction, or NULL on failure. */
static int
open_checked(struct db *db, const char *file, sqlite3 **src)
{
	struct stat sb;
	int rc;

	*src = NULL;
	if (stat(file, &sb) != 0)
		return db_fail(db, _("cannot read %s: %s"), file, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return db_fail(db, _("%s is not a file"), file);
	rc = db_open_readonly(file, src);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(*src, BUSY_TRIES * BUSY_SLEEP_MS);
		rc = check_source(db, *src, file);
	} else {
		db_fail(db, _("cannot read %s: %s"), file, sqlite3_errstr(rc));
	}
	if (rc != SQLITE_OK) {
		sqlite3_close(*src);
		*src = NULL;
		return -1;
	}
	return 0;
}

int
backup_check(struct db *db, const char *file)
{
	sqlite3 *src;

	if (open_checked(db, file, &src) != 0)
		return -1;
	sqlite3_close(src);
	return 0;
}

static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Copies src over db's main database, in one write transaction of db. */
static int
copy_from(struct db *db, sqlite3 *src, const char *file)
{
	sqlite3_backup *b = sqlite3_backup_init(db_sqlite(db), "main", src, "main");
	int rc;

	if (b == NULL)
		return db_fail(db, _("cannot restore %s: %s"), file, sqlite3_errmsg(db_sqlite(db)));
	rc = run_backup(b);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		/* SQLITE_READONLY here: the page sizes differ (WAL). */
		return db_fail(db, _("cannot restore %s: %s"), file, sqlite3_errstr(rc));
	return 0;
}

int
backup_restore(struct db *db, const char *file, char *saved, size_t savedsz)
{
	char dir[PATH_MAX_LEN], path[PATH_MAX_LEN];
	sqlite3 *src;
	int rc;

	if (!sqlite3_get_autocommit(db_sqlite(db)))
		return db_fail(db, _("a change is being saved: restore afterwards"));
	/* The backup API writes without db_begin, which would say why. */
	if (db_read_only_reason(db) != NULL)
		return db_fail(db, "%s", _(db_read_only_reason(db)));
	if (db_claim(db) != 0)
		return -1;
	if (same_file(file, db_path(db)))
		return db_fail(db, _("%s is the database itself"), file);
	if (backup_dir(db_path(db), dir, sizeof dir) != 0)
		return db_fail(db, _("the backup's path is too long"));
	if (open_checked(db, file, &src) != 0)
		return -1;
	rc = make_folder(db, dir);
	if (rc == 0)
		rc = new_name(db, dir, RESTORE_PREFIX, path, sizeof path);
	if (rc == 0)
		rc = backup_to_file(db, path, saved, savedsz);
	if (rc == 0)
		rc = copy_from(db, src, file);
	sqlite3_close(src);	/* ends its read transaction */
	if (rc != 0)
		return -1;
	if (schema_migrate(db) != 0) {
		char why[DB_ERROR_MAX];

		snprintf(why, sizeof why, "%s", db_error(db));
		return db_fail(db, _("%s was restored but cannot be upgraded: %s (the data "
		    "it replaced is in %s)"), file, why, path);
	}
	return 0;
}
