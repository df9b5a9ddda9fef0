/* Unit tests for the forms' writes: plan.c, target.c, result.c, task.c,
 * unit.c, validate.c and trash.c, on a fresh database holding the sample
 * plan.  "Writes nothing" and "undo gives back the same rows" are checked
 * on a dump of every table, so a stray write anywhere shows. */
#include <check.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/result.h"
#include "core/plan/section.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* Combining marks, UTF-8: decomposed input must be stored NFC. */
#define HAT	"\xcc\x82"
#define ACUTE	"\xcc\x81"
#define DOT	"\xcc\xa3"
#define HORN	"\xcc\x9b"
#define GRAVE	"\xcc\x80"
#define HOOK	"\xcc\x89"

#define YEAR 2025

static struct db *db;
static int64_t plan_id, tthc, chi_dao;

static void
setup(void)
{
	struct plan p;

	db = fixture_open("edit", true, true);
	date_set_today((struct date){ YEAR, 10, 15 });
	ck_assert_int_eq(plan_current(db, &p), 1);
	plan_id = p.id;
	plan_free(&p);
	tthc = section_find(db, "tthc");
	chi_dao = section_find(db, "chi_dao");
	ck_assert(tthc > 0 && chi_dao > 0);
}

static void
teardown(void)
{
	fixture_close(db);
}

/* Every row of every table, sorted, as text. */
static char *
dump(void)
{
	sqlite3_str *out = sqlite3_str_new(db_sqlite(db));
	sqlite3_stmt *tables, *st;
	char *s;

	/* The history grows with every change, undo included. */
	ck_assert_int_eq(sqlite3_prepare_v2(db_sqlite(db), "SELECT name FROM sqlite_schema WHERE "
	    "type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'history%' "
	    "ORDER BY name", -1, &tables, NULL), SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		sqlite3_str *sql = sqlite3_str_new(db_sqlite(db));
		char *q;
		int n;

		sqlite3_str_appendf(sql, "SELECT * FROM \"%w\"", name);
		q = sqlite3_str_finish(sql);
		ck_assert_int_eq(sqlite3_prepare_v2(db_sqlite(db), q, -1, &st, NULL), SQLITE_OK);
		n = sqlite3_column_count(st);
		sqlite3_finalize(st);
		sql = sqlite3_str_new(db_sqlite(db));
		sqlite3_str_appendf(sql, "%s ORDER BY 1", q);
		for (int i = 2; i <= n; i++)
			sqlite3_str_appendf(sql, ", %d", i);
		sqlite3_free(q);
		q = sqlite3_str_finish(sql);
		ck_assert_int_eq(sqlite3_prepare_v2(db_sqlite(db), q, -1, &st, NULL), SQLITE_OK);
		sqlite3_free(q);
		sqlite3_str_appendf(out, "[%s]\n", name);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int i = 0; i < n; i++)
				sqlite3_str_appendf(out, "%s%s", i ? "|" : "",
				    sqlite3_column_type(st, i) == SQLITE_NULL ? "NULL" :
				    (const char *)sqlite3_column_text(st, i));
			sqlite3_str_appendchar(out, 1, '\n');
		}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tables);
	s = strdup(sqlite3_str_value(out));
	sqlite3_free(sqlite3_str_finish(out));
	return s;
}

/* Dumps are long: on a difference, show where it starts. */
#define assert_same_dump(got, want) do {					\
	size_t at_ = 0;							\
									\
	while ((got)[at_] && (got)[at_] == (want)[at_])			\
		at_++;							\
	while (at_ > 0 && (want)[at_ - 1] != '\n')			\
		at_--;							\
	ck_assert_msg(strcmp((got), (want)) == 0,			\
	    "rows differ at\n%.200s\nwant\n%.200s", (got) + at_, (want) + at_);	\
} while (0)

