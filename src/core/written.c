/* The written periodic report: storage of the parts. */
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/written.h"

static const char *const codes[WRITTEN_NPARTS] = {
	"direction", "area", "strengths", "weaknesses", "causes", "next", "proposals",
};

const char *
written_part_code(enum written_part p)
{
	return (unsigned)p < WRITTEN_NPARTS ? codes[p] : "";
}

static int
upsert(struct db *db, int64_t plan, int year, enum period_kind k, enum written_part p,
    int64_t section, const char *body, int *changed)
{
	/* The WHERE of the update keeps an unchanged text from being written
	 * again: reopening and saving changes nothing. */
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO written_part (plan_id, year, kind, part, "
	    "section_id, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, year, kind, part, "
	    "section_id) DO UPDATE SET body = excluded.body WHERE body <> excluded.body");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int(st, 2, year);
	db_bind_text(st, 3, period_kind_code(k));
	db_bind_text(st, 4, written_part_code(p));
	sqlite3_bind_int64(st, 5, p == WRITTEN_AREA ? section : 0);
	db_bind_text(st, 6, body);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail_sql(db, "written_part");
	if (changed != NULL)
		*changed = sqlite3_changes(db->sql) > 0;
	return 0;
}

int
written_save(struct db *db, int64_t plan, int year, enum period_kind k,
    enum written_part p, int64_t section, const char *body, int *changed)
{
	if (db_begin(db) != 0)
		return -1;
	if (upsert(db, plan, year, k, p, section, body, changed) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

char *
written_load(struct db *db, int64_t plan, int year, enum period_kind k,
    enum written_part p, int64_t section)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT body FROM written_part WHERE plan_id = ? "
	    "AND year = ? AND kind = ? AND part = ? AND section_id = ?");
	const char *body = "";
	char *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int(st, 2, year);
	db_bind_text(st, 3, period_kind_code(k));
	db_bind_text(st, 4, written_part_code(p));
	sqlite3_bind_int64(st, 5, p == WRITTEN_AREA ? section : 0);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		body = (const char *)sqlite3_column_text(st, 0);
	else if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		db_fail_sql(db, "written_part");
		return NULL;
	}
	out = strdup(body);
	sqlite3_finalize(st);
	return out;
}
