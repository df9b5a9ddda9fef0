/* Unit tests for src/core/plan/evaluate.c.  One table row per (target, measure):
 * the verdict and, when there is one, the achieved figure. */
#include <check.h>
#include <stdlib.h>

#include "core/plan/evaluate.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* Measures as the office enters them. */
#define NOTHING		{ false, false, false, 0, 0, 0 }
#define FRAC(n, d)	{ true, true, false, (n), (d), 0 }
#define VAL(v)		{ false, false, true, 0, 0, (v) }
#define NUM(n)		{ true, false, false, (n), 0, 0 }
#define FRAC_VAL(n, d, v) { true, true, true, (n), (d), (v) }
#define NUM_VAL(n, v)	{ true, false, true, (n), 0, (v) }

/* Rules; B() is a reduction measured from a baseline. */
#define RULE(k, c, v)	{ TARGET_ ## k, CMP_ ## c, (v), false, 0 }
#define B(c, v, base)	{ TARGET_REDUCTION, CMP_ ## c, (v), true, (base) }

#define MET	VERDICT_MET
#define NOT	VERDICT_NOT_MET
#define UNK	VERDICT_UNKNOWN

/* A figure that no row expects, to see evaluate_achieved leave *achieved
 * alone when it has nothing to give. */
#define SENTINEL (-12345.0)

