#include "core/store/office.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

int
office_get(struct db *db, struct office *o)
{
	sqlite3_stmt *st;
	int rc;

	st = db_prepare(db, "SELECT name, kind, province FROM office WHERE id = 1");
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		o->name = db_column_strdup(st, 0);
		o->kind = db_column_strdup(st, 1);
		o->province = db_column_strdup(st, 2);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "office");
}

int
office_put(struct db *db, const char *name, const char *kind, const char *province)
{
	char *n = text_nfc(name), *p = text_nfc(province ? province : "");
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (n == NULL || p == NULL) {
		db_fail(db, _("office: not valid UTF-8 text"));
		goto out;
	}
	/* UPDATE, then INSERT when there was no office: INSERT OR REPLACE (or an
	 * upsert, which fires the insert triggers) would record a delete and an
	 * insert at each save, even of an unchanged office. */
	for (int pass = 0; pass < 2 && rc != 0; pass++) {
		sqlite3_finalize(st);
		st = db_prepare(db, pass == 0 ?
		    "UPDATE office SET name = ?1, kind = ?2, province = ?3 WHERE id = 1" :
		    "INSERT INTO office (id, name, kind, province) VALUES (1, ?1, ?2, ?3)");
		if (st == NULL)
			goto out;
		db_bind_text(st, 1, n);
		db_bind_text(st, 2, kind);
		db_bind_text(st, 3, p);
		if (sqlite3_step(st) != SQLITE_DONE) {
			db_fail(db, _("office: the name is required and the kind must be xa, "
			    "phuong or so"));
			goto out;
		}
		if (pass == 1 || sqlite3_changes(db_sqlite(db)) > 0)
			rc = 0;
	}
out:
	sqlite3_finalize(st);
	free(n);
	free(p);
	return rc;
}

void
office_free(struct office *o)
{
	free(o->name);
	free(o->kind);
	free(o->province);
	o->name = o->kind = o->province = NULL;
}
