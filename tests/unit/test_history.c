/* The history of changes: the rows the triggers write for each kind of
 * change, and the entries read back from them. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/history.h"
#include "core/store/office.h"
#include "fixture.h"

static struct db *db;

static void
setup(void)
{
	db = fixture_open("history", true, true);
	ck_assert_int_eq(history_set_operator(db, "Nguyễn Văn An"), 0);
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

/* The first column of the first row of sql (with ?1 = id), as text ("" for
 * none). */
static char *
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

static int64_t last_row;

/* Forgets the rows so far, and moves them an hour back: what follows is
 * another save. */
static void
next_save(void)
{
	exec("UPDATE history SET at = strftime('%Y-%m-%dT%H:%M:%SZ', at, '-1 hour')");
	last_row = atoll(query("SELECT ifnull(max(id), 0) FROM history", 0));
}

/* The rows written since next_save(), as "table action record" lines. */
static char *
new_rows(void)
{
	sqlite3_stmt *st;
	static char buf[2048];
	size_t len = 0;

	ck_assert_int_eq(sqlite3_prepare_v2(db_sqlite(db), "SELECT table_name, action, record_id "
	    "FROM history WHERE id > ? ORDER BY id", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, last_row);
	buf[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s %s %lld", len ? "; " : "",
		    sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
		    (long long)sqlite3_column_int64(st, 2));
	sqlite3_finalize(st);
	return buf;
}

/* A JSON value of the latest row since next_save() of table. */
static char *
latest(const char *table, const char *column, const char *path)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT json_extract(%s, '%s') FROM history WHERE id > ?1 "
	    "AND table_name = '%s' ORDER BY id DESC LIMIT 1", column, path, table);
	return query(sql, last_row);
}

/* The entries of a record as "table action" lines, and the changes of the
 * last one as "field: before -> after". */
static void
entries(const char *table, int64_t id, char *list, size_t n, char *changes, size_t m)
{
	struct history_query q = { .table = table, .id = id };
	struct history_entry *h;
	struct history_change *c;
	size_t len = 0;
	int nh, nc;

	ck_assert_msg(history_list(db, &q, &h, &nh) == 0, "%s", db_error(db));
	list[0] = changes[0] = '\0';
	for (int i = 0; i < nh; i++)
		len += (size_t)snprintf(list + len, n - len, "%s%s %s", i ? "; " : "", h[i].table,
		    h[i].action == HISTORY_INSERT ? "insert" :
		    h[i].action == HISTORY_UPDATE ? "update" : "delete");
	if (nh > 0) {
		ck_assert_int_eq(history_changes(db, &h[nh - 1], &c, &nc), 0);
		len = 0;
		for (int i = 0; i < nc; i++)
			len += (size_t)snprintf(changes + len, m - len, "%s%s: %s -> %s", i ? "; " : "",
			    c[i].field, c[i].before ? c[i].before : "-", c[i].after ? c[i].after : "-");
		history_changes_free(c, nc);
	}
	history_free(h, nh);
}

static struct target_input
new_target(void)
{
	struct target_input t = { 0 };

	t.plan_id = 1;
	t.section_id = 3;
	t.text = "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn";
	t.numerator_label = t.denominator_label = "";
	t.rule.kind = TARGET_RATE;
	t.rule.cmp = CMP_GE;
	t.rule.value = 98;
	t.lead_unit_id = 4;
	return t;
}

