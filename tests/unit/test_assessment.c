/* Unit tests for a year's assessment (assessment.c): a full self-assessment
 * of the shipped commune template with every total worked out by hand
 * below, appraisal rounds, the index with and without the survey, entry
 * checks, evidence, the comparison with the previous year, and computed
 * criteria following the tracked data when results, tasks and SIPAS forms
 * change. */
#include <check.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/par/assessment.h"
#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/result.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/validate.h"
#include "core/sipas/sipas.h"
#include "core/store/db.h"
#include "core/store/office.h"
#include "core/store/trash.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])


static const struct date today = { 2025, 10, 15 };

static struct db *db;
static int64_t set;


static void
open_db(bool sample)
{
	date_set_today(today);
	db = fixture_open("assessment", true, sample);
	setenv("CCHC_DATADIR", fixture_datadir(), 1);
	set = criteria_import_template(db, 2025);
	ck_assert_msg(set > 0, "%s", db_error(db));
}

/* No plan at all: every "target:" source finds nothing, and the two
 * sources over all tasks and targets find 0 of 0 -- "không phát sinh". */
static void
setup_empty(void)
{
	open_db(false);
}

static void
setup_sample(void)
{
	open_db(true);
}

static void
teardown(void)
{
	fixture_close(db);
}

static int
line(const struct assessment *a, const char *code)
{
	for (int i = 0; i < a->set.n; i++)
		if (strcmp(a->set.nodes[i].code, code) == 0)
			return i;
	ck_abort_msg("no criterion %s", code);
	return -1;
}

static int64_t
id_of(const char *code)
{
	struct assessment a;
	int64_t id;

	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	id = a.set.nodes[line(&a, code)].id;
	assessment_free(&a);
	return id;
}

/* What the office types for a leaf. */
struct typed {
	const char *code;
	bool has_a;
	double a;
	bool has_override;
	double override;
	const char *reason;
	bool has_r1, has_r2;
	double r1, r2;
};

static void
enter(int year, const struct typed *t)
{
	struct par_entry e = { 0 };
	struct err err;

	e.in.has_a = t->has_a;
	e.in.a = t->a;
	e.has_override = t->has_override;
	e.override = t->override;
	e.reason = t->reason;
	e.has_r1 = t->has_r1;
	e.r1 = t->r1;
	e.has_r2 = t->has_r2;
	e.r2 = t->r2;
	e.explanation = "";
	ck_assert_msg(assessment_entry_save(db, set, year, id_of(t->code), &e, &err) == 0,
	    "%s: %s", t->code, err.msg);
}

/* The year 2025, by hand (the template's rules; no plan, so "target:"
 * sources give nothing and score 0 unless overridden):
 *
 *  1   1.1 yes/no, yes                           1
 *      1.2 tasks_on_time 0 of 0: empty=zero      0
 *      1.3 no target; override 1.5 (reason)      1.5
 *      1.4, 1.5, 1.6 no target                   0
 *      1.7 targets_met 0 of 0: empty=zero        0
 *      1.8 bonus 1 x 0.5 (cap 1)                 0.5
 *                                        total   3      of 12
 *  2   2.1 override 2 (reason)                   2      of 6
 *  3   3.2 override 4; appraised r1 3, r2 3.5    4
 *      3.4 yes                                   2
 *      3.5 no                                    0
 *      3.6 deduct 5 x 0.25 from 1: -0.25 floor  -0.25
 *      3.7 penalty 1 x 0.5                      -0.5
 *                                        total   5.25   of 14
 *  4   4.2 yes 1, 4.3 yes 1, 4.4 manual 1.75     3.75   of 6
 *  5   5.4 deduct 1 x 0.5 from 2: 1.5; 5.5 yes 2 3.5    of 10
 *  6   6.2 yes 1, 6.3 yes 1.5, 6.4 yes 1.5,
 *      6.5 no 0                                  4      of 8
 *  7   nothing                                   0      of 12
 *  appraised part: 3 + 2 + 5.25 + 3.75 + 3.5 + 4 + 0 = 21.5 of 68
 *  8   8.1 survey 17.5, 8.2 survey 10.25         27.75  of 32
 *  total 21.5 + 27.75 = 49.25 of 100: index 49.25, band D
 *  appraised: 1.1 r1 0 (-1), 3.2 r2 3.5 (-0.5): 47.75, band D
 *  without a survey: 21.5 / 68 x 100 = 31.617... -> 31.62; appraised
 *  20 / 68 x 100 = 29.411... -> 29.41 */
