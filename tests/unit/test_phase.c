/* Phases of a multi-year plan and a target's values by phase. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/plan/phase.h"
#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/result.h"
#include "core/plan/target.h"
#include "core/plan/validate.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "fixture.h"

static struct db *db;
static int64_t plan;

static void
setup(void)
{
	struct plan_input p = { 0 };
	struct err e;

	db = fixture_open("phase", true, true);
	p.title = "Kế hoạch CCHC giai đoạn 2026-2030";
	p.number = p.issuer = p.signer = "";
	p.year_from = 2026;
	p.year_to = 2030;
	p.phases = "2026-2027; 2028–2030";
	ck_assert_msg(plan_save(db, &p, &p.id, &e) == 0, "%s", e.msg);
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
	struct plan_input in;
	struct err e = { -1, "" };
	int rc;

	ck_assert_int_eq(plan_get(db, plan, &p), 1);
	in = plan_input_of(&p);
	in.phases = bad_phases[_i].text;
	rc = plan_save(db, &in, NULL, &e);
	if (bad_phases[_i].message == NULL) {
		ck_assert_msg(rc == 0, "%s", e.msg);
	} else {
		char *kept = phase_text(db, plan);

		ck_assert_int_eq(rc, -1);
		ck_assert_int_eq(e.field, PF_PHASES);
		ck_assert_msg(strstr(e.msg, bad_phases[_i].message) != NULL, "%s", e.msg);
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
	struct target_input t = { 0 };
	struct target *all;
	struct err e = { -1, "" };
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
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
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
	ck_assert_int_eq(target_save(db, &t, &t.id, &e), -1);
	ck_assert_int_eq(e.field, TF_PHASE_VALUES);
	text = phase_values_text(db, t.id);
	ck_assert_str_eq(text, "2026–2027: 80; 2028–2030: 90.5");
	free(text);

	/* Dropping a phase drops its values; the other phase keeps its own. */
	{
		struct plan p = { 0 };
		struct plan_input in;

		ck_assert_int_eq(plan_get(db, plan, &p), 1);
		in = plan_input_of(&p);
		in.phases = "2026-2027";
		ck_assert_msg(plan_save(db, &in, NULL, &e) == 0, "%s", e.msg);
		plan_free(&p);
	}
	text = phase_values_text(db, t.id);
	ck_assert_str_eq(text, "2026–2027: 80");
	free(text);
}
END_TEST

/* Verdicts by period in the 2026-2030 plan with phases 2026-2027 and
 * 2028-2030: a target of each kind, one result at a time. */
enum { T_COUNT, T_RATE, T_REDUCTION, T_RANK, T_RANK_EACH, T_YESNO, T_COUNT_PHASE, T_TARGETS };