static const struct {
	struct target_rule	rule;
	struct measure		m;
	enum verdict		want;
	double			achieved;	/* ignored when want is UNK */
} cases[] = {
	/* Rate, "trên 99%": 99/100 is exactly 99, not above it. */
	{ RULE(RATE, GT, 99), FRAC(99, 100), NOT, 99 },
	{ RULE(RATE, GT, 99), FRAC(991, 1000), MET, 99.1 },
	{ RULE(RATE, GT, 99), FRAC(100, 100), MET, 100 },
	{ RULE(RATE, GT, 99), VAL(99), NOT, 99 },
	{ RULE(RATE, GT, 99), VAL(99.5), MET, 99.5 },
	{ RULE(RATE, GT, 99), FRAC(5, 0), UNK, 0 },
	{ RULE(RATE, GT, 99), FRAC(0, 0), UNK, 0 },
	{ RULE(RATE, GT, 99), NOTHING, UNK, 0 },
	{ RULE(RATE, GT, 99), NUM(99), UNK, 0 },
	/* The counted pair wins over a typed value. */
	{ RULE(RATE, GT, 99), FRAC_VAL(50, 100, 100), NOT, 50 },
	/* A denominator of zero gives no figure even with a value beside it. */
	{ RULE(RATE, GT, 99), FRAC_VAL(5, 0, 100), UNK, 0 },
	/* Out of range, still evaluated: validation is the forms' job. */
	{ RULE(RATE, GT, 99), FRAC(120, 100), MET, 120 },
	/* 7/100*100 is 7.000000000000001 in binary: still not above 7. */
	{ RULE(RATE, GT, 7), FRAC(7, 100), NOT, 7 },
	/* Rate, "tối thiểu 98%". */
	{ RULE(RATE, GE, 98), FRAC(98, 100), MET, 98 },
	{ RULE(RATE, GE, 98), FRAC(49, 50), MET, 98 },
	{ RULE(RATE, GE, 98), FRAC(97, 100), NOT, 97 },
	{ RULE(RATE, GE, 98), VAL(98), MET, 98 },
	{ RULE(RATE, GE, 80), FRAC(4, 5), MET, 80 },
	/* 29/100*100 is 28.999999999999996. */
	{ RULE(RATE, GE, 29), FRAC(29, 100), MET, 29 },
	{ RULE(RATE, GE, 57), FRAC(57, 100), MET, 57 },
	{ RULE(RATE, GE, 98), NOTHING, UNK, 0 },
	{ RULE(RATE, LT, 5), FRAC(1, 20), NOT, 5 },
	{ RULE(RATE, LT, 5), FRAC(1, 25), MET, 4 },
	{ RULE(RATE, LT, 29), FRAC(29, 100), NOT, 29 },
	{ RULE(RATE, LE, 5), FRAC(1, 20), MET, 5 },
	{ RULE(RATE, LE, 5), FRAC(3, 50), NOT, 6 },
	{ RULE(RATE, LE, 7), FRAC(7, 100), MET, 7 },
	{ RULE(RATE, EQ, 100), FRAC(7, 7), MET, 100 },
	{ RULE(RATE, EQ, 100), FRAC(6, 7), NOT, 600.0 / 7 },
	{ RULE(RATE, EQ, 0), FRAC(0, 7), MET, 0 },

	/* Count, "02 sáng kiến" and "04 cuộc trở lên". */
	{ RULE(COUNT, GE, 2), VAL(2), MET, 2 },
	{ RULE(COUNT, GE, 2), VAL(1), NOT, 1 },
	{ RULE(COUNT, GE, 2), VAL(3), MET, 3 },
	{ RULE(COUNT, GE, 2), NUM(2), MET, 2 },
	{ RULE(COUNT, GE, 2), NUM_VAL(5, 1), NOT, 1 },
	{ RULE(COUNT, GE, 2), NOTHING, UNK, 0 },
	{ RULE(COUNT, GE, 4), VAL(0), NOT, 0 },
	{ RULE(COUNT, GT, 4), VAL(4), NOT, 4 },
	{ RULE(COUNT, GT, 4), VAL(5), MET, 5 },
	{ RULE(COUNT, LT, 3), VAL(2), MET, 2 },
	{ RULE(COUNT, LT, 3), VAL(3), NOT, 3 },
	{ RULE(COUNT, LE, 1), VAL(1), MET, 1 },
	{ RULE(COUNT, LE, 1), VAL(2), NOT, 2 },
	{ RULE(COUNT, EQ, 1), VAL(1), MET, 1 },
	{ RULE(COUNT, EQ, 1), VAL(0), NOT, 0 },

	/* Reduction, "cắt giảm tối thiểu 30%" from 20 days. */
	{ B(GE, 30, 20), VAL(14), MET, 30 },
	{ B(GE, 30, 20), VAL(15), NOT, 25 },
	{ B(GE, 30, 20), VAL(10), MET, 50 },
	{ B(GE, 30, 20), VAL(25), NOT, -25 },
	{ B(GE, 30, 20), NOTHING, UNK, 0 },
	{ B(GE, 30, 20), NUM(14), UNK, 0 },
	{ B(GE, 30, 0), VAL(14), UNK, 0 },
	{ B(GT, 30, 20), VAL(14), NOT, 30 },
	{ B(GT, 30, 20), VAL(13), MET, 35 },
	{ B(LT, 10, 100), VAL(95), MET, 5 },
	{ B(LT, 10, 100), VAL(90), NOT, 10 },
	{ B(LE, 10, 50), VAL(45), MET, 10 },
	{ B(LE, 10, 50), VAL(40), NOT, 20 },
	{ B(EQ, 0, 10), VAL(10), MET, 0 },
	{ B(EQ, 0, 10), VAL(9), NOT, 10 },
	/* No baseline: the office entered the reduction in percent. */
	{ RULE(REDUCTION, GE, 30), VAL(30), MET, 30 },
	{ RULE(REDUCTION, GE, 30), VAL(29.9), NOT, 29.9 },
	{ RULE(REDUCTION, GE, 30), NOTHING, UNK, 0 },

	/* Rank, "xếp hạng thứ 35 trở lên". */
	{ RULE(RANK, LE, 35), VAL(35), MET, 35 },
	{ RULE(RANK, LE, 35), VAL(36), NOT, 36 },
	{ RULE(RANK, LE, 35), VAL(1), MET, 1 },
	{ RULE(RANK, LE, 35), NOTHING, UNK, 0 },
	{ RULE(RANK, LE, 35), NUM(1), UNK, 0 },
	{ RULE(RANK, LT, 10), VAL(10), NOT, 10 },
	{ RULE(RANK, LT, 10), VAL(9), MET, 9 },
	{ RULE(RANK, GE, 5), VAL(5), MET, 5 },
	{ RULE(RANK, GE, 5), VAL(4), NOT, 4 },
	{ RULE(RANK, GT, 5), VAL(5), NOT, 5 },
	{ RULE(RANK, GT, 5), VAL(6), MET, 6 },
	{ RULE(RANK, EQ, 1), VAL(1), MET, 1 },
	{ RULE(RANK, EQ, 1), VAL(2), NOT, 2 },

	/* Yes/no, "ban hành Quy chế": any nonzero value is yes. */
	{ RULE(YESNO, EQ, 1), VAL(1), MET, 1 },
	{ RULE(YESNO, EQ, 1), VAL(0), NOT, 0 },
	{ RULE(YESNO, EQ, 1), VAL(2), MET, 1 },
	{ RULE(YESNO, EQ, 1), VAL(-1), MET, 1 },
	{ RULE(YESNO, EQ, 1), NOTHING, UNK, 0 },
	{ RULE(YESNO, EQ, 1), NUM(1), UNK, 0 },
	{ RULE(YESNO, EQ, 0), VAL(0), MET, 0 },
	{ RULE(YESNO, EQ, 0), VAL(1), NOT, 1 },
	{ RULE(YESNO, GE, 1), VAL(1), MET, 1 },
	{ RULE(YESNO, GE, 1), VAL(0), NOT, 0 },
	{ RULE(YESNO, GT, 0), VAL(1), MET, 1 },
	{ RULE(YESNO, GT, 0), VAL(0), NOT, 0 },
	{ RULE(YESNO, LT, 1), VAL(0), MET, 0 },
	{ RULE(YESNO, LT, 1), VAL(1), NOT, 1 },
	{ RULE(YESNO, LE, 0), VAL(0), MET, 0 },
	{ RULE(YESNO, LE, 0), VAL(1), NOT, 1 },

	/* Overflow decides nothing. */
	{ RULE(RATE, GE, 98), FRAC(1e308, 1e-308), UNK, 0 },
};