static const struct typed year2025[] = {
	{ "1.1", true, 1, false, 0, NULL, true, false, 0, 0 },
	{ "1.3", false, 0, true, 1.5, "Đã kiểm tra 2 của 4 phòng", false, false, 0, 0 },
	{ "1.8", true, 1, false, 0, NULL, false, false, 0, 0 },
	{ "2.1", false, 0, true, 2, "100% văn bản đúng quy định", false, false, 0, 0 },
	{ "3.2", false, 0, true, 4, "Số liệu của tỉnh: 98,5%", true, true, 3, 3.5 },
	{ "3.4", true, 1, false, 0, NULL, false, false, 0, 0 },
	{ "3.5", true, 0, false, 0, NULL, false, false, 0, 0 },
	{ "3.6", true, 5, false, 0, NULL, false, false, 0, 0 },
	{ "3.7", true, 1, false, 0, NULL, false, false, 0, 0 },
	{ "4.2", true, 1, false, 0, NULL, false, false, 0, 0 },
	{ "4.3", true, 1, false, 0, NULL, false, false, 0, 0 },
	{ "4.4", true, 1.75, false, 0, NULL, false, false, 0, 0 },
	{ "5.4", true, 1, false, 0, NULL, false, false, 0, 0 },
	{ "5.5", true, 1, false, 0, NULL, false, false, 0, 0 },
	{ "6.2", true, 1, false, 0, NULL, false, false, 0, 0 },
	{ "6.3", true, 1, false, 0, NULL, false, false, 0, 0 },
	{ "6.4", true, 1, false, 0, NULL, false, false, 0, 0 },
	{ "6.5", true, 0, false, 0, NULL, false, false, 0, 0 },
	{ "8.1", true, 17.5, false, 0, NULL, false, false, 0, 0 },
	{ "8.2", true, 10.25, false, 0, NULL, false, false, 0, 0 },
};

static const struct {
	const char *code;
	double points;
} expected2025[] = {
	{ "1.1", 1 }, { "1.2", 0 }, { "1.3", 1.5 }, { "1.4", 0 }, { "1.7", 0 }, { "1.8", 0.5 },
	{ "1", 3 }, { "2", 2 }, { "3.6", -0.25 }, { "3.7", -0.5 }, { "3", 5.25 },
	{ "4", 3.75 }, { "5.4", 1.5 }, { "5", 3.5 }, { "6", 4 }, { "7", 0 }, { "8", 27.75 },
};

#define EPS 1e-9

START_TEST(test_full)
{
	struct assessment a;

	for (size_t i = 0; i < NELEM(year2025); i++)
		enter(2025, &year2025[i]);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert_int_gt(a.id, 0);
	for (size_t i = 0; i < NELEM(expected2025); i++)
		ck_assert_msg(fabs(a.lines[line(&a, expected2025[i].code)].points -
		    expected2025[i].points) < EPS, "%s: %g, not %g", expected2025[i].code,
		    a.lines[line(&a, expected2025[i].code)].points, expected2025[i].points);
	ck_assert_double_eq_tol(a.total, 49.25, EPS);
	ck_assert_double_eq_tol(a.max, 100, EPS);
	ck_assert_double_eq_tol(a.survey, 27.75, EPS);
	ck_assert_double_eq_tol(a.survey_max, 32, EPS);
	ck_assert_double_eq_tol(a.self.index, 49.25, EPS);
	ck_assert_str_eq(a.self.band, "D");
	ck_assert(a.has_appraised);
	ck_assert_double_eq_tol(a.appraised.points, 47.75, EPS);
	ck_assert_double_eq_tol(a.lines[line(&a, "3")].appraised, 4.75, EPS);
	/* the computed inputs say where they came from */
	ck_assert(a.lines[line(&a, "1.2")].computed);
	ck_assert_ptr_nonnull(strstr(a.lines[line(&a, "1.2")].source_text, "0 of 0"));
	ck_assert_ptr_nonnull(strstr(a.lines[line(&a, "1.3")].source_text, "Kiểm tra CCHC"));
	ck_assert(!a.lines[line(&a, "1.3")].has_self);
	ck_assert_str_eq(a.lines[line(&a, "1.3")].reason, "Đã kiểm tra 2 của 4 phòng");
	assessment_free(&a);

	ck_assert_int_eq(assessment_set_survey(db, set, 2025, false), 0);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert(!a.survey_held);
	ck_assert_double_eq_tol(a.self.points, 21.5, EPS);
	ck_assert_double_eq_tol(a.self.max, 68, EPS);
	ck_assert_double_eq_tol(a.self.index, 31.62, EPS);
	ck_assert_double_eq_tol(a.appraised.index, 29.41, EPS);
	assessment_free(&a);
}
END_TEST

/* The bands of the index: 90 is A, 89.99 B (the set's defaults A >= 90,
 * B 80-<90, C 70-<80, D < 70), by raising points on a copy in memory. */
START_TEST(test_index_bands)
{
	struct assessment a;
	int i;

	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	i = line(&a, "8.1");
	/* 1.2 and 1.7 (empty=zero) give nothing for an empty plan: 0 so far */
	ck_assert_double_eq_tol(a.total, 0, EPS);
	a.lines[i].has_override = true;
	a.lines[i].override = 90;	/* an override is not capped */
	assessment_compute(&a);
	ck_assert_double_eq_tol(a.self.index, 90, EPS);
	ck_assert_str_eq(a.self.band, "A");
	a.lines[i].override = 89.99;
	assessment_compute(&a);
	ck_assert_str_eq(a.self.band, "B");
	a.lines[i].override = 70;
	assessment_compute(&a);
	ck_assert_str_eq(a.self.band, "C");
	a.lines[i].override = 69.99;
	assessment_compute(&a);
	ck_assert_str_eq(a.self.band, "D");
	assessment_free(&a);
}
END_TEST

