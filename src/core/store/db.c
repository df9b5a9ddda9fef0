/* Opening the database, transactions and error reporting. */
#include "core/store/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/io/file_out.h"
#include "core/store/err.h"
#include "core/store/lock.h"
#include "core/store/schema.h"
#include "core/text/i18n.h"

struct db {
	sqlite3 *sql;
	struct {
		const char *sql;	/* the caller's constant: compared by address */
		sqlite3_stmt *st;
	} cached[DB_CACHED];
	bool created;		/* the file was made by this open */
	/* Why the database is only read (read-only media, a full disk): a
	 * msgid, or NULL.  db_begin then refuses with this message. */
	const char *read_only;
	int edit_lock;		/* lock.h's descriptor, -1 until taken */
	int depth;		/* db_begin calls not yet committed */
	char error[DB_ERROR_MAX];
};

sqlite3 *
db_sqlite(struct db *db)
{
	return db->sql;
}

bool
db_created(const struct db *db)
{
	return db->created;
}

const char *
db_read_only_reason(const struct db *db)
{
	return db->read_only;
}

const char *
db_error(const struct db *db)
{
	return db->error;
}

void
db_clear_error(struct db *db)
{
	db->error[0] = '\0';
}

int
db_fail(struct db *db, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(db->error, sizeof db->error, fmt, ap);
	va_end(ap);
	return -1;
}

const char *
db_errmsg(sqlite3 *sql)
{
	if ((sqlite3_errcode(sql) & 0xff) == SQLITE_FULL || sqlite3_system_errno(sql) == ENOSPC)
		return out_strerror(ENOSPC);
	return sqlite3_errmsg(sql);
}

int
db_fail_sql(struct db *db, const char *what)
{
	return db_fail(db, "%s: %s", what, db_errmsg(db->sql));
}

/* The size of path's side file (-wal, -journal), -1 when there is none. */
static off_t
side_file_size(const char *path, const char *suffix)
{
	char side[4200];
	struct stat sb;

	if (snprintf(side, sizeof side, "%s%s", path, suffix) >= (int)sizeof side ||
	    lstat(side, &sb) != 0)
		return -1;
	return sb.st_size;
}

/* Creates the file with mode 0600 before SQLite sees it: a year of an
 * office's work is nobody else's business, and SQLite would otherwise
 * create it 0644 (its -wal and -shm files copy the database's mode).  An
 * existing empty file (touch, a failed copy) is new too. */
static int
create_private(const char *path, bool *created, struct err *e)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	struct stat sb;

	*created = false;
	if (fd < 0 && errno == EEXIST) {
		/* O_NOFOLLOW: the mode of whatever a link points at is not ours
		 * to change. */
		if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
			return 0;	/* SQLite says why it cannot be opened */
		if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0 &&
		    side_file_size(path, "-wal") < 0 && fchmod(fd, 0600) == 0)
			*created = true;
		close(fd);
		return 0;
	}
	if (fd >= 0) {
		*created = true;
		close(fd);
		return 0;
	}
	return err_set(e, -1, _("cannot create the database %s: %s"), path, strerror(errno));
}

/* True when the file holds a schema that is not ours: tables exist, but
 * the application id is not cchc's. */
