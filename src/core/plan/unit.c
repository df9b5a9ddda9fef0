#include "core/plan/unit.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

int64_t
unit_find(struct db *db, const char *name)
{
	sqlite3_stmt *st;
	char *folded = text_fold(name);
	int64_t id = 0;

	if (folded == NULL || *folded == '\0') {
		free(folded);
		return 0;
	}
	st = db_prepare(db, "SELECT unit_id FROM unit_alias WHERE folded = ?");
	if (st == NULL) {
		id = -1;
	} else {
		sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	free(folded);
	return id;
}

/* Calls fn(db, unit, alias, field, e) for each non-blank alias of a
 * ';'-separated list, trimmed; stops at the first failure. */
typedef int (*alias_fn)(struct db *, int64_t, const char *, int, struct err *);

static int
each_alias(struct db *db, int64_t unit, const char *list, alias_fn fn, struct err *e)
{
	char *copy, *save = NULL;
	int rc = 0;

	if (list == NULL)
		return 0;
	if ((copy = strdup(list)) == NULL)
		return err_set(e, -1, "%s", strerror(ENOMEM));
	for (char *a = strtok_r(copy, ";", &save); a && rc == 0; a = strtok_r(NULL, ";", &save))
		if (*text_trim(a) != '\0')
			rc = fn(db, unit, a, UF_ALIASES, e);
	free(copy);
	return rc;
}

static int
add_alias(struct db *db, int64_t unit, const char *alias, int field, struct err *e)
{
	sqlite3_stmt *st;
	char *nfc = field_text(alias, e, field, _("Aliases")), *folded = NULL;
	int rc = -1;

	if (nfc == NULL)
		goto out;
	if ((folded = text_fold(nfc)) == NULL) {
		rc = err_set(e, -1, "%s", strerror(ENOMEM));
		goto out;
	}
	rc = 0;
	if (*folded == '\0')
		goto out;
	/* A spelling already taken by this unit is fine; by another unit it
	 * would make names ambiguous, so the first owner keeps it. */
	st = db_prepare(db, "INSERT OR IGNORE INTO unit_alias (unit_id, alias, folded) VALUES (?, ?, ?)");
	if (st == NULL) {
		rc = err_db(e, db);
		goto out;
	}
	sqlite3_bind_int64(st, 1, unit);
	db_bind_text(st, 2, nfc);
	db_bind_text(st, 3, folded);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail_sql(db, "unit alias");
		rc = err_db(e, db);
	}
	sqlite3_finalize(st);
out:
	free(nfc);
	free(folded);
	return rc;
}

/* Records the name, the short name and the aliases as spellings of unit. */
static int
add_spellings(struct db *db, int64_t unit, const char *name, const char *short_name,
    const char *aliases, struct err *e)
{
	if (add_alias(db, unit, name, UF_NAME, e) != 0 ||
	    (short_name && add_alias(db, unit, short_name, UF_SHORT_NAME, e) != 0))
		return -1;
	return each_alias(db, unit, aliases, add_alias, e);
}

/* A unit's row: name and short name in NFC, the folded name, the key. */
struct unit_row {
	char *name, *short_name, *folded, *key;
};

static void
row_free(struct unit_row *r)
{
	free(r->name);
	free(r->short_name);
	free(r->folded);
	free(r->key);
}

static int
check(const struct unit_input *u, struct unit_row *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	if ((r->name = field_text(u->name, e, UF_NAME, _("Name"))) == NULL ||
	    (r->short_name = field_text(u->short_name, e, UF_SHORT_NAME, _("Short name"))) == NULL)
		return -1;
	if ((r->folded = text_fold(r->name)) == NULL || (r->key = text_sort_key(r->name)) == NULL)
		return err_set(e, -1, "%s", strerror(ENOMEM));
	if (*r->folded == '\0')
		return err_set(e, UF_NAME, _("%s is required"), _("Name"));
	return 0;
}

/* Writes the unit row as unit *id (0: a new one, then set); no
 * transaction. */
