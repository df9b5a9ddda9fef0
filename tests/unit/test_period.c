/* Unit tests of the reporting periods' spans (Nghị định 09/2019 Điều 12 and
 * calendar months), the due dates and the report calendar. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/plan/calendar.h"
#include "core/plan/period.h"
#include "core/store/db.h"
#include "core/store/err.h"

static struct db *db;
static char dir[64];

static void
setup(void)
{
	char path[128];
	struct err e;

	strcpy(dir, "/tmp/cchc-period-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.db", dir);
	db = db_open(path, &e);
	ck_assert_msg(db != NULL, "%s", e.msg);
}

static void
teardown(void)
{
	char cmd[128];

	db_close(db);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void
assert_date(struct date d, int y, int m, int day)
{
	ck_assert_msg(d.year == y && d.month == m && d.day == day, "%04d-%02d-%02d, expected "
	    "%04d-%02d-%02d", d.year, d.month, d.day, y, m, day);
}

static const struct {
	int year;
	enum period_kind kind;
	enum period_calendar cal;
	const char *plan_start;
	int from[3], to[3];
} spans[] = {
	/* Điều 12: from 15/12 of the year before to the 14th. */
	{ 2025, PERIOD_Q1, CALENDAR_CUTOFF, "", { 2024, 12, 15 }, { 2025, 3, 14 } },
	{ 2025, PERIOD_H1, CALENDAR_CUTOFF, "", { 2024, 12, 15 }, { 2025, 6, 14 } },
	{ 2025, PERIOD_M9, CALENDAR_CUTOFF, "", { 2024, 12, 15 }, { 2025, 9, 14 } },
	{ 2025, PERIOD_YEAR, CALENDAR_CUTOFF, "", { 2024, 12, 15 }, { 2025, 12, 14 } },
	/* Leap years change nothing in the cut-off, and give February 29 in
	 * calendar months. */
	{ 2024, PERIOD_Q1, CALENDAR_CUTOFF, "", { 2023, 12, 15 }, { 2024, 3, 14 } },
	{ 2028, PERIOD_YEAR, CALENDAR_CUTOFF, "", { 2027, 12, 15 }, { 2028, 12, 14 } },
	{ 2024, PERIOD_Q1, CALENDAR_MONTHS, "", { 2024, 1, 1 }, { 2024, 3, 31 } },
	{ 2024, PERIOD_H1, CALENDAR_MONTHS, "", { 2024, 1, 1 }, { 2024, 6, 30 } },
	{ 2025, PERIOD_M9, CALENDAR_MONTHS, "", { 2025, 1, 1 }, { 2025, 9, 30 } },
	{ 2025, PERIOD_YEAR, CALENDAR_MONTHS, "", { 2025, 1, 1 }, { 2025, 12, 31 } },
	/* A plan issued mid-year counts from its date, on 29/2 too. */
	{ 2026, PERIOD_H1, CALENDAR_CUTOFF, "2026-04-10", { 2026, 4, 10 }, { 2026, 6, 14 } },
	{ 2024, PERIOD_YEAR, CALENDAR_CUTOFF, "2024-02-29", { 2024, 2, 29 }, { 2024, 12, 14 } },
	{ 2026, PERIOD_YEAR, CALENDAR_MONTHS, "2026-07-01", { 2026, 7, 1 }, { 2026, 12, 31 } },
	/* ... but not when issued before the span, or after it ends. */
	{ 2026, PERIOD_Q1, CALENDAR_CUTOFF, "2025-11-20", { 2025, 12, 15 }, { 2026, 3, 14 } },
	{ 2026, PERIOD_Q1, CALENDAR_CUTOFF, "2026-04-10", { 2025, 12, 15 }, { 2026, 3, 14 } },
	{ 2026, PERIOD_Q1, CALENDAR_CUTOFF, "not a date", { 2025, 12, 15 }, { 2026, 3, 14 } },
};

START_TEST(test_span)
{
	struct date s, e;

	period_span(spans[_i].year, spans[_i].kind, spans[_i].cal, spans[_i].plan_start, &s, &e);
	assert_date(s, spans[_i].from[0], spans[_i].from[1], spans[_i].from[2]);
	assert_date(e, spans[_i].to[0], spans[_i].to[1], spans[_i].to[2]);
}
END_TEST

START_TEST(test_calendar_setting)
{
	ck_assert_int_eq(period_calendar_setting(db), CALENDAR_CUTOFF);
	ck_assert_int_eq(db_setting_set(db, "report_periods", "calendar"), 0);
	ck_assert_int_eq(period_calendar_setting(db), CALENDAR_MONTHS);
	ck_assert_int_eq(db_setting_set(db, "report_periods", "cutoff"), 0);
	ck_assert_int_eq(period_calendar_setting(db), CALENDAR_CUTOFF);
}
END_TEST

