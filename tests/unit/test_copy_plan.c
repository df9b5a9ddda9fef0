/* Copying a plan to a new year: targets and recurring tasks carried over,
 * years moved, statuses and results left behind. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/copy_plan.h"
#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/target.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "fixture.h"

static struct db *db;

static void
setup(void)
{
	date_set_today((struct date){ 2025, 10, 15 });
	db = fixture_open("copy", true, true);
}

static void
teardown(void)
{
	fixture_close(db);
}

static void
exec(const char *sql)
{
	ck_assert_msg(sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db_sqlite(db)));
}

/* The first column of the first row of sql, ?1 bound to id, as text. */
static const char *
query(const char *sql, int64_t id)
{
	static char buf[1024];
	sqlite3_stmt *st;

	ck_assert_msg(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db_sqlite(db)));
	sqlite3_bind_int64(st, 1, id);
	buf[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

static long
count(const char *sql, int64_t id)
{
	return atol(query(sql, id));
}

START_TEST(test_plan_and_targets)
{
	int64_t id;
	struct plan p;

	/* A result and a signed number that stay behind. */
	exec("UPDATE plan SET number = '149/KH-UBND', issue_date = '2025-01-10' WHERE id = 1");
	exec("INSERT INTO period (year, kind, start_date, end_date) "
	    "VALUES (2025, 'year', '2025-01-01', '2025-12-31')");
	exec("INSERT INTO result (target_id, period_id, value) SELECT min(id), 1, 40 FROM target");
	id = copy_plan(db, 1, 2026, false);
	ck_assert_msg(id == 2, "%s", db_error(db));
	ck_assert_int_eq(plan_get(db, id, &p), 1);
	ck_assert_str_eq(p.title, "Kế hoạch cải cách hành chính năm 2026");
	ck_assert_str_eq(p.number, "");
	ck_assert_str_eq(p.issue_date, "");
	ck_assert_str_eq(p.issuer, "UBND xã Tân Đoàn");
	ck_assert_str_eq(p.signer, "Đàm Đức Thuận");
	ck_assert_int_eq(p.year_from, 2026);
	ck_assert_int_eq(p.year_to, 2026);
	plan_free(&p);
	/* Every target, same values, in the same order. */
	ck_assert_int_eq(count("SELECT count(*) FROM target WHERE plan_id = ?", id), 45);
	ck_assert_int_eq(count("SELECT count(*) FROM (SELECT section_id, ord, kind, comparator, "
	    "value, baseline, numerator_label, denominator_label, lead_unit_id FROM target "
	    "WHERE plan_id = 1 EXCEPT SELECT section_id, ord, kind, comparator, value, baseline, "
	    "numerator_label, denominator_label, lead_unit_id FROM target WHERE plan_id = ?)", id), 0);
	ck_assert_str_eq(query("SELECT text FROM target WHERE plan_id = ? ORDER BY section_id, ord "
	    "LIMIT 1", id), "Chỉ số PAR INDEX năm 2026 xếp hạng thứ 35 trở lên trong các xã, "
	    "phường của tỉnh");
	ck_assert_str_eq(query("SELECT folded FROM target WHERE plan_id = ? ORDER BY section_id, ord "
	    "LIMIT 1", id), "chi so par index nam 2026 xep hang thu 35 tro len trong cac xa, "
	    "phuong cua tinh");
	ck_assert_int_eq(count("SELECT count(*) FROM result r JOIN target t ON t.id = r.target_id "
	    "WHERE t.plan_id = ?", id), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM result", 0), 1);
}
END_TEST

#define RECURRING_TASKS "SELECT count(*) FROM task t WHERE plan_id = ?1 AND EXISTS (SELECT 1 " \
	"FROM product p WHERE p.task_id = t.id AND p.deadline_kind IN ('continuous', 'recurring'))"

START_TEST(test_recurring_tasks)
{
	long recurring = count(RECURRING_TASKS, 1);
	int64_t id, task;

	ck_assert_int_gt(recurring, 0);
	ck_assert_int_lt(recurring, count("SELECT count(*) FROM task WHERE plan_id = 1", 0));
	/* Done, with evidence, a note, a date set by hand: none of it goes. */
	task = count("SELECT min(t.id) FROM task t JOIN product p ON p.task_id = t.id "
	    "WHERE p.deadline_text = 'Thường xuyên trong năm'", 0);
	exec("UPDATE task SET progress = 'done', completion_date = '2025-10-01', "
	    "evidence_number = '12/BC-UBND', evidence_date = '2025-10-01', "
	    "evidence = 'Báo cáo kết quả', note = 'Xong' WHERE id IN (SELECT t.id FROM task t "
	    "JOIN product p ON p.task_id = t.id WHERE p.deadline_text = 'Thường xuyên trong năm')");
	exec("UPDATE product SET due_manual = 1, due_date = '2025-09-09' "
	    "WHERE deadline_text = 'Thường xuyên trong năm'");
	id = copy_plan(db, 1, 2026, false);
	ck_assert_msg(id > 0, "%s", db_error(db));
	ck_assert_int_eq(count("SELECT count(*) FROM task WHERE plan_id = ?", id), recurring);
	ck_assert_int_eq(count(RECURRING_TASKS, id), recurring);
	ck_assert_int_eq(count("SELECT count(*) FROM task WHERE plan_id = ?1 AND (progress <> "
	    "'not_started' OR completion_date IS NOT NULL OR evidence_number <> '' OR "
	    "evidence_date IS NOT NULL OR evidence <> '' OR note <> '')", id), 0);
	/* The same products, deadlines moved and due dates derived again. */
	ck_assert_int_eq(count("SELECT count(*) FROM product p JOIN task t ON t.id = p.task_id "
	    "WHERE t.plan_id = ?1", id), count("SELECT count(*) FROM product p JOIN task t "
	    "ON t.id = p.task_id WHERE t.plan_id = 1 AND t.id IN (SELECT task_id FROM product "
	    "WHERE deadline_kind IN ('continuous', 'recurring'))", 0));
	ck_assert_int_eq(count("SELECT count(*) FROM product p JOIN task t ON t.id = p.task_id "
	    "WHERE t.plan_id = ?1 AND (p.deadline_text LIKE '%2025%' OR p.due_date LIKE '2025%' "
	    "OR p.due_manual)", id), 0);
	ck_assert_str_eq(query("SELECT group_concat(DISTINCT p.due_date) FROM product p JOIN task t "
	    "ON t.id = p.task_id WHERE t.plan_id = ?1 AND p.deadline_text IN "
	    "('Thường xuyên trong năm', 'Định kỳ hằng quý', 'Định kỳ hằng tháng')", id), "2026-12-31");
	ck_assert_str_eq(query("SELECT p.deadline_kind || ' ' || p.due_date FROM product p JOIN task t "
	    "ON t.id = p.task_id WHERE t.plan_id = ?1 AND p.deadline_text = 'Trước ngày 15/12/2026'",
	    id), "date 2026-12-15");
	/* Units and cooperators as they were. */
	ck_assert_str_eq(query("SELECT group_concat(x, '|') FROM (SELECT t.tt || ' ' || t.description "
	    "|| ' ' || ifnull(t.lead_unit_id, '') || ' ' || ifnull(t.monitor_unit_id, '') || ' ' || "
	    "(SELECT ifnull(group_concat(unit_id), '') FROM (SELECT unit_id FROM task_cooperator c "
	    "WHERE c.task_id = t.id ORDER BY c.ord)) AS x FROM task t WHERE plan_id = ?1 "
	    "ORDER BY section_id, ord)", id), query("SELECT group_concat(x, '|') FROM (SELECT t.tt "
	    "|| ' ' || t.description || ' ' || ifnull(t.lead_unit_id, '') || ' ' || "
	    "ifnull(t.monitor_unit_id, '') || ' ' || (SELECT ifnull(group_concat(unit_id), '') FROM "
	    "(SELECT unit_id FROM task_cooperator c WHERE c.task_id = t.id ORDER BY c.ord)) AS x "
	    "FROM task t WHERE plan_id = 1 AND EXISTS (SELECT 1 FROM product p WHERE p.task_id = t.id "
	    "AND p.deadline_kind IN ('continuous', 'recurring')) ORDER BY section_id, ord)", 0));
	/* The original is untouched. */
	ck_assert_str_eq(query("SELECT progress FROM task WHERE id = ?", task), "done");
}
END_TEST

START_TEST(test_all_tasks)
{
	int64_t id = copy_plan(db, 1, 2026, true);

	ck_assert_msg(id > 0, "%s", db_error(db));
	ck_assert_int_eq(count("SELECT count(*) FROM task WHERE plan_id = ?", id),
	    count("SELECT count(*) FROM task WHERE plan_id = 1", 0));
	ck_assert_str_eq(query("SELECT p.deadline_text || ' ' || p.due_date FROM product p "
	    "JOIN task t ON t.id = p.task_id WHERE t.plan_id = ? AND p.deadline_text LIKE "
	    "'Ban hành chậm nhất%'", id), "Ban hành chậm nhất ngày 15/8/2026, kiểm tra trong "
	    "tháng 10/2026, báo cáo trong tháng 11/2026 2026-11-30");
	/* A deadline waiting on the province stays without a date. */
	ck_assert_int_eq(count("SELECT count(*) FROM product p JOIN task t ON t.id = p.task_id "
	    "WHERE t.plan_id = ? AND p.deadline_text = 'Theo kế hoạch của UBND tỉnh' "
	    "AND p.due_date IS NULL AND p.deadline_kind = 'conditional'", id), 8);
}
END_TEST

START_TEST(test_phases)
{
	struct plan_input p = { 0 };
	struct target_input t = { 0 };
	struct err e;
	int64_t id;

	p.title = "Kế hoạch CCHC giai đoạn 2026-2030";
	p.number = p.issuer = p.signer = "";
	p.year_from = 2026;
	p.year_to = 2030;
	p.phases = "2026-2027; 2028–2030";
	ck_assert_msg(plan_save(db, &p, &p.id, &e) == 0, "%s", e.msg);
	t.plan_id = p.id;
	t.section_id = 7;
	t.text = "Tỷ lệ hồ sơ trực tuyến toàn trình đến năm 2030";
	t.numerator_label = t.denominator_label = "";
	t.rule.kind = TARGET_RATE;
	t.rule.cmp = CMP_GE;
	t.rule.value = 70;
	t.phase_values = "2026-2027: 80; 2028-2030: 90";
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	id = copy_plan(db, p.id, 2031, false);
	ck_assert_msg(id > 0, "%s", db_error(db));
	ck_assert_str_eq(query("SELECT title || ' ' || year_from || ' ' || year_to FROM plan "
	    "WHERE id = ?", id), "Kế hoạch CCHC giai đoạn 2031-2035 2031 2035");
	ck_assert_str_eq(query("SELECT group_concat(label || ' ' || year_from || ' ' || year_to, "
	    "'; ') FROM (SELECT * FROM phase WHERE plan_id = ? ORDER BY year_from)", id),
	    "2031–2032 2031 2032; 2033–2035 2033 2035");
	ck_assert_str_eq(query("SELECT text || ' ' || value || ' ' || (SELECT group_concat(p.label "
	    "|| ': ' || tp.value, '; ') FROM target_phase tp JOIN phase p ON p.id = tp.phase_id "
	    "WHERE tp.target_id = t.id) FROM target t WHERE plan_id = ?", id),
	    "Tỷ lệ hồ sơ trực tuyến toàn trình đến năm 2035 70.0 2031–2032: 80.0; 2033–2035: 90.0");
}
END_TEST

static const struct {
	int64_t plan;
	int year;
	const char *message;
} refused[] = {
	{ 9, 2026, "no plan 9" },
	{ 1, 2201, "2200" },
	{ 1, 1989, "1990" },
};

/* A refused copy writes nothing. */
START_TEST(test_refused)
{
	const char *before = strdup(query("SELECT (SELECT count(*) FROM plan) || ' ' || "
	    "(SELECT count(*) FROM target) || ' ' || (SELECT count(*) FROM task)", 0));

	ck_assert_int_eq(copy_plan(db, refused[_i].plan, refused[_i].year, true), -1);
	ck_assert_msg(strstr(db_error(db), refused[_i].message) != NULL, "%s", db_error(db));
	ck_assert_str_eq(query("SELECT (SELECT count(*) FROM plan) || ' ' || (SELECT count(*) "
	    "FROM target) || ' ' || (SELECT count(*) FROM task)", 0), before);
	free((char *)before);
}
END_TEST

/* A task that cannot be copied takes back the plan, its targets and the
 * tasks copied before it. */
START_TEST(test_one_transaction)
{
	const char *before;

	/* The lead unit of the last task loaded no longer exists. */
	exec("PRAGMA foreign_keys = OFF");
	exec("UPDATE task SET lead_unit_id = 99 WHERE id = (SELECT max(id) FROM task)");
	exec("PRAGMA foreign_keys = ON");
	before = strdup(query("SELECT (SELECT count(*) FROM plan) || ' ' || "
	    "(SELECT count(*) FROM target) || ' ' || (SELECT count(*) FROM task) || ' ' || "
	    "(SELECT count(*) FROM history)", 0));
	ck_assert_int_eq(copy_plan(db, 1, 2026, true), -1);
	ck_assert_ptr_nonnull(strstr(db_error(db), "unit"));
	ck_assert_str_eq(query("SELECT (SELECT count(*) FROM plan) || ' ' || (SELECT count(*) "
	    "FROM target) || ' ' || (SELECT count(*) FROM task) || ' ' || (SELECT count(*) "
	    "FROM history)", 0), before);
	free((char *)before);
}
END_TEST

static const struct {
	const char *in;
	int from, to, shift;
	const char *out;
} shifts[] = {
	{ "Kế hoạch CCHC năm 2025", 2025, 2025, 1, "Kế hoạch CCHC năm 2026" },
	{ "Trước ngày 30/7/2025", 2025, 2025, 1, "Trước ngày 30/7/2026" },
	{ "Quý III/2025", 2025, 2025, 2, "Quý III/2027" },
	{ "giảm so với năm 2024", 2025, 2025, 1, "giảm so với năm 2024" },
	{ "giai đoạn 2026–2030", 2026, 2030, 5, "giai đoạn 2031–2035" },
	{ "20255 hồ sơ, 202 hồ sơ, 2025", 2025, 2025, 1, "20255 hồ sơ, 202 hồ sơ, 2026" },
	{ "năm2025.", 2025, 2025, -1, "năm2024." },
	{ "", 2025, 2025, 1, "" },
	{ "2025", 2025, 2025, 1000000, "1002025" },
};

START_TEST(test_shift_years)
{
	char *out = copy_plan_shift_years(shifts[_i].in, shifts[_i].from, shifts[_i].to,
	    shifts[_i].shift);

	ck_assert_str_eq(out, shifts[_i].out);
	free(out);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("copy_plan");
	TCase *tc = tcase_create("copy_plan");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_plan_and_targets);
	tcase_add_test(tc, test_recurring_tasks);
	tcase_add_test(tc, test_all_tasks);
	tcase_add_test(tc, test_phases);
	tcase_add_loop_test(tc, test_refused, 0, sizeof refused / sizeof refused[0]);
	tcase_add_test(tc, test_one_transaction);
	tcase_add_loop_test(tc, test_shift_years, 0, sizeof shifts / sizeof shifts[0]);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(suite());
}
