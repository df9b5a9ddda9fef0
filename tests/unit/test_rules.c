/* Unit tests for the scoring rules (rules.c): every kind by hand-worked
 * examples, with the edges -- zero denominator ("không phát sinh"), values
 * exactly on a band's bound ("từ 80% đến dưới 100%" is [80,100)), deductions
 * down to a negative floor, bonus and penalty caps, rounding -- and the
 * parameter parser's refusals. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/par/rules.h"
#include "core/store/err.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* Two decimals, halves away from zero (the provinces' Excel ROUND). */
static const struct {
	double in, out;
} roundings[] = {
	{ 0.125, 0.13 },	/* a half: away from zero */
	{ -0.125, -0.13 },
	{ 1.005, 1.01 },	/* stored as 1.00499999...: still rounds as typed */
	{ 2.675, 2.68 },	/* same trap */
	{ 0.124999, 0.12 },
	{ 1.0 / 3, 0.33 },	/* 0.333... */
	{ 2.0 / 3, 0.67 },
	{ -0.004, 0 },		/* no -0 */
	{ 5, 5 },
};

START_TEST(test_round)
{
	ck_assert_double_eq_tol(rule_round(roundings[_i].in), roundings[_i].out, 1e-9);
	ck_assert(!signbit(rule_round(-0.004)));
}
END_TEST