/* Entries refused, naming the field. */
static const struct {
	const char *code;
	struct par_entry e;
	int field;
} refused[] = {
	{ "1.1", { { true, false, 2, 0 }, false, 0, NULL, false, false, 0, 0, "", NULL, NULL, 0, NULL }, EF_A },
	{ "1.1", { { true, true, 1, 1 }, false, 0, NULL, false, false, 0, 0, "", NULL, NULL, 0, NULL }, EF_B },
	{ "4.4", { { true, false, 2.5, 0 }, false, 0, NULL, false, false, 0, 0, "", NULL, NULL, 0, NULL }, EF_A },
	{ "8.1", { { true, false, -1, 0 }, false, 0, NULL, false, false, 0, 0, "", NULL, NULL, 0, NULL }, EF_A },
	{ "1.1", { { false, false, 0, 0 }, true, 1, "", false, false, 0, 0, "", NULL, NULL, 0, NULL }, EF_REASON },
	{ "1.1", { { false, false, 0, 0 }, true, 1, "  ", false, false, 0, 0, "", NULL, NULL, 0, NULL }, EF_REASON },
	{ "1.1", { { false, false, 0, 0 }, false, 0, NULL, true, false, 2, 0, "", NULL, NULL, 0, NULL }, EF_R1 },
	{ "3.6", { { true, false, -1, 0 }, false, 0, NULL, false, false, 0, 0, "", NULL, NULL, 0, NULL }, EF_A },
	{ "1", { { true, false, 1, 0 }, false, 0, NULL, false, false, 0, 0, "", NULL, NULL, 0, NULL }, -1 },
	/* a reason without an override was dropped (issue 19) */
	{ "1.1", { { true, false, 1, 0 }, false, 0, "Sai số liệu", true, false, 0.5, 0, "", NULL,
	    NULL, 0, NULL }, EF_REASON },
};

START_TEST(test_refused)
{
	struct err e;

	ck_assert_int_eq(assessment_entry_save(db, set, 2025, id_of(refused[_i].code),
	    &refused[_i].e, &e), -1);
	ck_assert_int_eq(e.field, refused[_i].field);
	ck_assert_str_ne(e.msg, "");
}
END_TEST

START_TEST(test_evidence)
{
	struct err e;
	struct assessment a;
	struct trash *undo;
	int64_t c = id_of("1.1");
	int i;

	ck_assert_int_eq(assessment_evidence_add(db, set, 2025, c, "", "", "", &e), -1);
	ck_assert_int_eq(e.field, EF_EVIDENCE_NUMBER);
	ck_assert_int_eq(assessment_evidence_add(db, set, 2025, c, "12/KH-UBND", "2025-13-01",
	    "x", &e), -1);
	ck_assert_int_eq(e.field, EF_EVIDENCE_DATE);
	ck_assert_msg(assessment_evidence_add(db, set, 2025, c, "12/KH-UBND", "2025-01-20",
	    "Kế hoạch CCHC năm 2025", &e) == 0, "%s", e.msg);
	ck_assert_int_eq(assessment_evidence_add(db, set, 2025, c, "", "",
	    "Kế hoạch tuyên truyền", &e), 0);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	i = line(&a, "1.1");
	ck_assert_int_eq(a.lines[i].nevidence, 2);
	ck_assert_str_eq(a.lines[i].evidence[0].number, "12/KH-UBND");
	ck_assert_str_eq(a.lines[i].evidence[0].date, "2025-01-20");
	ck_assert_str_eq(a.lines[i].evidence[1].date, "");
	ck_assert_int_eq(assessment_evidence_delete(db, a.lines[i].evidence[0].id, &undo), 0);
	assessment_free(&a);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert_int_eq(a.lines[line(&a, "1.1")].nevidence, 1);
	assessment_free(&a);
	/* undone: the document is back, first again */
	ck_assert_int_eq(trash_restore(db, undo), 0);
	trash_free(undo);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	i = line(&a, "1.1");
	ck_assert_int_eq(a.lines[i].nevidence, 2);
	ck_assert_str_eq(a.lines[i].evidence[0].number, "12/KH-UBND");
	assessment_free(&a);
}
END_TEST

/* Every row of every table, as text: two equal snapshots mean a save
 * changed nothing, not even the history. */
