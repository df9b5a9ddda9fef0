/* Unit tests of the written report: one part saved never touches another,
 * saving an unchanged text writes nothing; the sentences an area starts
 * from count as the period report and the dashboard count. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/section.h"
#include "core/plan/summary.h"
#include "core/plan/written.h"
#include "core/store/db.h"
#include "core/text/date.h"
#include "fixture.h"

static struct db *db;
static int64_t plan;

static void
setup(void)
{
	sqlite3_stmt *st;

	db = fixture_open("written", true, true);
	st = db_prepare(db, "SELECT min(id) FROM plan");
	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	plan = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	ck_assert_int_gt(plan, 0);
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

static void
assert_body(enum written_part p, int64_t section, const char *want)
{
	char *s = written_load(db, plan, 2026, PERIOD_H1, p, section, NULL);

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, want);
	free(s);
}

START_TEST(save_keeps_other_parts)
{
	int changed = -1;

	assert_body(WRITTEN_DIRECTION, 0, "");
	ck_assert_int_eq(written_save(db, plan, 2026, PERIOD_H1, WRITTEN_DIRECTION, 0,
	    "Ban hành Kế hoạch CCHC năm 2026.", &changed), 0);
	ck_assert_int_eq(changed, 1);
	ck_assert_int_eq(written_save(db, plan, 2026, PERIOD_H1, WRITTEN_AREA, 3,
	    "Hoàn thành 2/3 nhiệm vụ.", &changed), 0);
	ck_assert_int_eq(written_save(db, plan, 2026, PERIOD_H1, WRITTEN_AREA, 4,
	    "Chưa có kết quả.", &changed), 0);
	/* Another period, and a section given to a part that has none. */
	ck_assert_int_eq(written_save(db, plan, 2026, PERIOD_Q1, WRITTEN_DIRECTION, 9,
	    "Quý I.", &changed), 0);
	ck_assert_int_eq(written_save(db, plan, 2026, PERIOD_H1, WRITTEN_AREA, 3,
	    "Hoàn thành 3/3 nhiệm vụ.", &changed), 0);
	ck_assert_int_eq(changed, 1);
	assert_body(WRITTEN_DIRECTION, 0, "Ban hành Kế hoạch CCHC năm 2026.");
	assert_body(WRITTEN_AREA, 3, "Hoàn thành 3/3 nhiệm vụ.");
	assert_body(WRITTEN_AREA, 4, "Chưa có kết quả.");
	assert_body(WRITTEN_PROPOSALS, 0, "");
}
END_TEST

START_TEST(unchanged_save_writes_nothing)
{
	int changed = -1;
	char *s;

	ck_assert_int_eq(written_save(db, plan, 2026, PERIOD_H1, WRITTEN_NEXT, 0,
	    "Tiếp tục rà soát thủ tục hành chính.", &changed), 0);
	ck_assert_int_eq(changed, 1);
	int before = sqlite3_total_changes(db_sqlite(db));
	s = written_load(db, plan, 2026, PERIOD_H1, WRITTEN_NEXT, 0, NULL);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(written_save(db, plan, 2026, PERIOD_H1, WRITTEN_NEXT, 0, s, &changed), 0);
	free(s);
	ck_assert_int_eq(changed, 0);
	ck_assert_int_eq(sqlite3_total_changes(db_sqlite(db)), before);
}
END_TEST

/* Section 5's tasks, one of each status, and one of section 6 that must
 * not count. */
static struct task *
make_task(struct task *t, int64_t section, enum task_status status, const char *desc,
    const char *due)
{
	memset(t, 0, sizeof *t);
	t->section_id = section;
	t->status = status;
	t->description = (char *)desc;
	snprintf(t->due_date, sizeof t->due_date, "%s", due);
	return t;
}

START_TEST(area_sentences)
{
	struct task tasks[6];
	struct target targets[5];
	const enum verdict v[5] = { VERDICT_MET, VERDICT_IN_PROGRESS, VERDICT_NOT_MET,
	    VERDICT_UNKNOWN, VERDICT_MET };
	char *s;

	make_task(&tasks[0], 5, STATUS_DONE_ON_TIME, "Ban hành kế hoạch", "2026-02-28");
	make_task(&tasks[1], 5, STATUS_DONE_LATE, "Kiểm tra", "2026-03-31");
	make_task(&tasks[2], 5, STATUS_OVERDUE, "Rà soát TTHC", "2026-03-31");
	make_task(&tasks[3], 5, STATUS_OVERDUE, "Số hóa hồ sơ", "2026-05-15");
	make_task(&tasks[4], 5, STATUS_IN_PROGRESS, "Đối thoại", "2026-11-30");
	make_task(&tasks[5], 6, STATUS_OVERDUE, "Không thuộc lĩnh vực", "2026-01-31");
	memset(targets, 0, sizeof targets);
	for (int i = 0; i < 5; i++) {
		targets[i].section_id = i < 4 ? 5 : 6;
		targets[i].verdict = v[i];
	}
	s = written_area_text(targets, 5, tasks, 6, 5);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "Completed 2/5 tasks (40%).\n"
	    "2 tasks overdue: Rà soát TTHC (due 31/03/2026); Số hóa hồ sơ (due 15/05/2026).\n"
	    "Targets met: 1/4; 1 in progress; 1 not met.");
	free(s);
	/* One of each: the singular; a rate with decimals. */
	tasks[2].status = STATUS_DONE_ON_TIME;
	tasks[4].status = STATUS_DONE_ON_TIME;
	s = written_area_text(targets + 4, 1, tasks + 1, 3, 5);
	ck_assert_str_eq(s, "Completed 2/3 tasks (66.67%).\n"
	    "1 task overdue: Số hóa hồ sơ (due 15/05/2026).");
	free(s);
	s = written_area_text(targets + 4, 1, tasks, 5, 7);
	ck_assert_str_eq(s, "Nothing planned in this section.");
	free(s);
}
END_TEST

