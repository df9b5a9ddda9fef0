/* Phases of a multi-year plan and a target's values by phase. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/phase.h"
#include "core/plan.h"
#include "core/plan_file.h"
#include "core/target.h"
#include "core/validate.h"
#include "fixture.h"

static struct db *db;
static int64_t plan;

static void
setup(void)
{
	struct plan p = { 0 };
	struct field_error e;

	db = fixture_open("phase", true, true);
	p.title = "Kế hoạch CCHC giai đoạn 2026-2030";
	p.number = p.issuer = p.signer = "";
	p.year_from = 2026;
	p.year_to = 2030;
	p.phases = "2026-2027; 2028–2030";
	ck_assert_msg(plan_save(db, &p, &e) == 0, "%s", e.message);
	plan = p.id;
}

static void
teardown(void)
{
	fixture_close(db);
}

START_TEST(test_phases_round_trip)
{
	char *text = phase_text(db, plan);

	ck_assert_str_eq(text, "2026–2027; 2028–2030");
	free(text);
}
END_TEST

static const struct {
	const char *text;
	const char *message;	/* part of the error, NULL when accepted */
} bad_phases[] = {
	{ "2026-2027; 2027-2030", "overlaps" },
	{ "2025-2027", "outside" },
	{ "2026 to 2027", "2026-2027" },
	{ "2028-2027", "2026-2027" },
	{ "2026; 2027-2030", NULL },
	{ "", NULL },
};

START_TEST(test_bad_phases)
{
	struct plan p = { 0 };
	struct field_error e = { -1, "" };
	int rc;

	ck_assert_int_eq(plan_get(db, plan, &p), 1);
	p.phases = bad_phases[_i].text;
	rc = plan_save(db, &p, &e);
	if (bad_phases[_i].message == NULL) {
		ck_assert_msg(rc == 0, "%s", e.message);
	} else {
		char *kept = phase_text(db, plan);

		ck_assert_int_eq(rc, -1);
		ck_assert_int_eq(e.field, PF_PHASES);
		ck_assert_msg(strstr(e.message, bad_phases[_i].message) != NULL, "%s", e.message);
		/* Nothing was written. */
		ck_assert_str_eq(kept, "2026–2027; 2028–2030");
		free(kept);
	}
	plan_free(&p);
}
END_TEST

static struct target *
first_target(int year, struct target **all, int *n)
{
	ck_assert_int_eq(target_list(db, plan, 0, year, PERIOD_YEAR, all, n), 0);
	ck_assert_int_eq(*n, 1);
	return &(*all)[0];
}

START_TEST(test_values_by_phase)
{
	struct target t = { 0 }, *all;
	struct field_error e = { -1, "" };
	char *text;
	int n;

	t.plan_id = plan;
	t.section_id = 3;
	t.text = "Tỷ lệ hồ sơ giải quyết trực tuyến";
	t.numerator_label = t.denominator_label = "";
	t.rule.kind = TARGET_RATE;
	t.rule.cmp = CMP_GE;
	t.rule.value = 70;
	t.phase_values = "2026-2027: 80; 2028-2030: 90,5";
	ck_assert_msg(target_save(db, &t, &e) == 0, "%s", e.message);
	text = phase_values_text(db, t.id);
	ck_assert_str_eq(text, "2026–2027: 80; 2028–2030: 90.5");
	free(text);
	/* target_list resolves the value of the period's phase. */
	ck_assert_double_eq(first_target(2026, &all, &n)->rule.value, 80);
	targets_free(all, n);
	ck_assert_double_eq(first_target(2029, &all, &n)->rule.value, 90.5);
	targets_free(all, n);
	ck_assert_double_eq(first_target(2031, &all, &n)->rule.value, 70);
	targets_free(all, n);

	/* A phase the plan does not have is refused, naming the field. */
	t.phase_values = "2026-2028: 85";
	ck_assert_int_eq(target_save(db, &t, &e), -1);
	ck_assert_int_eq(e.field, TF_PHASE_VALUES);
	text = phase_values_text(db, t.id);
	ck_assert_str_eq(text, "2026–2027: 80; 2028–2030: 90.5");
	free(text);

	/* Dropping a phase drops its values; the other phase keeps its own. */
	{
		struct plan p = { 0 };

		ck_assert_int_eq(plan_get(db, plan, &p), 1);
		p.phases = "2026-2027";
		ck_assert_msg(plan_save(db, &p, &e) == 0, "%s", e.message);
		plan_free(&p);
	}
	text = phase_values_text(db, t.id);
	ck_assert_str_eq(text, "2026–2027: 80");
	free(text);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("phase");
	TCase *tc = tcase_create("phase");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_phases_round_trip);
	tcase_add_loop_test(tc, test_bad_phases, 0, sizeof bad_phases / sizeof bad_phases[0]);
	tcase_add_test(tc, test_values_by_phase);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
