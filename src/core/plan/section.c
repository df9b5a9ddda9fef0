#include "core/plan/section.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/tsv.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

static int
section_row(sqlite3_stmt *st, void *element)
{
	struct section *s = element;

	s->id = sqlite3_column_int64(st, 0);
	s->code = db_column_strdup(st, 1);
	s->ord = sqlite3_column_int(st, 2);
	s->title = db_column_strdup(st, 3);
	s->short_title = db_column_strdup(st, 4);
	return 0;
}

int
section_list(struct db *db, struct section **out, int *n)
{
	if (db_list(db, "SELECT id, code, ord, title, short_title FROM section ORDER BY ord",
	    sizeof **out, section_row, "sections", out, n) == 0)
		return 0;
	sections_free(*out, *n);
	*out = NULL;
	*n = 0;
	return -1;
}

void
sections_free(struct section *s, int n)
{
	for (int i = 0; i < n; i++) {
		free(s[i].code);
		free(s[i].title);
		free(s[i].short_title);
	}
	free(s);
}

const char *
section_numeral(int ord)
{
	static const char *const numerals[] = {
		"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
	};

	return ord >= 1 && ord <= 12 ? numerals[ord - 1] : "";
}

int64_t
section_find(struct db *db, const char *text)
{
	sqlite3_stmt *st;
	char *folded = text_fold(text);
	int64_t id = 0;

	if (folded == NULL)
		return 0;
	st = db_prepare(db, "SELECT id FROM section WHERE code = ?1 OR folded = ?1 "
	    "UNION ALL SELECT section_id FROM section_alias WHERE folded = ?1 LIMIT 1");
	if (st != NULL) {
		sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	} else {
		id = -1;
	}
	free(folded);
	return id;
}

static int
insert_aliases(struct db *db, int64_t id, const char *list)
{
	char *copy = strdup(list), *save = NULL;
	sqlite3_stmt *st;
	int rc = 0;

	if (copy == NULL)
		return db_fail(db, "%s", strerror(ENOMEM));
	st = db_prepare(db, "INSERT OR IGNORE INTO section_alias (section_id, folded) VALUES (?, ?)");
	for (char *a = strtok_r(copy, ";", &save); st && a; a = strtok_r(NULL, ";", &save)) {
		char *folded = text_fold(a);

		if (folded == NULL || *folded == '\0') {
			free(folded);
			continue;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, folded, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail_sql(db, "section alias");
		sqlite3_reset(st);
		free(folded);
	}
	if (st == NULL)
		rc = -1;
	sqlite3_finalize(st);
	free(copy);
	return rc;
}

int
section_load(struct db *db, const char *path)
{
	struct tsv t;
	sqlite3_stmt *st;
	const char *why;
	int rc = 0, r = 0;

	if (tsv_open(&t, path, &why) != 0)
		return db_fail(db, _("cannot read %s: %s"), path, why);
	st = db_prepare(db, "INSERT INTO section (code, ord, title, short_title, folded) "
	    "VALUES (?, ?, ?, ?, ?)");
	while (st != NULL && rc == 0 && (r = tsv_next(&t)) == 1) {
		char *title = text_nfc(tsv_field(&t, 2));
		char *shrt = text_nfc(tsv_field(&t, 3));
		char *folded = text_fold(tsv_field(&t, 2));

		if (t.nfields < 4 || title == NULL || shrt == NULL || folded == NULL) {
			rc = db_fail(db, _("%s line %d: expected code, order, title, short title"),
			    path, t.lineno);
		} else {
			db_bind_text(st, 1, tsv_field(&t, 0));
			sqlite3_bind_int(st, 2, atoi(tsv_field(&t, 1)));
			db_bind_text(st, 3, title);
			db_bind_text(st, 4, shrt);
			db_bind_text(st, 5, folded);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = db_fail(db, "%s line %d: %s", path, t.lineno, sqlite3_errmsg(db_sqlite(db)));
			else
				rc = insert_aliases(db, sqlite3_last_insert_rowid(db_sqlite(db)), tsv_field(&t, 4));
			sqlite3_reset(st);
		}
		free(title);
		free(shrt);
		free(folded);
	}
	if (st == NULL)
		rc = -1;
	else if (rc == 0 && r < 0)
		rc = db_fail(db, _("%s line %d: not valid UTF-8 text"), path, t.lineno);
	sqlite3_finalize(st);
	tsv_close(&t);
	return rc;
}