START_TEST(test_as_of)
{
	struct date end = { 2025, 6, 14 };

	/* After the cut-off the report counts to it; before, to today. */
	assert_date(period_as_of(end, (struct date){ 2025, 6, 20 }), 2025, 6, 14);
	assert_date(period_as_of(end, (struct date){ 2025, 6, 14 }), 2025, 6, 14);
	assert_date(period_as_of(end, (struct date){ 2025, 5, 2 }), 2025, 5, 2);
}
END_TEST

START_TEST(test_due)
{
	/* The 20th of the last month by default. */
	assert_date(period_due(db, 2026, PERIOD_Q1), 2026, 3, 20);
	assert_date(period_due(db, 2026, PERIOD_H1), 2026, 6, 20);
	assert_date(period_due(db, 2026, PERIOD_M9), 2026, 9, 20);
	assert_date(period_due(db, 2026, PERIOD_YEAR), 2026, 12, 20);
	/* A province's earlier day; a day and month; January is next year's. */
	ck_assert_int_eq(db_setting_set(db, "report_due_h1", "15"), 0);
	assert_date(period_due(db, 2026, PERIOD_H1), 2026, 6, 15);
	ck_assert_int_eq(db_setting_set(db, "report_due_m9", "18/9"), 0);
	assert_date(period_due(db, 2026, PERIOD_M9), 2026, 9, 18);
	ck_assert_int_eq(db_setting_set(db, "report_due_year", "10/01"), 0);
	assert_date(period_due(db, 2026, PERIOD_YEAR), 2027, 1, 10);
	/* A day that does not exist, or text, leaves the default. */
	ck_assert_int_eq(db_setting_set(db, "report_due_q1", "31/2"), 0);
	assert_date(period_due(db, 2026, PERIOD_Q1), 2026, 3, 20);
	ck_assert_int_eq(db_setting_set(db, "report_due_q1", "soon"), 0);
	assert_date(period_due(db, 2026, PERIOD_Q1), 2026, 3, 20);
}
END_TEST

START_TEST(test_calendar)
{
	struct report_due v[PERIOD_KINDS], next, late;
	bool has_next, has_late;

	ck_assert_int_eq(calendar_year(db, 2026, "", v), 0);
	for (int k = 0; k < PERIOD_KINDS; k++) {
		ck_assert_int_eq(v[k].year, 2026);
		ck_assert_int_eq(v[k].kind, k);
		ck_assert(!v[k].sent);
	}
	assert_date(v[PERIOD_H1].span_end, 2026, 6, 14);
	assert_date(v[PERIOD_H1].due, 2026, 6, 20);

	/* On 10/6/2026 nothing sent: quý I is overdue, 6 tháng is next. */
	ck_assert_int_eq(calendar_status(db, 2026, 2026, "", (struct date){ 2026, 6, 10 },
	    &next, &has_next, &late, &has_late), 0);
	ck_assert(has_next && has_late);
	ck_assert_int_eq(next.kind, PERIOD_H1);
	ck_assert_int_eq(late.kind, PERIOD_Q1);
	/* Quý I sent: nothing overdue.  The due day itself is not late. */
	ck_assert_int_eq(calendar_mark_sent(db, 2026, PERIOD_Q1, (struct date){ 2026, 3, 18 }), 0);
	ck_assert_int_eq(calendar_status(db, 2026, 2026, "", (struct date){ 2026, 6, 20 },
	    &next, &has_next, &late, &has_late), 0);
	ck_assert(has_next && !has_late);
	ck_assert_int_eq(next.kind, PERIOD_H1);
	ck_assert_int_eq(calendar_year(db, 2026, "", v), 0);
	ck_assert(v[PERIOD_Q1].sent);
	assert_date(v[PERIOD_Q1].sent_on, 2026, 3, 18);
	/* After the year's report of the plan's last year: nothing next. */
	ck_assert_int_eq(calendar_status(db, 2026, 2026, "", (struct date){ 2026, 12, 21 },
	    &next, &has_next, &late, &has_late), 0);
	ck_assert(!has_next && has_late);
	ck_assert_int_eq(late.kind, PERIOD_H1);
	/* A year's report late into the next year; older years are history. */
	ck_assert_int_eq(calendar_status(db, 2024, 2027, "", (struct date){ 2027, 1, 5 },
	    &next, &has_next, &late, &has_late), 0);
	ck_assert(has_next && has_late);
	ck_assert_int_eq(late.year, 2026);
	ck_assert_int_eq(late.kind, PERIOD_H1);
	ck_assert_int_eq(next.year, 2027);
	ck_assert_int_eq(next.kind, PERIOD_Q1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("period");
	TCase *tc = tcase_create("period");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_span, 0, sizeof spans / sizeof spans[0]);
	tcase_add_test(tc, test_calendar_setting);
	tcase_add_test(tc, test_as_of);
	tcase_add_test(tc, test_due);
	tcase_add_test(tc, test_calendar);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