static int
store(struct db *db, int64_t *id, const struct unit_row *r, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (*id == 0)
		st = db_prepare(db, "INSERT INTO unit (name, short_name, folded, sort_key) "
		    "VALUES (?1, ?2, ?3, ?4)");
	else
		st = db_prepare(db, "UPDATE unit SET name = ?1, short_name = ?2, folded = ?3, "
		    "sort_key = ?4 WHERE id = ?5");
	if (st == NULL)
		return err_db(e, db);
	db_bind_text(st, 1, r->name);
	db_bind_text(st, 2, r->short_name);
	db_bind_text(st, 3, r->folded);
	db_bind_text(st, 4, r->key);
	if (*id != 0)
		sqlite3_bind_int64(st, 5, *id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail_sql(db, "unit");
		return err_db(e, db);
	}
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return err_set(e, -1, _("The unit no longer exists"));
	if (*id == 0)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return 0;
}

static int64_t
insert_unit(struct db *db, const char *name, const char *short_name, struct err *e)
{
	struct unit_input u = { 0, name, short_name };
	struct unit_row r;
	int64_t id = 0;
	int rc = check(&u, &r, e);

	if (rc == 0)
		rc = store(db, &id, &r, e);
	row_free(&r);
	return rc == 0 ? id : -1;
}

int64_t
unit_add(struct db *db, const char *name, const char *short_name, const char *aliases)
{
	int64_t id = unit_find(db, name);
	struct err e;

	if (id == 0 && short_name && *short_name)
		id = unit_find(db, short_name);
	if (id == 0 && (id = insert_unit(db, name, short_name, &e)) < 0)
		return db_fail(db, "%s", e.msg);
	if (id < 0)
		return -1;
	if (add_spellings(db, id, name, short_name, aliases, &e) != 0)
		return db_fail(db, "%s", e.msg);
	return id;
}

/* Refuses a spelling that folds like one of another unit. */
static int
check_spelling(struct db *db, int64_t unit, const char *spelling, int field,
    struct err *e)
{
	char *folded = text_fold(spelling);
	sqlite3_stmt *st = NULL;
	int rc;

	if (folded == NULL)
		return err_set(e, field, _("%s: not valid UTF-8 text"), _("Aliases"));
	if (*folded == '\0') {
		free(folded);
		return 0;
	}
	st = db_prepare(db, "SELECT u.name FROM unit_alias a JOIN unit u ON u.id = a.unit_id"
	    " WHERE a.folded = ?1 AND a.unit_id <> ?2"
	    " UNION ALL SELECT name FROM unit WHERE folded = ?1 AND id <> ?2 LIMIT 1");
	if (st == NULL) {
		free(folded);
		return err_db(e, db);
	}
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, unit);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = err_set(e, field, _("\"%s\" already names the unit %s"), spelling,
		    (const char *)sqlite3_column_text(st, 0));
	else if (rc == SQLITE_DONE)
		rc = 0;
	else
		rc = err_set(e, -1, "%s", sqlite3_errmsg(db_sqlite(db)));
	sqlite3_finalize(st);
	free(folded);
	return rc;
}

/* Saves u as unit *id (0: a new one, then set). */
static int
save(struct db *db, const struct unit_input *u, int64_t *id, const char *aliases,
    struct err *e)
{
	struct unit_row r;
	sqlite3_stmt *st;
	int rc = -1;

	if (check(u, &r, e) != 0 ||
	    check_spelling(db, *id, r.name, UF_NAME, e) != 0 ||
	    check_spelling(db, *id, r.short_name, UF_SHORT_NAME, e) != 0 ||
	    each_alias(db, *id, aliases, check_spelling, e) != 0 ||
	    store(db, id, &r, e) != 0)
		goto out;
	if ((st = db_prepare(db, "DELETE FROM unit_alias WHERE unit_id = ?")) == NULL) {
		err_db(e, db);
		goto out;
	}
	sqlite3_bind_int64(st, 1, *id);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : err_set(e, -1, "%s", sqlite3_errmsg(db_sqlite(db)));
	sqlite3_finalize(st);
	if (rc == 0)
		rc = add_spellings(db, *id, r.name, r.short_name, aliases, e);
out:
	row_free(&r);
	return rc;
}

