/* Unit tests for core/text/date.c. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/text/date.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static const struct {
	int	y, m, d;
	bool	valid;
} valid_cases[] = {
	{ 2024, 2, 29, true },		/* divisible by 4 */
	{ 2025, 2, 29, false },
	{ 1900, 2, 29, false },		/* by 100, not by 400 */
	{ 2000, 2, 29, true },		/* by 400 */
	{ 2026, 2, 28, true },
	{ 2026, 4, 31, false },
	{ 2026, 4, 30, true },
	{ 2026, 12, 31, true },
	{ 2026, 13, 1, false },
	{ 2026, 0, 1, false },
	{ 2026, 1, 0, false },
	{ 2026, 1, 32, false },
	{ 1, 1, 1, true },
	{ 0, 1, 1, false },
	{ 9999, 12, 31, true },
	{ 10000, 1, 1, false },
	{ -1, 1, 1, false },
};

START_TEST(test_valid)
{
	ck_assert_msg(date_valid(valid_cases[_i].y, valid_cases[_i].m,
	    valid_cases[_i].d) == valid_cases[_i].valid, "%d-%d-%d",
	    valid_cases[_i].y, valid_cases[_i].m, valid_cases[_i].d);
}
END_TEST

START_TEST(test_days_in_month)
{
	static const int common[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int	m;

	for (m = 1; m <= 12; m++) {
		ck_assert_int_eq(date_days_in_month(2026, m), common[m - 1]);
		ck_assert_int_eq(date_days_in_month(2024, m),
		    m == 2 ? 29 : common[m - 1]);
	}
	ck_assert_int_eq(date_days_in_month(2100, 2), 28);
	ck_assert_int_eq(date_days_in_month(2400, 2), 29);
	ck_assert_int_eq(date_days_in_month(2026, 0), 0);
	ck_assert_int_eq(date_days_in_month(2026, 13), 0);
}
END_TEST

/* expect NULL: must not parse. */
static const struct {
	const char	*text;
	const char	*expect;	/* ISO */
} iso_cases[] = {
	{ "2025-09-30", "2025-09-30" },
	{ "2024-02-29", "2024-02-29" },
	{ "0001-01-01", "0001-01-01" },
	{ "2025-02-29", NULL },
	{ "2025-9-30", NULL },
	{ "2025-09-30 ", NULL },
	{ " 2025-09-30", NULL },
	{ "12025-09-30", NULL },
	{ "2025/09/30", NULL },
	{ "2025-13-01", NULL },
	{ "2025-00-10", NULL },
	{ "abcd-ef-gh", NULL },
	{ "", NULL },
};

START_TEST(test_parse_iso)
{
	struct date	d = { 7, 7, 7 };
	char		buf[11];
	bool		ok = date_parse_iso(iso_cases[_i].text, &d);

	if (iso_cases[_i].expect == NULL) {
		ck_assert_msg(!ok, "\"%s\" parsed", iso_cases[_i].text);
		ck_assert_int_eq(d.year, 7);	/* untouched */
		return;
	}
	ck_assert_msg(ok, "\"%s\" not parsed", iso_cases[_i].text);
	date_format_iso(d, buf);
	ck_assert_str_eq(buf, iso_cases[_i].expect);
}
END_TEST

static const struct {
	const char	*text;
	const char	*expect;	/* ISO */
} vn_cases[] = {
	{ "30/9/2025", "2025-09-30" },
	{ "30/09/2025", "2025-09-30" },
	{ "30-9-2025", "2025-09-30" },
	{ "30.9.2025", "2025-09-30" },
	{ "1/1/2026", "2026-01-01" },
	{ "  01/01/2026  ", "2026-01-01" },
	{ "29/2/2024", "2024-02-29" },
	{ "31/12/9999", "9999-12-31" },
	{ "31/02/2026", NULL },
	{ "29/2/2025", NULL },
	{ "31/4/2026", NULL },
	{ "0/1/2026", NULL },
	{ "1/13/2026", NULL },
	{ "30/9-2025", NULL },		/* mixed separators */
	{ "30/9/25", NULL },		/* two-digit year */
	{ "30/9/20255", NULL },
	{ "300/9/2025", NULL },
	{ "30//2025", NULL },
	{ "/9/2025", NULL },
	{ "30/9/2025x", NULL },
	{ "30 9 2025", NULL },
	{ "", NULL },
};

START_TEST(test_parse_vn)
{
	struct date	d = { 7, 7, 7 };
	char		buf[11];
	bool		ok = date_parse_vn(vn_cases[_i].text, &d);

	if (vn_cases[_i].expect == NULL) {
		ck_assert_msg(!ok, "\"%s\" parsed", vn_cases[_i].text);
		ck_assert_int_eq(d.year, 7);
		return;
	}
	ck_assert_msg(ok, "\"%s\" not parsed", vn_cases[_i].text);
	date_format_iso(d, buf);
	ck_assert_str_eq(buf, vn_cases[_i].expect);
}
END_TEST

START_TEST(test_format)
{
	struct date	d = { 2026, 9, 5 }, back;
	char		buf[11];

	date_format_iso(d, buf);
	ck_assert_str_eq(buf, "2026-09-05");
	ck_assert(date_parse_iso(buf, &back));
	ck_assert_int_eq(date_cmp(back, d), 0);

	date_format_vn(d, buf);
	ck_assert_str_eq(buf, "05/09/2026");
	ck_assert(date_parse_vn(buf, &back));
	ck_assert_int_eq(date_cmp(back, d), 0);

	date_format_vn((struct date){ 1, 1, 1 }, buf);
	ck_assert_str_eq(buf, "01/01/0001");
}
END_TEST

static const struct {
	struct date	d;
	long		days;
} days_cases[] = {
	{ { 1, 1, 1 }, 0 },
	{ { 1, 1, 2 }, 1 },
	{ { 1, 12, 31 }, 364 },
	{ { 2, 1, 1 }, 365 },
	{ { 1970, 1, 1 }, 719162 },
	{ { 2000, 3, 1 }, 730179 },
	{ { 2024, 2, 29 }, 738944 },
	{ { 9999, 12, 31 }, 3652058 },
};

START_TEST(test_to_days)
{
	struct date	d = days_cases[_i].d, back;

	ck_assert_int_eq(date_to_days(d), days_cases[_i].days);
	back = date_from_days(days_cases[_i].days);
	ck_assert_int_eq(date_cmp(back, d), 0);
}
END_TEST

/* Walks every day from 1/12/1899 to 31/1/2101 by hand (day + 1, carrying
 * into month and year) and checks the arithmetic agrees. */
START_TEST(test_days_round_trip)
{
	struct date	d = { 1899, 12, 1 }, back;
	long		n = date_to_days(d);

	/* Each ck_assert marks its place through a pipe to the runner: 5 a
	 * day for 73,476 days took seconds under a loaded `make -j check`,
	 * over Check's timeout.  Compare plainly; assert only what fails. */
	while (d.year < 2101 || d.month < 2) {
		back = date_from_days(n);
		if (!date_valid(d.year, d.month, d.day) || date_to_days(d) != n ||
		    back.year != d.year || back.month != d.month || back.day != d.day)
			ck_abort_msg("%04d-%02d-%02d: day %ld, back %04d-%02d-%02d", d.year,
			    d.month, d.day, n, back.year, back.month, back.day);
		if (++d.day > date_days_in_month(d.year, d.month)) {
			d.day = 1;
			if (++d.month > 12) {
				d.month = 1;
				d.year++;
			}
		}
		n++;
	}
	ck_assert_int_eq(n - date_to_days((struct date){ 1899, 12, 1 }),
	    73476);
}
END_TEST

/* The whole supported range, in steps, stays valid and consistent. */
START_TEST(test_days_full_range)
{
	long		n, last = date_to_days((struct date){ 9999, 12, 31 });
	struct date	d;

	for (n = 0; n <= last; n += 97) {
		d = date_from_days(n);
		if (!date_valid(d.year, d.month, d.day) || date_to_days(d) != n)
			ck_abort_msg("day %ld: %04d-%02d-%02d", n, d.year, d.month, d.day);
	}
}
END_TEST

static const struct {
	struct date	from;
	long		n;
	struct date	to;
} add_cases[] = {
	{ { 2026, 1, 31 }, 1, { 2026, 2, 1 } },
	{ { 2024, 2, 28 }, 1, { 2024, 2, 29 } },
	{ { 2026, 2, 28 }, 1, { 2026, 3, 1 } },
	{ { 2025, 12, 31 }, 1, { 2026, 1, 1 } },
	{ { 2026, 1, 1 }, -1, { 2025, 12, 31 } },
	{ { 2024, 3, 1 }, -1, { 2024, 2, 29 } },
	{ { 2024, 1, 1 }, 365, { 2024, 12, 31 } },
	{ { 2024, 1, 1 }, 366, { 2025, 1, 1 } },
	{ { 2026, 7, 30 }, 0, { 2026, 7, 30 } },
	{ { 2026, 7, 30 }, -30, { 2026, 6, 30 } },
	{ { 2026, 8, 15 }, 90, { 2026, 11, 13 } },
	{ { 1999, 12, 31 }, 1, { 2000, 1, 1 } },
	{ { 2000, 1, 1 }, 10000, { 2027, 5, 19 } },
};

START_TEST(test_add_days)
{
	struct date	got;
	char		a[11], b[11];

	got = date_add_days(add_cases[_i].from, add_cases[_i].n);

	date_format_iso(got, a);
	date_format_iso(add_cases[_i].to, b);
	ck_assert_str_eq(a, b);
}
END_TEST

START_TEST(test_cmp)
{
	struct date	a = { 2026, 5, 10 };

	ck_assert_int_eq(date_cmp(a, a), 0);
	ck_assert_int_lt(date_cmp(a, (struct date){ 2026, 5, 11 }), 0);
	ck_assert_int_lt(date_cmp(a, (struct date){ 2026, 6, 1 }), 0);
	ck_assert_int_lt(date_cmp(a, (struct date){ 2027, 1, 1 }), 0);
	ck_assert_int_gt(date_cmp(a, (struct date){ 2026, 5, 9 }), 0);
	ck_assert_int_gt(date_cmp(a, (struct date){ 2026, 4, 30 }), 0);
	ck_assert_int_gt(date_cmp(a, (struct date){ 2025, 12, 31 }), 0);
}
END_TEST

static struct date
clock_today(void)
{
	time_t		now = time(NULL);
	struct tm	tm;

	localtime_r(&now, &tm);
	return (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
}

/* today() against the clock: either side of it, in case midnight passes. */
static void
assert_clock_today(void)
{
	struct date	before = clock_today(), got = date_today(),
			after = clock_today();

	ck_assert(date_valid(got.year, got.month, got.day));
	ck_assert_int_le(date_cmp(before, got), 0);
	ck_assert_int_le(date_cmp(got, after), 0);
}

START_TEST(test_today)
{
	struct date	fixed = { 2026, 5, 4 }, got;

	assert_clock_today();

	date_set_today(fixed);
	got = date_today();
	ck_assert_int_eq(date_cmp(got, fixed), 0);

	date_set_today((struct date){ 2024, 2, 29 });
	got = date_today();
	ck_assert_int_eq(got.year, 2024);
	ck_assert_int_eq(got.month, 2);
	ck_assert_int_eq(got.day, 29);

	/* An invalid date goes back to the clock. */
	date_set_today((struct date){ 0, 0, 0 });
	assert_clock_today();
}
END_TEST

static Suite *
date_suite(void)
{
	Suite	*s = suite_create("date");
	TCase	*tc = tcase_create("core");

	tcase_add_loop_test(tc, test_valid, 0, NELEM(valid_cases));
	tcase_add_test(tc, test_days_in_month);
	tcase_add_loop_test(tc, test_parse_iso, 0, NELEM(iso_cases));
	tcase_add_loop_test(tc, test_parse_vn, 0, NELEM(vn_cases));
	tcase_add_test(tc, test_format);
	tcase_add_loop_test(tc, test_to_days, 0, NELEM(days_cases));
	tcase_add_test(tc, test_days_round_trip);
	tcase_add_test(tc, test_days_full_range);
	tcase_add_loop_test(tc, test_add_days, 0, NELEM(add_cases));
	tcase_add_test(tc, test_cmp);
	tcase_add_test(tc, test_today);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(date_suite());
}