static char *
snapshot(void)
{
	sqlite3_str *out = sqlite3_str_new(db_sqlite(db));
	sqlite3_stmt *tables, *rows;

	ck_assert_int_eq(sqlite3_prepare_v2(db_sqlite(db), "SELECT name FROM sqlite_schema "
	    "WHERE type = 'table' ORDER BY name", -1, &tables, NULL), SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"",
		    (const char *)sqlite3_column_text(tables, 0));

		ck_assert_int_eq(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &rows, NULL), SQLITE_OK);
		sqlite3_free(sql);
		sqlite3_str_appendf(out, "%s\n", sqlite3_column_text(tables, 0));
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(rows); c++)
				sqlite3_str_appendf(out, "%s|", sqlite3_column_type(rows, c) ==
				    SQLITE_NULL ? "NULL" : (const char *)sqlite3_column_text(rows, c));
			sqlite3_str_appendchar(out, 1, '\n');
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	return sqlite3_str_finish(out);
}

/* Fails showing where two snapshots first differ (whole ones are too long
 * for Check's messages). */
static void
same_snapshot(const char *before, const char *after)
{
	size_t k = 0;

	while (before[k] != '\0' && before[k] == after[k])
		k++;
	k = k > 80 ? k - 80 : 0;
	ck_assert_msg(strcmp(before, after) == 0, "before: ...%.200s\nafter: ...%.200s",
	    before + k, after + k);
}

/* Issue 19: re-saving an entry (a typo fixed in the override's reason, the
 * appraisal recorded) kept the entry row but its INSERT OR REPLACE deleted
 * the documents hanging on it. */
START_TEST(test_resave_keeps_evidence)
{
	struct typed t = { "1.3", false, 0, true, 1.5, "Kiem tra 2 phong", false, false, 0, 0 };
	struct err e;
	struct assessment a;
	int64_t doc;
	int i;

	enter(2025, &t);
	ck_assert_int_eq(assessment_evidence_add(db, set, 2025, id_of("1.3"), "05/KH-UBND",
	    "2025-02-10", "Kế hoạch kiểm tra CCHC", &e), 0);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	doc = a.lines[line(&a, "1.3")].evidence[0].id;
	assessment_free(&a);
	t.reason = "Kiểm tra 2 phòng";
	enter(2025, &t);
	t.has_r1 = true;
	t.r1 = 1;
	enter(2025, &t);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	i = line(&a, "1.3");
	ck_assert_int_eq(a.lines[i].nevidence, 1);
	ck_assert_int_eq(a.lines[i].evidence[0].id, doc);
	ck_assert_str_eq(a.lines[i].reason, "Kiểm tra 2 phòng");
	ck_assert_double_eq_tol(a.lines[i].r1, 1, EPS);
	assessment_free(&a);
}
END_TEST

/* The entry's form lists its documents: saved with the entry, each is
 * edited in place, removed when cleared, and a new one added; a bad date
 * names the document's field. */
