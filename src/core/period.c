#include "core/period.h"

#include <string.h>

#include "core/db.h"

static const char *const codes[PERIOD_KINDS] = { "q1", "h1", "m9", "year" };
static const int last_month[PERIOD_KINDS] = { 3, 6, 9, 12 };

const char *
period_kind_code(enum period_kind k)
{
	return codes[k];
}

bool
period_kind_parse(const char *s, enum period_kind *out)
{
	for (int k = 0; k < PERIOD_KINDS; k++) {
		if (strcmp(s, codes[k]) == 0) {
			*out = (enum period_kind)k;
			return true;
		}
	}
	return false;
}

void
period_bounds(int year, enum period_kind k, struct date *start, struct date *end)
{
	int m = last_month[k];

	*start = (struct date){ year, 1, 1 };
	*end = (struct date){ year, m, date_days_in_month(year, m) };
}

void
period_for_day(struct date today, int year_from, int year_to, int *year, enum period_kind *k)
{
	if (today.year < year_from) {
		*year = year_from;
		*k = PERIOD_Q1;
		return;
	}
	if (today.year > year_to) {
		*year = year_to;
		*k = PERIOD_YEAR;
		return;
	}
	*year = today.year;
	for (int i = 0; i < PERIOD_KINDS; i++) {
		if (today.month <= last_month[i]) {
			*k = (enum period_kind)i;
			return;
		}
	}
	*k = PERIOD_YEAR;
}

int64_t
period_find(struct db *db, int year, enum period_kind k)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM period WHERE year = ? AND kind = ?");
	int64_t id = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, codes[k], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		id = db_fail_sql(db, "period");
	sqlite3_finalize(st);
	return id;
}

int64_t
period_ensure(struct db *db, int year, enum period_kind k)
{
	int64_t id = period_find(db, year, k);
	struct date start, end;
	char s[11], e[11];
	sqlite3_stmt *st;

	if (id != 0)
		return id;
	period_bounds(year, k, &start, &end);
	date_format_iso(start, s);
	date_format_iso(end, e);
	st = db_prepare(db, "INSERT INTO period (year, kind, start_date, end_date) VALUES (?, ?, ?, ?)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, codes[k], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->sql);
	else
		id = db_fail_sql(db, "period");
	sqlite3_finalize(st);
	return id;
}
