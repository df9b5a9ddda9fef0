/* The loops every loader and writer would otherwise write again: rows
 * handed one by one to a callback, rows gathered into an array, and one
 * write (by id, or of a statement bound), in the caller's transaction or
 * its own. */
#include "core/store/db.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/text/array.h"

int
db_each_row(struct db *db, sqlite3_stmt *st, int (*row)(sqlite3_stmt *, void *), void *ctx,
    const char *what)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (row(st, ctx) != 0)
			break;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? db_fail(db, "%s", strerror(ENOMEM)) : db_fail_sql(db, what);
	return 0;
}

int
db_rows_by_id(struct db *db, const char *sql, int64_t id, int (*row)(sqlite3_stmt *, void *),
    void *ctx, const char *what)
{
	sqlite3_stmt *st = db_prepare(db, sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_each_row(db, st, row, ctx, what);
}

/* An array being gathered. */
struct gathered {
	char *v;
	int n, cap;
	size_t size;
	int (*fill)(sqlite3_stmt *, void *);
};

static int
gather_row(sqlite3_stmt *st, void *ctx)
{
	struct gathered *g = ctx;
	void *element;

	if (array_reserve(&g->v, g->n, &g->cap, g->size) != 0)
		return -1;
	element = g->v + (size_t)g->n * g->size;
	memset(element, 0, g->size);
	/* Counted before it is filled, so that a failure frees what it got. */
	g->n++;
	return g->fill(st, element);
}

int
db_list(struct db *db, const char *sql, size_t size, int (*fill)(sqlite3_stmt *, void *),
    const char *what, void *out, int *n)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	struct gathered g = { NULL, 0, 0, size, fill };
	int rc = st == NULL ? -1 : db_each_row(db, st, gather_row, &g, what);

	memcpy(out, &g.v, sizeof g.v);
	*n = g.n;
	return rc;
}

int
db_run_id(struct db *db, const char *sql, int64_t id, int64_t number, const char *what)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) > 1)
		sqlite3_bind_int64(st, 2, number);
	return db_step_write(db, st, what);
}

int
db_write_id(struct db *db, const char *sql, int64_t id, int64_t number, const char *what)
{
	if (db_begin(db) != 0)
		return -1;
	if (db_run_id(db, sql, id, number, what) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
db_step_write(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, what);
}

int
db_write_commit(struct db *db, sqlite3_stmt *st, const char *what)
{
	if (db_step_write(db, st, what) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}