/* Parameters parsed, inputs given, points expected, by hand. */
static const struct {
	const char *kind, *params;
	double max;
	bool has_a, has_b;
	double a, b;
	bool scored;
	double points;
} cases[] = {
	/* yes/no: max or 0; "no=" gives points for no. */
	{ "yesno", "", 1, true, false, 1, 0, true, 1 },
	{ "yesno", "", 1, true, false, 0, 0, true, 0 },
	{ "yesno", "no=0.5", 1.5, true, false, 0, 0, true, 0.5 },
	{ "yesno", "", 1, false, false, 0, 0, false, 0 },	/* not answered */
	/* ratio a/b x max: 3/4 x 2 = 1.5; 1/3 x 2 = 0.666.. -> 0.67. */
	{ "ratio", "", 2, true, true, 3, 4, true, 1.5 },
	{ "ratio", "", 2, true, true, 1, 3, true, 0.67 },
	{ "ratio", "", 2, true, true, 5, 4, true, 2 },		/* a > b: at most max */
	{ "ratio", "", 2, true, true, 0, 0, true, 2 },		/* không phát sinh: full */
	{ "ratio", "", 2, false, true, 0, 0, true, 2 },		/* b = 0 alone is enough */
	{ "ratio", "empty=zero", 2, true, true, 0, 0, true, 0 },
	{ "ratio", "", 2, true, false, 3, 0, false, 0 },	/* no denominator */
	/* empty=none: nothing arose gives no points until typed (issue 19). */
	{ "ratio", "empty=none", 2, true, true, 0, 0, false, 0 },
	{ "ratio", "empty=none", 2, true, true, 1, 2, true, 1 },
	/* goal=25 ("tối thiểu 25%"): 40% meets it, full; 20% is 0.8 of it;
	 * without it 40% was 0.8 of 2 (issue 19). */
	{ "ratio", "goal=25", 2, true, true, 4, 10, true, 2 },
	{ "ratio", "goal=25", 2, true, true, 1, 5, true, 1.6 },
	{ "ratio", "", 2, true, true, 4, 10, true, 0.8 },
	{ "ratio", "goal=25; empty=zero", 2, true, true, 0, 0, true, 0 },
	/* bands "[100,]=1; [80,100)=0.5; [,80)=0": 100% is 1; 80% exactly is
	 * "từ 80%" so 0.5; 99.99% is "dưới 100%" so 0.5; 79.99% is 0. */
	{ "bands", "[100,]=1; [80,100)=0.5; [,80)=0", 1, true, true, 50, 50, true, 1 },
	{ "bands", "[100,]=1; [80,100)=0.5; [,80)=0", 1, true, true, 40, 50, true, 0.5 },
	{ "bands", "[100,]=1; [80,100)=0.5; [,80)=0", 1, true, true, 9999, 10000, true, 0.5 },
	{ "bands", "[100,]=1; [80,100)=0.5; [,80)=0", 1, true, true, 7999, 10000, true, 0 },
	{ "bands", "[100,]=1; [80,100)=0.5; [,80)=0", 1, true, true, 0, 0, true, 1 },
	/* "trên 99%" is (99,]: 99 exactly falls to the next band. */
	{ "bands", "(99,]=6; [95,99]=4; [,95)=0", 6, true, false, 99, 0, true, 4 },
	{ "bands", "(99,]=6; [95,99]=4; [,95)=0", 6, true, false, 99.01, 0, true, 6 },
	{ "bands", "(99,]=6; [95,99]=4; [,95)=0", 6, true, false, 95, 0, true, 4 },
	/* a gap in the table: 50 is in no band. */
	{ "bands", "[80,]=1; [,50)=0", 1, true, false, 50, 0, false, 0 },
	{ "bands", "[100,]=1; [,100)=0", 1, true, true, 0, 0, true, 1 },
	{ "bands", "empty=zero; [100,]=1; [,100)=0", 1, true, true, 0, 0, true, 0 },
	{ "bands", "empty=none; [100,]=1; [,100)=0", 1, true, true, 0, 0, false, 0 },
	{ "bands", "empty=full; [100,]=1; [,100)=0", 1, true, true, 0, 0, true, 1 },
	/* count against required: 1 of 2 x 2 = 1; 3 of 2 is full; all=1. */
	{ "count", "required=2", 2, true, false, 1, 0, true, 1 },
	{ "count", "required=2", 2, true, false, 3, 0, true, 2 },
	{ "count", "required=3", 1, true, false, 1, 0, true, 0.33 },
	{ "count", "required=2; all=1", 2, true, false, 1, 0, true, 0 },
	{ "count", "required=0", 2, true, false, 0, 0, true, 2 },	/* nothing required */
	/* deduct: 1 - 2 x 0.25 = 0.5; 1 - 5 x 0.25 = -0.25 (floor -0.25);
	 * 1 - 9 x 0.25 stops at the floor; no floor: stops at 0. */
	{ "deduct", "per=0.25; floor=-0.25", 1, true, false, 2, 0, true, 0.5 },
	{ "deduct", "per=0.25; floor=-0.25", 1, true, false, 5, 0, true, -0.25 },
	{ "deduct", "per=0.25; floor=-0.25", 1, true, false, 9, 0, true, -0.25 },
	{ "deduct", "per=0.25", 1, true, false, 9, 0, true, 0 },
	{ "deduct", "per=0.25", 1, true, false, 0, 0, true, 1 },
	/* bonus: 3 x 0.5 = 1.5, cap 1; penalty: -(1 x 0.5), cap 1. */
	{ "bonus", "per=0.5; cap=1", 0, true, false, 1, 0, true, 0.5 },
	{ "bonus", "per=0.5; cap=1", 0, true, false, 3, 0, true, 1 },
	{ "penalty", "per=0.5; cap=1", 0, true, false, 1, 0, true, -0.5 },
	{ "penalty", "per=0.5; cap=1", 0, true, false, 4, 0, true, -1 },
	/* manual and survey: typed, within floor..max; rounded. */
	{ "manual", "", 2, true, false, 1.255, 0, true, 1.26 },
	{ "manual", "", 2, true, false, 3, 0, true, 2 },
	{ "manual", "floor=-0.5", 2, true, false, -1, 0, true, -0.5 },
	{ "", "", 2, true, false, 1.5, 0, true, 1.5 },		/* no kind: manual */
	{ "survey", "", 20, true, false, 17.456, 0, true, 17.46 },
	{ "survey", "", 20, true, false, -3, 0, true, 0 },
	/* decimal comma in a parameter */
	{ "deduct", "per=0,25", 1, true, false, 1, 0, true, 0.75 },
};

START_TEST(test_score)
{
	struct rule r;
	struct rule_input in = { cases[_i].has_a, cases[_i].has_b, cases[_i].a, cases[_i].b };
	struct err e;
	double points;

	ck_assert_msg(rule_parse(cases[_i].kind, cases[_i].params, cases[_i].max, &r, &e) == 0,
	    "%s %s: %s", cases[_i].kind, cases[_i].params, e.msg);
	ck_assert_int_eq(rule_score(&r, cases[_i].max, &in, &points), cases[_i].scored);
	ck_assert_msg(fabs(points - cases[_i].points) < 1e-9, "case %d (%s %s): %g, not %g",
	    _i, cases[_i].kind, cases[_i].params, points, cases[_i].points);
}
END_TEST

