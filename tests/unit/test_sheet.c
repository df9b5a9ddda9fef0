/* Update sheets (sheet.h): the stamp, the workbook's data, the grid read
 * back from the .xlsx (the module) and from CSV, the answers mapped to the
 * tasks with their bad cells and conflicts, applied with the history
 * naming the unit, and who has answered. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/sheet.h"
#include "core/plan/unit.h"
#include "core/store/db.h"
#include "core/store/history.h"
#include "fixture.h"

static struct db *db;
static int64_t unit;
static int skip_column = -1;	/* a column left out of the CSV (write_csv) */

static void
setup(void)
{
	skip_column = -1;
	db = fixture_open("sheet", true, true);
	ck_assert_int_eq(history_set_operator(db, "An"), 0);
	unit = unit_find(db, "Công an xã");
	ck_assert_int_gt(unit, 0);
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

static const char *
query(const char *sql)
{
	static char buf[512];
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	buf[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

START_TEST(test_stamp)
{
	struct sheet_values a = { PROGRESS_DONE, "2025-10-10", "12/BC", "2025-10-11", "ab", "c" };
	struct sheet_values b = a;
	char sa[SHEET_STAMP_SIZE], sb[SHEET_STAMP_SIZE];

	sheet_stamp(&a, sa);
	sheet_stamp(&b, sb);
	ck_assert_str_eq(sa, sb);
	ck_assert_int_eq(sa[0], 'k');
	ck_assert_uint_eq(strlen(sa), 17);
	/* Text moved from one field to the next is another stamp. */
	b.evidence = "a";
	b.note = "bc";
	sheet_stamp(&b, sb);
	ck_assert_str_ne(sa, sb);
	b = a;
	b.progress = PROGRESS_IN_PROGRESS;
	sheet_stamp(&b, sb);
	ck_assert_str_ne(sa, sb);
}
END_TEST

/* The unit's book for 9 months/2025 of the sample plan. */
static void
build(struct sheet_book *b)
{
	ck_assert_int_eq(sheet_book_build(db, 1, 2025, PERIOD_M9, unit, b), 0);
}

START_TEST(test_book)
{
	struct sheet_book b;
	char name[256];
	int lead = 0, coop = 0;

	build(&b);
	ck_assert_int_eq(b.nrows, atoi(query("SELECT count(*) FROM task t WHERE lead_unit_id ="
	    " (SELECT id FROM unit WHERE name = 'Công an xã') OR id IN (SELECT task_id FROM"
	    " task_cooperator WHERE unit_id = (SELECT id FROM unit WHERE name = 'Công an xã'))")));
	ck_assert_int_gt(b.nrows, 0);
	for (int i = 0; i < b.nrows; i++) {
		char stamp[SHEET_STAMP_SIZE];

		sheet_stamp(&b.rows[i].v, stamp);
		ck_assert_str_eq(stamp, b.rows[i].stamp);
		if (b.rows[i].lead)
			lead++;
		else
			coop++;
	}
	ck_assert_int_eq(lead + coop, b.nrows);
	{
		char want[128];

		snprintf(want, sizeof want, SHEET_MAGIC " " SHEET_VERSION " %s 1 2025-9T %lld", b.token,
		    (long long)unit);
		ck_assert_str_eq(b.identity, want);
	}
	ck_assert_uint_eq(strlen(b.token), 32);
	ck_assert_int_eq(sheet_file_name(&b, name, sizeof name), 0);
	ck_assert_msg(strncmp(name, "cong-an-xa-9-", 13) == 0, "%s", name);
	ck_assert_msg(strstr(name, "-2025.xlsx") != NULL, "%s", name);
	sheet_book_free(&b);
}
END_TEST

static const char *
grid_cell(const struct sheet_grid *g, int r, int c)
{
	if (r >= g->nrows || c >= g->rows[r].ncells || g->rows[r].cells[c] == NULL)
		return "";
	return g->rows[r].cells[c];
}

/* Exports the unit's sheet and reads its grid back from the .xlsx. */
static const char *
export_read(struct sheet_grid *g)
{
	const char *path = fixture_path("out");
	char err[512], file[512], name[256];
	struct sheet_book b;

	ck_assert_int_eq(sheet_export(db, 1, 2025, PERIOD_M9, unit, path, NULL, NULL), 1);
	build(&b);
	ck_assert_int_eq(sheet_file_name(&b, name, sizeof name), 0);
	snprintf(file, sizeof file, "%s/%s", path, name);
	sheet_book_free(&b);
	ck_assert_msg(sheet_grid_read(db, file, g, err, sizeof err) == 0, "%s", err);
	return fixture_path("answer.csv");
}

/* Writes g as CSV (a BOM, ';'), with the cells of task id's row changed:
 * column c to text (one change per call of set); "T" and an id names a
 * target's row. */
struct set {
	const char *id;
	int column;
	const char *text;
};

static void
write_csv(const struct sheet_grid *g, const char *path, const struct set *sets, int nsets)
{
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	bool targets = false;

	fputs("\xEF\xBB\xBF", fp);
	for (int r = 0; r < g->nrows; r++) {
		char key[32];

		targets = targets || strcmp(grid_cell(g, r, ST_ID), "target_id") == 0;
		snprintf(key, sizeof key, "%s%s", targets ? "T" : "", grid_cell(g, r, SC_ID));
		for (int c = 0; c < SC_COLUMNS; c++) {
			const char *s = grid_cell(g, r, c);

			if (c == skip_column)
				continue;

			for (int i = 0; i < nsets; i++)
				if (strcmp(key, sets[i].id) == 0 && sets[i].column == c)
					s = sets[i].text;
			fprintf(fp, "%s\"%s\"", c > 0 ? ";" : "", s);
		}
		fputs("\r\n", fp);
	}
	fclose(fp);
}

/* The id of the data row i (from 0) of g. */
static const char *
row_id(const struct sheet_grid *g, int i)
{
	for (int r = 0; r < g->nrows; r++)
		if (strcmp(grid_cell(g, r, 0), "id") == 0)
			return grid_cell(g, r + 2 + i, 0);
	ck_abort_msg("no code row");
	return "";
}

START_TEST(test_xlsx_grid)
{
	struct sheet_grid g;
	int coderow = -1;

	export_read(&g);
	ck_assert_ptr_nonnull(strstr(grid_cell(&g, 0, 0), query("SELECT token FROM sheet")));
	ck_assert_int_eq(strncmp(grid_cell(&g, 0, 0), SHEET_MAGIC " ", 11), 0);
	for (int r = 0; r < g.nrows; r++)
		if (strcmp(grid_cell(&g, r, 0), "id") == 0)
			coderow = r;
	ck_assert_int_ge(coderow, 0);
	ck_assert_str_eq(grid_cell(&g, coderow, SC_NOTE), "note");
	/* The stamp as written, a task id as text. */
	ck_assert_int_eq(grid_cell(&g, coderow + 2, SC_STAMP)[0], 'k');
	ck_assert_int_gt(atoi(grid_cell(&g, coderow + 2, SC_ID)), 0);
	ck_assert_ptr_nonnull(g.sheet);
	sheet_grid_free(&g);
}
END_TEST

static const char *
task_field(const char *id, const char *column)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT ifnull(%s, '-') FROM task WHERE id = %s", column, id);
	return query(sql);
}

START_TEST(test_answers_apply)
{
	struct sheet_grid g;
	struct sheet_answers a = { 0 };
	const char *csv = export_read(&g);
	char a_id[24], b_id[24], c_id[24];
	bool told_date = false, told_progress = false;

	snprintf(a_id, sizeof a_id, "%s", row_id(&g, 0));
	snprintf(b_id, sizeof b_id, "%s", row_id(&g, 1));
	snprintf(c_id, sizeof c_id, "%s", row_id(&g, 2));
	{
		const struct set sets[] = {
			{ a_id, SC_PROGRESS, "Done" }, { a_id, SC_COMPLETION, "10/10/2025" },
			{ a_id, SC_EVIDENCE_NUMBER, "12/BC-CA" }, { a_id, SC_NOTE, "xong" },
			{ b_id, SC_COMPLETION, "31/02/2025" }, { b_id, SC_NOTE, "ngày sai" },
			{ c_id, SC_PROGRESS, "almost" },
		};

		write_csv(&g, csv, sets, sizeof sets / sizeof sets[0]);
	}
	sheet_grid_free(&g);
	ck_assert_int_eq(sheet_answers_read(db, csv, &a), 0);
	for (int i = 0; i < a.nproblems; i++) {
		if (strstr(a.problems[i], ", row ") && strstr(a.problems[i], "column I (Completion date)")
		    && strstr(a.problems[i], "31/02/2025"))
			told_date = true;
		if (strstr(a.problems[i], "column H (Progress)") && strstr(a.problems[i], "almost"))
			told_progress = true;
		ck_assert_msg(strncmp(a.problems[i], csv, strlen(csv)) == 0, "%s", a.problems[i]);
	}
	ck_assert_msg(told_date && told_progress && a.nproblems == 2, "%d problems, first: %s",
	    a.nproblems, a.nproblems ? a.problems[0] : "");
	/* A: four fields; B: its note (the bad date skipped); C: nothing. */
	ck_assert_int_eq(a.nitems, 2);
	ck_assert_int_eq(a.items[0].state, SHEET_APPLY);
	ck_assert_int_eq(a.items[0].nchanges, 4);
	ck_assert_str_eq(a.items[0].changes[0].after, "Done");
	ck_assert_str_eq(a.items[0].changes[1].after, "10/10/2025");
	ck_assert_str_eq(a.items[0].unit, "Công an xã");
	ck_assert_int_eq(a.items[1].nchanges, 1);
	ck_assert_int_eq(a.items[1].changes[0].column, SC_NOTE);
	ck_assert_int_eq(sheet_answers_apply(db, &a), 2);
	sheet_answers_free(&a);
	ck_assert_str_eq(task_field(a_id, "progress || completion_date || evidence_number || note"),
	    "done2025-10-1012/BC-CAxong");
	ck_assert_str_eq(task_field(b_id, "completion_date"), "-");
	ck_assert_str_eq(query("SELECT group_concat(DISTINCT operator) FROM history WHERE"
	    " table_name = 'task' AND action = 'update'"), "An (sheet: Công an xã)");
	ck_assert_str_eq(query("SELECT name FROM history_operator"), "An");
	ck_assert_str_eq(query("SELECT count(returned_at) FROM sheet"), "1");
}
END_TEST

START_TEST(test_conflict)
{
	struct sheet_grid g;
	struct sheet_answers a = { 0 };
	const char *csv = export_read(&g);
	char id[24], sql[128];

	snprintf(id, sizeof id, "%s", row_id(&g, 0));
	{
		const struct set sets[] = { { id, SC_NOTE, "từ phiếu" } };

		write_csv(&g, csv, sets, 1);
	}
	sheet_grid_free(&g);
	snprintf(sql, sizeof sql, "UPDATE task SET evidence = 'từ cchc' WHERE id = %s", id);
	exec(sql);
	ck_assert_int_eq(sheet_answers_read(db, csv, &a), 0);
	ck_assert_int_eq(a.nproblems, 0);
	ck_assert_int_eq(a.nitems, 1);
	ck_assert_int_eq(a.items[0].state, SHEET_CONFLICT);
	/* Side by side: cchc's evidence against the sheet's (the old one),
	 * and the note. */
	ck_assert_int_eq(a.items[0].nchanges, 2);
	/* Undecided: neither side written. */
	ck_assert_int_eq(sheet_answers_apply(db, &a), 0);
	ck_assert_str_eq(task_field(id, "evidence || '|' || note"), "từ cchc|");
	a.items[0].take = 1;
	ck_assert_int_eq(sheet_answers_apply(db, &a), 1);
	ck_assert_str_eq(task_field(id, "evidence || '|' || note"), "|từ phiếu");
	sheet_answers_free(&a);
}
END_TEST

START_TEST(test_other_database)
{
	struct sheet_grid g;
	struct sheet_answers a = { 0 };
	const char *csv = export_read(&g);

	write_csv(&g, csv, NULL, 0);
	sheet_grid_free(&g);
	exec("DELETE FROM sheet");
	ck_assert_int_eq(sheet_answers_read(db, csv, &a), 0);
	ck_assert_int_eq(a.nitems, 0);
	ck_assert_int_eq(a.nproblems, 1);
	ck_assert_msg(strstr(a.problems[0], "not made from this database") != NULL, "%s",
	    a.problems[0]);
	sheet_answers_free(&a);
}
END_TEST

/* A column deleted: told, and the other columns still read; without the
 * ids, nothing. */
START_TEST(test_missing_column)
{
	struct sheet_grid g;
	struct sheet_answers a = { 0 };
	const char *csv = export_read(&g);
	char id[24];

	snprintf(id, sizeof id, "%s", row_id(&g, 0));
	{
		const struct set sets[] = { { id, SC_NOTE, "vẫn đọc" } };

		skip_column = SC_TASK;
		write_csv(&g, csv, sets, 1);
		ck_assert_int_eq(sheet_answers_read(db, csv, &a), 0);
		ck_assert_int_eq(a.nproblems, 1);
		ck_assert_msg(strstr(a.problems[0], "column Task is missing") != NULL, "%s",
		    a.problems[0]);
		ck_assert_int_eq(a.nitems, 1);
		ck_assert_str_eq(a.items[0].sheet.note, "vẫn đọc");
		sheet_answers_free(&a);
		skip_column = SC_ID;
		write_csv(&g, csv, sets, 1);
	}
	sheet_grid_free(&g);
	/* The code row gone with the ids: not a sheet any more. */
	ck_assert_int_eq(sheet_answers_read(db, csv, &a), 0);
	ck_assert_int_eq(a.nitems, 0);
	ck_assert_int_ge(a.nproblems, 1);
	sheet_answers_free(&a);
}
END_TEST

START_TEST(test_status)
{
	struct sheet_status *s;
	struct sheet_grid g;
	struct sheet_answers a = { 0 };
	int n, out = 0, missing = 0;
	const char *csv;

	csv = export_read(&g);
	write_csv(&g, csv, NULL, 0);
	sheet_grid_free(&g);
	ck_assert_int_eq(sheet_status_list(db, 1, 2025, PERIOD_M9, &s, &n), 0);
	for (int i = 0; i < n; i++) {
		if (s[i].unit_id == unit)
			ck_assert_int_eq(s[i].state, SHEET_OUT);
		out += s[i].state == SHEET_OUT;
		missing += s[i].state == SHEET_MISSING;
	}
	ck_assert_int_eq(out, 1);
	ck_assert_int_eq(missing, n - 1);
	sheet_status_free(s, n);
	ck_assert_int_eq(sheet_answers_read(db, csv, &a), 0);
	ck_assert_int_eq(sheet_answers_apply(db, &a), 0);
	sheet_answers_free(&a);
	ck_assert_int_eq(sheet_status_list(db, 1, 2025, PERIOD_M9, &s, &n), 0);
	for (int i = 0; i < n; i++)
		if (s[i].unit_id == unit)
			ck_assert_int_eq(s[i].state, SHEET_BACK);
	sheet_status_free(s, n);
}
END_TEST

/* ---- targets ---- */

/* Gives the unit the first target of each kind (the sample's unit leads
 * none) and returns the rate's, count's and yes/no's ids as "T<id>". */
static void
lead_targets(char rate[24], char count[24], char yesno[24])
{
	char sql[256];
	const char *kinds[3] = { "rate", "count", "yesno" };
	char *out[3] = { rate, count, yesno };

	for (int i = 0; i < 3; i++) {
		snprintf(sql, sizeof sql, "SELECT min(id) FROM target WHERE kind = '%s'", kinds[i]);
		snprintf(out[i], 24, "T%s", query(sql));
		snprintf(sql, sizeof sql, "UPDATE target SET lead_unit_id = %lld WHERE id = %s",
		    (long long)unit, out[i] + 1);
		exec(sql);
	}
}

static const char *
result_field(const char *tid, const char *column)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT ifnull(%s, '-') FROM result WHERE target_id = %s AND"
	    " period_id = (SELECT id FROM period WHERE year = 2025 AND kind = 'm9')", column,
	    tid + 1);
	return query(sql);
}

