/* The database: open, migrate, transactions, errors.
 *
 * One SQLite file holds an office's whole work.  It is opened with foreign
 * keys on, in WAL mode (a reader never blocks the writer, and a crash never
 * leaves a half-written record) and with a busy timeout so that a second
 * instance waits instead of failing.  The core never exits: every failure is
 * returned.
 *
 * Errors (err.h): a function that can fail returns -1 and fills the struct
 * err it was given.  The functions here, which take none, leave their
 * message as the database's last one; whoever called them and was given a
 * struct err fills it with err_db, the only reader of that message outside
 * the core's own plumbing. */
#ifndef CCHC_DB_H
#define CCHC_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* SQLite's types, as sqlite3.h names them (its typedefs are of these
 * tags): only the files that call SQLite include it. */
struct sqlite3;
struct sqlite3_stmt;
struct err;

/* The schema version this program writes (PRAGMA user_version). */
#define DB_SCHEMA_VERSION 13
/* PRAGMA application_id of a cchc database: "CCHC". */
#define DB_APPLICATION_ID 0x43434843

/* Statements kept prepared (db_cached). */
#define DB_CACHED 8

/* The size of the database's last message, with its NUL. */
#define DB_ERROR_MAX 512

/* Opaque: read through the accessors below. */
struct db;

/* Opens (creating if needed, mode 0600) and migrates the database at path.
 * On failure returns NULL and fills e.  A database on
 * read-only media (or in a folder that cannot be written), or on a full
 * disk, is opened read-only (db_read_only_reason says why): viewing, reports and
 * exports elsewhere work, writes are refused. */
struct db *db_open(const char *path, struct err *e);

/* Opens file with SQLite, read-only and writing nothing beside it: unless
 * a -wal or -journal file beside it has content that counts, immutable
 * (no -shm, no lock).  SQLite's result code. */
int db_open_readonly(const char *file, struct sqlite3 **sql);

/* SQLite's last message on sql, except that a full disk is said plainly,
 * with "nothing was changed". */
const char *db_errmsg(struct sqlite3 *sql);
void db_close(struct db *db);

/* The SQLite connection, for the files that call SQLite themselves. */
struct sqlite3 *db_sqlite(struct db *db);
/* True when this open made the file (it is empty of data). */
bool db_created(const struct db *db);
/* Why the database is only read (read-only media, a full disk): a msgid,
 * or NULL when it can be written.  db_begin then refuses with it. */
const char *db_read_only_reason(const struct db *db);

/* The last message: read it through err_db (err.h). */
const char *db_error(const struct db *db);
/* Empties the last message, so that one read after a failure is that
 * failure's and not an older one (a form does so before its save). */
void db_clear_error(struct db *db);
/* Sets the error message (printf-style); returns -1 for `return db_fail()`. */
int db_fail(struct db *db, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Sets the error from SQLite's last message, prefixed with what failed. */
int db_fail_sql(struct db *db, const char *what);

/* One editor at a time (lock.h): takes the database's edit lock for the
 * life of db, unless db has it already.  0, or -1 with *busy set when
 * another process has it (clear when the lock file cannot be made, as in
 * a read-only folder). */
int db_lock_edits(struct db *db, bool *busy);
/* Before a write: -1 with the message when another process edits the
 * database (its edits would be overwritten unseen), else 0. */
int db_claim(struct db *db);

/* Every write runs inside one of these (db_begin claims the database
 * first).  Return 0 or -1; a db_begin inside another is refused, as a
 * mistake, except inside db_begin_enclosing's: there begin and commit
 * only count, the outer commit writes and any rollback undoes the whole
 * (a form that adds a unit its record names saves both at once). */
int db_begin(struct db *db);
int db_begin_enclosing(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/* Prepares sql; NULL (and db_error set) on failure. */
struct sqlite3_stmt *db_prepare(struct db *db, const char *sql);
/* The same, kept prepared in db for the next call with the same sql
 * (a string constant: it is told apart by its address): preparing an
 * INSERT compiles the history triggers of its table, most of the cost of
 * an import row.  Give it back with db_release, never sqlite3_finalize.
 * NULL on error (db_error says why). */
struct sqlite3_stmt *db_cached(struct db *db, const char *sql);
/* Ends a statement of db_prepare (finalized) or of db_cached (reset and
 * kept, its bindings cleared). */
void db_release(struct db *db, struct sqlite3_stmt *st);

/* Binds helpers: NULL or empty text binds SQL NULL where that is the
 * convention of the column. */
void db_bind_text(struct sqlite3_stmt *st, int i, const char *s);
void db_bind_text_or_null(struct sqlite3_stmt *st, int i, const char *s);
void db_bind_id_or_null(struct sqlite3_stmt *st, int i, int64_t id);

/* A malloc'd copy of a text column ("" for NULL); NULL only on OOM. */
char *db_column_strdup(struct sqlite3_stmt *st, int i);

/* Rows (db_rows.c).  db_each_row runs st (bound) and calls row(st, ctx)
 * for each row until row fails, then finalizes st; db_rows_by_id does so
 * for sql whose one parameter is id.  0, or -1 with db_error starting with
 * what. */
int db_each_row(struct db *db, struct sqlite3_stmt *st,
    int (*row)(struct sqlite3_stmt *, void *), void *ctx, const char *what);
int db_rows_by_id(struct db *db, const char *sql, int64_t id,
    int (*row)(struct sqlite3_stmt *, void *), void *ctx, const char *what);
/* Runs sql (no parameter) into an array of one element of size bytes a
 * row, each zeroed then filled by fill(st, element).  out is the address
 * of the array's pointer: malloc'd, NULL when there are no rows; *n its
 * length.  On failure too, so that the caller frees it with its own
 * function (the last element perhaps half filled).  0 or -1. */
int db_list(struct db *db, const char *sql, size_t size,
    int (*fill)(struct sqlite3_stmt *, void *), const char *what, void *out, int *n);
/* One write with id as its first parameter and number as its second (when
 * sql has one): db_run_id in the caller's transaction, db_write_id in its
 * own.  0 or -1. */
int db_run_id(struct db *db, const char *sql, int64_t id, int64_t number, const char *what);
int db_write_id(struct db *db, const char *sql, int64_t id, int64_t number, const char *what);
/* Steps a write of db_prepare once and finalizes it: 0, or -1 with
 * db_error naming what failed (the table).  NULL st, a prepare that failed
 * and said why, is -1. */
int db_step_write(struct db *db, struct sqlite3_stmt *st, const char *what);
/* db_step_write as the last write of the transaction the caller began:
 * committed, or rolled back on failure. */
int db_write_commit(struct db *db, struct sqlite3_stmt *st, const char *what);

/* Settings: small key/value strings in the database. */
char *db_setting_get(struct db *db, const char *key);	/* NULL if unset */
int db_setting_set(struct db *db, const char *key, const char *value);

#endif