static const struct {
	int target, year;
	enum period_kind period;
	double value;
	enum verdict want;
} verdicts[] = {
	/* >= 10, with "6 tháng: 5": judged at six months and the year. */
	{ T_COUNT, 2026, PERIOD_Q1, 3, VERDICT_IN_PROGRESS },
	{ T_COUNT, 2026, PERIOD_H1, 4, VERDICT_NOT_MET },
	{ T_COUNT, 2026, PERIOD_H1, 6, VERDICT_MET },
	{ T_COUNT, 2026, PERIOD_M9, 8, VERDICT_IN_PROGRESS },
	{ T_COUNT, 2026, PERIOD_M9, 10, VERDICT_MET },
	{ T_COUNT, 2026, PERIOD_YEAR, 8, VERDICT_NOT_MET },
	/* >= 99%: every period. */
	{ T_RATE, 2026, PERIOD_Q1, 98, VERDICT_NOT_MET },
	{ T_RATE, 2026, PERIOD_Q1, 99.5, VERDICT_MET },
	/* >= 30%, judged at the end of the phase 2026-2027. */
	{ T_REDUCTION, 2026, PERIOD_YEAR, 20, VERDICT_IN_PROGRESS },
	{ T_REDUCTION, 2027, PERIOD_H1, 20, VERDICT_IN_PROGRESS },
	{ T_REDUCTION, 2027, PERIOD_YEAR, 20, VERDICT_NOT_MET },
	{ T_REDUCTION, 2026, PERIOD_H1, 35, VERDICT_MET },
	/* rank <= 35 at the year's end, or every period when it says so. */
	{ T_RANK, 2026, PERIOD_H1, 30, VERDICT_IN_PROGRESS },
	{ T_RANK, 2026, PERIOD_YEAR, 30, VERDICT_MET },
	{ T_RANK, 2026, PERIOD_YEAR, 40, VERDICT_NOT_MET },
	{ T_RANK_EACH, 2026, PERIOD_H1, 40, VERDICT_NOT_MET },
	/* yes/no. */
	{ T_YESNO, 2026, PERIOD_M9, 0, VERDICT_IN_PROGRESS },
	{ T_YESNO, 2026, PERIOD_M9, 1, VERDICT_MET },
	{ T_YESNO, 2026, PERIOD_YEAR, 0, VERDICT_NOT_MET },
	/* A count over the phase 2028-2030: 2029 is on its way. */
	{ T_COUNT_PHASE, 2029, PERIOD_YEAR, 2, VERDICT_IN_PROGRESS },
	{ T_COUNT_PHASE, 2030, PERIOD_YEAR, 2, VERDICT_NOT_MET },
	{ T_COUNT_PHASE, 2029, PERIOD_YEAR, 5, VERDICT_MET },
};

static int64_t
add_target(const char *text, enum target_kind k, enum comparator c, double v,
    const char *values, int horizon)
{
	struct target_input t = { 0 };
	struct err e = { -1, "" };

	t.plan_id = plan;
	t.section_id = 1;
	t.text = text;
	t.numerator_label = t.denominator_label = "";
	t.rule.kind = k;
	t.rule.cmp = c;
	t.rule.value = v;
	t.phase_values = values;
	t.has_horizon = horizon >= 0;
	t.horizon = (enum target_horizon)(horizon >= 0 ? horizon : 0);
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	return t.id;
}

START_TEST(test_verdict_by_period)
{
	int64_t id[T_TARGETS];
	struct target *all;
	struct measure m = { false, false, true, 0, 0, verdicts[_i].value };
	struct err e = { -1, "" };
	int n, found = 0;

	id[T_COUNT] = add_target("Cử cán bộ đi đào tạo", TARGET_COUNT, CMP_GE, 10, "6T: 5", -1);
	id[T_RATE] = add_target("Hồ sơ đúng hạn", TARGET_RATE, CMP_GE, 99, "", -1);
	id[T_REDUCTION] = add_target("Cắt giảm thời gian", TARGET_REDUCTION, CMP_GE, 30, "",
	    HORIZON_PHASE);
	id[T_RANK] = add_target("Xếp hạng", TARGET_RANK, CMP_LE, 35, "", -1);
	id[T_RANK_EACH] = add_target("Xếp hạng quý", TARGET_RANK, CMP_LE, 35, "", HORIZON_PERIOD);
	id[T_YESNO] = add_target("Ban hành kế hoạch", TARGET_YESNO, CMP_GE, 1, "", -1);
	id[T_COUNT_PHASE] = add_target("Sáng kiến", TARGET_COUNT, CMP_GE, 3, "", HORIZON_PHASE);
	ck_assert_int_eq(target_list(db, plan, 0, verdicts[_i].year, verdicts[_i].period, &all, &n), 0);
	for (int i = 0; i < n; i++) {
		if (all[i].id != id[verdicts[_i].target])
			continue;
		ck_assert_msg(result_save(db, &all[i], verdicts[_i].year, verdicts[_i].period, &m,
		    "", "", &e) == 0, "%s", e.msg);
	}
	targets_free(all, n);
	ck_assert_int_eq(target_list(db, plan, 0, verdicts[_i].year, verdicts[_i].period, &all, &n), 0);
	for (int i = 0; i < n; i++) {
		if (all[i].id == id[verdicts[_i].target]) {
			ck_assert_int_eq(all[i].verdict, verdicts[_i].want);
			found++;
		} else {
			/* The others have no result in the period. */
			ck_assert_int_eq(all[i].verdict, VERDICT_UNKNOWN);
		}
	}
	ck_assert_int_eq(found, 1);
	targets_free(all, n);
}
END_TEST