START_TEST(test_target_apply)
{
	struct sheet_grid g;
	struct sheet_answers a = { 0 };
	struct sheet_book b;
	char rate[24], count[24], yesno[24];
	const char *csv;

	lead_targets(rate, count, yesno);
	build(&b);
	ck_assert_int_eq(b.ntargets, 3);
	sheet_book_free(&b);
	csv = export_read(&g);
	{
		const struct set sets[] = {
			{ rate, ST_NUMERATOR, "45" }, { rate, ST_DENOMINATOR, "50" },
			{ rate, ST_EVIDENCE, "BC 12" }, { count, ST_VALUE, "3" },
			{ yesno, ST_VALUE, "Yes" }, { yesno, ST_NOTE, "đã ban hành" },
		};

		write_csv(&g, csv, sets, sizeof sets / sizeof sets[0]);
	}
	sheet_grid_free(&g);
	ck_assert_int_eq(sheet_answers_read(db, csv, &a), 0);
	ck_assert_msg(a.nproblems == 0, "%s", a.nproblems ? a.problems[0] : "");
	ck_assert_int_eq(a.nitems, 3);
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(a.items[i].task_id, 0);
		ck_assert_int_eq(a.items[i].state, SHEET_APPLY);
	}
	for (int i = 0; i < 3; i++) {
		const struct sheet_item *it = &a.items[i];

		if (it->target_id != atoi(rate + 1))
			continue;
		ck_assert_int_eq(it->nchanges, 3);
		ck_assert_str_eq(it->changes[0].heading, "Numerator");
		ck_assert_str_eq(it->changes[0].after, "45");
		ck_assert_str_eq(it->unit, "Công an xã");
	}
	ck_assert_int_eq(sheet_answers_apply(db, &a), 3);
	sheet_answers_free(&a);
	ck_assert_str_eq(result_field(rate, "numerator || '/' || denominator || evidence"),
	    "45.0/50.0BC 12");
	ck_assert_str_eq(result_field(count, "value"), "3.0");
	ck_assert_str_eq(result_field(yesno, "value || note"), "1.0đã ban hành");
	ck_assert_str_eq(query("SELECT group_concat(DISTINCT operator) FROM history WHERE"
	    " table_name = 'result'"), "An (sheet: Công an xã)");
	/* Read back into the next sheet as the period's result. */
	build(&b);
	for (int i = 0; i < b.ntargets; i++)
		if (b.targets[i].target_id == atoi(rate + 1)) {
			ck_assert_int_eq(b.targets[i].v.m.has_numerator, true);
			ck_assert_msg(strstr(b.targets[i].result, "45/50") != NULL, "%s",
			    b.targets[i].result);
		}
	sheet_book_free(&b);
	/* A result emptied in the next sheet is deleted, as in the form. */
	csv = export_read(&g);
	{
		const struct set sets[] = { { yesno, ST_VALUE, "" }, { yesno, ST_NOTE, "" } };

		write_csv(&g, csv, sets, 2);
	}
	sheet_grid_free(&g);
	ck_assert_int_eq(sheet_answers_read(db, csv, &a), 0);
	ck_assert_int_eq(a.nitems, 1);
	ck_assert_int_eq(sheet_answers_apply(db, &a), 1);
	sheet_answers_free(&a);
	ck_assert_str_eq(result_field(yesno, "count(*)"), "0");
}
END_TEST

