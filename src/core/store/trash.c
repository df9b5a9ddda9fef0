/* Snapshots of deleted rows, and putting them back. */
#include "core/store/trash.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/db.h"
#include "core/text/array.h"
#include "core/text/i18n.h"

/* The copied rows of one table: nvalues / ncols rows, row-major. */
struct trash_set {
	char *insert;		/* INSERT naming the columns in SELECT order */
	int ncols;
	sqlite3_value **values;
	int nvalues, cap;
};

struct trash {
	struct trash_set *sets;
	int nsets, cap;
};

/* "INSERT INTO t ("c1", ...) VALUES (?, ...)" for the columns of st. */
static char *
insert_sql(sqlite3_stmt *st, const char *table)
{
	sqlite3_str *s = sqlite3_str_new(NULL);
	int n = sqlite3_column_count(st);

	sqlite3_str_appendf(s, "INSERT INTO \"%w\" (", table);
	for (int i = 0; i < n; i++)
		sqlite3_str_appendf(s, "%s\"%w\"", i ? ", " : "", sqlite3_column_name(st, i));
	sqlite3_str_appendall(s, ") VALUES (");
	for (int i = 0; i < n; i++)
		sqlite3_str_appendall(s, i ? ", ?" : "?");
	sqlite3_str_appendall(s, ")");
	return sqlite3_str_finish(s);
}

static int
copy_rows(struct trash_set *set, sqlite3_stmt *st)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < set->ncols; i++) {
			sqlite3_value *v;

			if (array_reserve(&set->values, set->nvalues, &set->cap,
			    sizeof *set->values) != 0 ||
			    (v = sqlite3_value_dup(sqlite3_column_value(st, i))) == NULL)
				return SQLITE_NOMEM;
			set->values[set->nvalues++] = v;
		}
	}
	return rc;
}

static int
take(struct db *db, struct trash *t, const struct trash_part *part, int64_t id)
{
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" WHERE %s", part->table, part->where);
	struct trash_set *set;
	sqlite3_stmt *st;
	int rc;

	st = sql ? db_prepare(db, sql) : NULL;
	sqlite3_free(sql);
	if (st == NULL)
		return -1;
	if (array_reserve(&t->sets, t->nsets, &t->cap, sizeof *t->sets) != 0) {
		sqlite3_finalize(st);
		return db_fail(db, _("out of memory"));
	}
	set = &t->sets[t->nsets++];
	memset(set, 0, sizeof *set);
	set->ncols = sqlite3_column_count(st);
	set->insert = insert_sql(st, part->table);
	sqlite3_bind_int64(st, 1, id);
	rc = set->insert ? copy_rows(set, st) : SQLITE_NOMEM;
	sqlite3_finalize(st);
	if (rc == SQLITE_NOMEM)
		return db_fail(db, _("out of memory"));
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, part->table);
}

static int
delete_row(struct db *db, const char *table, int64_t id)
{
	char *sql = sqlite3_mprintf("DELETE FROM \"%w\" WHERE id = ?", table);
	sqlite3_stmt *st = sql ? db_prepare(db, sql) : NULL;
	int rc;

	sqlite3_free(sql);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail_sql(db, _("cannot delete"));
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return db_fail(db, _("The record no longer exists"));
	return 0;
}

int
trash_delete(struct db *db, const char *table, int64_t id,
    const struct trash_part *parts, int nparts, struct trash **undo)
{
	struct trash *t = NULL;
	int rc = 0;

	if (undo != NULL)
		*undo = NULL;
	if (db_begin(db) != 0)
		return -1;
	if (undo != NULL && (t = calloc(1, sizeof *t)) == NULL)
		rc = db_fail(db, _("out of memory"));
	for (int i = 0; t != NULL && rc == 0 && i < nparts; i++)
		rc = take(db, t, &parts[i], id);
	if (rc == 0)
		rc = delete_row(db, table, id);
	if (rc != 0 || db_commit(db) != 0) {
		db_rollback(db);
		trash_free(t);
		return -1;
	}
	if (undo != NULL)
		*undo = t;
	return 0;
}

static int
restore_set(struct db *db, const struct trash_set *set)
{
	sqlite3_stmt *st = db_prepare(db, set->insert);
	int rc = 0;

	if (st == NULL)
		return -1;
	for (int row = 0; rc == 0 && row < set->nvalues; row += set->ncols) {
		for (int i = 0; i < set->ncols; i++)
			sqlite3_bind_value(st, i + 1, set->values[row + i]);
		/* Say what conflicts, before reset forgets it. */
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(db, _("Cannot undo the delete: %s"), sqlite3_errmsg(db_sqlite(db)));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

int
trash_restore(struct db *db, struct trash *t)
{
	if (t == NULL)
		return db_fail(db, _("There is nothing to undo"));
	if (db_begin(db) != 0)
		return -1;
	for (int i = 0; i < t->nsets; i++) {
		if (restore_set(db, &t->sets[i]) != 0) {
			db_rollback(db);
			return -1;
		}
	}
	return db_commit(db);
}

void
trash_free(struct trash *t)
{
	if (t == NULL)
		return;
	for (int i = 0; i < t->nsets; i++) {
		for (int j = 0; j < t->sets[i].nvalues; j++)
			sqlite3_value_free(t->sets[i].values[j]);
		free(t->sets[i].values);
		sqlite3_free(t->sets[i].insert);
	}
	free(t->sets);
	free(t);
}