/* The single integer sql gives, with ?1 bound to id. */
static int64_t
query(const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	int64_t v;

	ck_assert_int_eq(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The text sql gives, with ?1 bound to id; newly allocated. */
static char *
query_text(const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	char *s;

	ck_assert_int_eq(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	s = db_column_strdup(st, 0);
	sqlite3_finalize(st);
	return s;
}

static void
assert_query_text(const char *sql, int64_t id, const char *want)
{
	char *got = query_text(sql, id);

	ck_assert_str_eq(got, want);
	free(got);
}

/* Deleting through del, then undoing, gives back exactly the rows. */
static void
assert_undo_restores(int (*del)(struct db *, int64_t, struct trash **), int64_t id,
    const char *gone_sql)
{
	char *before = dump(), *deleted, *after;
	struct trash *undo = NULL;

	ck_assert_msg(del(db, id, &undo) == 0, "%s", db_error(db));
	ck_assert_ptr_nonnull(undo);
	ck_assert_int_eq(query(gone_sql, id), 0);
	deleted = dump();
	ck_assert(strcmp(deleted, before) != 0);
	ck_assert_msg(trash_restore(db, undo) == 0, "%s", db_error(db));
	after = dump();
	assert_same_dump(after, before);
	/* A second restore conflicts with the first and changes nothing. */
	ck_assert_int_eq(trash_restore(db, undo), -1);
	ck_assert_ptr_nonnull(strstr(db_error(db), "Cannot undo the delete"));
	free(after);
	after = dump();
	assert_same_dump(after, before);
	trash_free(undo);
	free(before);
	free(deleted);
	free(after);
}

/* ---- validate.c ---- */

static const struct {
	const char	*in;
	int		 rc;
	const char	*want;		/* the ISO date, or the message */
} date_cases[] = {
	{ "", 0, "" },
	{ "   ", 0, "" },
	{ "15/10/2025", 0, "2025-10-15" },
	{ " 5/1/2026 ", 0, "2026-01-05" },
	{ "15.10.2025", 0, "2025-10-15" },
	{ "29/02/2024", 0, "2024-02-29" },
	{ "31/02/2026", -1, "Ngày hoàn thành: the date 31/02/2026 does not exist" },
	{ "29/2/2025", -1, "Ngày hoàn thành: the date 29/2/2025 does not exist" },
	{ "32/01/2026", -1, "Ngày hoàn thành: the date 32/01/2026 does not exist" },
	{ "15/13/2026", -1, "Ngày hoàn thành: the date 15/13/2026 does not exist" },
	{ "2025-10-15", -1, "Ngày hoàn thành: write the date as dd/mm/yyyy" },
	{ "15/10/25", -1, "Ngày hoàn thành: write the date as dd/mm/yyyy" },
	{ "15/10-2025", -1, "Ngày hoàn thành: write the date as dd/mm/yyyy" },
	{ "hôm nay", -1, "Ngày hoàn thành: write the date as dd/mm/yyyy" },
};

START_TEST(test_validate_date)
{
	struct err e = { -1, "" };
	char iso[11] = "junk";
	int rc = validate_date(date_cases[_i].in, iso, &e, 7, "Ngày hoàn thành");

	ck_assert_int_eq(rc, date_cases[_i].rc);
	if (rc == 0) {
		ck_assert_str_eq(iso, date_cases[_i].want);
	} else {
		ck_assert_int_eq(e.field, 7);
		ck_assert_str_eq(e.msg, date_cases[_i].want);
		ck_assert_str_eq(iso, "");
	}
}
END_TEST

/* A plan's date may be a month alone, kept as its first day; a date
 * is still checked as one. */
static const struct {
	const char	*in;
	const char	*want;		/* the ISO date, NULL: refused */
} month_cases[] = {
	{ "", "" },
	{ "20/01/2026", "2026-01-20" },
	{ "04/2026", "2026-04-01" },
	{ "4/2026", "2026-04-01" },
	{ "4-2026", "2026-04-01" },
	{ "tháng 4/2026", "2026-04-01" },
	{ "tháng 4 năm 2026", "2026-04-01" },
	{ "Tháng 12 năm 2025", "2025-12-01" },
	{ "thang 4 nam 2026", "2026-04-01" },
	{ "13/2026", NULL },
	{ "0/2026", NULL },
	{ "4/26", NULL },
	{ "tháng 4", NULL },
	{ "4/2026 x", NULL },
	{ "31/02/2026", NULL },
};

START_TEST(test_validate_month)
{
	struct err e = { -1, "" };
	char iso[11] = "junk";
	int rc = validate_date_or_month(month_cases[_i].in, iso, &e, 4, "Ngày ban hành");

	if (month_cases[_i].want == NULL) {
		ck_assert_msg(rc == -1, "\"%s\" accepted as %s", month_cases[_i].in, iso);
		ck_assert_int_eq(e.field, 4);
	} else {
		ck_assert_msg(rc == 0, "\"%s\": %s", month_cases[_i].in, e.msg);
		ck_assert_str_eq(iso, month_cases[_i].want);
	}
}
END_TEST

/* A deadline is free text unless it is written as a date. */
static const struct {
	const char	*in;
	const char	*message;	/* NULL: accepted */
} deadline_cases[] = {
	{ "", NULL },
	{ "Quý IV/2025", NULL },
	{ "Thường xuyên", NULL },
	{ "Tháng 9/2026", NULL },
	{ "15/10/2025", NULL },
	{ " 29/02/2024 ", NULL },
	{ "31/02/2025", "Hạn: the date 31/02/2025 does not exist" },
	{ " 29.2.2025 ", "Hạn: the date 29.2.2025 does not exist" },
	{ "00/00/0000", "Hạn: the date 00/00/0000 does not exist" },
	{ "Trước 31/02/2025", NULL },
};

START_TEST(test_validate_deadline)
{
	struct err e = { -1, "" };
	int rc = validate_deadline(deadline_cases[_i].in, &e, 5, "Hạn");

	if (deadline_cases[_i].message == NULL) {
		ck_assert_int_eq(rc, 0);
		ck_assert_int_eq(e.field, -1);
	} else {
		ck_assert_int_eq(rc, -1);
		ck_assert_int_eq(e.field, 5);
		ck_assert_str_eq(e.msg, deadline_cases[_i].message);
	}
}
END_TEST

static const struct {
	const char	*in;
	bool		 required;
	double		 min, max;
	int		 rc;
	bool		 has;
	double		 want;
	const char	*message;
} number_cases[] = {
	{ "99,5", true, 0, 100, 0, true, 99.5, NULL },
	{ " 99.5 ", true, 0, 100, 0, true, 99.5, NULL },
	{ "1.234", false, 0, INFINITY, 0, true, 1234, NULL },
	{ "", false, 0, 100, 0, false, 0, NULL },
	{ "  ", false, 0, 100, 0, false, 0, NULL },
	{ "", true, 0, 100, -1, false, 0, "Tỷ lệ is required" },
	{ "abc", true, 0, 100, -1, false, 0, "Tỷ lệ is not a number" },
	{ "1,2,3", false, 0, 100, -1, false, 0, "Tỷ lệ is not a number" },
	{ "150", true, 0, 100, -1, false, 0, "Tỷ lệ must be between 0 and 100" },
	{ "100,5", true, 0, 100, -1, false, 0, "Tỷ lệ must be between 0 and 100" },
	{ "3", true, 0.5, 2.5, -1, false, 0, "Tỷ lệ must be between 0.5 and 2.5" },
	{ "-1", true, 0, INFINITY, -1, false, 0, "Tỷ lệ must be at least 0" },
	{ "7", true, -INFINITY, 5, -1, false, 0, "Tỷ lệ must be at most 5" },
	{ "-3", true, -INFINITY, INFINITY, 0, true, -3, NULL },
};

START_TEST(test_validate_number)
{
	struct err e = { -1, "" };
	double v = -99;
	bool has = true;
	int rc = validate_number(number_cases[_i].in, number_cases[_i].required,
	    number_cases[_i].min, number_cases[_i].max, &v, &has, &e, 4, "Tỷ lệ");

	ck_assert_int_eq(rc, number_cases[_i].rc);
	ck_assert(has == number_cases[_i].has);
	if (number_cases[_i].has)
		ck_assert_double_eq_tol(v, number_cases[_i].want, 1e-12);
	if (rc != 0) {
		ck_assert_int_eq(e.field, 4);
		ck_assert_str_eq(e.msg, number_cases[_i].message);
	}
}
END_TEST

/* ---- plans ---- */

static struct plan_input
new_plan(void)
{
	struct plan_input p = { 0 };

	p.number = "12/KH-UBND";
	/* "Kế hoạch" decomposed. */
	p.title = "Ke" HAT ACUTE " hoa" DOT "ch CCHC 2026";
	p.issuer = "UBND xã";
	p.signer = "";
	snprintf(p.issue_date, sizeof p.issue_date, "2026-01-10");
	p.year_from = p.year_to = 2026;
	return p;
}

START_TEST(test_plan_round_trip)
{
	struct plan_input p = new_plan();
	struct plan got, *list;
	struct err e;
	int n;

	ck_assert_msg(plan_save(db, &p, &p.id, &e) == 0, "%s", e.msg);
	ck_assert_int_gt(p.id, plan_id);
	assert_query_text("SELECT title FROM plan WHERE id = ?1", p.id, "Kế hoạch CCHC 2026");
	assert_query_text("SELECT folded FROM plan WHERE id = ?1", p.id, "ke hoach cchc 2026");
	ck_assert_int_eq(plan_get(db, p.id, &got), 1);
	ck_assert_str_eq(got.issue_date, "2026-01-10");
	plan_free(&got);

	p.title = "Kế hoạch CCHC giai đoạn 2026-2030";
	p.year_to = 2030;
	p.issue_date[0] = '\0';
	ck_assert_msg(plan_save(db, &p, &p.id, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(plan_get(db, p.id, &got), 1);
	ck_assert_str_eq(got.title, "Kế hoạch CCHC giai đoạn 2026-2030");
	ck_assert_int_eq(got.year_to, 2030);
	ck_assert_str_eq(got.issue_date, "");
	plan_free(&got);
	ck_assert_int_eq(query("SELECT count(*) FROM plan WHERE issue_date IS NULL AND id = ?1",
	    p.id), 1);

	ck_assert_int_eq(plan_list(db, &list, &n), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(list[0].id, p.id);	/* the latest first */
	ck_assert_int_eq(list[1].id, plan_id);
	plans_free(list, n);

	assert_undo_restores(plan_delete, p.id, "SELECT count(*) FROM plan WHERE id = ?1");
}
END_TEST

/* The sample plan goes with its targets, tasks and results, and all come
 * back. */
START_TEST(test_plan_delete_cascade)
{
	struct measure m = { true, true, false, 5, 10, 0 };
	struct target *t;
	struct err e;
	int n;

	ck_assert_int_eq(target_list(db, plan_id, 0, YEAR, PERIOD_YEAR, &t, &n), 0);
	ck_assert_int_gt(n, 0);
	ck_assert_msg(result_save(db, &t[4], YEAR, PERIOD_YEAR, &m, "", "", &e) == 0, "%s",
	    e.msg);
	targets_free(t, n);
	ck_assert_int_gt(query("SELECT count(*) FROM task_cooperator", 0), 0);
	assert_undo_restores(plan_delete, plan_id, "SELECT count(*) FROM target WHERE plan_id = ?1");
	ck_assert_int_eq(query("SELECT count(*) FROM result", 0), 1);
}
END_TEST

static const struct {
	const char	*title;
	int		 from, to;
	const char	*issue_date;
	int		 field;
	const char	*message;
} plan_errors[] = {
	{ "", 2026, 2026, "", PF_TITLE, "Title is required" },
	{ " \t ", 2026, 2026, "", PF_TITLE, "Title is required" },
	{ "KH", 1980, 2026, "", PF_YEAR_FROM, "From year must be between 1990 and 2200" },
	{ "KH", 2026, 2300, "", PF_YEAR_TO, "To year must be between 1990 and 2200" },
	{ "KH", 2026, 2025, "", PF_YEAR_TO, "The last year cannot be before the first" },
	{ "KH", 2026, 2026, "2026-02-30", PF_ISSUE_DATE,
	    "Issue date: write the date as dd/mm/yyyy" },
	{ "KH\xff", 2026, 2026, "", PF_TITLE, "Title: not valid UTF-8 text" },
};

START_TEST(test_plan_errors)
{
	struct plan_input p = new_plan();
	struct err e;
	char *before = dump(), *after;

	p.title = plan_errors[_i].title;
	p.year_from = plan_errors[_i].from;
	p.year_to = plan_errors[_i].to;
	snprintf(p.issue_date, sizeof p.issue_date, "%s", plan_errors[_i].issue_date);
	ck_assert_int_eq(plan_save(db, &p, &p.id, &e), -1);
	ck_assert_int_eq(e.field, plan_errors[_i].field);
	ck_assert_str_eq(e.msg, plan_errors[_i].message);
	ck_assert_int_eq(p.id, 0);
	/* The same on an update. */
	p.id = plan_id;
	ck_assert_int_eq(plan_save(db, &p, &p.id, &e), -1);
	ck_assert_int_eq(e.field, plan_errors[_i].field);
	after = dump();
	assert_same_dump(after, before);
	free(before);
	free(after);
}
END_TEST

/* ---- targets ---- */

static struct target_input
new_target(enum target_kind kind, enum comparator cmp, double value)
{
	struct target_input t = { 0 };

	t.plan_id = plan_id;
	t.section_id = tthc;
	/* "Tỷ lệ hồ sơ" partly decomposed. */
	t.text = "Ty" HOOK " le" HAT DOT " ho" HAT GRAVE " so" HORN "";
	t.rule.kind = kind;
	t.rule.cmp = cmp;
	t.rule.value = value;
	t.numerator_label = "Hồ sơ đúng hạn";
	t.denominator_label = "Tổng hồ sơ";
	t.lead_unit_id = unit_find(db, "Trung tâm PVHCC");
	return t;
}

static int64_t
save_target(enum target_kind kind, enum comparator cmp, double value)
{
	struct target_input t = new_target(kind, cmp, value);
	struct err e;

	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	return t.id;
}

START_TEST(test_target_round_trip)
{
	struct target_input t = new_target(TARGET_RATE, CMP_GT, 99);
	struct measure m = { true, true, false, 995, 1000, 0 };
	struct err e;
	int last;

	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_int_gt(t.id, 0);
	assert_query_text("SELECT text FROM target WHERE id = ?1", t.id, "Tỷ lệ hồ sơ");
	assert_query_text("SELECT folded FROM target WHERE id = ?1", t.id, "ty le ho so");
	assert_query_text("SELECT kind || comparator || value FROM target WHERE id = ?1", t.id,
	    "rate>99.0");
	last = (int)query("SELECT max(ord) FROM target WHERE section_id = ?1", tthc);
	ck_assert_int_eq(query("SELECT ord FROM target WHERE id = ?1", t.id), last);

	/* Another kind, a baseline, no lead; then a move of section puts it
	 * last in its new section. */
	t.rule.kind = TARGET_REDUCTION;
	t.rule.cmp = CMP_GE;
	t.rule.value = 30;
	t.rule.has_baseline = true;
	t.rule.baseline = 12.5;
	t.lead_unit_id = 0;
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	assert_query_text("SELECT kind || comparator || value || '/' || baseline || '/' ||"
	    " ifnull(lead_unit_id, 'none') FROM target WHERE id = ?1", t.id,
	    "reduction>=30.0/12.5/none");
	ck_assert_int_eq(query("SELECT ord FROM target WHERE id = ?1", t.id), last);
	t.section_id = chi_dao;
	last = (int)query("SELECT max(ord) FROM target WHERE section_id = ?1", chi_dao);
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(query("SELECT ord FROM target WHERE id = ?1", t.id), last + 1);

	t.rule = (struct target_rule){ TARGET_RATE, CMP_GT, 99, false, 0 };
	ck_assert_msg(target_save(db, &t, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_msg(result_save(db, &(struct target){ .id = t.id, .rule = t.rule }, YEAR,
	    PERIOD_H1, &m, "Báo cáo 12/BC", "", &e) == 0,
	    "%s", e.msg);
	ck_assert_int_eq(query("SELECT count(*) FROM result WHERE target_id = ?1", t.id), 1);
	assert_undo_restores(target_delete, t.id, "SELECT count(*) FROM result WHERE target_id = ?1");
	/* Deleted for good without an undo. */
	ck_assert_int_eq(target_delete(db, t.id, NULL), 0);
	ck_assert_int_eq(query("SELECT count(*) FROM target WHERE id = ?1", t.id), 0);
	ck_assert_int_eq(target_delete(db, t.id, NULL), -1);
}
END_TEST

#define KEEP (-7777)
#define ALL_KEEP KEEP, KEEP, KEEP, KEEP, KEEP

static const struct {
	const char	*text;		/* NULL: keep */
	int64_t		 section;
	int		 kind, cmp;
	double		 value, baseline;	/* baseline: set when not KEEP */
	int64_t		 lead;
	int		 field;
	const char	*message;
} target_errors[] = {
	{ "", KEEP, KEEP, KEEP, KEEP, KEEP, KEEP, TF_TEXT, "Target is required" },
	{ "  ", KEEP, KEEP, KEEP, KEEP, KEEP, KEEP, TF_TEXT, "Target is required" },
	{ NULL, 0, KEEP, KEEP, KEEP, KEEP, KEEP, TF_SECTION, "Choose a section" },
	{ NULL, 999, KEEP, KEEP, KEEP, KEEP, KEEP, TF_SECTION, "Choose a section" },
	{ NULL, KEEP, TARGET_RATE, KEEP, 120, KEEP, KEEP, TF_VALUE,
	    "A rate must be between 0 and 100" },
	{ NULL, KEEP, TARGET_RATE, KEEP, -1, KEEP, KEEP, TF_VALUE,
	    "A rate must be between 0 and 100" },
	{ NULL, KEEP, TARGET_REDUCTION, KEEP, 101, KEEP, KEEP, TF_VALUE,
	    "A reduction must be between 0 and 100" },
	{ NULL, KEEP, TARGET_COUNT, KEEP, -2, KEEP, KEEP, TF_VALUE, "A count cannot be negative" },
	{ NULL, KEEP, TARGET_RANK, KEEP, 0, KEEP, KEEP, TF_VALUE,
	    "A rank must be a whole number from 1" },
	{ NULL, KEEP, TARGET_RANK, KEEP, 2.5, KEEP, KEEP, TF_VALUE,
	    "A rank must be a whole number from 1" },
	{ NULL, KEEP, TARGET_YESNO, KEEP, 2, KEEP, KEEP, TF_VALUE,
	    "A yes/no value must be 0 (no) or 1 (yes)" },
	{ NULL, KEEP, TARGET_YESNO, KEEP, 0.5, KEEP, KEEP, TF_VALUE,
	    "A yes/no value must be 0 (no) or 1 (yes)" },
	{ NULL, KEEP, 9, KEEP, KEEP, KEEP, KEEP, TF_KIND, "Choose the kind of target" },
	{ NULL, KEEP, KEEP, 9, KEEP, KEEP, KEEP, TF_COMPARATOR, "Choose a comparison" },
	{ NULL, KEEP, TARGET_REDUCTION, KEEP, 30, -5, KEEP, TF_BASELINE,
	    "Baseline must be at least 0" },
	{ NULL, KEEP, KEEP, KEEP, KEEP, KEEP, 9999, TF_LEAD_UNIT, "The lead unit does not exist" },
};

START_TEST(test_target_errors)
{
	struct target_input t = new_target(TARGET_RATE, CMP_GE, 98);
	struct err e;
	char *before = dump(), *after;

	if (target_errors[_i].text != NULL)
		t.text = target_errors[_i].text;
	if (target_errors[_i].section != KEEP)
		t.section_id = target_errors[_i].section;
	if (target_errors[_i].kind != KEEP)
		t.rule.kind = (enum target_kind)target_errors[_i].kind;
	if (target_errors[_i].cmp != KEEP)
		t.rule.cmp = (enum comparator)target_errors[_i].cmp;
	if (target_errors[_i].value != KEEP)
		t.rule.value = target_errors[_i].value;
	if (target_errors[_i].baseline != KEEP) {
		t.rule.has_baseline = true;
		t.rule.baseline = target_errors[_i].baseline;
	}
	if (target_errors[_i].lead != KEEP)
		t.lead_unit_id = target_errors[_i].lead;
	ck_assert_int_eq(target_save(db, &t, &t.id, &e), -1);
	ck_assert_int_eq(e.field, target_errors[_i].field);
	ck_assert_str_eq(e.msg, target_errors[_i].message);
	ck_assert_int_eq(t.id, 0);
	/* An update is refused alike. */
	t.id = query("SELECT min(id) FROM target", 0);
	ck_assert_int_eq(target_save(db, &t, &t.id, &e), -1);
	ck_assert_int_eq(e.field, target_errors[_i].field);
	after = dump();
	assert_same_dump(after, before);
	free(before);
	free(after);
}
END_TEST

/* ---- results ---- */

static enum verdict
verdict_of(int64_t id, enum period_kind k, bool *has)
{
	struct target *t;
	enum verdict v = VERDICT_UNKNOWN;
	int n, found = 0;

	ck_assert_int_eq(target_list(db, plan_id, tthc, YEAR, k, &t, &n), 0);
	for (int i = 0; i < n; i++) {
		if (t[i].id == id) {
			v = t[i].verdict;
			*has = t[i].has_result;
			found++;
		}
	}
	targets_free(t, n);
	ck_assert_int_eq(found, 1);
	return v;
}

static struct target
target_by_id(int64_t id)
{
	struct target *list, t = { 0 };
	int n;

	ck_assert_int_eq(target_list(db, plan_id, 0, YEAR, PERIOD_YEAR, &list, &n), 0);
	for (int i = 0; i < n; i++)
		if (list[i].id == id)
			t.rule = list[i].rule;
	targets_free(list, n);
	t.id = id;
	return t;
}

START_TEST(test_result_verdicts)
{
	struct target t = target_by_id(save_target(TARGET_RATE, CMP_GT, 99));
	struct measure m = { true, true, false, 995, 1000, 0 };
	struct err e;
	bool has = false;
	double v;

	ck_assert_msg(result_save(db, &t, YEAR, PERIOD_YEAR, &m, "", "", &e) == 0, "%s",
	    e.msg);
	ck_assert_int_eq(verdict_of(t.id, PERIOD_YEAR, &has), VERDICT_MET);
	ck_assert(has);
	m.numerator = 980;
	ck_assert_int_eq(result_save(db, &t, YEAR, PERIOD_YEAR, &m, "", "", &e), 0);
	ck_assert_int_eq(verdict_of(t.id, PERIOD_YEAR, &has), VERDICT_NOT_MET);
	ck_assert_int_eq(query("SELECT count(*) FROM result WHERE target_id = ?1", t.id), 1);

	/* A rate typed with the decimal comma. */
	ck_assert_int_eq(validate_number("99,5", false, 0, 100, &v, &m.has_value, &e, RF_VALUE,
	    "Tỷ lệ"), 0);
	m.value = v;
	m.has_numerator = m.has_denominator = false;
	ck_assert_int_eq(result_save(db, &t, YEAR, PERIOD_Q1, &m, "", "", &e), 0);
	ck_assert_int_eq(verdict_of(t.id, PERIOD_Q1, &has), VERDICT_MET);
	ck_assert_int_eq(query("SELECT value * 10 FROM result WHERE target_id = ?1 AND "
	    "period_id = (SELECT id FROM period WHERE kind = 'q1')", t.id), 995);

	/* "Không phát sinh": 0 of 0 is accepted and decides nothing. */
	m = (struct measure){ true, true, false, 0, 0, 0 };
	ck_assert_int_eq(result_save(db, &t, YEAR, PERIOD_H1, &m, "", "", &e), 0);
	ck_assert_int_eq(verdict_of(t.id, PERIOD_H1, &has), VERDICT_UNKNOWN);
	ck_assert(has);

	/* Nothing entered deletes the period's result, only that one. */
	m = (struct measure){ 0 };
	ck_assert_int_eq(result_save(db, &t, YEAR, PERIOD_YEAR, &m, " ", "", &e), 0);
	ck_assert_int_eq(verdict_of(t.id, PERIOD_YEAR, &has), VERDICT_UNKNOWN);
	ck_assert(!has);
	ck_assert_int_eq(query("SELECT count(*) FROM result WHERE target_id = ?1", t.id), 2);
	/* A note alone is kept. */
	ck_assert_int_eq(result_save(db, &t, YEAR, PERIOD_YEAR, &m, "", "Chưa có số liệu", &e), 0);
	verdict_of(t.id, PERIOD_YEAR, &has);
	ck_assert(has);
	ck_assert_int_eq(result_delete(db, t.id, YEAR, PERIOD_YEAR), 0);
	ck_assert_int_eq(result_delete(db, t.id, YEAR, PERIOD_M9), 0);
	ck_assert_int_eq(query("SELECT count(*) FROM result WHERE target_id = ?1", t.id), 2);
}
END_TEST

START_TEST(test_result_evidence_nfc)
{
	struct target t = target_by_id(save_target(TARGET_YESNO, CMP_EQ, 1));
	struct measure m = { false, false, true, 0, 0, 1 };
	struct err e;
	bool has;

	ck_assert_int_eq(result_save(db, &t, YEAR, PERIOD_YEAR, &m, "Quye" HAT ACUTE "t ddi" DOT "nh",
	    "", &e), 0);
	assert_query_text("SELECT evidence FROM result WHERE target_id = ?1", t.id, "Quyết ddịnh");
	ck_assert_int_eq(verdict_of(t.id, PERIOD_YEAR, &has), VERDICT_MET);
}
END_TEST

#define FRAC(n, d)	{ true, true, false, (n), (d), 0 }
#define NUM(n)		{ true, false, false, (n), 0, 0 }
#define DEN(d)		{ false, true, false, 0, (d), 0 }
#define VAL(v)		{ false, false, true, 0, 0, (v) }

static const struct {
	struct target_rule	rule;
	struct measure		m;
	int			field;
	const char		*message;
} result_errors[] = {
	{ { TARGET_RATE, CMP_GT, 99, false, 0 }, FRAC(1001, 1000), RF_NUMERATOR,
	    "The numerator cannot exceed the denominator" },
	{ { TARGET_RATE, CMP_GT, 99, false, 0 }, NUM(5), RF_DENOMINATOR,
	    "Enter both the numerator and the denominator" },
	{ { TARGET_RATE, CMP_GT, 99, false, 0 }, DEN(5), RF_NUMERATOR,
	    "Enter both the numerator and the denominator" },
	{ { TARGET_RATE, CMP_GT, 99, false, 0 }, FRAC(5, 0), RF_DENOMINATOR,
	    "The denominator must be above 0 (both 0 when nothing arose)" },
	{ { TARGET_RATE, CMP_GT, 99, false, 0 }, FRAC(-1, 10), RF_NUMERATOR,
	    "Numerator cannot be negative" },
	{ { TARGET_RATE, CMP_GT, 99, false, 0 }, FRAC(0, -10), RF_DENOMINATOR,
	    "Denominator cannot be negative" },
	{ { TARGET_RATE, CMP_GT, 99, false, 0 }, VAL(100.5), RF_VALUE,
	    "A rate must be between 0 and 100" },
	{ { TARGET_COUNT, CMP_GE, 2, false, 0 }, VAL(-1), RF_VALUE, "A count cannot be negative" },
	{ { TARGET_COUNT, CMP_GE, 2, false, 0 }, NUM(-1), RF_NUMERATOR,
	    "A count cannot be negative" },
	{ { TARGET_RANK, CMP_LE, 35, false, 0 }, VAL(0), RF_VALUE,
	    "A rank must be a whole number from 1" },
	{ { TARGET_YESNO, CMP_EQ, 1, false, 0 }, VAL(0.5), RF_VALUE,
	    "A yes/no value must be 0 (no) or 1 (yes)" },
	{ { TARGET_REDUCTION, CMP_GE, 30, false, 0 }, VAL(101), RF_VALUE,
	    "A reduction cannot be more than 100%" },
	{ { TARGET_REDUCTION, CMP_GE, 30, true, 20 }, VAL(-3), RF_VALUE,
	    "The current figure cannot be negative" },
	{ { TARGET_RATE, CMP_GT, 99, false, 0 }, VAL(NAN), -1, "A figure is not a number" },
};

START_TEST(test_result_errors)
{
	struct target t = target_by_id(save_target(result_errors[_i].rule.kind,
	    result_errors[_i].rule.cmp, result_errors[_i].rule.value));
	struct measure ok = { false, false, true, 0, 0, 1 };
	struct err e;
	char *before, *after;

	t.rule = result_errors[_i].rule;
	/* A result already there stays as it was. */
	ck_assert_msg(result_save(db, &t, YEAR, PERIOD_YEAR, &ok, "", "", &e) == 0, "%s",
	    e.msg);
	before = dump();
	ck_assert_int_eq(result_save(db, &t, YEAR, PERIOD_YEAR, &result_errors[_i].m, "", "",
	    &e), -1);
	ck_assert_int_eq(e.field, result_errors[_i].field);
	ck_assert_str_eq(e.msg, result_errors[_i].message);
	after = dump();
	assert_same_dump(after, before);
	free(before);
	free(after);
}
END_TEST

/* A reduction measured against a baseline takes the current figure. */
START_TEST(test_result_reduction_baseline)
{
	struct target_input in = new_target(TARGET_REDUCTION, CMP_GE, 30);
	struct target t;
	struct measure m = VAL(12);
	struct err e;
	bool has;

	in.rule.has_baseline = true;
	in.rule.baseline = 20;
	ck_assert_int_eq(target_save(db, &in, &in.id, &e), 0);
	t = target_by_id(in.id);
	ck_assert_int_eq(result_save(db, &t, YEAR, PERIOD_YEAR, &m, "", "", &e), 0);
	ck_assert_int_eq(verdict_of(t.id, PERIOD_YEAR, &has), VERDICT_MET);	/* 40% */
	m.value = 150;
	ck_assert_int_eq(result_save(db, &t, YEAR, PERIOD_YEAR, &m, "", "", &e), 0);
	ck_assert_int_eq(verdict_of(t.id, PERIOD_YEAR, &has), VERDICT_NOT_MET);
}
END_TEST

/* ---- tasks ---- */

static struct product_input products[2];

static struct task_input
new_task(void)
{
	struct task_input t = { 0 };

	t.plan_id = plan_id;
	t.section_id = tthc;
	t.tt = "9";
	/* "Rà soát" decomposed. */
	t.description = "Ra" GRAVE " soa" ACUTE "t TTHC";
	t.lead_unit_id = unit_find(db, "Trung tâm PVHCC");
	t.monitor_unit_id = unit_find(db, "Phòng VHXH");
	t.progress = PROGRESS_IN_PROGRESS;
	t.evidence = "";
	t.note = "";
	memset(products, 0, sizeof products);
	products[0].name = "Báo cáo";
	products[0].deadline_text = "Quý III/2025";
	products[1].name = "Quyết định";
	products[1].deadline_text = "Theo kế hoạch của UBND tỉnh";
	products[1].due_manual = true;
	snprintf(products[1].due_date, sizeof products[1].due_date, "2025-12-01");
	t.products = products;
	t.nproducts = 2;
	return t;
}

static const struct task *
find_task(const struct task *list, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (list[i].id == id)
			return &list[i];
	ck_abort_msg("task %lld not listed", (long long)id);
	return NULL;
}

START_TEST(test_task_round_trip)
{
	struct task_input t = new_task();
	struct task *list;
	const struct task *got;
	int64_t coop[2] = { unit_find(db, "Phòng Kinh tế"), unit_find(db, "Công an xã") };
	int64_t *ids;
	struct err e;
	int n, nids;

	ck_assert(coop[0] > 0 && coop[1] > 0);
	ck_assert_msg(task_save(db, &t, coop, 2, YEAR, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_int_gt(t.id, 0);
	assert_query_text("SELECT description || '/' || folded FROM task WHERE id = ?1", t.id,
	    "Rà soát TTHC/ra soat tthc");
	ck_assert_int_eq(task_cooperator_ids(db, t.id, &ids, &nids), 0);
	ck_assert_int_eq(nids, 2);
	ck_assert_int_eq(ids[0], coop[0]);
	ck_assert_int_eq(ids[1], coop[1]);
	free(ids);

	ck_assert_int_eq(task_list(db, plan_id, tthc, &list, &n), 0);
	got = find_task(list, n, t.id);
	ck_assert_int_eq(got->nproducts, 2);
	ck_assert_str_eq(got->products[0].due_date, "2025-09-30");
	ck_assert_str_eq(got->products[0].deadline_kind, "date");
	ck_assert(!got->products[0].due_manual);
	ck_assert_str_eq(got->products[1].due_date, "2025-12-01");
	ck_assert_str_eq(got->products[1].deadline_kind, "conditional");
	ck_assert(got->products[1].due_manual);
	ck_assert_str_eq(got->cooperators, "Phòng Kinh tế; Công an xã");
	ck_assert_str_eq(got->due_date, "2025-12-01");
	tasks_free(list, n);

	/* Done, one product (and a blank one left out), the cooperators in the
	 * other order. */
	t.progress = PROGRESS_DONE;
	snprintf(t.completion_date, sizeof t.completion_date, "2025-10-01");
	products[0] = products[1];
	memset(&products[1], 0, sizeof products[1]);
	products[1].name = " ";
	products[1].deadline_text = "";
	coop[0] = coop[1];
	coop[1] = unit_find(db, "Phòng Kinh tế");
	ck_assert_msg(task_save(db, &t, coop, 2, YEAR, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(query("SELECT count(*) FROM product WHERE task_id = ?1", t.id), 1);
	ck_assert_int_eq(task_cooperator_ids(db, t.id, &ids, &nids), 0);
	ck_assert_int_eq(nids, 2);
	ck_assert_int_eq(ids[0], coop[0]);
	ck_assert_int_eq(ids[1], coop[1]);
	free(ids);
	ck_assert_int_eq(task_list(db, plan_id, tthc, &list, &n), 0);
	got = find_task(list, n, t.id);
	ck_assert_int_eq(got->status, STATUS_DONE_ON_TIME);
	ck_assert_str_eq(got->completion_date, "2025-10-01");
	tasks_free(list, n);

	/* No cooperators at all. */
	ck_assert_int_eq(task_save(db, &t, NULL, 0, YEAR, &t.id, &e), 0);
	ck_assert_int_eq(task_cooperator_ids(db, t.id, &ids, &nids), 0);
	ck_assert_int_eq(nids, 0);
	ck_assert_ptr_null(ids);

	ck_assert_int_eq(task_save(db, &t, coop, 2, YEAR, &t.id, &e), 0);
	assert_undo_restores(task_delete, t.id, "SELECT count(*) FROM product WHERE task_id = ?1");
}
END_TEST

/* The evidence document: number and summary in NFC, the date ISO; a
 * blank date is stored as none. */
START_TEST(test_task_evidence)
{
	struct task_input t = new_task();
	struct task *list;
	const struct task *got;
	struct err e;
	int n;

	t.evidence_number = " 120/BC-UBND ";
	snprintf(t.evidence_date, sizeof t.evidence_date, "2025-06-20");
	t.evidence = "Ba" ACUTE "o ca" ACUTE "o kê" ACUTE "t qua" HOOK;
	ck_assert_msg(task_save(db, &t, NULL, 0, YEAR, &t.id, &e) == 0, "%s", e.msg);
	assert_query_text("SELECT evidence_number || '|' || evidence_date || '|' || evidence "
	    "FROM task WHERE id = ?1", t.id, "120/BC-UBND|2025-06-20|Báo cáo kết quả");
	ck_assert_int_eq(task_list(db, plan_id, tthc, &list, &n), 0);
	got = find_task(list, n, t.id);
	ck_assert_str_eq(got->evidence_number, "120/BC-UBND");
	ck_assert_str_eq(got->evidence_date, "2025-06-20");
	ck_assert_str_eq(got->evidence, "Báo cáo kết quả");
	tasks_free(list, n);

	t.evidence_date[0] = '\0';
	ck_assert_msg(task_save(db, &t, NULL, 0, YEAR, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(query("SELECT evidence_date IS NULL FROM task WHERE id = ?1", t.id), 1);
}
END_TEST

/* The sample's tasks, with several products, survive delete and undo. */
START_TEST(test_task_undo_sample)
{
	int64_t id = query("SELECT task_id FROM product GROUP BY task_id HAVING count(*) > 1 "
	    "AND task_id IN (SELECT task_id FROM task_cooperator) LIMIT 1", 0);

	ck_assert_int_gt(id, 0);
	assert_undo_restores(task_delete, id, "SELECT count(*) FROM task_cooperator WHERE task_id = ?1");
}
END_TEST

/* One key in the task list sets the progress alone, with the form's
 * checks on it; the rest of the task stays. */
START_TEST(test_task_set_progress)
{
	struct task_input t = new_task();
	struct err e;
	char *before, *after;

	ck_assert_msg(task_save(db, &t, NULL, 0, YEAR, &t.id, &e) == 0, "%s", e.msg);
	ck_assert_msg(task_set_progress(db, t.id, PROGRESS_DONE, "2025-10-15", &e) == 0, "%s", e.msg);
	assert_query_text("SELECT progress || '|' || completion_date FROM task WHERE id = ?1", t.id,
	    "done|2025-10-15");
	ck_assert_int_eq(task_set_progress(db, t.id, PROGRESS_IN_PROGRESS, "", &e), 0);
	assert_query_text("SELECT progress || '|' || ifnull(completion_date, '-') FROM task WHERE id = ?1",
	    t.id, "in_progress|-");
	before = dump();
	ck_assert_int_eq(task_set_progress(db, t.id, PROGRESS_DONE, "", &e), -1);
	ck_assert_int_eq(e.field, KF_COMPLETION);
	ck_assert_int_eq(task_set_progress(db, t.id, PROGRESS_DONE, "2025-10-16", &e), -1);
	ck_assert_str_eq(e.msg, "The completion date cannot be in the future");
	ck_assert_int_eq(task_set_progress(db, t.id, PROGRESS_NOT_STARTED, "2025-10-01", &e), -1);
	ck_assert_int_eq(task_set_progress(db, 99999, PROGRESS_NOT_STARTED, "", &e), -1);
	ck_assert_str_eq(e.msg, "The task no longer exists");
	after = dump();
	assert_same_dump(after, before);
	free(before);
	free(after);
}
END_TEST

static const struct {
	const char	*description;	/* NULL: keep */
	int64_t		 section, lead, cooperator, monitor;	/* KEEP: keep */
	int		 progress;
	const char	*completion;	/* NULL: keep */
	const char	*manual_due;	/* product 1's; NULL: keep */
	const char	*evidence_date;	/* NULL: keep */
	int		 field;
	const char	*message;
} task_errors[] = {
	{ "", KEEP, KEEP, KEEP, KEEP, KEEP, NULL, NULL, NULL, KF_DESCRIPTION, "Task is required" },
	{ NULL, 0, KEEP, KEEP, KEEP, KEEP, NULL, NULL, NULL, KF_SECTION, "Choose a section" },
	{ NULL, KEEP, 9999, KEEP, KEEP, KEEP, NULL, NULL, NULL, KF_LEAD,
	    "The lead unit does not exist" },
	{ NULL, KEEP, KEEP, 9999, KEEP, KEEP, NULL, NULL, NULL, KF_COOPERATORS,
	    "A cooperating unit does not exist" },
	{ NULL, KEEP, KEEP, 0, KEEP, KEEP, NULL, NULL, NULL, KF_COOPERATORS,
	    "The lead unit cannot also be a cooperating unit" },
	{ NULL, KEEP, KEEP, KEEP, 9999, KEEP, NULL, NULL, NULL, KF_MONITOR,
	    "The monitoring unit does not exist" },
	{ NULL, KEEP, KEEP, KEEP, KEEP, 7, NULL, NULL, NULL, KF_PROGRESS, "Choose the progress" },
	{ NULL, KEEP, KEEP, KEEP, KEEP, PROGRESS_DONE, "", NULL, NULL, KF_COMPLETION,
	    "A done task needs its completion date" },
	{ NULL, KEEP, KEEP, KEEP, KEEP, PROGRESS_IN_PROGRESS, "2025-10-01", NULL, NULL,
	    KF_COMPLETION, "Only a done task has a completion date" },
	{ NULL, KEEP, KEEP, KEEP, KEEP, PROGRESS_DONE, "2025-10-16", NULL, NULL, KF_COMPLETION,
	    "The completion date cannot be in the future" },
	{ NULL, KEEP, KEEP, KEEP, KEEP, PROGRESS_DONE, "2025-02-29", NULL, NULL, KF_COMPLETION,
	    "Completion date: write the date as dd/mm/yyyy" },
	{ NULL, KEEP, KEEP, KEEP, KEEP, KEEP, NULL, "2025-13-01", NULL, KF_PRODUCT + 2 * 1 + 1,
	    "Deadline: write the date as dd/mm/yyyy" },
	{ NULL, KEEP, KEEP, KEEP, KEEP, KEEP, NULL, NULL, "2025-06-31", KF_EVIDENCE_DATE,
	    "Evidence date: write the date as dd/mm/yyyy" },
	{ NULL, KEEP, KEEP, KEEP, KEEP, KEEP, NULL, NULL, "2025-10-16", KF_EVIDENCE_DATE,
	    "The evidence date cannot be in the future" },
};

START_TEST(test_task_errors)
{
	struct task_input t = new_task();
	int64_t coop[1] = { unit_find(db, "Phòng Kinh tế") };
	struct err e;
	char *before, *after;

	/* An existing task, to see an update refused too. */
	ck_assert_msg(task_save(db, &t, coop, 1, YEAR, &t.id, &e) == 0, "%s", e.msg);
	before = dump();
	if (task_errors[_i].description != NULL)
		t.description = task_errors[_i].description;
	if (task_errors[_i].section != KEEP)
		t.section_id = task_errors[_i].section;
	if (task_errors[_i].lead != KEEP)
		t.lead_unit_id = task_errors[_i].lead;
	if (task_errors[_i].cooperator != KEEP)
		coop[0] = task_errors[_i].cooperator ? task_errors[_i].cooperator : t.lead_unit_id;
	if (task_errors[_i].monitor != KEEP)
		t.monitor_unit_id = task_errors[_i].monitor;
	if (task_errors[_i].progress != KEEP)
		t.progress = (enum task_progress)task_errors[_i].progress;
	if (task_errors[_i].completion != NULL)
		snprintf(t.completion_date, sizeof t.completion_date, "%s",
		    task_errors[_i].completion);
	if (task_errors[_i].manual_due != NULL)
		snprintf(products[1].due_date, sizeof products[1].due_date, "%s",
		    task_errors[_i].manual_due);
	if (task_errors[_i].evidence_date != NULL)
		snprintf(t.evidence_date, sizeof t.evidence_date, "%s",
		    task_errors[_i].evidence_date);
	ck_assert_int_eq(task_save(db, &t, coop, 1, YEAR, &t.id, &e), -1);
	ck_assert_int_eq(e.field, task_errors[_i].field);
	ck_assert_str_eq(e.msg, task_errors[_i].message);
	t.id = 0;
	ck_assert_int_eq(task_save(db, &t, coop, 1, YEAR, &t.id, &e), -1);
	ck_assert_int_eq(e.field, task_errors[_i].field);
	ck_assert_int_eq(t.id, 0);
	after = dump();
	assert_same_dump(after, before);
	free(before);
	free(after);
}
END_TEST

/* ---- units ---- */

static int
delete_unit(struct db *d, int64_t id, struct trash **undo)
{
	struct err e;

	return unit_delete(d, id, undo, &e);
}

/* A sample unit's aliases: every spelling but the name and short name,
 * each once. */
static void
assert_sample_aliases(int64_t id)
{
	char *aliases = unit_aliases(db, id), *save = NULL;
	int n = 0;

	ck_assert_ptr_nonnull(aliases);
	for (char *a = strtok_r(aliases, ";", &save); a; a = strtok_r(NULL, ";", &save), n++) {
		a += *a == ' ';
		ck_assert_int_eq(unit_find(db, a), id);
		ck_assert_str_ne(a, "Phòng Văn hóa - Xã hội");
		ck_assert_str_ne(a, "Phòng VHXH");
	}
	ck_assert_int_eq(n, query("SELECT count(*) - 2 FROM unit_alias WHERE unit_id = ?1", id));
	free(aliases);
}

START_TEST(test_unit_round_trip)
{
	struct unit_input u = { 0, "Ban Chi" HOOK " huy qua" HAT "n su" HORN DOT, "BCHQS" };
	struct err e;
	char *aliases;

	ck_assert_msg(unit_save(db, &u, "Ban CHQS xã; ; Ban chỉ huy quân sự xã ;BCHQS", &u.id,
	    &e) == 0,
	    "%s", e.msg);
	ck_assert_int_gt(u.id, 0);
	assert_query_text("SELECT name || '/' || folded FROM unit WHERE id = ?1", u.id,
	    "Ban Chỉ huy quân sự/ban chi huy quan su");
	ck_assert_int_eq(unit_find(db, "ban chi huy quan su"), u.id);
	ck_assert_int_eq(unit_find(db, "bchqs"), u.id);
	ck_assert_int_eq(unit_find(db, "Ban CHQS xã"), u.id);
	aliases = unit_aliases(db, u.id);
	ck_assert_str_eq(aliases, "Ban CHQS xã; Ban chỉ huy quân sự xã");
	free(aliases);

	/* The alias set is replaced; the name can change its case. */
	u.name = "Ban chỉ huy quân sự";
	u.short_name = "";
	ck_assert_msg(unit_save(db, &u, "Ban CHQS", &u.id, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(unit_find(db, "Ban CHQS xã"), 0);
	ck_assert_int_eq(unit_find(db, "BCHQS"), 0);
	ck_assert_int_eq(unit_find(db, "Ban CHQS"), u.id);
	aliases = unit_aliases(db, u.id);
	ck_assert_str_eq(aliases, "Ban CHQS");
	free(aliases);
	assert_sample_aliases(unit_find(db, "Phòng VHXH"));

	assert_undo_restores(delete_unit, u.id, "SELECT count(*) FROM unit_alias WHERE unit_id = ?1");
	aliases = unit_aliases(db, u.id);
	ck_assert_str_eq(aliases, "Ban CHQS");
	free(aliases);
}
END_TEST

static const struct {
	const char	*name, *short_name, *aliases;
	int		 field;
	const char	*message;
} unit_errors[] = {
	{ "", "", "", UF_NAME, "Name is required" },
	{ " ", "X", "", UF_NAME, "Name is required" },
	{ "phòng kinh tế", "", "", UF_NAME, "\"phòng kinh tế\" already names the unit Phòng Kinh tế" },
	{ "Ban mới", "Phòng KT", "", UF_SHORT_NAME,
	    "\"Phòng KT\" already names the unit Phòng Kinh tế" },
	{ "Ban mới", "", "Ban A; Phòng VHXH", UF_ALIASES,
	    "\"Phòng VHXH\" already names the unit Phòng Văn hóa - Xã hội" },
	{ "Ban mới", "", "Ban A;VHXH", UF_ALIASES,
	    "\"VHXH\" already names the unit Phòng Văn hóa - Xã hội" },
	{ "Ban\xff", "", "", UF_NAME, "Name: not valid UTF-8 text" },
};

START_TEST(test_unit_errors)
{
	struct unit_input u = { 0, unit_errors[_i].name, unit_errors[_i].short_name };
	struct err e;
	char *before = dump(), *after;

	ck_assert_int_eq(unit_save(db, &u, unit_errors[_i].aliases, &u.id, &e), -1);
	ck_assert_int_eq(e.field, unit_errors[_i].field);
	ck_assert_str_eq(e.msg, unit_errors[_i].message);
	ck_assert_int_eq(u.id, 0);
	/* Renaming another unit so is refused alike. */
	u.id = unit_find(db, "Trạm y tế");
	ck_assert_int_gt(u.id, 0);
	ck_assert_int_eq(unit_save(db, &u, unit_errors[_i].aliases, &u.id, &e), -1);
	ck_assert_int_eq(e.field, unit_errors[_i].field);
	after = dump();
	assert_same_dump(after, before);
	free(before);
	free(after);
}
END_TEST

/* A unit in use stays, and the message counts each task once. */
START_TEST(test_unit_in_use)
{
	int64_t id = unit_find(db, "Phòng VHXH");
	struct trash *undo = (struct trash *)&undo;
	struct err e;
	char *before = dump(), *after, want[256];
	int tasks, targets;

	ck_assert_int_eq(unit_usage(db, id, &tasks, &targets), 0);
	ck_assert_int_eq(tasks, query("SELECT count(*) FROM task WHERE lead_unit_id = ?1 OR "
	    "monitor_unit_id = ?1 OR id IN (SELECT task_id FROM task_cooperator WHERE "
	    "unit_id = ?1)", id));
	ck_assert_int_eq(targets, query("SELECT count(*) FROM target WHERE lead_unit_id = ?1", id));
	ck_assert_int_gt(tasks, 0);
	ck_assert_int_gt(targets, 0);
	snprintf(want, sizeof want, "The unit is used by %d tasks and %d targets; change them first",
	    tasks, targets);
	ck_assert_int_eq(unit_delete(db, id, &undo, &e), -1);
	ck_assert_ptr_null(undo);
	ck_assert_int_eq(e.field, -1);
	ck_assert_str_eq(e.msg, want);
	after = dump();
	assert_same_dump(after, before);
	free(before);
	free(after);
}
END_TEST

START_TEST(test_unit_usage_roles)
{
	struct unit_input u = { 0, "Ban Tuyên giáo", "" };
	struct task_input t = new_task();
	struct target_input g = new_target(TARGET_COUNT, CMP_GE, 2);
	struct err e;
	int64_t coop[1];
	int tasks = -1, targets = -1;

	ck_assert_int_eq(unit_save(db, &u, "", &u.id, &e), 0);
	ck_assert_int_eq(unit_usage(db, u.id, &tasks, &targets), 0);
	ck_assert_int_eq(tasks, 0);
	ck_assert_int_eq(targets, 0);
	/* Monitor and cooperator of one task, cooperator of another. */
	coop[0] = u.id;
	t.monitor_unit_id = u.id;
	ck_assert_msg(task_save(db, &t, coop, 1, YEAR, &t.id, &e) == 0, "%s", e.msg);
	t.id = 0;
	t.monitor_unit_id = 0;
	ck_assert_msg(task_save(db, &t, coop, 1, YEAR, &t.id, &e) == 0, "%s", e.msg);
	g.lead_unit_id = u.id;
	ck_assert_msg(target_save(db, &g, &g.id, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(unit_usage(db, u.id, &tasks, &targets), 0);
	ck_assert_int_eq(tasks, 2);
	ck_assert_int_eq(targets, 1);
	ck_assert_int_eq(unit_delete(db, u.id, NULL, &e), -1);
	ck_assert_str_eq(e.msg,
	    "The unit is used by 2 tasks and 1 targets; change them first");
}
END_TEST

/* An undo that would clash with what was added since fails whole. */
START_TEST(test_undo_conflict)
{
	struct unit_input u = { 0, "Ban Dân vận", "BDV" }, again = { 0, "Ban Dân vận", "" };
	struct trash *undo;
	struct err e;
	char *before, *after;

	ck_assert_int_eq(unit_save(db, &u, "Dân vận", &u.id, &e), 0);
	ck_assert_int_eq(unit_delete(db, u.id, &undo, &e), 0);
	ck_assert_int_eq(unit_find(db, "BDV"), 0);
	ck_assert_int_eq(unit_save(db, &again, "", &again.id, &e), 0);
	before = dump();
	ck_assert_int_eq(trash_restore(db, undo), -1);
	ck_assert_ptr_nonnull(strstr(db_error(db), "Cannot undo the delete: UNIQUE"));
	after = dump();
	assert_same_dump(after, before);
	ck_assert_int_eq(trash_restore(db, NULL), -1);
	trash_free(undo);
	free(before);
	free(after);
}
END_TEST

/* The loaders' entry points keep working, with the same checks. */
START_TEST(test_loader_wrappers)
{
	struct target_input t = new_target(TARGET_RATE, CMP_GE, 150);
	struct plan_input p = new_plan();
	int64_t id;

	ck_assert_int_eq(db_begin(db), 0);
	ck_assert_int_eq(target_insert(db, &t), -1);
	ck_assert_str_eq(db_error(db), "A rate must be between 0 and 100");
	t.rule.value = 98;
	ck_assert_int_gt(target_insert(db, &t), 0);
	p.title = "";
	ck_assert_int_eq(plan_insert(db, &p), -1);
	ck_assert_str_eq(db_error(db), "Title is required");
	id = unit_add(db, "Phòng Kinh tế xã", "", "Kinh tế");
	ck_assert_int_eq(id, unit_find(db, "Phòng KT"));
	ck_assert_int_eq(unit_find(db, "kinh te"), id);
	db_rollback(db);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("edit");
	TCase *tc;

	tc = tcase_create("validate");
	tcase_add_loop_test(tc, test_validate_date, 0, NELEM(date_cases));
	tcase_add_loop_test(tc, test_validate_month, 0, NELEM(month_cases));
	tcase_add_loop_test(tc, test_validate_deadline, 0, NELEM(deadline_cases));
	tcase_add_loop_test(tc, test_validate_number, 0, NELEM(number_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("records");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_plan_round_trip);
	tcase_add_test(tc, test_plan_delete_cascade);
	tcase_add_loop_test(tc, test_plan_errors, 0, NELEM(plan_errors));
	tcase_add_test(tc, test_target_round_trip);
	tcase_add_loop_test(tc, test_target_errors, 0, NELEM(target_errors));
	tcase_add_test(tc, test_result_verdicts);
	tcase_add_test(tc, test_result_evidence_nfc);
	tcase_add_loop_test(tc, test_result_errors, 0, NELEM(result_errors));
	tcase_add_test(tc, test_result_reduction_baseline);
	tcase_add_test(tc, test_task_round_trip);
	tcase_add_test(tc, test_task_evidence);
	tcase_add_test(tc, test_task_undo_sample);
	tcase_add_test(tc, test_task_set_progress);
	tcase_add_loop_test(tc, test_task_errors, 0, NELEM(task_errors));
	tcase_add_test(tc, test_unit_round_trip);
	tcase_add_loop_test(tc, test_unit_errors, 0, NELEM(unit_errors));
	tcase_add_test(tc, test_unit_in_use);
	tcase_add_test(tc, test_unit_usage_roles);
	tcase_add_test(tc, test_undo_conflict);
	tcase_add_test(tc, test_loader_wrappers);
	suite_add_tcase(s, tc);

	return fixture_run(s);
}