/* A numerator above the denominator: named by row and column, the target
 * left as it is, the rest still read. */
START_TEST(test_target_bad)
{
	struct sheet_grid g;
	struct sheet_answers a = { 0 };
	char rate[24], count[24], yesno[24];
	const char *csv;

	lead_targets(rate, count, yesno);
	csv = export_read(&g);
	{
		const struct set sets[] = {
			{ rate, ST_NUMERATOR, "60" }, { rate, ST_DENOMINATOR, "50" },
			{ count, ST_VALUE, "2" },
		};

		write_csv(&g, csv, sets, sizeof sets / sizeof sets[0]);
	}
	sheet_grid_free(&g);
	ck_assert_int_eq(sheet_answers_read(db, csv, &a), 0);
	ck_assert_int_eq(a.nproblems, 1);
	ck_assert_msg(strstr(a.problems[0], ", row ") != NULL &&
	    strstr(a.problems[0], "column H (Numerator): The numerator cannot exceed the"
	    " denominator") != NULL, "%s", a.problems[0]);
	ck_assert_int_eq(a.nitems, 1);
	ck_assert_int_eq(sheet_answers_apply(db, &a), 1);
	sheet_answers_free(&a);
	ck_assert_str_eq(result_field(rate, "numerator"), "");
	ck_assert_str_eq(result_field(count, "value"), "2.0");
}
END_TEST