static bool
foreign_database(struct db *db)
{
	sqlite3_stmt *st;
	int app_id = 0, tables = 0;

	if ((st = db_prepare(db, "PRAGMA application_id")) != NULL) {
		if (sqlite3_step(st) == SQLITE_ROW)
			app_id = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if ((st = db_prepare(db, "SELECT count(*) FROM sqlite_schema")) != NULL) {
		if (sqlite3_step(st) == SQLITE_ROW)
			tables = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return tables > 0 && app_id != DB_APPLICATION_ID;
}

int
db_open_readonly(const char *file, sqlite3 **sql)
{
	char uri[3 * 4096 + 32];
	size_t o;

	/* An empty -wal (a failed open leaves one) holds nothing. */
	if (side_file_size(file, "-wal") > 0 || side_file_size(file, "-journal") >= 0 ||
	    strlen(file) >= 4096)
		return sqlite3_open_v2(file, sql, SQLITE_OPEN_READONLY, NULL);
	/* "file:///abs" (an empty authority) or "file:rel". */
	o = (size_t)snprintf(uri, sizeof uri, "%s", file[0] == '/' ? "file://" : "file:");
	for (const char *p = file; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			o += (size_t)snprintf(uri + o, sizeof uri - o, "%%%02X", (unsigned char)*p);
		else
			uri[o++] = *p;
	}
	snprintf(uri + o, sizeof uri - o, "?immutable=1");
	return sqlite3_open_v2(uri, sql, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

#define READ_ONLY_MEDIA N_("the database is read-only here (read-only media, or a folder "\
    "or file that cannot be written): nothing was changed; copy it to a writable folder to edit it")
#define READ_ONLY_FULL N_("the disk is full: nothing was changed; free some space, then "\
    "try again")

/* Read-only media, folder or file: SQLite could not make the -wal and -shm files
 * WAL mode needs beside the file, so it could not even read it. */
static bool
read_only_place(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	struct statvfs vfs;

	if ((statvfs(path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY)) ||
	    (access(path, W_OK) != 0 && errno != ENOENT))
		return true;
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
	return access(dir, W_OK) != 0 && errno != ENOENT;
}

/* A full disk: the -shm file cannot grow, so SQLite cannot read either. */
static bool
disk_full(const char *path)
{
	struct statvfs vfs;

	return statvfs(path, &vfs) == 0 && (unsigned long long)vfs.f_bavail * vfs.f_frsize < 65536;
}

static int
configure(struct db *db)
{
	static const char pragmas[] =
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA journal_mode = WAL;"
	    /* In WAL mode NORMAL loses at most the last commits on power
	     * loss, never integrity; FULL costs an fsync per keystroke-save
	     * on slow office disks.  We keep FULL: a saved record stays. */
	    "PRAGMA synchronous = FULL;";
	char *msg = NULL;

	sqlite3_busy_timeout(db->sql, 5000);
	/* Read-only: the file is read as it is, in whatever journal mode. */
	if (sqlite3_exec(db->sql, db->read_only != NULL ? "PRAGMA foreign_keys = ON;" : pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		db_fail(db, _("cannot use the database: %s"),
		    (sqlite3_errcode(db->sql) & 0xff) == SQLITE_FULL ? db_errmsg(db->sql) :
		    msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

struct db *
db_open(const char *path, struct err *e)
{
	struct db *db;
	bool created;
	int rc;

	if (create_private(path, &created, e) != 0)
		return NULL;
	if ((db = calloc(1, sizeof *db)) == NULL) {
		err_set(e, -1, "%s", strerror(ENOMEM));
		return NULL;
	}
	db->created = created;
	db->edit_lock = -1;
	if (!created && read_only_place(path))
		db->read_only = READ_ONLY_MEDIA;
again:
	if (db->read_only != NULL)
		rc = db_open_readonly(path, &db->sql);
	else
		rc = sqlite3_open_v2(path, &db->sql, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, -1, _("cannot open the database %s: %s"), path,
		    db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(db->sql, 1);
	/* Look before configure(): switching to WAL rewrites the header of
	 * a file that may not be ours. */
	if (foreign_database(db)) {
		err_set(e, -1, _("%s is not a cchc database (it holds other tables)"), path);
		goto fail;
	}
	if (schema_check(db) != 0) {
		err_set(e, -1, "%s: %s", path, db->error);
		goto fail;
	}
	if (configure(db) != 0) {
		/* SQLITE_NOTADB surfaces on the first statement. */
		int code = sqlite3_errcode(db->sql) & 0xff;

		if (db->read_only == NULL && !created && (code == SQLITE_IOERR || code == SQLITE_FULL) &&
		    disk_full(path)) {
			/* Read what is there, as it is: reports and exports to
			 * another disk still work. */
			sqlite3_close(db->sql);
			db->sql = NULL;
			db->read_only = READ_ONLY_FULL;
			goto again;
		}
		if (code == SQLITE_NOTADB)
			err_set(e, -1, _("%s is not a cchc database (not an SQLite file)"), path);
		else if (code == SQLITE_CORRUPT)
			err_set(e, -1, _("%s is damaged (cut short or corrupted): "
			    "restore a backup (cchc restore FILE)"), path);
		else
			err_set(e, -1, "%s: %s", path, db->error);
		goto fail;
	}
	if (schema_migrate(db) != 0) {
		err_set(e, -1, "%s: %s", path, db->error);
		goto fail;
	}
	return db;
fail:
	sqlite3_close(db->sql);
	lock_release(db->edit_lock);
	free(db);
	if (created)
		unlink(path);
	return NULL;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	for (int i = 0; i < DB_CACHED; i++)
		sqlite3_finalize(db->cached[i].st);
	sqlite3_close(db->sql);
	lock_release(db->edit_lock);
	free(db);
}

int
db_lock_edits(struct db *db, bool *busy)
{
	const char *path = sqlite3_db_filename(db->sql, "main");

	*busy = false;
	/* A temporary database ("") has no file to lock beside. */
	if (db->edit_lock < 0 && path != NULL && *path != '\0')
		db->edit_lock = lock_take(path, busy);
	return db->edit_lock >= 0 ? 0 : -1;
}

int
db_claim(struct db *db)
{
	bool busy;

	/* A lock file that cannot be made leaves the question to SQLite,
	 * which cannot write in such a folder either. */
	if (db_lock_edits(db, &busy) != 0 && busy)
		return db_fail(db, "%s", _("another cchc is editing this database: close it, "
		    "then try again"));
	return 0;
}

int
db_begin(struct db *db)
{
	/* Inside db_begin_enclosing's transaction. */
	if (db->depth > 0 && !sqlite3_get_autocommit(db->sql)) {
		db->depth++;
		return 0;
	}
	if (db->read_only != NULL)
		return db_fail(db, "%s", _(db->read_only));
	if (db_claim(db) != 0)
		return -1;
	/* IMMEDIATE takes the write lock now, so a second instance waits
	 * (busy timeout) here rather than failing halfway through. */
	if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail_sql(db, _("cannot start a transaction"));
	return 0;
}

int
db_begin_enclosing(struct db *db)
{
	if (db_begin(db) != 0)
		return -1;
	db->depth = 1;
	return 0;
}

int
db_commit(struct db *db)
{
	if (db->depth > 1) {
		db->depth--;
		return 0;
	}
	db->depth = 0;
	if (sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail_sql(db, _("cannot save"));
		db_rollback(db);
		return -1;
	}
	return 0;
}

void
db_rollback(struct db *db)
{
	/* An inner rollback ends the outer transaction too: its commit then
	 * fails. */
	db->depth = 0;
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *
db_prepare(struct db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail_sql(db, "prepare");
		return NULL;
	}
	return st;
}

sqlite3_stmt *
db_cached(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int i;

	for (i = 0; i < DB_CACHED && db->cached[i].sql != NULL; i++)
		if (db->cached[i].sql == sql)
			return db->cached[i].st;
	if ((st = db_prepare(db, sql)) != NULL && i < DB_CACHED) {
		db->cached[i].sql = sql;
		db->cached[i].st = st;
	}
	return st;
}

void
db_release(struct db *db, sqlite3_stmt *st)
{
	for (int i = 0; i < DB_CACHED && db->cached[i].sql != NULL; i++) {
		if (db->cached[i].st == st) {
			/* Reset, so that it holds no read transaction open. */
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return;
		}
	}
	sqlite3_finalize(st);
}

void
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_TRANSIENT);
}

void
db_bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL || *s == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

void
db_bind_id_or_null(sqlite3_stmt *st, int i, int64_t id)
{
	if (id <= 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, id);
}

char *
db_column_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return strdup(s ? (const char *)s : "");
}

char *
db_setting_get(struct db *db, const char *key)
{
	sqlite3_stmt *st;
	char *value = NULL;

	if ((st = db_prepare(db, "SELECT value FROM setting WHERE key = ?")) == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		value = db_column_strdup(st, 0);
	sqlite3_finalize(st);
	return value;
}

int
db_setting_set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	int rc;

	if (db_begin(db) != 0)
		return -1;
	if ((st = db_prepare(db, "INSERT INTO setting (key, value) VALUES (?, ?) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value")) == NULL) {
		db_rollback(db);
		return -1;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail_sql(db, "setting");
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}
