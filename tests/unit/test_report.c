/* Unit tests for the report writers (src/core/report/report_text.c,
 * report_csv.c, report_html.c) on hand-made reports: Vietnamese cells
 * wrapped by display width in narrow columns (never cutting a letter from
 * its marks), alignment, pages with their header and repeated column
 * titles; CSV quoting, BOM and padding; CP1258 and its error; HTML
 * escaping. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/text.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* A report of one section with one table of two columns (a fixed one of
 * width `fixed`, right-aligned, and one sharing the rest) and rows of
 * cells given as pairs. */
static struct report *
make_report(int fixed, const char *const *cells, int nrows)
{
	struct report *r = calloc(1, sizeof *r);
	struct report_section *s = calloc(1, sizeof *s);
	struct report_block *b = calloc(1, sizeof *b);
	struct report_table *t = &b->table;

	r->title = strdup("Báo cáo thử");
	r->subtitle = strdup("Kỳ: 9 tháng/2025");
	r->office = strdup("UBND xã Tân Đoàn");
	r->place = strdup("Tân Đoàn");
	r->signer = strdup("Đàm Đức Thuận");
	r->number = strdup("12/BC-UBND");
	r->signature = strdup("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
	r->today = (struct date){ 2025, 10, 15 };
	r->nsections = 1;
	r->sections = s;
	s->heading = strdup("I. Công tác chỉ đạo");
	s->nblocks = 1;
	s->blocks = b;
	b->kind = REPORT_TABLE;
	t->ncolumns = 2;
	t->columns = calloc(2, sizeof *t->columns);
	t->columns[0] = (struct report_column){ strdup("Số"), fixed, 0, REPORT_RIGHT, REPORT_NUMBER };
	t->columns[1] = (struct report_column){ strdup("Nội dung"), 0, 1, REPORT_LEFT, REPORT_TEXT };
	t->nrows = nrows;
	t->cells = calloc(2 * nrows + 1, sizeof *t->cells);
	t->strong = calloc(nrows + 1, sizeof *t->strong);
	for (int i = 0; i < 2 * nrows; i++)
		t->cells[i] = strdup(cells[i]);
	return r;
}

/* The text of r at width, in a malloc'd string. */
static char *
text_of(const struct report *r, int width)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	ck_assert_int_eq(report_write_text(r, width, fp), 0);
	fclose(fp);
	return buf;
}

/* Every line of a table (one that starts with a box character) is exactly
 * width columns and in NFC. */
static void
check_table_lines(char *text, int width)
{
	for (char *line = strtok(text, "\n\f"); line != NULL; line = strtok(NULL, "\n\f")) {
		char *nfc = text_nfc(line);

		ck_assert_ptr_nonnull(nfc);
		ck_assert_str_eq(nfc, line);
		free(nfc);
		if (strncmp(line, "│", 3) == 0 || strncmp(line, "┌", 3) == 0 ||
		    strncmp(line, "└", 3) == 0)
			ck_assert_msg(text_width(line) == width, "width %d: %s", text_width(line), line);
	}
}

static const struct {
	int width, fixed;
	const char *cell;
	const char *lines[6];	/* the cell's lines as drawn, NULL-ended */
} wrap_cases[] = {
	/* The shared column: 24 - 2 * 3 - 1 - 4 = 13 columns. */
	{ 24, 4, "Chủ tịch UBND xã Tân Đoàn", { "│ Chủ tịch UBND │", "│ xã Tân Đoàn   │" } },
	/* A word wider than the column is cut between letters, each with
	 * its marks: 11 columns. */
	{ 22, 4, "Nghiêngnghiêngnghiêng", { "│ Nghiêngnghi │", "│ êngnghiêng  │" } },
	/* Very narrow: 3 columns. */
	{ 14, 4, "Đường ướt", { "│ Đườ │", "│ ng  │", "│ ướt │" } },
	/* Explicit line breaks are kept. */
	{ 30, 4, "Dòng một\nDòng hai", { "│ Dòng một", "│ Dòng hai" } },
};

START_TEST(test_wrap)
{
	const char *cells[] = { "1", wrap_cases[_i].cell };
	struct report *r = make_report(wrap_cases[_i].fixed, cells, 1);
	char *text = text_of(r, wrap_cases[_i].width), *at = text;

	for (int k = 0; k < 6 && wrap_cases[_i].lines[k] != NULL; k++) {
		char *hit = strstr(at, wrap_cases[_i].lines[k]);

		ck_assert_msg(hit != NULL, "\"%s\" not after the previous line in:\n%s",
		    wrap_cases[_i].lines[k], text);
		at = hit + 1;
	}
	check_table_lines(text, wrap_cases[_i].width);
	free(text);
	report_free(r);
}
END_TEST