START_TEST(test_documents)
{
	struct par_entry en = { { true, false, 1, 0 }, false, 0, NULL, false, false, 0, 0, "",
	    NULL, NULL, 0, NULL };
	struct par_document docs[3];
	struct err e;
	struct assessment a;
	int64_t c = id_of("1.1"), first, second;
	int i;

	ck_assert_int_eq(assessment_evidence_add(db, set, 2025, c, "12/KH-UBND", "2025-01-20",
	    "Kế hoạch CCHC", &e), 0);
	ck_assert_int_eq(assessment_evidence_add(db, set, 2025, c, "15/KH-UBND", "",
	    "Kế hoạch tuyên truyền", &e), 0);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	i = line(&a, "1.1");
	first = a.lines[i].evidence[0].id;
	second = a.lines[i].evidence[1].id;
	assessment_free(&a);
	docs[0] = (struct par_document){ first, "12/KH-UBND", "2025-01-21", "Kế hoạch CCHC năm" };
	docs[1] = (struct par_document){ second, "15/KH-UBND", "2025-02-30", "x" };
	docs[2] = (struct par_document){ 0, "", "", "" };
	en.ndocuments = 3;
	en.documents = docs;
	ck_assert_int_eq(assessment_entry_save(db, set, 2025, c, &en, &e), -1);
	ck_assert_int_eq(e.field, EF_DOCUMENT(1, EF_EVIDENCE_DATE));
	docs[1] = (struct par_document){ second, " ", "", "" };
	docs[2] = (struct par_document){ 0, "20/BC-UBND", "2025-12-15", "Báo cáo CCHC" };
	/* and the appraisal of round 1 with its note (issue 19) */
	en.has_r1 = true;
	en.r1 = 0.5;
	en.note1 = "Thiếu kế hoạch tuyên truyền";
	ck_assert_msg(assessment_entry_save(db, set, 2025, c, &en, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	i = line(&a, "1.1");
	ck_assert_int_eq(a.lines[i].nevidence, 2);
	ck_assert_int_eq(a.lines[i].evidence[0].id, first);
	ck_assert_str_eq(a.lines[i].evidence[0].date, "2025-01-21");
	ck_assert_str_eq(a.lines[i].evidence[0].summary, "Kế hoạch CCHC năm");
	ck_assert_str_eq(a.lines[i].evidence[1].number, "20/BC-UBND");
	ck_assert_str_eq(a.lines[i].note1, "Thiếu kế hoạch tuyên truyền");
	ck_assert_str_eq(a.lines[i].note2, "");
	ck_assert_double_eq_tol(a.lines[i].r1, 0.5, EPS);
	assessment_free(&a);
}
END_TEST

/* Issue 19: loading the template for a 2024 plan made a set labelled 2025
 * which the 2025 screen then took (the newest), hiding its assessment.
 * Now the template takes the plan's year, a year keeps the set its
 * assessment was made on, and only an explicit choice moves it. */
START_TEST(test_year_keeps_its_set)
{
	struct typed t = { "1.1", true, 1, false, 0, NULL, false, false, 0, 0 };
	struct criteria_set s;
	struct assessment a;
	int64_t y2024, official;

	enter(2025, &t);
	ck_assert_int_eq(criteria_find(db, 2024), 0);
	y2024 = criteria_import_template(db, 2024);
	ck_assert_msg(y2024 > 0, "%s", db_error(db));
	ck_assert_int_eq(criteria_load(db, y2024, &s), 0);
	ck_assert_int_eq(s.year, 2024);
	ck_assert_ptr_nonnull(strstr(s.name, "năm 2024"));
	ck_assert_ptr_null(strstr(s.name, "2025"));
	criteria_free(&s);
	ck_assert_int_eq(criteria_find(db, 2024), y2024);
	ck_assert_int_eq(criteria_find(db, 2025), set);
	/* Another set of 2025 (the province's, say): 2025 stays on its own. */
	official = criteria_import_template(db, 2025);
	ck_assert_int_gt(official, set);
	ck_assert_int_eq(criteria_find(db, 2025), set);
	/* Chosen explicitly: 2025 moves; the first assessment stays. */
	ck_assert_int_eq(criteria_set_current(db, 2025, official), 0);
	ck_assert_int_eq(criteria_find(db, 2025), official);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert_int_ne(a.id, 0);
	ck_assert(a.lines[line(&a, "1.1")].in.has_a);
	assessment_free(&a);
	ck_assert_int_eq(criteria_set_current(db, 2025, set), 0);
	ck_assert_int_eq(criteria_find(db, 2025), set);
	/* Deleting the current set leaves the year to the latest one again. */
	ck_assert_int_eq(criteria_set_delete(db, set), 0);
	ck_assert_int_eq(criteria_find(db, 2025), official);
}
END_TEST

/* Saving again what was loaded, unchanged, changes nothing: no row, no
 * history (the office was written with INSERT OR REPLACE, which recorded a
 * delete and an insert each time). */
START_TEST(test_resave_unchanged)
{
	struct typed t = { "1.1", true, 1, false, 0, NULL, true, false, 1, 0 };
	struct err e;
	char *before, *after;

	ck_assert_int_eq(office_put(db, "UBND xã Tân Đoàn", "xa", "tỉnh Lạng Sơn"), 0);
	enter(2025, &t);
	ck_assert_int_eq(assessment_evidence_add(db, set, 2025, id_of("1.1"), "12/KH-UBND",
	    "2025-01-20", "Kế hoạch CCHC năm 2025", &e), 0);
	before = snapshot();
	ck_assert_int_eq(office_put(db, "UBND xã Tân Đoàn", "xa", "tỉnh Lạng Sơn"), 0);
	enter(2025, &t);
	after = snapshot();
	same_snapshot(before, after);
	sqlite3_free(before);
	sqlite3_free(after);
}
END_TEST

/* 2024 by hand: 1.1 yes 1, 1.2 and 1.7 nothing (0 of 0, empty=zero):
 * section 1 is 1; 8.1 survey 15: section 8 is 15; total 16, index 16.
 * Against 2025 (test_full): section 1 3 - 1 = 2, section 7 0 - 0 = 0,
 * section 8 27.75 - 15 = 12.75, index 49.25 - 16 = 33.25. */
START_TEST(test_compare)
{
	static const struct typed year2024[] = {
		{ "1.1", true, 1, false, 0, NULL, false, false, 0, 0 },
		{ "8.1", true, 15, false, 0, NULL, false, false, 0, 0 },
	};
	struct assessment now, before;
	struct par_compare *rows;
	int n;

	for (size_t i = 0; i < NELEM(year2025); i++)
		enter(2025, &year2025[i]);
	for (size_t i = 0; i < NELEM(year2024); i++)
		enter(2024, &year2024[i]);
	ck_assert_int_eq(assessment_load(db, set, 2025, &now), 0);
	ck_assert_int_eq(assessment_load(db, set, 2024, &before), 0);
	ck_assert_double_eq_tol(before.total, 16, EPS);
	ck_assert_int_eq(assessment_compare(&now, &before, &rows, &n), 0);
	ck_assert_int_eq(n, 9);
	ck_assert_str_eq(rows[0].code, "1");
	ck_assert_double_eq_tol(rows[0].now, 3, EPS);
	ck_assert_double_eq_tol(rows[0].before, 1, EPS);
	ck_assert_double_eq_tol(rows[0].difference, 2, EPS);
	ck_assert_double_eq_tol(rows[6].difference, 0, EPS);
	ck_assert_double_eq_tol(rows[7].difference, 12.75, EPS);
	ck_assert_ptr_null(rows[8].title);
	ck_assert_double_eq_tol(rows[8].now, 49.25, EPS);
	ck_assert_double_eq_tol(rows[8].before, 16, EPS);
	ck_assert_double_eq_tol(rows[8].difference, 33.25, EPS);
	free(rows);
	/* no previous year: rows without a "before" */
	ck_assert_int_eq(assessment_compare(&now, NULL, &rows, &n), 0);
	ck_assert_int_eq(n, 9);
	ck_assert(!rows[0].has_before);
	free(rows);
	assessment_free(&now);
	assessment_free(&before);
}
END_TEST

/* With the sample plan: 3.2 follows the on-time target's year result
 * (990 of 1000 is 99%: band [98,100) gives 4; 1000 of 1000 gives 6); 1.2
 * follows the tasks (one more done on time adds one to a); 1.5 counts the
 * initiatives against the target's 02. */
START_TEST(test_computed)
{
	struct plan plan;
	struct target *t;
	struct task *k;
	struct assessment a;
	struct err e;
	struct measure m = { true, true, false, 990, 1000, 0 };
	double a0, b0;
	int nt, nk, on_time = -1, initiatives = -1, open = -1;

	ck_assert_int_eq(plan_current(db, &plan), 1);
	ck_assert_int_eq(target_list(db, plan.id, 0, 2025, PERIOD_YEAR, &t, &nt), 0);
	for (int i = 0; i < nt; i++) {
		if (strstr(t[i].text, "giải quyết đúng hạn") != NULL && on_time < 0)
			on_time = i;
		if (strstr(t[i].text, "sáng kiến") != NULL && initiatives < 0)
			initiatives = i;
	}
	ck_assert_int_ge(on_time, 0);
	ck_assert_int_ge(initiatives, 0);

	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert(!a.lines[line(&a, "3.2")].in.has_a);
	ck_assert_ptr_nonnull(strstr(a.lines[line(&a, "3.2")].source_text, "no result"));
	a0 = a.lines[line(&a, "1.2")].in.a;
	b0 = a.lines[line(&a, "1.2")].in.b;
	ck_assert_double_gt(b0, 0);
	assessment_free(&a);

	ck_assert_msg(result_save(db, &t[on_time], 2025, PERIOD_YEAR, &m, "", "", &e) == 0,
	    "%s", e.msg);
	m = (struct measure){ false, false, true, 0, 0, 1 };
	ck_assert_int_eq(result_save(db, &t[initiatives], 2025, PERIOD_YEAR, &m, "", "", &e), 0);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert_double_eq_tol(a.lines[line(&a, "3.2")].in.a, 990, EPS);
	ck_assert_double_eq_tol(a.lines[line(&a, "3.2")].in.b, 1000, EPS);
	ck_assert_double_eq_tol(a.lines[line(&a, "3.2")].points, 4, EPS);
	ck_assert_ptr_nonnull(strstr(a.lines[line(&a, "3.2")].source_text, "990"));
	/* 1 initiative of 02: 1 / 2 x 2 = 1 */
	ck_assert_double_eq_tol(a.lines[line(&a, "1.5")].points, 1, EPS);
	assessment_free(&a);

	m = (struct measure){ true, true, false, 1000, 1000, 0 };
	ck_assert_int_eq(result_save(db, &t[on_time], 2025, PERIOD_YEAR, &m, "", "", &e), 0);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert_double_eq_tol(a.lines[line(&a, "3.2")].points, 6, EPS);
	assessment_free(&a);
	targets_free(t, nt);

	/* a task not done and not yet due, done today: on time */
	ck_assert_int_eq(task_list(db, plan.id, 0, &k, &nk), 0);
	for (int i = 0; i < nk && open < 0; i++)
		if (k[i].progress != PROGRESS_DONE && strcmp(k[i].due_date, "2025-10-15") >= 0)
			open = i;
	ck_assert_int_ge(open, 0);
	{
		struct product_input *products = calloc((size_t)k[open].nproducts + 1,
		    sizeof *products);
		struct task_input in;
		int64_t *coop;
		int ncoop;

		ck_assert_ptr_nonnull(products);
		ck_assert_int_eq(task_cooperator_ids(db, k[open].id, &coop, &ncoop), 0);
		in = task_input_of(&k[open], products);
		in.progress = PROGRESS_DONE;
		strcpy(in.completion_date, "2025-10-15");
		ck_assert_msg(task_save(db, &in, coop, ncoop, 2025, NULL, &e) == 0, "%s",
		    e.msg);
		free(coop);
		free(products);
	}
	tasks_free(k, nk);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert_double_eq_tol(a.lines[line(&a, "1.2")].in.a, a0 + 1, EPS);
	ck_assert_double_eq_tol(a.lines[line(&a, "1.2")].in.b, b0, EPS);
	assessment_free(&a);
	plan_free(&plan);
}
END_TEST

/* Issue 19: 1.3 "Kiểm tra CCHC tối thiểu 25%" (ratio, goal=25) follows
 * the sample's inspection target: 2 of 5 inspected (40%) meets it, 2
 * points of 2 (plain ratio gave 0.8); 1 of 5 (20%) is 0.8 of the goal: 1.6. */
START_TEST(test_goal_met)
{
	struct plan plan;
	struct target *t;
	struct assessment a;
	struct err e;
	struct measure m = { true, true, false, 2, 5, 0 };
	int nt, inspect = -1;

	ck_assert_int_eq(plan_current(db, &plan), 1);
	ck_assert_int_eq(target_list(db, plan.id, 0, 2025, PERIOD_YEAR, &t, &nt), 0);
	for (int i = 0; i < nt && inspect < 0; i++)
		if (strstr(t[i].text, "Kiểm tra CCHC tối thiểu 25%") != NULL)
			inspect = i;
	ck_assert_int_ge(inspect, 0);
	ck_assert_msg(result_save(db, &t[inspect], 2025, PERIOD_YEAR, &m, "", "", &e) == 0,
	    "%s", e.msg);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert_double_eq_tol(a.lines[line(&a, "1.3")].points, 2, EPS);
	assessment_free(&a);
	m.numerator = 1;
	ck_assert_int_eq(result_save(db, &t[inspect], 2025, PERIOD_YEAR, &m, "", "", &e), 0);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert_double_eq_tol(a.lines[line(&a, "1.3")].points, 1.6, EPS);
	assessment_free(&a);
	targets_free(t, nt);
	plan_free(&plan);
}
END_TEST

/* A computed criterion keeps its inputs from the plans: typed ones are not
 * stored, but an override with its reason is. */
START_TEST(test_computed_override)
{
	struct par_entry en = { { true, true, 1, 1 }, true, 5, "Số liệu của tỉnh", false, false,
	    0, 0, "", NULL, NULL, 0, NULL };
	struct err e;
	struct assessment a;

	ck_assert_msg(assessment_entry_save(db, set, 2025, id_of("3.2"), &en, &e) == 0, "%s",
	    e.msg);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	ck_assert(!a.lines[line(&a, "3.2")].in.has_a);
	ck_assert_double_eq_tol(a.lines[line(&a, "3.2")].points, 5, EPS);
	assessment_free(&a);
}
END_TEST

/* Gives criterion code of the set a source, straight in the table: what
 * is tested here is reading the source, not the criterion editor. */
static void
set_source(const char *code, const char *source)
{
	sqlite3_stmt *st = db_prepare(db, "UPDATE par_criterion SET source = ? "
	    "WHERE set_id = ? AND code = ?");

	ck_assert_ptr_nonnull(st);
	db_bind_text(st, 1, source);
	sqlite3_bind_int64(st, 2, set);
	db_bind_text(st, 3, code);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
	ck_assert_int_eq(sqlite3_changes(db_sqlite(db)), 1);
	sqlite3_finalize(st);
}

static int64_t
sipas_round(const char *name, const char *from, const char *to, int64_t questionnaire)
{
	struct sipas_round_input r = { .questionnaire_id = questionnaire, .name = name,
	    .service = "" };
	struct err e;

	snprintf(r.date_from, sizeof r.date_from, "%s", from);
	snprintf(r.date_to, sizeof r.date_to, "%s", to);
	ck_assert_msg(sipas_round_save(db, &r, &r.id, &e) == 0, "round: %s", e.msg);
	return r.id;
}

/* Forms first..last of round, every answer the same. */
static void
sipas_forms(const struct sipas_questionnaire *q, int64_t round, int first, int last,
    int answer)
{
	struct sipas_form f = { 0 };
	struct err e;

	for (int i = 0; i < q->nquestions; i++)
		f.answers[i] = answer;
	for (f.number = first; f.number <= last; f.number++)
		ck_assert_msg(sipas_form_save(db, q, round, &f, &e) == 0, "form %d: %s",
		    f.number, e.msg);
}

/* The points and input a of a line, by hand below. */
static void
check_line(const struct assessment *a, const char *code, bool has_a, double in,
    double points, const char *text)
{
	const struct par_line *l = &a->lines[line(a, code)];

	ck_assert(l->computed);
	ck_assert_msg(l->in.has_a == has_a, "%s: has_a %d", code, l->in.has_a);
	if (has_a) {
		ck_assert_double_eq_tol(l->in.a, in, EPS);
		ck_assert_double_eq_tol(l->in.b, 100, EPS);
	}
	ck_assert_msg(fabs(l->points - points) < EPS, "%s: %g points, not %g", code,
	    l->points, points);
	ck_assert_msg(strstr(l->source_text, text) != NULL, "%s: \"%s\" lacks \"%s\"", code,
	    l->source_text, text);
}

/* The overall index of the year's SIPAS round as the input of two
 * criteria of the template given SIPAS sources: 1.2 (bands [100,]=3;
 * [80,100)=2; [50,80)=1; [,50)=0) reads "sipas", the latest round of the
 * year; 1.7 (ratio, max 2) reads "sipas:mot cua", the latest whose name
 * contains "một cửa" (folded).  With the shipped questionnaire (five
 * elements, the mean of their shares), by hand:
 *  - no round: no input, 0 points, the text says why;
 *  - "Quý III - Bộ phận Một cửa" (07-09/2025), forms of all 5, all 4, all
 *    2: every element 2 of 3 satisfied, 66.666...% -> index 66.67:
 *    1.2 band [50,80) gives 1; 1.7 66.67 / 100 x 2 = 1.3334 -> 1.33;
 *  - two more forms of all 5: 4 of 5, index 80: 1.2 gives 2, 1.7 1.6;
 *  - a later round of 2025 without forms, "Hộ tịch" (11/2025): 1.2 takes
 *    it and has no input yet; 1.7 still reads the Một cửa round, 1.6;
 *  - a round of 2024 (all 5, index 100) counts in 2024 only: 1.2 gives 3
 *    and 1.7 2 in 2024; 2026 has no round: no input. */
START_TEST(test_sipas)
{
	struct sipas_questionnaire q;
	struct assessment a;
	int64_t qid, r1, r2;

	set_source("1.2", "sipas");
	set_source("1.7", "sipas:mot cua");
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	check_line(&a, "1.2", false, 0, 0, "no SIPAS survey round in 2025");
	check_line(&a, "1.7", false, 0, 0, "mot cua");
	assessment_free(&a);

	ck_assert_msg((qid = sipas_default_questionnaire(db)) > 0, "%s", db_error(db));
	ck_assert_int_eq(sipas_questionnaire_load(db, qid, &q), 0);
	r1 = sipas_round("Quý III - Bộ phận Một cửa", "2025-07-01", "2025-09-30", qid);
	sipas_forms(&q, r1, 1, 1, 5);
	sipas_forms(&q, r1, 2, 2, 4);
	sipas_forms(&q, r1, 3, 3, 2);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	check_line(&a, "1.2", true, 66.67, 1, "66.67");
	check_line(&a, "1.7", true, 66.67, 1.33, "Quý III - Bộ phận Một cửa");
	ck_assert_ptr_nonnull(strstr(a.lines[line(&a, "1.7")].source_text, "3 forms"));
	assessment_free(&a);

	sipas_forms(&q, r1, 4, 5, 5);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	check_line(&a, "1.2", true, 80, 2, "5 forms");
	check_line(&a, "1.7", true, 80, 1.6, "80");
	assessment_free(&a);

	sipas_round("Hộ tịch", "2025-11-01", "2025-11-30", qid);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	check_line(&a, "1.2", false, 0, 0, "no answers yet");
	check_line(&a, "1.7", true, 80, 1.6, "Một cửa");
	assessment_free(&a);

	r2 = sipas_round("Năm 2024 - Một cửa", "2024-11-01", "2024-11-30", qid);
	sipas_forms(&q, r2, 1, 2, 5);
	ck_assert_int_eq(assessment_load(db, set, 2024, &a), 0);
	check_line(&a, "1.2", true, 100, 3, "Năm 2024");
	check_line(&a, "1.7", true, 100, 2, "Năm 2024");
	assessment_free(&a);
	ck_assert_int_eq(assessment_load(db, set, 2025, &a), 0);
	check_line(&a, "1.7", true, 80, 1.6, "Quý III");
	assessment_free(&a);
	ck_assert_int_eq(assessment_load(db, set, 2026, &a), 0);
	check_line(&a, "1.2", false, 0, 0, "no SIPAS survey round in 2026");
	check_line(&a, "1.7", false, 0, 0, "no SIPAS survey round of 2026");
	assessment_free(&a);
	sipas_questionnaire_free(&q);
}
END_TEST

static Suite *
assessment_suite(void)
{
	Suite *s = suite_create("assessment");
	TCase *empty = tcase_create("empty"), *sample = tcase_create("sample");

	tcase_add_checked_fixture(empty, setup_empty, teardown);
	tcase_add_test(empty, test_full);
	tcase_add_test(empty, test_index_bands);
	tcase_add_loop_test(empty, test_refused, 0, NELEM(refused));
	tcase_add_test(empty, test_evidence);
	tcase_add_test(empty, test_resave_keeps_evidence);
	tcase_add_test(empty, test_resave_unchanged);
	tcase_add_test(empty, test_documents);
	tcase_add_test(empty, test_year_keeps_its_set);
	tcase_add_test(empty, test_compare);
	tcase_add_test(empty, test_sipas);
	suite_add_tcase(s, empty);
	tcase_add_checked_fixture(sample, setup_sample, teardown);
	tcase_add_test(sample, test_computed);
	tcase_add_test(sample, test_computed_override);
	tcase_add_test(sample, test_goal_met);
	suite_add_tcase(s, sample);
	return s;
}

int
main(void)
{
	return fixture_run(assessment_suite());
}
