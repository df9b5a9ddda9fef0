/* Reporting periods: quý I, 6 tháng, 9 tháng, năm, each cumulative over
 * its year.  The data a periodic report counts runs to a cut-off date
 * (Nghị định 09/2019/NĐ-CP, Điều 12): from 15 December of the year before
 * to the 14th of the period's last month; or, when the setting
 * "report_periods" is "calendar", from 1 January to the month's end. */
#ifndef CCHC_PERIOD_H
#define CCHC_PERIOD_H

#include <stdbool.h>
#include <stdint.h>

#include "core/plan/model.h"

struct db;

/* "q1", "h1", "m9", "year" — the database's names. */
const char *period_kind_code(enum period_kind k);
bool period_kind_parse(const char *s, enum period_kind *out);

/* First and last day of the period by the calendar. */
void period_bounds(int year, enum period_kind k, struct date *start, struct date *end);

enum period_calendar {
	CALENDAR_CUTOFF,	/* Điều 12: 15/12 of the year before to the 14th */
	CALENDAR_MONTHS,	/* 1 January to the end of the last month */
};

/* The setting "report_periods": "calendar" gives CALENDAR_MONTHS, anything
 * else (unset included) CALENDAR_CUTOFF. */
enum period_calendar period_calendar_setting(struct db *db);

/* The span of data a report of the period counts.  plan_start (ISO, "" for
 * none), the date a plan took effect, starts the span when it falls inside
 * it: a plan issued mid-year has no data from before. */
void period_span(int year, enum period_kind k, enum period_calendar c, const char *plan_start,
    struct date *start, struct date *end);

/* The day a report is counted as of: its span's end, or today when the
 * span has not ended yet. */
struct date period_as_of(struct date span_end, struct date today);
/* The same for year's period k of a plan issued on plan_start (ISO or
 * ""), its span under the office's calendar setting: what the period's
 * report, its written text and the dashboard count tasks as of. */
struct date period_counted_as_of(struct db *db, int year, enum period_kind k,
    const char *plan_start, struct date today);

/* The day the period's report is due: the setting "report_due_q1" (h1, m9,
 * year) as a day of the period's last month ("15") or a day and month
 * ("10/01" for the next year's January), else the 20th of the period's
 * last month. */
struct date period_due(struct db *db, int year, enum period_kind k);

/* The period a report would be made for on day `today` within a plan of
 * years from..to: the one whose end is the first on or after today
 * (clamped to the plan's years). */
void period_for_day(struct date today, int year_from, int year_to, int *year, enum period_kind *k);

/* The id of a period, 0 when it has no row yet, -1 on error. */
int64_t period_find(struct db *db, int year, enum period_kind k);
/* The id, creating the row if needed; inside the caller's transaction. */
int64_t period_ensure(struct db *db, int year, enum period_kind k);

#endif