/* The one-rule functions directly. */
START_TEST(test_functions)
{
	struct rule_band bands[] = {
		{ true, false, true, false, 100, 0, 1 },		/* [100,] */
		{ true, true, true, false, 80, 100, 0.5 },		/* [80,100) */
	};
	double p;

	ck_assert_double_eq_tol(rule_yesno(1.5, true, 0), 1.5, 1e-9);
	ck_assert_double_eq_tol(rule_ratio(3, 2, 3, false), 2, 1e-9);
	ck_assert_double_eq_tol(rule_ratio(3, 0, 0, false), 3, 1e-9);
	ck_assert_double_eq_tol(rule_ratio(3, 0, 0, true), 0, 1e-9);
	ck_assert(rule_bands(bands, 2, 80, &p) && p == 0.5);
	ck_assert(rule_bands(bands, 2, 100, &p) && p == 1);
	ck_assert(!rule_bands(bands, 2, 79.999, &p) && p == 0);
	ck_assert_double_eq_tol(rule_count(2, 1, 4, false), 0.5, 1e-9);
	ck_assert_double_eq_tol(rule_deduct(1, 3, 0.5, -0.25), -0.25, 1e-9);
	ck_assert_double_eq_tol(rule_bonus(5, 0.25, 1), 1, 1e-9);
	ck_assert_double_eq_tol(rule_penalty(1, 0.25, 1), -0.25, 1e-9);
	ck_assert_double_eq_tol(rule_manual(2, 0, 2.5), 2, 1e-9);
}
END_TEST

/* Refusals name the parameter. */
static const struct {
	const char *kind, *params, *mentions;
} refused[] = {
	{ "maybe", "", "maybe" },
	{ "count", "", "required" },
	{ "deduct", "floor=-1", "per" },
	{ "bonus", "per=1", "cap" },
	{ "bands", "", "band" },
	{ "bands", "[80,100=1", "[80,100" },
	{ "bands", "[100,80)=1", "[100,80)" },
	{ "bands", "[80,100)=5", "[80,100)" },		/* above the max of 1 */
	{ "bands", "[a,100)=1", "[a,100)" },
	{ "ratio", "per=1", "per" },			/* not a ratio's parameter */
	{ "deduct", "per=0.25; floor=0.5", "floor" },	/* a floor is not above 0 */
	{ "count", "required", "required" },		/* no '=' */
	{ "count", "required=two", "required" },
	{ "ratio", "empty=some", "empty" },
	{ "count", "required=1; empty=zero", "empty" },	/* only ratio and bands */
	{ "ratio", "goal=120", "goal" },
	{ "bands", "goal=25; [,]=1", "goal" },
};

START_TEST(test_refused)
{
	struct rule r;
	struct err e;

	ck_assert_int_eq(rule_parse(refused[_i].kind, refused[_i].params, 1, &r, &e), -1);
	ck_assert_msg(strstr(e.msg, refused[_i].mentions) != NULL, "\"%s\" lacks \"%s\"", e.msg,
	    refused[_i].mentions);
}
END_TEST

START_TEST(test_names)
{
	enum rule_kind k;

	for (int i = 0; i < RULE_KINDS; i++) {
		ck_assert(rule_kind_parse(rule_kind_name((enum rule_kind)i), &k));
		ck_assert_int_eq(k, i);
	}
	ck_assert_ptr_null(rule_kind_name(RULE_KINDS));
	ck_assert(!rule_kind_parse("Ratio", &k));
}
END_TEST

static Suite *
rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("rules");

	tcase_add_loop_test(tc, test_round, 0, NELEM(roundings));
	tcase_add_loop_test(tc, test_score, 0, NELEM(cases));
	tcase_add_test(tc, test_functions);
	tcase_add_loop_test(tc, test_refused, 0, NELEM(refused));
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(rules_suite());
}