START_TEST(test_verdict)
{
	ck_assert_int_eq(evaluate_target(&cases[_i].rule, &cases[_i].m),
	    cases[_i].want);
}
END_TEST

START_TEST(test_achieved)
{
	double	got = SENTINEL;
	bool	ok = evaluate_achieved(&cases[_i].rule, &cases[_i].m, &got);

	if (cases[_i].want == UNK) {
		ck_assert(!ok);
		ck_assert_double_eq(got, SENTINEL);
	} else {
		ck_assert(ok);
		ck_assert_double_eq_tol(got, cases[_i].achieved, 1e-9);
	}
}
END_TEST

static const struct {
	enum target_kind	 kind;
	const char		*name;
} kind_names[] = {
	{ TARGET_RATE, "rate" },
	{ TARGET_COUNT, "count" },
	{ TARGET_REDUCTION, "reduction" },
	{ TARGET_RANK, "rank" },
	{ TARGET_YESNO, "yesno" },
};

static const struct {
	enum comparator	 cmp;
	const char	*symbol;
} cmp_symbols[] = {
	{ CMP_GT, ">" },
	{ CMP_GE, ">=" },
	{ CMP_LT, "<" },
	{ CMP_LE, "<=" },
	{ CMP_EQ, "=" },
};

static const char *const bad_names[] = {
	"", "Rate", "RATE", "rate ", " rate", "yes/no", "yes", "percent",
	">", "=>", "==", "≥", ">= ", "!=", "rates", "ran",
};

static const char *const bad_symbols[] = {
	"", "=>", "=<", "==", "≥", "≤", " >", "> ", ">>", "!=", "<>", "gt",
	"rate",
};

/* Interim verdicts: (rule, measure, final) -> verdict. */
#define PROG	VERDICT_IN_PROGRESS
static const struct {
	struct target_rule	rule;
	struct measure		m;
	bool			final;
	enum verdict		want;
} interim[] = {
	/* A count reached early is met; short of it, on its way. */
	{ RULE(COUNT, GE, 10), VAL(6), false, PROG },
	{ RULE(COUNT, GE, 10), VAL(10), false, MET },
	{ RULE(COUNT, GT, 10), VAL(10), false, PROG },
	{ RULE(COUNT, GE, 10), VAL(6), true, NOT },
	{ RULE(COUNT, GE, 10), NOTHING, false, UNK },
	/* "< 3 complaints" can still be exceeded before the end. */
	{ RULE(COUNT, LT, 3), VAL(1), false, PROG },
	{ RULE(COUNT, LT, 3), VAL(1), true, MET },
	{ RULE(COUNT, EQ, 2), VAL(2), false, PROG },
	/* Yes/no: done is done. */
	{ RULE(YESNO, EQ, 1), VAL(1), false, PROG },
	{ RULE(YESNO, GE, 1), VAL(1), false, MET },
	{ RULE(YESNO, GE, 1), VAL(0), false, PROG },
	{ RULE(YESNO, GE, 1), VAL(0), true, NOT },
	/* A reduction reached is kept. */
	{ RULE(REDUCTION, GE, 30), VAL(35), false, MET },
	{ RULE(REDUCTION, GE, 30), VAL(20), false, PROG },
	{ B(GE, 30, 100), VAL(80), false, PROG },
	{ B(GE, 30, 100), VAL(80), true, NOT },
	/* A rank is given anew: never settled before the end. */
	{ RULE(RANK, LE, 35), VAL(30), false, PROG },
	{ RULE(RANK, LE, 35), VAL(40), false, PROG },
	{ RULE(RANK, LE, 35), VAL(30), true, MET },
	{ RULE(RANK, LE, 35), VAL(40), true, NOT },
	/* final is what a rate always is. */
	{ RULE(RATE, GE, 99), VAL(98), true, NOT },
	{ RULE(RATE, GE, 99), VAL(99.5), true, MET },
};

