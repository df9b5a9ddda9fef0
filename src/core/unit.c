#include "core/unit.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/text.h"

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

static int
add_alias(struct db *db, int64_t unit, const char *alias)
{
	sqlite3_stmt *st;
	char *nfc = text_nfc(alias), *folded = text_fold(alias);
	int rc = 0;

	if (nfc == NULL || folded == NULL) {
		rc = db_fail(db, _("unit %s: not valid UTF-8 text"), alias);
		goto out;
	}
	if (*folded == '\0')
		goto out;
	/* A spelling already taken by this unit is fine; by another unit it
	 * would make names ambiguous, so the first owner keeps it. */
	st = db_prepare(db, "INSERT OR IGNORE INTO unit_alias (unit_id, alias, folded) VALUES (?, ?, ?)");
	if (st == NULL) {
		rc = -1;
		goto out;
	}
	sqlite3_bind_int64(st, 1, unit);
	db_bind_text(st, 2, nfc);
	db_bind_text(st, 3, folded);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail_sql(db, "unit alias");
	sqlite3_finalize(st);
out:
	free(nfc);
	free(folded);
	return rc;
}

static int64_t
insert_unit(struct db *db, const char *name, const char *short_name)
{
	sqlite3_stmt *st;
	char *nfc = text_nfc(name), *shrt = text_nfc(short_name ? short_name : "");
	char *folded = text_fold(name), *key = text_sort_key(name);
	int64_t id = -1;

	if (!nfc || !shrt || !folded || !key || *folded == '\0') {
		db_fail(db, _("unit: the name is required and must be valid UTF-8 text"));
		goto out;
	}
	st = db_prepare(db, "INSERT INTO unit (name, short_name, folded, sort_key) VALUES (?, ?, ?, ?)");
	if (st == NULL)
		goto out;
	db_bind_text(st, 1, nfc);
	db_bind_text(st, 2, shrt);
	db_bind_text(st, 3, folded);
	db_bind_text(st, 4, key);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->sql);
	else
		db_fail_sql(db, "unit");
	sqlite3_finalize(st);
out:
	free(nfc);
	free(shrt);
	free(folded);
	free(key);
	return id;
}

int64_t
unit_add(struct db *db, const char *name, const char *short_name, const char *aliases)
{
	int64_t id = unit_find(db, name);
	char *copy, *save = NULL;

	if (id == 0 && short_name && *short_name)
		id = unit_find(db, short_name);
	if (id == 0)
		id = insert_unit(db, name, short_name);
	if (id < 0)
		return -1;
	if (add_alias(db, id, name) != 0 ||
	    (short_name && add_alias(db, id, short_name) != 0))
		return -1;
	if (aliases == NULL)
		return id;
	if ((copy = strdup(aliases)) == NULL)
		return db_fail(db, "%s", strerror(ENOMEM));
	for (char *a = strtok_r(copy, ";", &save); a; a = strtok_r(NULL, ";", &save)) {
		if (add_alias(db, id, a) != 0) {
			free(copy);
			return -1;
		}
	}
	free(copy);
	return id;
}

int
unit_list(struct db *db, struct unit **out, int *n)
{
	sqlite3_stmt *st;
	struct unit *v = NULL;
	int count = 0, cap = 0, rc;

	*out = NULL;
	*n = 0;
	st = db_prepare(db, "SELECT id, name, short_name FROM unit ORDER BY sort_key");
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(&v, count, &cap, sizeof *v) != 0)
			break;
		v[count].id = sqlite3_column_int64(st, 0);
		v[count].name = db_column_strdup(st, 1);
		v[count].short_name = db_column_strdup(st, 2);
		count++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		units_free(v, count);
		return db_fail_sql(db, "units");
	}
	*out = v;
	*n = count;
	return 0;
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
