/* Unit tests of the written report's storage: one part saved never touches
 * another, and saving an unchanged text writes nothing. */
#include <check.h>
#include <stdlib.h>

#include "core/db.h"
#include "core/written.h"
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
assert_body(enum written_part p, int64_t section, const char *want)
{
	char *s = written_load(db, plan, 2026, PERIOD_H1, p, section);

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
	int before = sqlite3_total_changes(db->sql);
	s = written_load(db, plan, 2026, PERIOD_H1, WRITTEN_NEXT, 0);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(written_save(db, plan, 2026, PERIOD_H1, WRITTEN_NEXT, 0, s, &changed), 0);
	free(s);
	ck_assert_int_eq(changed, 0);
	ck_assert_int_eq(sqlite3_total_changes(db->sql), before);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("written");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, save_keeps_other_parts);
	tcase_add_test(tc, unchanged_save_writes_nothing);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(suite());
}