START_TEST(test_interim)
{
	ck_assert_int_eq(evaluate_interim(&interim[_i].rule, &interim[_i].m, interim[_i].final),
	    interim[_i].want);
}
END_TEST

START_TEST(test_horizon)
{
	enum target_horizon h;

	ck_assert_int_eq(target_kind_horizon(TARGET_RATE), HORIZON_PERIOD);
	ck_assert_int_eq(target_kind_horizon(TARGET_COUNT), HORIZON_YEAR);
	ck_assert_int_eq(target_kind_horizon(TARGET_REDUCTION), HORIZON_YEAR);
	ck_assert_int_eq(target_kind_horizon(TARGET_RANK), HORIZON_YEAR);
	ck_assert_int_eq(target_kind_horizon(TARGET_YESNO), HORIZON_YEAR);
	for (int i = HORIZON_PERIOD; i <= HORIZON_PHASE; i++) {
		ck_assert(target_horizon_parse(target_horizon_name((enum target_horizon)i), &h));
		ck_assert_int_eq(h, i);
	}
	ck_assert(!target_horizon_parse("week", &h));
	ck_assert(!target_horizon_parse(NULL, &h));
	ck_assert_ptr_null(target_horizon_name((enum target_horizon)3));
}
END_TEST

START_TEST(test_kind_round_trip)
{
	enum target_kind	k = TARGET_YESNO + 1;

	ck_assert_str_eq(target_kind_name(kind_names[_i].kind),
	    kind_names[_i].name);
	ck_assert(target_kind_parse(kind_names[_i].name, &k));
	ck_assert_int_eq(k, kind_names[_i].kind);
}
END_TEST

START_TEST(test_cmp_round_trip)
{
	enum comparator	c = CMP_EQ + 1;

	ck_assert_str_eq(comparator_symbol(cmp_symbols[_i].cmp),
	    cmp_symbols[_i].symbol);
	ck_assert(comparator_parse(cmp_symbols[_i].symbol, &c));
	ck_assert_int_eq(c, cmp_symbols[_i].cmp);
}
END_TEST

/* A refused name leaves *out alone. */
START_TEST(test_kind_bad)
{
	enum target_kind	k = TARGET_RANK;

	ck_assert(!target_kind_parse(bad_names[_i], &k));
	ck_assert_int_eq(k, TARGET_RANK);
}
END_TEST

START_TEST(test_cmp_bad)
{
	enum comparator	c = CMP_LE;

	ck_assert(!comparator_parse(bad_symbols[_i], &c));
	ck_assert_int_eq(c, CMP_LE);
}
END_TEST

/* A NULL column from the database, and enum values beyond the last. */
START_TEST(test_null_and_range)
{
	enum target_kind	k = TARGET_RANK;
	enum comparator		c = CMP_LE;

	ck_assert(!target_kind_parse(NULL, &k));
	ck_assert_int_eq(k, TARGET_RANK);
	ck_assert(!comparator_parse(NULL, &c));
	ck_assert_int_eq(c, CMP_LE);
	ck_assert_ptr_null(target_kind_name(TARGET_YESNO + 1));
	ck_assert_ptr_null(comparator_symbol(CMP_EQ + 1));
}
END_TEST

static Suite *
evaluate_suite(void)
{
	Suite	*s = suite_create("evaluate");
	TCase	*tc;

	tc = tcase_create("evaluate");
	tcase_add_loop_test(tc, test_verdict, 0, NELEM(cases));
	tcase_add_loop_test(tc, test_achieved, 0, NELEM(cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("names");
	tcase_add_loop_test(tc, test_kind_round_trip, 0, NELEM(kind_names));
	tcase_add_loop_test(tc, test_cmp_round_trip, 0, NELEM(cmp_symbols));
	tcase_add_loop_test(tc, test_kind_bad, 0, NELEM(bad_names));
	tcase_add_loop_test(tc, test_cmp_bad, 0, NELEM(bad_symbols));
	tcase_add_test(tc, test_null_and_range);
	tcase_add_loop_test(tc, test_interim, 0, NELEM(interim));
	tcase_add_test(tc, test_horizon);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(evaluate_suite());
}