/* The result changed in cchc after the sheet was made and in the sheet. */
START_TEST(test_target_conflict)
{
	struct sheet_grid g;
	struct sheet_answers a = { 0 };
	char rate[24], count[24], yesno[24], sql[256];
	const char *csv;

	lead_targets(rate, count, yesno);
	csv = export_read(&g);
	{
		const struct set sets[] = {
			{ rate, ST_NUMERATOR, "40" }, { rate, ST_DENOMINATOR, "50" },
		};

		write_csv(&g, csv, sets, sizeof sets / sizeof sets[0]);
	}
	sheet_grid_free(&g);
	snprintf(sql, sizeof sql, "INSERT INTO result (target_id, period_id, numerator, denominator)"
	    " VALUES (%s, (SELECT id FROM period WHERE year = 2025 AND kind = 'm9'), 48, 50)",
	    rate + 1);
	exec(sql);
	ck_assert_int_eq(sheet_answers_read(db, csv, &a), 0);
	ck_assert_int_eq(a.nproblems, 0);
	ck_assert_int_eq(a.nitems, 1);
	ck_assert_int_eq(a.items[0].state, SHEET_CONFLICT);
	ck_assert_str_eq(a.items[0].changes[0].before, "48");
	ck_assert_str_eq(a.items[0].changes[0].after, "40");
	ck_assert_int_eq(sheet_answers_apply(db, &a), 0);
	ck_assert_str_eq(result_field(rate, "numerator"), "48.0");
	a.items[0].take = 1;
	ck_assert_int_eq(sheet_answers_apply(db, &a), 1);
	ck_assert_str_eq(result_field(rate, "numerator"), "40.0");
	sheet_answers_free(&a);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("sheet");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_stamp);
	tcase_add_test(tc, test_book);
	tcase_add_test(tc, test_xlsx_grid);
	tcase_add_test(tc, test_answers_apply);
	tcase_add_test(tc, test_conflict);
	tcase_add_test(tc, test_other_database);
	tcase_add_test(tc, test_missing_column);
	tcase_add_test(tc, test_status);
	tcase_add_test(tc, test_target_apply);
	tcase_add_test(tc, test_target_bad);
	tcase_add_test(tc, test_target_conflict);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return fixture_run(suite());
}