START_TEST(test_target_insert_update_delete)
{
	struct target_input t = new_target();
	struct err e;
	char list[512], changes[512];

	next_save();
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(latest("target", "after_json", "$.text"), t.text);
	ck_assert_str_eq(latest("target", "after_json", "$.value"), "98.0");
	ck_assert_str_eq(latest("target", "before_json", "$.value"), "");
	ck_assert_str_eq(query("SELECT operator FROM history ORDER BY id DESC LIMIT 1", 0),
	    "Nguyễn Văn An");
	ck_assert_str_eq(query("SELECT parent_id FROM history ORDER BY id DESC LIMIT 1", 0), "1");
	/* at: an ISO date-time, UTC. */
	ck_assert_int_eq(strlen(query("SELECT at FROM history ORDER BY id DESC LIMIT 1", 0)), 20);
	entries("target", t.id, list, sizeof list, changes, sizeof changes);
	ck_assert_str_eq(list, "target insert");
	ck_assert_msg(strstr(changes, "lead_unit_id: - -> Trung tâm Phục vụ hành chính công") &&
	    strstr(changes, "value: - -> 98") && strstr(changes, "section_id: - -> ") &&
	    strstr(changes, "comparator: - -> ≥") && strstr(changes, "kind: - -> rate (%)") &&
	    !strstr(changes, "baseline") && !strstr(changes, "numerator_label") &&
	    !strstr(changes, "ord:"), "%s", changes);

	next_save();
	t.rule.value = 99.5;
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(new_rows(), "target update 46");
	ck_assert_int_eq(t.id, atoll(latest("target", "after_json", "$.id")));
	ck_assert_str_eq(latest("target", "before_json", "$.value"), "98.0");
	ck_assert_str_eq(latest("target", "after_json", "$.value"), "99.5");
	entries("target", t.id, list, sizeof list, changes, sizeof changes);
	ck_assert_str_eq(list, "target insert; target update");
	ck_assert_str_eq(changes, "value: 98 -> 99.5");

	/* Saving without a change writes nothing. */
	next_save();
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(new_rows(), "");

	next_save();
	ck_assert_int_eq(target_delete(db, t.id, NULL), 0);
	ck_assert_str_eq(latest("target", "before_json", "$.value"), "99.5");
	ck_assert_str_eq(latest("target", "after_json", "$.value"), "");
	entries("target", t.id, list, sizeof list, changes, sizeof changes);
	ck_assert_str_eq(list, "target insert; target update; target delete");
	ck_assert_msg(strstr(changes, "value: 99.5 -> -") != NULL, "%s", changes);
}
END_TEST

static struct product_input products[] = {
	{ .name = "Quyết định công bố", .deadline_text = "Thường xuyên trong năm" },
	{ .name = "Báo cáo kết quả rà soát", .deadline_text = "Tháng 11/2025" },
};