int
unit_save(struct db *db, const struct unit_input *in, const char *aliases, int64_t *id,
    struct err *err)
{
	int64_t saved = in->id;

	if (field_begin(db, err) != 0)
		return -1;
	return field_commit_id(db, save(db, in, &saved, aliases, err), &saved, id, err);
}

int
unit_usage(struct db *db, int64_t id, int *tasks, int *targets)
{
	sqlite3_stmt *st;
	int rc;

	st = db_prepare(db, "SELECT (SELECT count(*) FROM task WHERE lead_unit_id = ?1"
	    "  OR monitor_unit_id = ?1"
	    "  OR id IN (SELECT task_id FROM task_cooperator WHERE unit_id = ?1)),"
	    " (SELECT count(*) FROM target WHERE lead_unit_id = ?1)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*tasks = sqlite3_column_int(st, 0);
		*targets = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_fail_sql(db, "unit usage");
}

int
unit_delete(struct db *db, int64_t id, struct trash **undo, struct err *err)
{
	static const struct trash_part parts[] = {
		{ "unit", "id = ?1" },
		{ "unit_alias", "unit_id = ?1" },
	};
	int tasks, targets;

	err_clear(err);
	if (undo != NULL)
		*undo = NULL;
	if (unit_usage(db, id, &tasks, &targets) != 0)
		return err_db(err, db);
	if (tasks > 0 || targets > 0)
		return err_set(err, -1,
		    _("The unit is used by %d tasks and %d targets; change them first"),
		    tasks, targets);
	if (trash_delete(db, "unit", id, parts, sizeof parts / sizeof parts[0], undo) != 0)
		return err_db(err, db);
	return 0;
}

char *
unit_aliases(struct db *db, int64_t id)
{
	sqlite3_stmt *st;
	char *out = NULL, *short_folded = NULL;
	size_t size = 0;
	FILE *f;
	int rc, n = 0;

	/* The name and the short name are spellings too, shown in their own
	 * fields. */
	st = db_prepare(db, "SELECT a.alias, a.folded, u.short_name FROM unit_alias a"
	    " JOIN unit u ON u.id = a.unit_id WHERE a.unit_id = ?1 AND a.folded <> u.folded"
	    " ORDER BY a.rowid");
	if (st == NULL)
		return NULL;
	if ((f = open_memstream(&out, &size)) == NULL) {
		sqlite3_finalize(st);
		db_fail(db, "%s", strerror(errno));
		return NULL;
	}
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (short_folded == NULL &&
		    (short_folded = text_fold((const char *)sqlite3_column_text(st, 2))) == NULL)
			break;
		if (strcmp((const char *)sqlite3_column_text(st, 1), short_folded) != 0)
			fprintf(f, "%s%s", n++ ? "; " : "", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	free(short_folded);
	if (fclose(f) != 0 || rc != SQLITE_DONE) {
		free(out);
		db_fail(db, _("cannot read the aliases of a unit"));
		return NULL;
	}
	return out;
}

static int
unit_row(sqlite3_stmt *st, void *element)
{
	struct unit *u = element;

	u->id = sqlite3_column_int64(st, 0);
	u->name = db_column_strdup(st, 1);
	u->short_name = db_column_strdup(st, 2);
	return 0;
}

int
unit_list(struct db *db, struct unit **out, int *n)
{
	if (db_list(db, "SELECT id, name, short_name FROM unit ORDER BY sort_key",
	    sizeof **out, unit_row, "units", out, n) == 0)
		return 0;
	units_free(*out, *n);
	*out = NULL;
	*n = 0;
	return -1;
}

void
units_free(struct unit *u, int n)
{
	for (int i = 0; i < n; i++) {
		free(u[i].name);
		free(u[i].short_name);
	}
	free(u);
}

char *
unit_name(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM unit WHERE id = ?");
	char *name = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = db_column_strdup(st, 0);
	else
		db_fail(db, _("no unit has the number %lld"), (long long)id);
	sqlite3_finalize(st);
	return name;
}
