/* Unit tests for src/core/text/number.c: numbers typed the Vietnamese way or
 * the spreadsheet way, and their shortest display. */
#include <check.h>
#include <limits.h>
#include <stdlib.h>

#include "core/text/number.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static const struct {
	const char	*in;
	bool		 ok;
	double		 want;		/* ignored when !ok */
} parse_cases[] = {
	{ "0", true, 0 },
	{ "42", true, 42 },
	{ "  42  ", true, 42 },
	{ "\t7\t", true, 7 },
	{ "-3", true, -3 },
	{ "99,5", true, 99.5 },
	{ "99.5", true, 99.5 },
	{ "-0,25", true, -0.25 },
	{ ",5", true, 0.5 },
	{ "1.234", true, 1234 },		/* thousands, not 1.234 */
	{ "12.345", true, 12345 },
	{ "123.456", true, 123456 },
	{ "1.234.567", true, 1234567 },
	{ "1.234,5", true, 1234.5 },
	{ "1.234.567,25", true, 1234567.25 },
	{ "1234,5", true, 1234.5 },
	{ "1234.567", true, 1234.567 },		/* four digits first: a decimal */
	{ "0.125", true, 0.125 },		/* a leading 0 is no group */
	{ "12.5", true, 12.5 },
	{ "1.23", true, 1.23 },
	{ "1.2345", true, 1.2345 },
	{ "007", true, 7 },
	{ "", false, 0 },
	{ "   ", false, 0 },
	{ "-", false, 0 },
	{ "abc", false, 0 },
	{ "1,2,3", false, 0 },
	{ "12abc", false, 0 },
	{ "1..2", false, 0 },
	{ "1.2.3", false, 0 },
	{ "1.234.56", false, 0 },
	{ "12.34,5", false, 0 },		/* a group of two */
	{ "1,234.5", false, 0 },		/* English grouping */
	{ "5.", false, 0 },
	{ "5,", false, 0 },
	{ ".", false, 0 },
	{ "--3", false, 0 },
	{ "+3", false, 0 },
	{ "1 234", false, 0 },
	{ "1e5", false, 0 },
	{ "0x10", false, 0 },
	{ "inf", false, 0 },
	{ "-inf", false, 0 },
	{ "nan", false, 0 },
	{ "infinity", false, 0 },
	/* 64 characters are a figure; 65 are not one anybody typed. */
	{ "1000000000000000000000000000000000000000000000000000000000000000", true, 1e63 },
	{ "10000000000000000000000000000000000000000000000000000000000000000", false, 0 },
};

START_TEST(test_parse)
{
	double got = -99;
	bool ok = number_parse(parse_cases[_i].in, &got);

	ck_assert_msg(ok == parse_cases[_i].ok, "\"%s\": parse %s, want %s",
	    parse_cases[_i].in, ok ? "true" : "false", parse_cases[_i].ok ? "true" : "false");
	if (ok)
		ck_assert_double_eq_tol(got, parse_cases[_i].want, 1e-12);
	else
		ck_assert_double_eq(got, -99);	/* untouched */
}
END_TEST

static const struct {
	double		 v;
	const char	*want;
} format_cases[] = {
	{ 0, "0" },
	{ 100, "100" },
	{ 99.5, "99.5" },
	{ -0.25, "-0.25" },
	{ 1234567, "1234567" },
	{ 0.1234567, "0.123457" },
	{ -0.0000001, "0" },
	{ 1990, "1990" },
};

START_TEST(test_format)
{
	char buf[32];

	number_format(format_cases[_i].v, buf, sizeof buf);
	ck_assert_str_eq(buf, format_cases[_i].want);
}
END_TEST

/* Rates and indexes: two decimals at most, then '%'; a change signed. */
START_TEST(test_percent)
{
	char buf[32];

	number_format_percent(80, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "80%");
	number_format_percent(78.6, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "78.6%");
	number_format_percent(73.3333, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "73.33%");
	number_format_percent(2.5, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "+2.5%");
	number_format_percent(-40, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "-40%");
	number_format_percent(0, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "0%");
}
END_TEST