START_TEST(test_interim_values)
{
	struct target *all;
	struct err e = { -1, "" };
	char *text, cell[96];
	struct measure m = { false, false, true, 0, 0, 3 };
	int64_t id = add_target("Cử cán bộ đi đào tạo", TARGET_COUNT, CMP_GE, 10,
	    "2028-2030: 12; 6 tháng: 5; Quý I: 2", -1);
	int n;

	text = phase_values_text(db, id);
	ck_assert_str_eq(text, "2028–2030: 12; quý I: 2; 6 tháng: 5");
	free(text);
	/* The interim value wins in its period; the year takes the phase's. */
	ck_assert_double_eq(first_target(2026, &all, &n)->rule.value, 10);
	targets_free(all, n);
	ck_assert_double_eq(first_target(2029, &all, &n)->rule.value, 12);
	targets_free(all, n);
	ck_assert_int_eq(target_list(db, plan, 0, 2026, PERIOD_H1, &all, &n), 0);
	ck_assert_double_eq(all[0].rule.value, 5);
	ck_assert(all[0].final);
	targets_free(all, n);
	/* The cell of one in progress: reached over planned. */
	ck_assert_int_eq(target_list(db, plan, 0, 2026, PERIOD_M9, &all, &n), 0);
	ck_assert(!all[0].final);
	ck_assert_int_eq(result_save(db, &all[0], 2026, PERIOD_M9, &m, "", "", &e), 0);
	targets_free(all, n);
	ck_assert_int_eq(target_list(db, plan, 0, 2026, PERIOD_M9, &all, &n), 0);
	report_verdict_text(&all[0], cell, sizeof cell);
	ck_assert_str_eq(cell, "3/10 · In progress");
	targets_free(all, n);

	/* A period that is none of them is refused, naming the field. */
	{
		struct target_input t;

		ck_assert_int_eq(target_list(db, plan, 0, 2026, PERIOD_YEAR, &all, &n), 0);
		t = target_input_of(&all[0]);
		t.phase_values = "7 tháng: 4";
		ck_assert_int_eq(target_save(db, &t, NULL, &e), -1);
		ck_assert_int_eq(e.field, TF_PHASE_VALUES);
		targets_free(all, n);
	}
	/* The refused save left them as they were. */
	text = phase_values_text(db, id);
	ck_assert_str_eq(text, "2028–2030: 12; quý I: 2; 6 tháng: 5");
	free(text);

	/* The year written beside them, as plans do: the planned value, or
	 * refused naming the field. */
	id = add_target("Tập huấn", TARGET_COUNT, CMP_GE, 10, "6 tháng: 5; năm: 10", -1);
	text = phase_values_text(db, id);
	ck_assert_str_eq(text, "6 tháng: 5");
	free(text);
	{
		struct target_input t = { 0 };

		ck_assert_int_eq(target_list(db, plan, 0, 2026, PERIOD_YEAR, &all, &n), 0);
		for (int i = 0; i < n; i++)
			if (all[i].id == id)
				t = target_input_of(&all[i]);
		ck_assert_int_eq(t.id, id);
		t.phase_values = "6 tháng: 5; Cả năm: 12";
		ck_assert_int_eq(target_save(db, &t, NULL, &e), -1);
		ck_assert_int_eq(e.field, TF_PHASE_VALUES);
		ck_assert_msg(strstr(e.msg, "(10)") != NULL, "%s", e.msg);
		targets_free(all, n);
	}
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
	tcase_add_loop_test(tc, test_verdict_by_period, 0, sizeof verdicts / sizeof verdicts[0]);
	tcase_add_test(tc, test_interim_values);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