/* The drafts of the sample plan count what the dashboard counts as of the
 * cut-off: three tasks of the first section marked done (one after 14/6,
 * which the 6-month report must not count), and one task overdue. */
START_TEST(drafts_agree_with_summary)
{
	struct section *sections;
	struct section_summary *sum, total;
	int n;
	struct date start, end;

	date_set_today((struct date){ 2025, 10, 15 });
	exec("UPDATE task SET progress = 'done', completion_date = '2025-03-01' "
	    "WHERE id IN (SELECT id FROM task ORDER BY section_id, ord LIMIT 2)");
	exec("UPDATE task SET progress = 'done', completion_date = '2025-06-20' "
	    "WHERE id IN (SELECT id FROM task ORDER BY section_id, ord LIMIT 1 OFFSET 2)");
	exec("UPDATE product SET due_date = '2025-05-31' WHERE task_id IN "
	    "(SELECT id FROM task ORDER BY section_id, ord LIMIT 1 OFFSET 3)");
	ck_assert_int_eq(section_list(db, &sections, &n), 0);
	sum = calloc(n, sizeof *sum);
	ck_assert_ptr_nonnull(sum);
	period_span(2025, PERIOD_H1, period_calendar_setting(db), "", &start, &end);
	ck_assert_int_eq(summary_by_section(db, plan, 2025, PERIOD_H1,
	    period_as_of(end, date_today()), 14, sections, n, sum, &total), 0);
	for (int i = 0; i < n; i++) {
		char *s = written_area_draft(db, plan, 2025, PERIOD_H1, sections[i].id);
		char want[128];

		ck_assert_ptr_nonnull(s);
		if (sum[i].tasks > 0) {
			snprintf(want, sizeof want, "Completed %d/%d task", sum[i].done, sum[i].tasks);
			ck_assert_msg(strncmp(s, want, strlen(want)) == 0, "%s: %s", want, s);
		}
		if (sum[i].overdue > 0) {
			snprintf(want, sizeof want, "\n%d task", sum[i].overdue);
			ck_assert_msg(strstr(s, want) != NULL, "%s: %s", want, s);
		}
		if (sum[i].targets > 0) {
			snprintf(want, sizeof want, "Targets met: %d/%d", sum[i].met, sum[i].targets);
			ck_assert_msg(strstr(s, want) != NULL, "%s: %s", want, s);
		}
		free(s);
	}
	ck_assert_int_eq(sum[0].done, 2);
	ck_assert_int_gt(total.overdue, 0);
	free(sum);
	sections_free(sections, n);
}
END_TEST

/* An area never saved prints its draft; one the clerk emptied prints
 * nothing; part I starts from the section of direction. */
START_TEST(text_draft_until_saved)
{
	int64_t direction = section_find(db, WRITTEN_DIRECTION_SECTION), other;
	char *draft, *s;
	bool saved = true;

	date_set_today((struct date){ 2025, 10, 15 });
	ck_assert_int_gt(direction, 0);
	other = section_find(db, "tthc");
	ck_assert_int_gt(other, 0);
	draft = written_area_draft(db, plan, 2025, PERIOD_H1, other);
	s = written_text(db, plan, 2025, PERIOD_H1, WRITTEN_AREA, other);
	ck_assert_str_eq(s, draft);
	free(s);
	free(draft);
	ck_assert_int_eq(written_save(db, plan, 2025, PERIOD_H1, WRITTEN_AREA, other, "", NULL), 0);
	s = written_text(db, plan, 2025, PERIOD_H1, WRITTEN_AREA, other);
	ck_assert_str_eq(s, "");
	free(s);
	free(written_load(db, plan, 2025, PERIOD_H1, WRITTEN_AREA, other, &saved));
	ck_assert(saved);
	draft = written_area_draft(db, plan, 2025, PERIOD_H1, direction);
	s = written_text(db, plan, 2025, PERIOD_H1, WRITTEN_DIRECTION, 0);
	ck_assert_str_eq(s, draft);
	free(s);
	free(draft);
	s = written_text(db, plan, 2025, PERIOD_H1, WRITTEN_CAUSES, 0);
	ck_assert_str_eq(s, "");
	free(s);
	free(written_load(db, plan, 2025, PERIOD_H1, WRITTEN_CAUSES, 0, &saved));
	ck_assert(!saved);
}
END_TEST

START_TEST(previous_period)
{
	int y;
	enum period_kind k;

	written_previous(2026, PERIOD_Q1, &y, &k);
	ck_assert(y == 2025 && k == PERIOD_YEAR);
	written_previous(2026, PERIOD_H1, &y, &k);
	ck_assert(y == 2026 && k == PERIOD_Q1);
	written_previous(2026, PERIOD_YEAR, &y, &k);
	ck_assert(y == 2026 && k == PERIOD_M9);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("written");
	TCase *tc = tcase_create("store");
	TCase *text = tcase_create("text");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, save_keeps_other_parts);
	tcase_add_test(tc, unchanged_save_writes_nothing);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(text, setup, teardown);
	tcase_add_test(text, area_sentences);
	tcase_add_test(text, drafts_agree_with_summary);
	tcase_add_test(text, text_draft_until_saved);
	tcase_add_test(text, previous_period);
	suite_add_tcase(s, text);
	return s;
}

int
main(void)
{
	return fixture_run(suite());
}