START_TEST(test_task_with_products)
{
	struct task_input t = { 0 };
	struct err e;
	int64_t coop[] = { 2 };
	char list[1024], changes[512];

	t.plan_id = 1;
	t.section_id = 3;
	t.tt = "9";
	t.description = "Rà soát, công bố danh mục TTHC";
	t.lead_unit_id = 4;
	t.monitor_unit_id = 3;
	t.evidence = t.note = "";
	t.completion_date[0] = '\0';
	t.nproducts = 2;
	t.products = products;
	next_save();
	ck_assert_msg(task_save(db, &t, coop, 1, 2025, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(new_rows(), "task insert 31; product insert 42; product insert 43; "
	    "task_cooperator insert 31");
	ck_assert_str_eq(latest("product", "after_json", "$.deadline_kind"), "date");
	ck_assert_str_eq(latest("product", "after_json", "$.due_date"), "2025-11-30");
	ck_assert_str_eq(latest("task_cooperator", "after_json", "$.unit_id"), "2");
	entries("task", t.id, list, sizeof list, changes, sizeof changes);
	ck_assert_str_eq(list, "task insert; product insert; product insert; task_cooperator insert");
	/* Its place in the list is no change of the clerk's (issue 16 item 8). */
	ck_assert_str_eq(changes, "unit_id: - -> Phòng Kinh tế");
	/* Nor is a flag left at its default ("Hạn nhập tay: — → Không",
	 * walk-through). */
	entries("product", 43, list, sizeof list, changes, sizeof changes);
	ck_assert_str_eq(list, "product insert");
	ck_assert_msg(strstr(changes, "name: - -> Báo cáo kết quả rà soát") &&
	    !strstr(changes, "due_manual") && !strstr(changes, "ord:"), "%s", changes);

	/* Saved again unchanged: nothing is written, the products keep
	 * their ids. */
	next_save();
	ck_assert_msg(task_save(db, &t, coop, 1, 2025, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(new_rows(), "");

	/* Progress and one deadline change: the task and that product are
	 * updated in place, nothing else. */
	next_save();
	t.progress = PROGRESS_IN_PROGRESS;
	products[1].deadline_text = "Tháng 12/2025";
	ck_assert_msg(task_save(db, &t, coop, 1, 2025, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(new_rows(), "task update 31; product update 43");
	entries("task", t.id, list, sizeof list, changes, sizeof changes);
	ck_assert_str_eq(list, "task insert; product insert; product insert; task_cooperator insert; "
	    "task update; product update");
	ck_assert_msg(strstr(changes, "deadline_text: Tháng 11/2025 -> Tháng 12/2025") &&
	    strstr(changes, "due_date: 30/11/2025 -> 31/12/2025"), "%s", changes);
	{
		struct history_query q = { .table = "task", .id = t.id };
		struct history_entry *h;
		struct history_change *c;
		char subject[512];
		int nh, nc;

		ck_assert_int_eq(history_list(db, &q, &h, &nh), 0);
		ck_assert_int_eq(nh, 6);
		ck_assert_int_eq(h[4].action, HISTORY_UPDATE);
		ck_assert_str_eq(h[4].operator, "Nguyễn Văn An");
		ck_assert_int_eq(history_changes(db, &h[4], &c, &nc), 0);
		ck_assert_int_eq(nc, 1);
		ck_assert_str_eq(c[0].field, "progress");
		ck_assert_str_eq(c[0].before, "Not started");
		ck_assert_str_eq(c[0].after, "In progress");
		history_changes_free(c, nc);
		/* Records are named as the lists show them, not by their ids. */
		history_subject(db, &h[4], subject, sizeof subject);
		ck_assert_str_eq(subject, "task III.9 Rà soát, công bố danh mục TTHC");
		history_subject(db, &h[3], subject, sizeof subject);
		ck_assert_str_eq(subject, "cooperating unit Phòng Kinh tế "
		    "(task III.9 Rà soát, công bố danh mục TTHC)");
		history_subject(db, &h[5], subject, sizeof subject);
		ck_assert_str_eq(subject, "product Báo cáo kết quả rà soát "
		    "(task III.9 Rà soát, công bố danh mục TTHC)");
		ck_assert_str_eq(h[5].table, "product");
		/* A coded value in words, not the code. */
		ck_assert_int_eq(history_changes(db, &h[5], &c, &nc), 0);
		for (int k = 0; k < nc; k++)
			if (strcmp(c[k].field, "deadline_kind") == 0)
				ck_assert_str_eq(c[k].before, "a date");
		history_changes_free(c, nc);
		ck_assert_ptr_nonnull(strstr(h[5].before, "Tháng 11/2025"));
		ck_assert_int_eq(h[5].parent_id, t.id);
		history_free(h, nh);
	}

	/* A unit put before the cooperator: one insert and its place
	 * updated; taken away again: one delete. */
	{
		int64_t two[] = { 5, 2 };

		next_save();
		ck_assert_msg(task_save(db, &t, two, 2, 2025, &t.id, &e) == 0, "%s", e.msg);
		ck_assert_str_eq(new_rows(), "task_cooperator insert 31; task_cooperator update 31");
		next_save();
		ck_assert_msg(task_save(db, &t, coop, 1, 2025, &t.id, &e) == 0, "%s", e.msg);
		ck_assert_str_eq(new_rows(), "task_cooperator delete 31; task_cooperator update 31");
	}

	/* The delete takes the products and the cooperator with it. */
	next_save();
	ck_assert_int_eq(task_delete(db, t.id, NULL), 0);
	/* The cascade runs before the task's own trigger. */
	ck_assert_str_eq(new_rows(), "product delete 42; product delete 43; "
	    "task_cooperator delete 31; task delete 31");
	entries("task", t.id, list, sizeof list, changes, sizeof changes);
	ck_assert_msg(strstr(list, "task update; product update; task_cooperator insert; "
	    "task_cooperator update; task_cooperator delete; task_cooperator update; "
	    "product delete; product delete; task_cooperator delete; task delete") != NULL, "%s", list);
	{
		/* Deleted: the record keeps the name its values had; its owner,
		 * gone too, is not named. */
		struct history_query q = { .table = "task", .id = t.id };
		struct history_entry *h;
		char subject[512];
		int nh;

		ck_assert_int_eq(history_list(db, &q, &h, &nh), 0);
		history_subject(db, &h[nh - 1], subject, sizeof subject);
		ck_assert_str_eq(subject, "task III.9 Rà soát, công bố danh mục TTHC");
		history_subject(db, &h[nh - 2], subject, sizeof subject);
		ck_assert_str_eq(subject, "cooperating unit Phòng Kinh tế");
		history_free(h, nh);
	}
	products[1].deadline_text = "Tháng 11/2025";
}
END_TEST

START_TEST(test_unit_insert_update_delete)
{
	struct unit_input u = { 0 };
	struct err e;
	char list[512], changes[512];

	u.name = "Ban Chỉ huy quân sự";
	u.short_name = "BCHQS";
	next_save();
	ck_assert_msg(unit_save(db, &u, "Ban CHQS xã", &u.id, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(new_rows(), "unit insert 10; unit_alias insert 10; unit_alias insert 10; "
	    "unit_alias insert 10");
	ck_assert_str_eq(latest("unit", "after_json", "$.name"), "Ban Chỉ huy quân sự");

	next_save();
	u.name = "Ban Chỉ huy Quân sự xã";
	ck_assert_msg(unit_save(db, &u, "Ban CHQS xã", &u.id, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(latest("unit", "before_json", "$.name"), "Ban Chỉ huy quân sự");
	ck_assert_str_eq(latest("unit", "after_json", "$.name"), "Ban Chỉ huy Quân sự xã");
	entries("unit", u.id, list, sizeof list, changes, sizeof changes);
	/* Of the spellings, only the name's changed. */
	ck_assert_str_eq(list, "unit insert; unit_alias insert; unit_alias insert; "
	    "unit_alias insert; unit update; unit_alias delete; unit_alias insert");
	ck_assert_str_eq(changes, "alias: - -> Ban Chỉ huy Quân sự xã");

	next_save();
	ck_assert_int_eq(unit_delete(db, u.id, NULL, &e), 0);
	ck_assert_str_eq(new_rows(), "unit_alias delete 10; unit_alias delete 10; "
	    "unit_alias delete 10; unit delete 10");
	ck_assert_str_eq(latest("unit", "before_json", "$.short_name"), "BCHQS");
}
END_TEST

/* Changes one save makes to the same record merge; what it undoes
 * disappears. */
START_TEST(test_one_save_merges)
{
	struct target_input t = new_target();
	struct plan p;
	struct plan_input in;
	struct err e;
	char list[512], changes[512];

	/* Added, changed and removed within one second: nothing to show. */
	next_save();
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	t.rule.value = 99;
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(target_delete(db, t.id, NULL), 0);
	ck_assert_str_eq(new_rows(), "target insert 46; target update 46; target delete 46");
	entries("target", t.id, list, sizeof list, changes, sizeof changes);
	ck_assert_str_eq(list, "");

	/* A plan saved with its phases unchanged: phase_store() marks and
	 * restores them, which nets to nothing. */
	ck_assert_int_eq(plan_get(db, 1, &p), 1);
	in = plan_input_of(&p);
	in.phases = "2025";
	ck_assert_msg(plan_save(db, &in, NULL, &e) == 0, "%s", e.msg);
	next_save();
	ck_assert_msg(plan_save(db, &in, NULL, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(new_rows(), "phase update 1; phase update 1");
	entries("plan", 1, list, sizeof list, changes, sizeof changes);
	ck_assert_str_eq(list, "plan insert; phase insert");
	plan_free(&p);

	/* The office is updated in place: one update; saved unchanged: none. */
	next_save();
	exec("BEGIN");
	ck_assert_int_eq(office_put(db, "UBND xã Tân Đoàn", "xa", "tỉnh Lạng Sơn"), 0);
	exec("COMMIT");
	ck_assert_str_eq(new_rows(), "office update 1");
	entries("office", 1, list, sizeof list, changes, sizeof changes);
	ck_assert_str_eq(list, "office insert; office update");
	ck_assert_str_eq(changes, "province: Lạng Sơn -> tỉnh Lạng Sơn");
	next_save();
	ck_assert_int_eq(office_put(db, "UBND xã Tân Đoàn", "xa", "tỉnh Lạng Sơn"), 0);
	ck_assert_str_eq(new_rows(), "");
	/* Replaced (INSERT OR REPLACE, as the sqlite3 shell or an older cchc
	 * wrote it): the delete and insert read as one update. */
	next_save();
	exec("INSERT OR REPLACE INTO office (id, name, kind, province) "
	    "VALUES (1, 'UBND xã Tân Đoàn', 'xa', 'Lạng Sơn')");
	ck_assert_str_eq(new_rows(), "office delete 1; office insert 1");
	entries("office", 1, list, sizeof list, changes, sizeof changes);
	ck_assert_str_eq(list, "office insert; office update; office update");
}
END_TEST

/* Rows written by the sqlite3 shell or any connection are recorded, with
 * the operator of the table. */
START_TEST(test_operator)
{
	char *name;

	ck_assert_int_eq(history_set_operator(db, "  Trần Thị Bình \t"), 0);
	name = history_operator(db);
	ck_assert_str_eq(name, "Trần Thị Bình");
	free(name);
	exec("UPDATE plan SET signer = 'Hoàng Văn C' WHERE id = 1");
	ck_assert_str_eq(query("SELECT operator FROM history ORDER BY id DESC LIMIT 1", 0),
	    "Trần Thị Bình");
	/* Another start: the table follows the setting. */
	exec("UPDATE history_operator SET name = 'x'");
	ck_assert_int_eq(history_load_operator(db), 0);
	ck_assert_str_eq(query("SELECT name FROM history_operator", 0), "Trần Thị Bình");
	/* Without the row, changes are still recorded. */
	exec("DELETE FROM history_operator");
	exec("UPDATE plan SET signer = 'Hoàng Văn D' WHERE id = 1");
	ck_assert_str_eq(query("SELECT operator FROM history ORDER BY id DESC LIMIT 1", 0), "");
}
END_TEST

/* --since takes the local day; times are shown in local time. */
START_TEST(test_since)
{
	struct history_query q = { .since = "2025-06-02" };
	struct history_entry *h;
	int n;

	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	exec("UPDATE history SET at = '2025-06-01T16:30:00Z' WHERE id <= 10");
	exec("UPDATE history SET at = '2025-06-01T17:30:00Z' WHERE id > 10");
	ck_assert_int_eq(history_list(db, &q, &h, &n), 0);
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(h[0].id, 11);
	ck_assert_str_eq(h[0].local, "02/06/2025 00:30");
	ck_assert_str_eq(h[0].at, "2025-06-01T17:30:00Z");
	history_free(h, n);
	q.since = "2025-06-03";
	ck_assert_int_eq(history_list(db, &q, &h, &n), 0);
	ck_assert_int_eq(n, 0);
	history_free(h, n);
	setenv("TZ", "UTC", 1);
	tzset();
}
END_TEST

static const struct {
	struct history_query q;
	const char *message;
} bad_queries[] = {
	{ { .since = "02/06/2025" }, "not a date" },
	{ { .since = "2025-02-30" }, "not a date" },
	{ { .table = "setting" }, "no history is kept for setting" },
	{ { .table = "history", .id = 1 }, "no history" },
};

START_TEST(test_bad_queries)
{
	struct history_entry *h;
	int n;

	ck_assert_int_eq(history_list(db, &bad_queries[_i].q, &h, &n), -1);
	ck_assert_msg(strstr(db_error(db), bad_queries[_i].message) != NULL, "%s", db_error(db));
}
END_TEST

/* The whole log: the sample's load, then a table on its own. */
START_TEST(test_list_all)
{
	struct history_query all = { 0 }, units = { .table = "unit" };
	struct history_entry *h;
	int n;

	ck_assert_int_eq(history_list(db, &all, &h, &n), 0);
	ck_assert_int_eq(n, atoi(query("SELECT count(*) FROM history", 0)));
	history_free(h, n);
	ck_assert_int_eq(history_list(db, &units, &h, &n), 0);
	ck_assert_int_eq(n, 9);
	for (int i = 0; i < n; i++) {
		ck_assert_str_eq(h[i].table, "unit");
		ck_assert_int_eq(h[i].action, HISTORY_INSERT);
		ck_assert_ptr_null(h[i].before);
	}
	history_free(h, n);
	ck_assert(history_table_known("task_cooperator"));
	ck_assert(!history_table_known("sqlite_schema"));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("history");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_target_insert_update_delete);
	tcase_add_test(tc, test_task_with_products);
	tcase_add_test(tc, test_unit_insert_update_delete);
	tcase_add_test(tc, test_one_save_merges);
	tcase_add_test(tc, test_operator);
	tcase_add_test(tc, test_since);
	tcase_add_loop_test(tc, test_bad_queries, 0, sizeof bad_queries / sizeof bad_queries[0]);
	tcase_add_test(tc, test_list_all);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	setenv("TZ", "UTC", 1);
	setenv("LANG", "C.UTF-8", 1);
	return fixture_run(suite());
}
