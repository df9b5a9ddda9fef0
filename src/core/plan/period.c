#include "core/plan/period.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/db.h"

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

enum period_calendar
period_calendar_setting(struct db *db)
{
	char *v = db_setting_get(db, "report_periods");
	enum period_calendar c = v != NULL && strcmp(v, "calendar") == 0 ? CALENDAR_MONTHS
	    : CALENDAR_CUTOFF;

	free(v);
	return c;
}

void
period_span(int year, enum period_kind k, enum period_calendar c, const char *plan_start,
    struct date *start, struct date *end)
{
	struct date from;

	if (c == CALENDAR_MONTHS) {
		period_bounds(year, k, start, end);
	} else {
		*start = (struct date){ year - 1, 12, 15 };
		*end = (struct date){ year, last_month[k], 14 };
	}
	if (plan_start != NULL && date_parse_iso(plan_start, &from) &&
	    date_cmp(from, *start) > 0 && date_cmp(from, *end) <= 0)
		*start = from;
}

struct date
period_as_of(struct date span_end, struct date today)
{
	return date_cmp(today, span_end) < 0 ? today : span_end;
}

struct date
period_counted_as_of(struct db *db, int year, enum period_kind k, const char *plan_start,
    struct date today)
{
	struct date start, end;

	period_span(year, k, period_calendar_setting(db), plan_start, &start, &end);
	return period_as_of(end, today);
}

struct date
period_due(struct db *db, int year, enum period_kind k)
{
	char key[32], *v;
	int m = last_month[k], day = 20, month = m, n = 0;
	struct date d = { year, m, 20 };

	snprintf(key, sizeof key, "report_due_%s", codes[k]);
	if ((v = db_setting_get(db, key)) == NULL)
		return d;
	/* "15" is a day of the last month; "10/01" a day and month, which
	 * before the last month falls in the next year. */
	if (sscanf(v, "%d%n", &day, &n) == 1 && v[n] == '\0')
		month = m;
	else if (sscanf(v, "%d/%d%n", &day, &month, &n) != 2 || v[n] != '\0')
		day = 0;
	if (day > 0) {
		int y = month < m ? year + 1 : year;

		if (date_valid(y, month, day))
			d = (struct date){ y, month, day };
	}
	free(v);
	return d;
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
		id = sqlite3_last_insert_rowid(db_sqlite(db));
	else
		id = db_fail_sql(db, "period");
	sqlite3_finalize(st);
	return id;
}