START_TEST(test_align)
{
	const char *cells[] = { "12", "Văn phòng", "1234", "Trạm y tế" };
	struct report *r = make_report(6, cells, 2);
	char *text = text_of(r, 40);

	/* Right-aligned in 6 columns; the title too. */
	ck_assert_ptr_nonnull(strstr(text, "│     Số │ Nội dung"));
	ck_assert_ptr_nonnull(strstr(text, "│     12 │ Văn phòng"));
	ck_assert_ptr_nonnull(strstr(text, "│   1234 │ Trạm y tế"));
	/* The page header: office and date, title and page. */
	ck_assert_ptr_nonnull(strstr(text, "UBND xã Tân Đoàn"));
	ck_assert_ptr_nonnull(strstr(text, "15/10/2025\n"));
	ck_assert_ptr_nonnull(strstr(text, "Page 1/1\n"));
	check_table_lines(text, 40);
	free(text);
	report_free(r);
}
END_TEST

/* A table longer than a page goes on over pages, each with its header and
 * the column titles again, never more lines than a page. */
START_TEST(test_pages)
{
	enum { N = 60 };
	const char *cells[2 * N];
	struct report *r;
	char *text, *p;
	int pages = 1, titles = 0, lines = 0;

	for (int i = 0; i < N; i++) {
		cells[2 * i] = "7";
		cells[2 * i + 1] = "Rà soát, công khai danh mục thủ tục hành chính của xã";
	}
	r = make_report(3, cells, N);
	text = text_of(r, REPORT_WIDTH_NARROW);
	for (p = text; *p != '\0'; p++) {
		if (*p == '\f') {
			ck_assert_int_le(lines, report_page_lines(REPORT_WIDTH_NARROW));
			pages++;
			lines = 0;
		}
		lines += *p == '\n';
	}
	for (p = text; (p = strstr(p, "│  Số │ Nội dung")) != NULL; p++)
		titles++;
	ck_assert_int_gt(pages, 2);
	ck_assert_int_eq(titles, pages);
	ck_assert_ptr_nonnull(strstr(text, "Page 1/"));
	free(text);
	report_free(r);
}
END_TEST

static char *
csv_of(struct db *db, const struct report *r, enum report_encoding enc, int *rc, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);

	*rc = report_write_csv(db, r, enc, fp);
	fclose(fp);
	return buf;
}