/* A figure there may not be: two decimals at most, or nothing. */
START_TEST(test_format_opt)
{
	char buf[32] = "left over";

	number_format_opt(false, 12.5, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	number_format_opt(true, 33.3333, buf, sizeof buf);
	ck_assert_str_eq(buf, "33.33");
}
END_TEST

/* What the forms show parses back to the same figure. */
START_TEST(test_round_trip)
{
	char buf[32];
	double got;

	number_format(format_cases[_i].v, buf, sizeof buf);
	ck_assert(number_parse(buf, &got));
	ck_assert_double_eq_tol(got, format_cases[_i].v, 1e-6);
}
END_TEST

/* Whole numbers of the command line: an overflow is refused, not
 * clamped to another number. */
static const struct {
	const char *in;
	bool ok;
	long long v;
} whole_cases[] = {
	{ "1", true, 1 }, { "42", true, 42 }, { "9223372036854775807", true, 9223372036854775807LL },
	{ "9223372036854775808", false, 0 }, { "99999999999999999999", false, 0 },
	{ "0", false, 0 }, { "-1", false, 0 }, { "", false, 0 }, { " 1", false, 0 },
	{ "+1", false, 0 }, { "1x", false, 0 }, { "0x10", false, 0 },
};

START_TEST(test_whole)
{
	long long got = -7;
	bool ok = number_parse_whole(whole_cases[_i].in, 1, LLONG_MAX, &got);

	ck_assert_msg(ok == whole_cases[_i].ok, "\"%s\"", whole_cases[_i].in);
	ck_assert_int_eq(got, ok ? whole_cases[_i].v : -7);
}
END_TEST

/* A rate typed as a percentage; a yes/no as offices write it. */
static const struct {
	const char *in;
	bool ok;
	double v;
} percent_cases[] = {
	{ "90%", true, 90 }, { " 99,5 % ", true, 99.5 }, { "100%", true, 100 },
	{ "90", false, 0 }, { "%", false, 0 }, { "9x%", false, 0 },
};

START_TEST(test_parse_percent)
{
	double got = -7;
	bool ok = number_parse_percent(percent_cases[_i].in, &got);

	ck_assert_msg(ok == percent_cases[_i].ok, "\"%s\"", percent_cases[_i].in);
	ck_assert_double_eq_tol(got, ok ? percent_cases[_i].v : -7, 1e-9);
}
END_TEST

static const struct {
	const char *in;
	int want;		/* 1 yes, 0 no, -1 refused */
} yesno_cases[] = {
	{ "có", 1 }, { "Có", 1 }, { "CÓ", 1 }, { "co", 1 }, { "x", 1 }, { "X", 1 }, { " có ", 1 },
	{ "1", 1 }, { "yes", 1 }, { "không", 0 }, { "Không", 0 }, { "khong", 0 }, { "0", 0 },
	{ "no", 0 }, { "", -1 }, { "2", -1 }, { "cóc", -1 }, { "k", -1 },
};

START_TEST(test_yesno)
{
	bool yes = false;
	bool ok = number_parse_yesno(yesno_cases[_i].in, &yes);

	ck_assert_msg(ok == (yesno_cases[_i].want >= 0), "\"%s\"", yesno_cases[_i].in);
	if (ok)
		ck_assert_int_eq(yes, yesno_cases[_i].want);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("number");
	TCase *tc = tcase_create("number");

	tcase_add_loop_test(tc, test_parse, 0, NELEM(parse_cases));
	tcase_add_loop_test(tc, test_format, 0, NELEM(format_cases));
	tcase_add_test(tc, test_percent);
	tcase_add_test(tc, test_format_opt);
	tcase_add_loop_test(tc, test_round_trip, 0, NELEM(format_cases));
	tcase_add_loop_test(tc, test_whole, 0, NELEM(whole_cases));
	tcase_add_loop_test(tc, test_parse_percent, 0, NELEM(percent_cases));
	tcase_add_loop_test(tc, test_yesno, 0, NELEM(yesno_cases));
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