START_TEST(test_csv)
{
	const char *cells[] = { "1", "Rà soát, \"đặc biệt\"\nhai dòng", "2", "≥ 30%" };
	struct report *r = make_report(3, cells, 2);
	struct db *db = fixture_open("report", false, false);
	size_t len;
	int rc;
	char *csv = csv_of(db, r, REPORT_UTF8_BOM, &rc, &len);

	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(strncmp(csv, "\xEF\xBB\xBF" "UBND xã Tân Đoàn,\r\n", 26), 0);
	ck_assert_ptr_nonnull(strstr(csv, "\r\nSố,Nội dung\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "\r\n1,\"Rà soát, \"\"đặc biệt\"\"\nhai dòng\"\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "\r\n2,≥ 30%\r\n"));
	/* One-field records are padded to the table's two. */
	ck_assert_ptr_nonnull(strstr(csv, "\r\nI. Công tác chỉ đạo,\r\n"));
	free(csv);
	csv = csv_of(db, r, REPORT_UTF8, &rc, &len);
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(strncmp(csv, "UBND", 4), 0);
	free(csv);
	report_free(r);
	fixture_close(db);
}
END_TEST

START_TEST(test_cp1258)
{
	const char *ok[] = { "1", "Tiếng Việt", "2", "≥ 30%" };
	const char *bad[] = { "1", "Xong ✓ → tiếp", "2", "✓ lần hai" };
	struct report *r = make_report(3, ok, 2);
	struct db *db = fixture_open("report", false, false);
	size_t len;
	int rc;
	char *csv = csv_of(db, r, REPORT_CP1258, &rc, &len);

	ck_assert_int_eq(rc, 0);
	/* ế is ê (EA) and a combining acute (EC); ≥ is written >=. */
	ck_assert_ptr_nonnull(strstr(csv, "\r\n1,Ti\xEA\xECng Vi\xEA\xF2t\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "\r\n2,>= 30%\r\n"));
	free(csv);
	report_free(r);
	r = make_report(3, bad, 2);
	csv = csv_of(db, r, REPORT_CP1258, &rc, &len);
	ck_assert_int_eq(rc, -1);
	/* Nothing written, every character named once. */
	ck_assert_uint_eq(len, 0);
	ck_assert_ptr_nonnull(strstr(db_error(db), "“✓” (U+2713)"));
	ck_assert_ptr_nonnull(strstr(db_error(db), "“→” (U+2192)"));
	ck_assert_ptr_null(strstr(strstr(db_error(db), "✓") + 1, "“✓”"));
	free(csv);
	report_free(r);
	fixture_close(db);
}
END_TEST

START_TEST(test_html)
{
	const char *cells[] = { "1", "<script>alert('x')</script> & \"Đoàn\"" };
	struct report *r = make_report(3, cells, 1);
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	ck_assert_int_eq(report_write_html(r, fp), 0);
	fclose(fp);
	ck_assert_ptr_null(strstr(buf, "<script>"));
	ck_assert_ptr_nonnull(strstr(buf,
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Đoàn&quot;"));
	ck_assert_ptr_nonnull(strstr(buf, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
	ck_assert_ptr_nonnull(strstr(buf, "Độc lập - Tự do - Hạnh phúc"));
	ck_assert_ptr_nonnull(strstr(buf, "UBND XÃ TÂN ĐOÀN"));
	ck_assert_ptr_nonnull(strstr(buf, "Tân Đoàn, ngày 15 tháng 10 năm 2025"));
	ck_assert_ptr_nonnull(strstr(buf, "<thead>"));
	ck_assert_ptr_nonnull(strstr(buf, "TM. ỦY BAN NHÂN DÂN<br>\nCHỦ TỊCH"));
	free(buf);
	report_free(r);
}
END_TEST

/* r as the wire format, in a malloc'd buffer of *len bytes. */
static char *
wire_of(const struct report *r, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);

	ck_assert_int_eq(report_write_wire(r, fp), 0);
	fclose(fp);
	return buf;
}

/* The model survives the trip to cchc-pdf byte for byte, newlines and
 * all; every shortened stream is refused. */
START_TEST(test_wire)
{
	const char *cells[] = { "1", "Dòng một\nDòng hai: đĐ", "2", "" };
	struct report *r = make_report(3, cells, 2), *back;
	size_t len, len2;
	char *wire, *again;
	struct err e;
	FILE *fp;

	r->sections[0].blocks[0].table.strong[1] = true;
	wire = wire_of(r, &len);
	fp = fmemopen(wire, len, "r");
	ck_assert_msg(report_read_wire(fp, &back, &e) == 0, "%s", e.msg);
	fclose(fp);
	again = wire_of(back, &len2);
	ck_assert_uint_eq(len, len2);
	ck_assert_int_eq(memcmp(wire, again, len), 0);
	ck_assert(back->sections[0].blocks[0].table.strong[1]);
	ck_assert_str_eq(back->sections[0].blocks[0].table.cells[1], "Dòng một\nDòng hai: đĐ");
	for (size_t cut = 0; cut < len; cut++) {
		struct report *part;

		fp = fmemopen(wire, cut > 0 ? cut : 1, "r");
		if (cut == 0)
			fgetc(fp);
		ck_assert_int_eq(report_read_wire(fp, &part, &e), -1);
		ck_assert_ptr_null(part);
		ck_assert(!err_empty(&e));
		fclose(fp);
	}
	free(wire);
	free(again);
	report_free(back);
	report_free(r);
}
END_TEST

static const struct {
	const char *in;
	bool ok;
	int year;
	enum period_kind kind;
} period_cases[] = {
	{ "2025-Q1", true, 2025, PERIOD_Q1 },
	{ "2025-q1", true, 2025, PERIOD_Q1 },
	{ "2025-6T", true, 2025, PERIOD_H1 },
	{ "2025-9t", true, 2025, PERIOD_M9 },
	{ "2026-N", true, 2026, PERIOD_YEAR },
	{ "2025-7T", false, 0, 0 },
	{ "2025", false, 0, 0 },
	{ "25-9T", false, 0, 0 },
	{ "2025-9T ", false, 0, 0 },
	{ "abcd-9T", false, 0, 0 },
};

START_TEST(test_period)
{
	int year = 0;
	enum period_kind k = PERIOD_Q1;

	ck_assert_int_eq(report_period_parse(period_cases[_i].in, &year, &k), period_cases[_i].ok);
	if (period_cases[_i].ok) {
		ck_assert_int_eq(year, period_cases[_i].year);
		ck_assert_int_eq(k, period_cases[_i].kind);
	}
}
END_TEST

#ifdef SRCDATADIR
#define DEFAULT_DATADIR SRCDATADIR
#else
#define DEFAULT_DATADIR "data"
#endif

/* The column of t titled title, -1 when none. */
static int
column(const struct report_table *t, const char *title)
{
	for (int c = 0; c < t->ncolumns; c++)
		if (strcmp(t->columns[c].title, title) == 0)
			return c;
	return -1;
}

/* The cells are typed as their columns say, from the text they show: the
 * units report's due dates are dates (a deadline in words stays text),
 * its TT codes; the dashboard's counts numbers; the appendix's TT codes,
 * its deadlines as written text beside their due dates.  What a workbook
 * writes. */
START_TEST(test_typed)
{
	char dir[] = "/tmp/cchc-test-report-XXXXXX", path[64];
	const char *data = getenv("CCHC_DATADIR");
	int dates = 0, words = 0, numbers = 0, deadlines = 0;
	struct report *r;
	struct plan plan;
	struct db *db;
	struct err e;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/cchc.db", dir);
	ck_assert_msg((db = db_open(path, &e)) != NULL, "%s", e.msg);
	date_set_today((struct date){ 2025, 10, 15 });
	ck_assert_msg(reference_load(db, data != NULL && *data ? data : DEFAULT_DATADIR, true) == 0,
	    "%s", db_error(db));
	ck_assert_int_eq(plan_current(db, &plan), 1);
	for (int kind = 0; kind < 3; kind++) {
		if (kind == 2)
			ck_assert_msg(report_build_appendix(db, plan.id, &r) == 0, "%s", db_error(db));
		else
			ck_assert_msg(report_build(db, kind == 0 ? REPORT_UNITS : REPORT_DASHBOARD,
			    plan.id, 2025, PERIOD_M9, 0, &r) == 0, "%s", db_error(db));
		for (int i = 0; i < r->nsections; i++) {
			for (int j = 0; j < r->sections[i].nblocks; j++) {
				const struct report_table *t = &r->sections[i].blocks[j].table;
				int due = column(t, "Due"), no = column(t, "No."), met = column(t, "Met");
				int deadline = column(t, "Deadline");

				if (r->sections[i].blocks[j].kind != REPORT_TABLE)
					continue;
				for (int row = 0; row < t->nrows; row++) {
					const struct report_value *v = &t->values[row * t->ncolumns];
					const char *const *cell = (const char *const *)&t->cells[row * t->ncolumns];
					struct date d;
					/* A deadline in words over its date is the date. */
					const char *last = due >= 0 && strrchr(cell[due], '\n') ?
					    strrchr(cell[due], '\n') + 1 : due >= 0 ? cell[due] : "";

					if (no >= 0 && *cell[no] != '\0')
						ck_assert_int_eq(v[no].type, REPORT_CODE);
					if (deadline >= 0 && *cell[deadline] != '\0') {
						ck_assert_int_eq(v[deadline].type, REPORT_TEXT);
						deadlines++;
					}
					if (due >= 0 && date_parse_vn(last, &d)) {
						ck_assert_int_eq(v[due].type, REPORT_DATE);
						ck_assert_int_eq(date_cmp(v[due].date, d), 0);
						dates++;
					} else if (due >= 0 && *cell[due] != '\0') {
						ck_assert_int_eq(v[due].type, REPORT_TEXT);
						words++;
					}
					if (met >= 0) {
						ck_assert_int_eq(v[met].type, REPORT_NUMBER);
						ck_assert(v[met].number == atof(cell[met]));
						numbers++;
					}
					ck_assert_int_eq(v[0].type == REPORT_TEXT || v[0].type == REPORT_CODE, 1);
				}
			}
		}
		report_free(r);
	}
	ck_assert_int_gt(dates, 0);
	ck_assert_int_gt(words, 0);
	ck_assert_int_gt(numbers, 0);
	ck_assert_int_gt(deadlines, 0);
	plan_free(&plan);
	db_close(db);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	ck_assert_int_eq(system(path), 0);
}
END_TEST

/* Every kind of report proposes a file name of its own words (the
 * written report's had been "null-6-thang-2026"). */
START_TEST(test_file_names)
{
	struct report r = { 0 };
	char name[128];

	r.kind = (enum report_kind)_i;
	r.year = 2026;
	r.period = PERIOD_H1;
	report_file_name(&r, name, sizeof name);
	ck_assert_msg(*name != '\0' && strstr(name, "null") == NULL, "%d: %s", _i, name);
	for (int k = 0; k < _i; k++) {
		struct report other = r;
		char before[128];

		other.kind = (enum report_kind)k;
		report_file_name(&other, before, sizeof before);
		ck_assert_msg(strcmp(before, name) != 0, "%d and %d: %s", k, _i, name);
	}
}
END_TEST

int
main(void)
{
Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	SRunner *sr;
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	tcase_add_loop_test(tc, test_wrap, 0, NELEM(wrap_cases));
	tcase_add_test(tc, test_align);
	tcase_add_test(tc, test_pages);
	tcase_add_test(tc, test_csv);
	tcase_add_test(tc, test_cp1258);
	tcase_add_test(tc, test_html);
	tcase_add_test(tc, test_wire);
	tcase_add_loop_test(tc, test_period, 0, NELEM(period_cases));
	tcase_add_test(tc, test_typed);
	tcase_add_loop_test(tc, test_file_names, 0, REPORT_KINDS);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
