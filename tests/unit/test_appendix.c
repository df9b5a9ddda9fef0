/* Unit tests for importing and exporting a plan's data: the task appendix
 * (appendix.c) on one fixture per irregularity of real tables
 * (tests/fixtures/appendix/), the encodings, the writing in one
 * transaction, unknown units, the export -> import round trip, the
 * targets list (target_import.c), and the pieces under them: delimited
 * text (csv.c), unit names (unit_match.c), section headings (import.c)
 * and the CSV export of the database (export.c).
 *
 * Every test starts from a new database in a temporary folder loaded with
 * reference_load() (the sections, the typical units and the sample plan),
 * with today fixed at 15/10/2025. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/io/csv.h"
#include "core/io/export.h"
#include "core/io/import.h"
#include "core/plan/appendix.h"
#include "core/plan/appendix_preview.h"
#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/section.h"
#include "core/plan/target.h"
#include "core/plan/target_import.h"
#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/plan/unit_match.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static struct db *db;
static int64_t sample_plan;

static void
fixture(const char *name, char *path, size_t size)
{
	const char *d = getenv("CCHC_FIXTURES");

	if (d != NULL && *d != '\0')
		snprintf(path, size, "%s/%s", d, name);
	else
		snprintf(path, size, "%s/../tests/fixtures/appendix/%s", fixture_datadir(), name);
}

static void
setup(void)
{
	struct plan p;

	date_set_today((struct date){ 2025, 10, 15 });
	db = fixture_open("appendix", true, true);
	ck_assert_int_eq(plan_current(db, &p), 1);
	sample_plan = p.id;
	plan_free(&p);
}

static void
teardown(void)
{
	fixture_close(db);
}

/* ---- helpers ------------------------------------------------------- */

static int64_t
new_plan(int year)
{
	struct plan_input p = { 0 };
	struct err e;

	p.title = "Kế hoạch nhập";
	p.number = p.issuer = p.signer = "";
	p.year_from = p.year_to = year;
	ck_assert_msg(plan_save(db, &p, &p.id, &e) == 0, "%s", e.msg);
	return p.id;
}

static void
parse(const char *name, struct appendix *a)
{
	char path[4096];

	fixture(name, path, sizeof path);
	ck_assert_msg(appendix_parse_file(db, path, 2026, 2026, a) == 0, "%s: %s", name, db_error(db));
}

/* Whether the log has a message for line (error or warning) holding
 * text. */
static bool
has_msg(const struct import_log *log, int line, bool error, const char *text)
{
	for (int i = 0; i < log->n; i++)
		if (log->msg[i].line == line && log->msg[i].error == error &&
		    strstr(log->msg[i].text, text) != NULL)
			return true;
	return false;
}

static void
dump_log(const struct import_log *log, char *buf, size_t size)
{
	size_t len = 0;

	*buf = '\0';
	for (int i = 0; i < log->n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "\n  %d %s: %s", log->msg[i].line,
		    log->msg[i].error ? "E" : "W", log->msg[i].text);
}

#define assert_msg(log, line, error, text) do { \
	char dump_[4096]; \
	dump_log((log), dump_, sizeof dump_); \
	ck_assert_msg(has_msg((log), (line), (error), (text)), \
	    "no %s for line %d with \"%s\" in:%s", (error) ? "error" : "warning", (line), \
	    (text), dump_); \
} while (0)

#define assert_quiet(log) do { \
	char dump_[4096]; \
	dump_log((log), dump_, sizeof dump_); \
	ck_assert_msg((log)->n == 0, "messages:%s", dump_); \
} while (0)

static const struct appendix_task *
task_at(const struct appendix *a, int line)
{
	for (int i = 0; i < a->ntasks; i++)
		if (a->tasks[i].line == line)
			return &a->tasks[i];
	ck_abort_msg("no task on line %d", line);
	return NULL;
}

static int64_t
unit(const char *name)
{
	int64_t id = unit_find(db, name);

	ck_assert_msg(id > 0, "no unit \"%s\"", name);
	return id;
}

static int64_t
section(const char *code)
{
	int64_t id = section_find(db, code);

	ck_assert_msg(id > 0, "no section %s", code);
	return id;
}

static void
assert_product(const struct appendix_product *p, const char *name, const char *deadline,
    const char *due)
{
	char iso[11] = "";

	ck_assert_str_eq(p->name, name);
	ck_assert_str_eq(p->deadline_text, deadline);
	if (p->deadline.due.year != 0)
		date_format_iso(p->deadline.due, iso);
	ck_assert_str_eq(iso, due);
}

static int
count_tasks(int64_t plan)
{
	struct task *t;
	int n;

	ck_assert_int_eq(task_list(db, plan, 0, &t, &n), 0);
	tasks_free(t, n);
	return n;
}

/* ---- the appendix, one irregularity at a time ------------------------ */

/* The table of domain.md as it is. */
START_TEST(test_domain)
{
	struct appendix a;
	const struct appendix_task *t;

	parse("domain.tsv", &a);
	ck_assert_int_eq(a.encoding, ENCODING_UTF8);
	ck_assert_int_eq(a.delim, '\t');
	ck_assert_int_eq(a.nsections, 2);
	ck_assert_int_eq(a.sections[0].id, section("chi_dao"));
	ck_assert_int_eq(a.sections[1].id, section("tthc"));
	ck_assert_int_eq(a.ntasks, 3);
	ck_assert_int_eq(a.nproducts, 4);
	ck_assert_int_eq(a.log.nerrors, 0);
	ck_assert_int_eq(a.nunknowns, 0);

	t = task_at(&a, 3);
	ck_assert_str_eq(t->tt, "1");
	ck_assert_str_eq(t->description, "Ban hành Kế hoạch tuyên truyền CCHC năm 2026");
	ck_assert_int_eq(t->lead.id, unit("Phòng VHXH"));
	ck_assert_int_eq(t->monitor.id, unit("Phòng VHXH"));
	ck_assert_int_eq(t->ncooperators, 1);
	ck_assert_int_eq(t->cooperators[0].id, unit("Các phòng chuyên môn, đơn vị"));
	ck_assert_int_eq(t->nproducts, 1);
	assert_product(&t->products[0], "Kế hoạch", "Trước ngày 15/5/2026", "2026-05-15");

	t = task_at(&a, 4);
	ck_assert_int_eq(t->ncooperators, 2);
	ck_assert_int_eq(t->cooperators[0].id, unit("Trung tâm PVHCC"));
	ck_assert_int_eq(t->cooperators[1].id, unit("Phòng Kinh tế"));
	assert_product(&t->products[0], "Báo cáo kết quả", "Quý III/2026", "2026-09-30");

	/* The continuation row: a second product; its other monitoring unit
	 * is reported, not taken. */
	t = task_at(&a, 6);
	ck_assert_int_eq(t->section, 1);
	ck_assert_int_eq(t->nproducts, 2);
	assert_product(&t->products[1], "Báo cáo kết quả rà soát", "Tháng 11/2026", "2026-11-30");
	ck_assert_int_eq(t->monitor.id, unit("Văn phòng HĐND và UBND"));
	assert_msg(&a.log, 7, false, "monitoring unit \"Phòng VHXH\" differs");
	ck_assert_int_eq(a.log.n, 1);
	appendix_free(&a);
}
END_TEST

/* Sections are matched by title, whatever their numeral or case. */
START_TEST(test_sections_by_title)
{
	struct appendix a;

	parse("sections-by-title.tsv", &a);
	ck_assert_int_eq(a.log.nerrors, 0);
	ck_assert_int_eq(a.nsections, 3);
	ck_assert_int_eq(a.sections[0].id, section("chinh_quyen_so"));
	ck_assert_int_eq(a.sections[1].id, section("tthc"));
	ck_assert_int_eq(a.sections[2].id, section("chi_dao"));
	/* "III Cải cách thủ tục hành chính và thực hiện cơ chế một cửa" is a
	 * guess, and the section is one already opened. */
	assert_msg(&a.log, 6, false, "taken as the section \"Cải cách thủ tục hành chính\"");
	assert_msg(&a.log, 6, false, "comes again");
	ck_assert_int_eq(a.sections[1].ntasks, 2);
	ck_assert_int_eq(task_at(&a, 7)->section, 1);
	ck_assert_int_eq(task_at(&a, 9)->section, 2);
	appendix_free(&a);
}
END_TEST

/* Rows with empty TT and task add products to the task above. */
START_TEST(test_continuation)
{
	struct appendix a;
	const struct appendix_task *t;

	parse("continuation.tsv", &a);
	assert_quiet(&a.log);
	ck_assert_int_eq(a.ntasks, 2);
	t = task_at(&a, 3);
	ck_assert_int_eq(t->nproducts, 3);
	assert_product(&t->products[0], "Kế hoạch rà soát", "Tháng 3/2026", "2026-03-31");
	assert_product(&t->products[1], "Báo cáo kết quả rà soát", "Tháng 11/2026", "2026-11-30");
	assert_product(&t->products[2], "Quyết định công bố kết quả", "Tháng 12/2026",
	    "2026-12-31");
	ck_assert_int_eq(t->products[2].line, 5);
	ck_assert_int_eq(task_at(&a, 6)->nproducts, 1);
	appendix_free(&a);
}
END_TEST

/* A task without TT, and numbers that skip. */
START_TEST(test_tt_missing)
{
	struct appendix a;

	parse("tt-missing.tsv", &a);
	ck_assert_int_eq(a.log.nerrors, 0);
	ck_assert_int_eq(a.ntasks, 3);
	ck_assert_str_eq(task_at(&a, 4)->tt, "");
	ck_assert_str_eq(task_at(&a, 4)->description, "Cử công chức tham gia bồi dưỡng");
	assert_msg(&a.log, 4, false, "without a number");
	ck_assert_str_eq(task_at(&a, 5)->tt, "4");
	assert_msg(&a.log, 5, false, "TT jumps from 1 to 4");
	ck_assert_int_eq(a.log.n, 2);
	appendix_free(&a);
}
END_TEST

/* A task cut by a page break goes on in the next row, cell by cell. */
START_TEST(test_page_break)
{
	struct appendix a;
	const struct appendix_task *t;

	parse("page-break.tsv", &a);
	ck_assert_int_eq(a.log.nerrors, 0);
	ck_assert_int_eq(a.ntasks, 2);
	t = task_at(&a, 3);
	ck_assert_str_eq(t->description, "Thực hiện cơ chế tự chủ tài chính đối với đơn vị sự "
	    "nghiệp công lập, quản lý, sử dụng tài sản công đúng quy định");
	ck_assert_int_eq(t->nproducts, 1);
	assert_product(&t->products[0], "Báo cáo kết quả thực hiện", "Trước ngày 30/11/2026",
	    "2026-11-30");
	ck_assert_int_eq(t->ncooperators, 1);
	ck_assert_int_eq(t->cooperators[0].id, unit("Trung tâm Dịch vụ công ích"));
	assert_msg(&a.log, 4, false, "cut by a page break");
	ck_assert_int_eq(a.log.n, 1);
	appendix_free(&a);
}
END_TEST

/* Rows with fewer cells than the header. */
START_TEST(test_short_rows)
{
	struct appendix a;
	const struct appendix_task *t;

	parse("short-rows.tsv", &a);
	ck_assert_int_eq(a.log.nerrors, 0);
	assert_msg(&a.log, 3, false, "5 cells where the header has 7");
	assert_msg(&a.log, 4, false, "3 cells where the header has 7");
	assert_msg(&a.log, 5, false, "4 cells where the header has 7");
	t = task_at(&a, 3);
	ck_assert_int_eq(t->lead.id, unit("Văn phòng HĐND và UBND"));
	ck_assert_int_eq(t->ncooperators, 0);
	ck_assert_str_eq(t->monitor.text, "");
	t = task_at(&a, 4);
	ck_assert_int_eq(t->nproducts, 2);
	assert_product(&t->products[0], "Quyết định", "", "");
	assert_product(&t->products[1], "Báo cáo", "Tháng 12/2026", "2026-12-31");
	appendix_free(&a);
}
END_TEST

/* Several units in one cell, separated by ';' or ',', and names with a
 * comma in them. */
START_TEST(test_several_units)
{
	struct appendix a;
	const struct appendix_task *t;

	parse("several-units.tsv", &a);
	ck_assert_int_eq(a.log.nerrors, 0);
	ck_assert_int_eq(a.nunknowns, 0);
	t = task_at(&a, 3);
	ck_assert_int_eq(t->ncooperators, 2);
	ck_assert_int_eq(t->cooperators[0].id, unit("Trung tâm PVHCC"));
	ck_assert_int_eq(t->cooperators[1].id, unit("Phòng Kinh tế"));
	t = task_at(&a, 4);
	ck_assert_int_eq(t->ncooperators, 3);
	ck_assert_int_eq(t->cooperators[0].id, unit("Phòng Kinh tế"));
	ck_assert_int_eq(t->cooperators[1].id, unit("Trạm y tế"));
	ck_assert_int_eq(t->cooperators[2].id, unit("Công an xã"));
	t = task_at(&a, 5);
	ck_assert_int_eq(t->ncooperators, 1);
	ck_assert_int_eq(t->cooperators[0].id, unit("Các phòng chuyên môn, đơn vị"));
	/* Two lead units: the second cooperates; two monitoring units:
	 * the first is kept. */
	t = task_at(&a, 6);
	ck_assert_int_eq(t->lead.id, unit("Phòng VHXH"));
	ck_assert_int_eq(t->ncooperators, 3);
	ck_assert_int_eq(t->cooperators[0].id, unit("Trung tâm PVHCC"));
	ck_assert_int_eq(t->cooperators[1].id, unit("Trạm y tế"));
	ck_assert_int_eq(t->cooperators[2].id, unit("Các phòng chuyên môn, đơn vị"));
	ck_assert_int_eq(t->monitor.id, unit("Văn phòng HĐND và UBND"));
	assert_msg(&a.log, 6, false, "several lead units");
	assert_msg(&a.log, 6, false, "several monitoring units");
	ck_assert_int_eq(a.log.n, 2);
	appendix_free(&a);
}
END_TEST

/* A section row with stray cells: they are ignored, with a warning each. */
START_TEST(test_stray_cells)
{
	struct appendix a;

	parse("stray-cells.tsv", &a);
	ck_assert_int_eq(a.log.nerrors, 0);
	ck_assert_int_eq(a.nsections, 1);
	ck_assert_int_eq(a.sections[0].id, section("the_che"));
	ck_assert_str_eq(a.sections[0].heading, "Cải cách thể chế");
	assert_msg(&a.log, 2, false, "\"x\" ignored");
	assert_msg(&a.log, 2, false, "\"Phòng VHXH\" ignored");
	ck_assert_int_eq(a.ntasks, 1);
	ck_assert_int_eq(task_at(&a, 3)->products[0].deadline.kind, DEADLINE_CONDITIONAL);
	appendix_free(&a);
}
END_TEST

/* Units written other ways: initials, no marks, other punctuation. */
START_TEST(test_abbreviations)
{
	struct appendix a;
	const struct appendix_task *t;

	parse("abbreviations.tsv", &a);
	ck_assert_int_eq(a.log.nerrors, 0);
	ck_assert_int_eq(a.nunknowns, 0);
	t = task_at(&a, 3);
	ck_assert_int_eq(t->lead.id, unit("Trung tâm PVHCC"));
	ck_assert_int_eq(t->cooperators[0].id, unit("Phòng Kinh tế"));
	ck_assert_int_eq(t->monitor.id, unit("Phòng VHXH"));
	assert_msg(&a.log, 3, false, "\"TT Phục vụ HCC\" read as the unit \"Trung tâm Phục vụ "
	    "hành chính công\"");
	t = task_at(&a, 4);
	ck_assert_int_eq(t->lead.id, unit("Văn phòng HĐND và UBND"));
	ck_assert_int_eq(t->cooperators[0].id, unit("Phòng Kinh tế"));
	ck_assert_int_eq(t->monitor.id, unit("Phòng VHXH"));
	assert_msg(&a.log, 4, false, "by its initials");
	/* Spellings that only differ by punctuation or marks need no
	 * warning. */
	ck_assert_int_eq(a.log.n, 2);
	appendix_free(&a);
}
END_TEST

/* Names that match no unit: listed; writing is refused until they are
 * created or mapped. */
START_TEST(test_unknown_units)
{
	struct appendix a;
	int64_t plan = new_plan(2026), id;
	const struct appendix_task *t;

	parse("unknown-units.tsv", &a);
	ck_assert_int_eq(a.log.nerrors, 0);
	ck_assert_int_eq(a.nunknowns, 2);
	ck_assert_str_eq(a.unknowns[0].name, "Phòng Tư pháp");
	ck_assert_int_eq(a.unknowns[0].line, 3);
	ck_assert_int_eq(a.unknowns[0].uses, 2);
	ck_assert_str_eq(a.unknowns[1].name, "Ban Chỉ huy Quân sự xã");
	ck_assert_int_eq(task_at(&a, 3)->lead.unknown, 0);
	ck_assert_int_eq(task_at(&a, 3)->cooperators[0].unknown, 1);

	ck_assert_int_eq(appendix_write(db, &a, plan, false, false), -1);
	ck_assert_ptr_nonnull(strstr(db_error(db), "Phòng Tư pháp"));
	ck_assert_int_eq(count_tasks(plan), 0);
	ck_assert_int_eq(unit_find(db, "Phòng Tư pháp"), 0);

	ck_assert_msg(appendix_write(db, &a, plan, true, false) == 0, "%s", db_error(db));
	ck_assert_int_eq(count_tasks(plan), 2);
	id = unit("Phòng Tư pháp");
	t = task_at(&a, 4);
	(void)t;
	{
		struct task *tasks;
		int n;

		ck_assert_int_eq(task_list(db, plan, 0, &tasks, &n), 0);
		ck_assert_int_eq(tasks[0].lead_unit_id, id);
		ck_assert_str_eq(tasks[0].cooperators, "Ban Chỉ huy Quân sự xã");
		ck_assert_int_eq(tasks[1].lead_unit_id, id);
		tasks_free(tasks, n);
	}
	appendix_free(&a);
}
END_TEST

/* An unknown name mapped to a known unit becomes its alias. */
START_TEST(test_map_unknown)
{
	struct appendix a;
	int64_t plan = new_plan(2026), vp = unit("Văn phòng HĐND và UBND");
	int64_t ca = unit("Công an xã");

	parse("unknown-units.tsv", &a);
	a.unknowns[0].map_to = vp;
	a.unknowns[1].map_to = ca;
	ck_assert_msg(appendix_write(db, &a, plan, false, false) == 0, "%s", db_error(db));
	ck_assert_int_eq(unit_find(db, "Phòng Tư pháp"), vp);
	ck_assert_int_eq(unit_find(db, "ban chi huy quan su xa"), ca);
	ck_assert_int_eq(count_tasks(plan), 2);
	appendix_free(&a);
}
END_TEST

/* Comma-separated, with quoted cells: commas, doubled quotes and a line
 * break inside cells; CR LF line ends. */
START_TEST(test_comma_csv)
{
	struct appendix a;
	const struct appendix_task *t;

	parse("comma.csv", &a);
	assert_quiet(&a.log);
	ck_assert_int_eq(a.delim, ',');
	ck_assert_int_eq(a.nsections, 1);
	ck_assert_int_eq(a.sections[0].id, section("chi_dao"));
	t = task_at(&a, 3);
	ck_assert_str_eq(t->description, "Ban hành \"Kế hoạch CCHC\" năm 2026");
	ck_assert_int_eq(t->cooperators[0].id, unit("Các phòng chuyên môn, đơn vị"));
	t = task_at(&a, 4);
	ck_assert_str_eq(t->description, "Tổ chức kiểm tra CCHC tại các phòng, đơn vị");
	ck_assert_int_eq(t->ncooperators, 2);
	assert_product(&t->products[0], "Báo cáo", "Tháng 10/2026", "2026-10-31");
	appendix_free(&a);
}
END_TEST

/* Title lines above the header and a row of column numbers under it. */
START_TEST(test_preamble)
{
	struct appendix a;

	parse("preamble.tsv", &a);
	ck_assert_int_eq(a.log.nerrors, 0);
	assert_msg(&a.log, 1, false, "above the header");
	assert_msg(&a.log, 2, false, "above the header");
	assert_msg(&a.log, 4, false, "column numbers");
	ck_assert_int_eq(a.ntasks, 1);
	ck_assert_int_eq(task_at(&a, 6)->lead.id, unit("Phòng Kinh tế"));
	appendix_free(&a);
}
END_TEST

START_TEST(test_no_header)
{
	struct appendix a;

	parse("no-header.tsv", &a);
	ck_assert_int_eq(a.log.nerrors, 0);
	assert_msg(&a.log, 1, false, "no header row");
	ck_assert_int_eq(a.ntasks, 1);
	ck_assert_int_eq(a.sections[0].id, section("tai_chinh"));
	assert_product(&task_at(&a, 2)->products[0], "Báo cáo", "Hằng tháng", "2026-12-31");
	appendix_free(&a);
}
END_TEST

/* Lines that cannot be taken: an error each, and nothing written. */
static const struct {
	const char *file;
	int line;
	const char *text;
} bad[] = {
	{ "bad-section.tsv", 4, "\"Công tác thi đua khen thưởng\" is none of the seven sections" },
	{ "task-before-section.tsv", 2, "a task before the first section row" },
};

START_TEST(test_bad)
{
	struct appendix a;
	int64_t plan = new_plan(2026);

	parse(bad[_i].file, &a);
	ck_assert_int_eq(a.log.nerrors, 1);
	assert_msg(&a.log, bad[_i].line, true, bad[_i].text);
	ck_assert_int_eq(appendix_write(db, &a, plan, true, false), -1);
	ck_assert_ptr_nonnull(strstr(db_error(db), "nothing was written"));
	ck_assert_int_eq(count_tasks(plan), 0);
	appendix_free(&a);
}
END_TEST

START_TEST(test_bad_bytes)
{
	struct appendix a;
	char path[4096];

	fixture("bad-utf8.tsv", path, sizeof path);
	ck_assert_int_eq(appendix_parse_file(db, path, 2026, 2026, &a), -1);
	ck_assert_msg(strstr(db_error(db), "line 4") != NULL, "%s", db_error(db));
	ck_assert_ptr_nonnull(strstr(db_error(db), "bad-utf8.tsv"));
	appendix_free(&a);
}
END_TEST

/* The same appendix in every encoding parses the same. */
static const char *const encodings[] = {
	"enc-utf8-bom.tsv", "enc-utf8-nfd.tsv", "enc-utf16le.txt", "enc-utf16le-nobom.txt",
	"enc-cp1258.txt",
};

START_TEST(test_encodings)
{
	struct appendix want, got;

	parse("domain.tsv", &want);
	parse(encodings[_i], &got);
	ck_assert_int_eq(got.ntasks, want.ntasks);
	ck_assert_int_eq(got.nproducts, want.nproducts);
	ck_assert_int_eq(got.log.n, want.log.n);
	for (int i = 0; i < want.ntasks; i++) {
		ck_assert_str_eq(got.tasks[i].description, want.tasks[i].description);
		ck_assert_int_eq(got.tasks[i].lead.id, want.tasks[i].lead.id);
		ck_assert_int_eq(got.tasks[i].line, want.tasks[i].line);
		for (int j = 0; j < want.tasks[i].nproducts; j++)
			ck_assert_str_eq(got.tasks[i].products[j].deadline_text,
			    want.tasks[i].products[j].deadline_text);
	}
	appendix_free(&want);
	appendix_free(&got);
}
END_TEST

/* ---- writing ---------------------------------------------------------- */

START_TEST(test_write)
{
	struct appendix a;
	int64_t plan = new_plan(2026);
	struct task *t;
	int n;

	parse("domain.tsv", &a);
	ck_assert_msg(appendix_write(db, &a, plan, false, false) == 0, "%s", db_error(db));
	ck_assert_int_eq(task_list(db, plan, 0, &t, &n), 0);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(t[0].section_id, section("chi_dao"));
	ck_assert_str_eq(t[0].tt, "1");
	ck_assert_str_eq(t[0].lead_unit, "Phòng Văn hóa - Xã hội");
	ck_assert_str_eq(t[0].cooperators, "Các phòng chuyên môn, đơn vị");
	ck_assert_str_eq(t[0].products[0].due_date, "2026-05-15");
	ck_assert_str_eq(t[1].cooperators, "Trung tâm Phục vụ hành chính công; Phòng Kinh tế");
	ck_assert_int_eq(t[2].section_id, section("tthc"));
	ck_assert_int_eq(t[2].nproducts, 2);
	ck_assert_str_eq(t[2].products[0].deadline_kind, "continuous");
	ck_assert_str_eq(t[2].products[0].due_date, "2026-12-31");
	ck_assert_str_eq(t[2].monitor_unit, "Văn phòng HĐND và UBND");
	tasks_free(t, n);
	appendix_free(&a);
}
END_TEST

/* One transaction: a task that fails leaves none of the others written,
 * and the message names its line. */
START_TEST(test_write_all_or_nothing)
{
	struct appendix a;
	int64_t plan = new_plan(2026);

	parse("domain.tsv", &a);
	a.tasks[2].lead.id = 99999;
	ck_assert_int_eq(appendix_write(db, &a, plan, false, false), -1);
	ck_assert_msg(strstr(db_error(db), "line 6") != NULL, "%s", db_error(db));
	ck_assert_int_eq(count_tasks(plan), 0);
	appendix_free(&a);
}
END_TEST

/* Issue 14: the preview the screen and cchc import both show, line by
 * line, with the style and the task of each. */
START_TEST(test_preview)
{
	static const char text[] =
	    "TT\tNhiệm vụ\tSản phẩm\tThời gian hoàn thành\tChủ trì thực hiện\tPhối hợp thực hiện\n"
	    "I\tCải cách thể chế\n"
	    "1\tBan hành kế hoạch\tKế hoạch\tTrước ngày 15/5/2025\tVăn phòng HĐND và UBND\t"
	    "Phòng Tư pháp\n"
	    "2\t\tBáo cáo\tTheo kế hoạch của UBND tỉnh\tVăn phòng HĐND và UBND\t\n";
	static const struct preview_line want[] = {
		{ 0, PREVIEW_HEADING, -1, "UTF-8: 1 section, 2 tasks, 2 products" },
		{ 0, PREVIEW_NORMAL, -1, "" },
		{ 0, PREVIEW_HEADING, -1, "For review (1) — imported marked (cần xem lại):" },
		{ 2, PREVIEW_WARN, 1, "line 4: the Nhiệm vụ cell is empty" },
		{ 6, PREVIEW_DIM, 1, "2 | - | Báo cáo | Theo kế hoạch của UBND tỉnh | "
		    "Văn phòng HĐND và UBND | -" },
		{ 0, PREVIEW_NORMAL, -1, "" },
		{ 0, PREVIEW_HEADING, -1, "Warnings and errors (1):" },
		{ 2, PREVIEW_WARN, -1, "line 4: warning: kept for review: the Nhiệm vụ cell is empty" },
		{ 0, PREVIEW_NORMAL, -1, "" },
		{ 0, PREVIEW_HEADING, -1, "Units not known:" },
		{ 2, PREVIEW_WARN, -1, "\"Phòng Tư pháp\" (line 3, 1 time)" },
		{ 0, PREVIEW_NORMAL, -1, "" },
		{ 0, PREVIEW_HEADING, -1, "Cải cách thể chế (line 2)" },
		{ 2, PREVIEW_NORMAL, 0, "1    Ban hành kế hoạch" },
		{ 7, PREVIEW_DIM, 0, "Lead: Văn phòng HĐND và UBND · Cooperating: Phòng Tư pháp" },
		{ 7, PREVIEW_NORMAL, 0, "- Kế hoạch: Trước ngày 15/5/2025 → 15/05/2025" },
		{ 2, PREVIEW_WARN, 1, "2    (the task's text is missing) (for review)" },
		{ 7, PREVIEW_DIM, 1, "Lead: Văn phòng HĐND và UBND" },
		{ 7, PREVIEW_NORMAL, 1, "- Báo cáo: Theo kế hoạch của UBND tỉnh → not fixed yet: "
		    "enter the date by hand" },
	};
	struct appendix a;
	struct preview_lines p = { 0 };

	ck_assert_msg(appendix_parse(db, text, sizeof text - 1, 2025, 2025, &a) == 0, "%s",
	    db_error(db));
	ck_assert_msg(appendix_preview(db, &a, &p) == 0, "%s", db_error(db));
	for (int i = 0; i < p.n && i < (int)NELEM(want); i++) {
		ck_assert_str_eq(p.lines[i].text, want[i].text);
		ck_assert_int_eq(p.lines[i].indent, want[i].indent);
		ck_assert_int_eq(p.lines[i].style, want[i].style);
		ck_assert_int_eq(p.lines[i].task, want[i].task);
	}
	ck_assert_int_eq(p.n, NELEM(want));
	preview_lines_free(&p);
	appendix_free(&a);
}
END_TEST

/* Issue 15: rows that cannot be read completely are kept for review,
 * shifted rows realigned, deadlines that cannot be read warned of; a dry
 * run answers as the write and leaves nothing. */
START_TEST(test_irregular)
{
	struct appendix a;
	struct task *got;
	char path[4096];
	int64_t plan = new_plan(2025);
	int ngot;

	fixture("irregular.tsv", path, sizeof path);
	ck_assert_msg(appendix_parse_file(db, path, 2025, 2025, &a) == 0, "%s", db_error(db));
	ck_assert_int_eq(a.log.nerrors, 0);
	ck_assert_int_eq(a.ntasks, 8);
	ck_assert_int_eq(a.nreview, 5);
	/* TT 2: the task cell lost, the rest kept. */
	ck_assert_ptr_nonnull(a.tasks[1].review);
	ck_assert_ptr_nonnull(strstr(a.tasks[1].review, "Nhiệm vụ"));
	ck_assert_str_eq(a.tasks[1].products[0].deadline_text, "Quý III/2025");
	/* TT 3: one column left, the task cell dropped. */
	assert_msg(&a.log, 5, false, "one column left");
	ck_assert_ptr_nonnull(a.tasks[2].review);
	ck_assert_str_eq(a.tasks[2].products[0].name, "Kế hoạch tuyên truyền");
	ck_assert_str_eq(a.tasks[2].products[0].deadline_text, "Tháng 6/2025");
	ck_assert_str_eq(a.tasks[2].lead.text, "Phòng VHXH");
	ck_assert_ptr_nonnull(strstr(a.tasks[2].raw, "3 | Kế hoạch tuyên truyền | Tháng 6/2025"));
	/* TT 4: one column left, the product cell dropped: no review. */
	ck_assert_ptr_null(a.tasks[3].review);
	ck_assert_str_eq(a.tasks[3].products[0].name, "");
	ck_assert_str_eq(a.tasks[3].products[0].deadline_text, "Trước ngày 30/11/2025");
	/* Deadlines: not read, not a day, outside the plan's years. */
	assert_msg(&a.log, 7, false, "a quarter outside I-IV");
	ck_assert_int_eq(a.tasks[4].products[0].deadline.kind, DEADLINE_UNKNOWN);
	assert_msg(&a.log, 9, false, "31/02/2025 does not exist");
	ck_assert_str_eq(a.tasks[5].products[0].deadline_text, "");
	assert_msg(&a.log, 10, false, "outside the plan's years");
	assert_msg(&a.log, 12, false, "control characters");
	ck_assert_ptr_null(strchr(a.tasks[6].description, '\001'));
	assert_msg(&a.log, 13, false, "a word that cannot be read");

	ck_assert_msg(appendix_write(db, &a, plan, false, true) == 0, "%s", db_error(db));
	ck_assert_int_eq(count_tasks(plan), 0);
	ck_assert_msg(appendix_write(db, &a, plan, false, false) == 0, "%s", db_error(db));
	ck_assert_int_eq(task_list(db, plan, 0, &got, &ngot), 0);
	ck_assert_int_eq(ngot, 8);
	ck_assert_str_eq(got[0].review, "");
	ck_assert_str_eq(got[0].raw_cells, "");
	ck_assert_str_eq(got[1].review, a.tasks[1].review);
	ck_assert_ptr_nonnull(strstr(got[1].raw_cells, "2 | - | Báo cáo"));
	tasks_free(got, ngot);
	appendix_free(&a);
}
END_TEST

/* The preview's fixes: skip a task, merge one into the task above, type
 * a lost task text; the counts follow. */
START_TEST(test_fix_rows)
{
	struct appendix a;
	char path[4096];
	struct err e;
	int64_t plan = new_plan(2025);

	fixture("irregular.tsv", path, sizeof path);
	ck_assert_msg(appendix_parse_file(db, path, 2025, 2025, &a) == 0, "%s", db_error(db));
	ck_assert_int_eq(appendix_merge_up(&a, 0), -1);
	/* TT 2 (no text) into TT 1: its product and units join TT 1's. */
	appendix_skip(&a, 7);
	ck_assert_int_eq(appendix_merge_up(&a, 1), 0);
	ck_assert_int_eq(a.ntasks, 6);
	ck_assert_int_eq(a.nreview, 4);
	ck_assert_int_eq(a.nproducts, 9);
	ck_assert_int_eq(a.sections[0].ntasks, 5);
	ck_assert_int_eq(a.tasks[0].nproducts, 2);
	ck_assert_str_eq(a.tasks[0].products[1].name, "Báo cáo");
	ck_assert_str_eq(a.tasks[0].description,
	    "Ban hành Kế hoạch cải cách hành chính năm 2025 của xã");
	/* The row cut from TT 3, fixed; a text with a control character is
	 * refused as the form refuses it. */
	ck_assert_str_eq(a.tasks[1].tt, "3");
	ck_assert_int_eq(appendix_fix(&a, 1, "3", "Tuyên truyền\001", &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "control characters"));
	ck_assert_int_eq(appendix_fix(&a, 1, "3", " Tuyên truyền CCHC ", &e), 0);
	ck_assert_str_eq(a.tasks[1].description, "Tuyên truyền CCHC");
	ck_assert_ptr_null(a.tasks[1].review);
	ck_assert_int_eq(a.nreview, 3);
	ck_assert_msg(appendix_write(db, &a, plan, false, false) == 0, "%s", db_error(db));
	ck_assert_int_eq(count_tasks(plan), 6);
	appendix_free(&a);
}
END_TEST

/* A dry run fails where the write would: a unit id that is not one. */
START_TEST(test_dry_run_fails_alike)
{
	struct appendix a;
	int64_t plan = new_plan(2026);

	parse("domain.tsv", &a);
	a.tasks[2].lead.id = 99999;
	ck_assert_int_eq(appendix_write(db, &a, plan, false, true), -1);
	ck_assert_msg(strstr(db_error(db), "line 6") != NULL, "%s", db_error(db));
	ck_assert_int_eq(count_tasks(plan), 0);
	appendix_free(&a);
}
END_TEST

/* Export then import gives the same tasks. */
START_TEST(test_round_trip)
{
	struct appendix a;
	struct task *want, *got;
	int64_t plan = new_plan(2025);
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	int nwant, ngot;

	ck_assert_ptr_nonnull(fp);
	ck_assert_msg(export_appendix(db, sample_plan, fp) == 0, "%s", db_error(db));
	fclose(fp);
	ck_assert_msg(appendix_parse(db, text, len, 2025, 2025, &a) == 0, "%s", db_error(db));
	assert_quiet(&a.log);
	ck_assert_msg(appendix_write(db, &a, plan, false, false) == 0, "%s", db_error(db));
	ck_assert_int_eq(task_list(db, sample_plan, 0, &want, &nwant), 0);
	ck_assert_int_eq(task_list(db, plan, 0, &got, &ngot), 0);
	ck_assert_int_gt(nwant, 20);
	ck_assert_int_eq(ngot, nwant);
	for (int i = 0; i < nwant; i++) {
		ck_assert_int_eq(got[i].section_id, want[i].section_id);
		ck_assert_str_eq(got[i].tt, want[i].tt);
		ck_assert_str_eq(got[i].description, want[i].description);
		ck_assert_int_eq(got[i].lead_unit_id, want[i].lead_unit_id);
		ck_assert_int_eq(got[i].monitor_unit_id, want[i].monitor_unit_id);
		ck_assert_str_eq(got[i].cooperators, want[i].cooperators);
		ck_assert_int_eq(got[i].nproducts, want[i].nproducts);
		for (int j = 0; j < want[i].nproducts; j++) {
			ck_assert_str_eq(got[i].products[j].name, want[i].products[j].name);
			ck_assert_str_eq(got[i].products[j].deadline_text,
			    want[i].products[j].deadline_text);
			ck_assert_str_eq(got[i].products[j].deadline_kind,
			    want[i].products[j].deadline_kind);
			ck_assert_str_eq(got[i].products[j].due_date, want[i].products[j].due_date);
		}
	}
	tasks_free(want, nwant);
	tasks_free(got, ngot);
	appendix_free(&a);
	free(text);
}
END_TEST

/* ---- the pieces ------------------------------------------------------- */

static const struct {
	const char *text;
	char delim;		/* 0: detect, and expect this */
	const char *cells;	/* cells joined by '|', records by '/' */
	const char *lines;	/* each record's line, joined by ',' */
	bool unbalanced;	/* some record had an unclosed quote */
} csvs[] = {
	{ "a\tb\tc\n1\t2\t3\n", '\t', "a|b|c/1|2|3", "1,2", false },
	{ "a,\"b,c\",d\r\ne,f,g\r\n", ',', "a|b,c|d/e|f|g", "1,2", false },
	{ "\"say \"\"hi\"\"\",x\n", ',', "say \"hi\"|x", "1", false },
	{ "\"two\nlines\",x\ny,z\n", ',', "two lines|x/y|z", "1,3", false },
	{ "\"open,x\ny,z\n", ',', "\"open|x/y|z", "1,2", true },
	{ "a\xC2\xA0\tb\xC2\xA0" "c\n", '\t', "a|b c", "1", false },
	{ "a\rb\r", ',', "a/b", "1,2", false },
	{ "  a  \t b \n", '\t', "a|b", "1", false },
	{ "x\n\ny", ',', "x//y", "1,2,3", false },
	{ "a;b;c\n1;2;3\n", ';', "a|b|c/1|2|3", "1,2", false },
	{ "\"a\tb\",c\n", ',', "a\tb|c", "1", false },
	{ "a,b\tc\n", '\t', "a,b|c", "1", false },
};

START_TEST(test_csv)
{
	struct csv r;
	char cells[256] = "", lines[64] = "";
	bool unbalanced = false;
	int rc;

	ck_assert_int_eq(csv_delimiter(csvs[_i].text), csvs[_i].delim);
	csv_init(&r, csvs[_i].text, csvs[_i].delim);
	while ((rc = csv_next(&r)) == 1) {
		if (*lines != '\0') {
			strcat(cells, "/");
			strcat(lines, ",");
		}
		for (int i = 0; i < r.ncells; i++) {
			if (i > 0)
				strcat(cells, "|");
			strcat(cells, r.cell[i]);
		}
		sprintf(lines + strlen(lines), "%d", r.record_line);
		unbalanced = unbalanced || r.unbalanced;
	}
	ck_assert_int_eq(rc, 0);
	csv_free(&r);
	ck_assert_str_eq(cells, csvs[_i].cells);
	ck_assert_str_eq(lines, csvs[_i].lines);
	ck_assert_int_eq(unbalanced, csvs[_i].unbalanced);
}
END_TEST

static const struct {
	const char *in, *out;
} puts_[] = {
	{ "plain", "plain" },
	{ "a,b", "\"a,b\"" },
	{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
	{ " lead", "\" lead\"" },
	{ "two\nlines", "\"two\nlines\"" },
	{ "", "" },
};

START_TEST(test_csv_put)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	csv_put(fp, puts_[_i].in, ',');
	fclose(fp);
	ck_assert_str_eq(out, puts_[_i].out);
	free(out);
}
END_TEST

static const struct {
	const char *name;
	const char *unit;		/* NULL: none */
	enum unit_match_how how;
} names[] = {
	{ "Phòng VHXH", "Phòng Văn hóa - Xã hội", UNIT_MATCH_EXACT },
	{ "PHÒNG VĂN HOÁ-XÃ HỘI", "Phòng Văn hóa - Xã hội", UNIT_MATCH_EXACT },
	{ "Phòng Văn hóa XH", "Phòng Văn hóa - Xã hội", UNIT_MATCH_INITIALS },
	{ "P. V.H X.H", "Phòng Văn hóa - Xã hội", UNIT_MATCH_INITIALS },
	{ "P VHXH", "Phòng Văn hóa - Xã hội", UNIT_MATCH_EXACT },
	{ "Trung tâm PVHCC", "Trung tâm Phục vụ hành chính công", UNIT_MATCH_EXACT },
	{ "TT Phục vụ HCC", "Trung tâm Phục vụ hành chính công", UNIT_MATCH_INITIALS },
	{ "VP Hội đồng nhân dân và UBND", "Văn phòng HĐND và UBND", UNIT_MATCH_INITIALS },
	{ "Trạm Y tế phường", "Trạm y tế", UNIT_MATCH_EXACT },
	{ "phong kinh te", "Phòng Kinh tế", UNIT_MATCH_EXACT },
	{ "Phòng K", NULL, UNIT_MATCH_NONE },
	{ "Phòng Tư pháp", NULL, UNIT_MATCH_NONE },
	{ "", NULL, UNIT_MATCH_NONE },
	/* Two units with the same initials: no guess. */
	{ "PKT", NULL, UNIT_MATCH_AMBIGUOUS },
};

/* A form or a command takes a unit name as the importer does: by
 * initials too, refusing a name two units fit, with the reason. */
START_TEST(test_unit_resolve)
{
	struct err e;

	ck_assert_int_gt(unit_add(db, "Phòng Kế toán", "", NULL), 0);
	ck_assert_int_eq(unit_resolve(db, " TT Phục vụ HCC ", "Lead unit", &e),
	    unit("Trung tâm Phục vụ hành chính công"));
	ck_assert_int_eq(unit_resolve(db, "Phòng VHXH", "Lead unit", &e),
	    unit("Phòng Văn hóa - Xã hội"));
	ck_assert_int_eq(unit_resolve(db, "PKT", "Lead unit", &e), 0);
	ck_assert_msg(strstr(e.msg, "Lead unit: \"PKT\" could be") != NULL, "%s", e.msg);
	ck_assert_int_eq(unit_resolve(db, "Phòng Không Có", "Unit", &e), 0);
	ck_assert_str_eq(e.msg, "Unit: no unit is called \"Phòng Không Có\"");
}
END_TEST

START_TEST(test_unit_match)
{
	struct unit_matcher m;
	struct unit_ref r;

	ck_assert_int_gt(unit_add(db, "Phòng Kế toán", "", NULL), 0);
	ck_assert_int_eq(unit_matcher_load(db, &m), 0);
	ck_assert_int_eq(unit_match(&m, names[_i].name, &r), 0);
	ck_assert_msg(r.how == names[_i].how, "\"%s\": how %d", names[_i].name, r.how);
	if (names[_i].unit != NULL)
		ck_assert_int_eq(r.id, unit(names[_i].unit));
	if (r.how == UNIT_MATCH_AMBIGUOUS)
		ck_assert(r.id != r.other && r.id > 0 && r.other > 0);
	unit_matcher_free(&m);
}
END_TEST

static const struct {
	const char *cell;
	const char *units;	/* names joined by '|', "?" before an unknown one */
} cells[] = {
	{ "Trung tâm PVHCC; Phòng Kinh tế", "Trung tâm Phục vụ hành chính công|Phòng Kinh tế" },
	{ "Phòng Kinh tế, Trạm y tế, Công an xã", "Phòng Kinh tế|Trạm y tế|Công an xã" },
	{ "Các phòng, đơn vị", "Các phòng chuyên môn, đơn vị" },
	{ "Phòng VHXH, Các phòng chuyên môn, đơn vị",
	    "Phòng Văn hóa - Xã hội|Các phòng chuyên môn, đơn vị" },
	{ "Phòng Tư pháp, Phòng KT", "?Phòng Tư pháp|Phòng Kinh tế" },
	{ "Các phòng, ban chuyên môn", "?Các phòng, ban chuyên môn" },
	{ "  ", "" },
	{ " ; ,; ", "" },
};

START_TEST(test_unit_cells)
{
	struct unit_matcher m;
	struct unit_ref *r;
	char got[512] = "";
	int n;

	ck_assert_int_eq(unit_matcher_load(db, &m), 0);
	ck_assert_int_eq(unit_match_cell(&m, cells[_i].cell, &r, &n), 0);
	for (int i = 0; i < n; i++) {
		char *name = r[i].id ? unit_name(db, r[i].id) : NULL;

		if (i > 0)
			strcat(got, "|");
		if (name == NULL)
			strcat(got, "?");
		strcat(got, name ? name : r[i].text);
		free(name);
	}
	ck_assert_str_eq(got, cells[_i].units);
	unit_refs_free(r, n);
	unit_matcher_free(&m);
}
END_TEST

static const struct {
	const char *heading;
	const char *code;	/* NULL: none */
	bool guessed;
} headings[] = {
	{ "Cải cách thể chế", "the_che", false },
	{ "II. Cải cách thủ tục hành chính (TTHC):", "tthc", false },
	{ "CẢI CÁCH TÀI CHÍNH CÔNG", "tai_chinh", false },
	{ "Xây dựng và phát triển chính quyền điện tử; chính quyền số", "chinh_quyen_so", false },
	{ "Công tác chỉ đạo điều hành", "chi_dao", false },
	{ "3. Cải cách tổ chức bộ máy", "bo_may", false },
	{ "Thể chế", "the_che", false },
	{ "Cải cách thủ tục hành chính và thực hiện cơ chế một cửa", "tthc", true },
	{ "Công tác thi đua khen thưởng", NULL, false },
	{ "", NULL, false },
};

START_TEST(test_headings)
{
	bool guessed;
	int64_t id = import_section(db, headings[_i].heading, &guessed);

	if (headings[_i].code == NULL) {
		ck_assert_int_eq(id, 0);
		return;
	}
	ck_assert_int_eq(id, section(headings[_i].code));
	ck_assert_int_eq(guessed, headings[_i].guessed);
}
END_TEST

/* ---- targets ---------------------------------------------------------- */

static const struct {
	const char *text;
	enum target_kind kind;
	enum comparator cmp;
	double value;
	enum target_reading reading;
} rules[] = {
	{ "Trên 99% hồ sơ được giải quyết đúng hạn", TARGET_RATE, CMP_GT, 99, READING_FULL },
	{ "Tối thiểu 98% TTHC được công khai", TARGET_RATE, CMP_GE, 98, READING_FULL },
	{ "Đạt 80% hồ sơ được xử lý trực tuyến", TARGET_RATE, CMP_GE, 80, READING_FULL },
	{ "Đạt trên 99,5% hồ sơ", TARGET_RATE, CMP_GT, 99.5, READING_FULL },
	{ "Tỷ lệ hồ sơ trễ hẹn dưới 1%", TARGET_RATE, CMP_LT, 1, READING_FULL },
	{ "100% hồ sơ được số hóa", TARGET_RATE, CMP_GE, 100, READING_FULL },
	{ "Giải ngân 95% vốn đầu tư công", TARGET_RATE, CMP_GE, 95, READING_NO_COMPARATOR },
	{ "Cắt giảm tối thiểu 30% thời gian giải quyết TTHC", TARGET_REDUCTION, CMP_GE, 30,
	    READING_FULL },
	{ "Xây dựng 02 sáng kiến về cải cách TTHC", TARGET_COUNT, CMP_GE, 2, READING_FULL },
	{ "Kiểm tra CCHC 04 cuộc trở lên", TARGET_COUNT, CMP_GE, 4, READING_FULL },
	{ "Tổ chức 01 cuộc đối thoại", TARGET_COUNT, CMP_GE, 1, READING_FULL },
	{ "Chỉ số PAR INDEX năm 2026 xếp hạng thứ 35 trở lên", TARGET_RANK, CMP_LE, 35,
	    READING_FULL },
	{ "Ban hành Quy chế chi tiêu nội bộ", TARGET_YESNO, CMP_EQ, 1, READING_YESNO },
	{ "Thực hiện Nghị định 61/2018/NĐ-CP", TARGET_YESNO, CMP_EQ, 1, READING_YESNO },
	{ "Hoàn thành trong 06 tháng", TARGET_YESNO, CMP_EQ, 1, READING_YESNO },
	{ "Triển khai Kế hoạch năm 2026", TARGET_YESNO, CMP_EQ, 1, READING_YESNO },
};

START_TEST(test_read_rule)
{
	struct target_rule r;
	enum target_reading how = target_read_text(rules[_i].text, &r);

	ck_assert_msg(r.kind == rules[_i].kind && r.cmp == rules[_i].cmp &&
	    r.value == rules[_i].value && how == rules[_i].reading,
	    "\"%s\": %s %s %g (reading %d)", rules[_i].text, target_kind_name(r.kind),
	    comparator_symbol(r.cmp), r.value, how);
}
END_TEST

START_TEST(test_targets_import)
{
	struct target_import ti;
	struct target *t;
	char path[4096];
	int64_t plan = new_plan(2026);
	int n;

	fixture("targets.tsv", path, sizeof path);
	ck_assert_msg(target_import_parse_file(db, path, &ti) == 0, "%s", db_error(db));
	ck_assert_int_eq(ti.log.nerrors, 0);
	ck_assert_int_eq(ti.nrows, 9);
	ck_assert_int_eq(ti.rows[0].line, 2);
	ck_assert_int_eq(ti.rows[0].section_id, section("tthc"));
	/* A blank section cell: the section above. */
	ck_assert_int_eq(ti.rows[2].section_id, section("tthc"));
	ck_assert_int_eq(ti.rows[2].rule.kind, TARGET_REDUCTION);
	ck_assert_int_eq(ti.rows[6].section_id, section("chinh_quyen_so"));
	assert_msg(&ti.log, 9, false, "yes/no");
	assert_msg(&ti.log, 10, false, "at least 95");
	ck_assert_msg(target_import_write(db, &ti, plan, false) == 0, "%s", db_error(db));
	ck_assert_int_eq(target_list(db, plan, 0, 2026, PERIOD_YEAR, &t, &n), 0);
	ck_assert_int_eq(n, 9);
	targets_free(t, n);
	target_import_free(&ti);
}
END_TEST

START_TEST(test_targets_bad)
{
	static const char text[] = "Cải cách tư pháp\tĐạt 90% hồ sơ\n"
	    "Cải cách thể chế\tTrên 150% văn bản\n";
	struct target_import ti;
	int64_t plan = new_plan(2026);
	struct target *t;
	int n;

	ck_assert_int_eq(target_import_parse(db, text, sizeof text - 1, &ti), 0);
	ck_assert_int_eq(ti.log.nerrors, 2);
	assert_msg(&ti.log, 1, true, "none of the seven sections");
	assert_msg(&ti.log, 2, true, "between 0 and 100");
	ck_assert_int_eq(target_import_write(db, &ti, plan, false), -1);
	ck_assert_int_eq(target_list(db, plan, 0, 2026, PERIOD_YEAR, &t, &n), 0);
	ck_assert_int_eq(n, 0);
	targets_free(t, n);
	target_import_free(&ti);
}
END_TEST

/* ---- the database as CSV ------------------------------------------------ */

static int
count_lines(const char *path)
{
	FILE *fp = fopen(path, "r");
	int n = 0, c;

	ck_assert_msg(fp != NULL, "%s missing", path);
	while ((c = getc(fp)) != EOF)
		n += c == '\n';
	fclose(fp);
	return n;
}

START_TEST(test_export_db)
{
	char folder[sizeof fixture_dir + 16], path[sizeof folder + 32], *readme = NULL;
	size_t cap = 0;
	FILE *fp;
	int n;

	snprintf(folder, sizeof folder, "%s/out", fixture_dir);
	n = export_database(db, folder);
	ck_assert_msg(n >= 17, "%d tables: %s", n, db_error(db));
	snprintf(path, sizeof path, "%s/task.csv", folder);
	ck_assert_int_eq(count_lines(path), 1 + count_tasks(sample_plan));
	snprintf(path, sizeof path, "%s/README.txt", folder);
	ck_assert_ptr_nonnull(fp = fopen(path, "r"));
	ck_assert_int_gt(getdelim(&readme, &cap, '\0', fp), 0);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(readme, "task.csv"));
	ck_assert_ptr_nonnull(strstr(readme, "deadline_text"));
	ck_assert_ptr_nonnull(strstr(readme, "unit_alias.csv"));
	free(readme);
	/* Exporting again overwrites; a file in the way is an error. */
	ck_assert_int_eq(export_database(db, folder), n);
	ck_assert_int_eq(export_database(db, path), -1);
}
END_TEST

static Suite *
appendix_suite(void)
{
	Suite *s = suite_create("appendix");
	TCase *irregular = tcase_create("irregular tables");
	TCase *write = tcase_create("writing");
	TCase *pieces = tcase_create("pieces");
	TCase *targets = tcase_create("targets");
	TCase *out = tcase_create("export");

	tcase_add_checked_fixture(irregular, setup, teardown);
	tcase_add_test(irregular, test_domain);
	tcase_add_test(irregular, test_sections_by_title);
	tcase_add_test(irregular, test_continuation);
	tcase_add_test(irregular, test_tt_missing);
	tcase_add_test(irregular, test_page_break);
	tcase_add_test(irregular, test_short_rows);
	tcase_add_test(irregular, test_several_units);
	tcase_add_test(irregular, test_stray_cells);
	tcase_add_test(irregular, test_abbreviations);
	tcase_add_test(irregular, test_comma_csv);
	tcase_add_test(irregular, test_preamble);
	tcase_add_test(irregular, test_no_header);
	tcase_add_loop_test(irregular, test_bad, 0, NELEM(bad));
	tcase_add_test(irregular, test_bad_bytes);
	tcase_add_loop_test(irregular, test_encodings, 0, NELEM(encodings));
	suite_add_tcase(s, irregular);

	tcase_add_checked_fixture(write, setup, teardown);
	tcase_add_test(write, test_unknown_units);
	tcase_add_test(write, test_map_unknown);
	tcase_add_test(write, test_write);
	tcase_add_test(write, test_write_all_or_nothing);
	tcase_add_test(write, test_irregular);
	tcase_add_test(write, test_preview);
	tcase_add_test(write, test_fix_rows);
	tcase_add_test(write, test_dry_run_fails_alike);
	tcase_add_test(write, test_round_trip);
	suite_add_tcase(s, write);

	tcase_add_checked_fixture(pieces, setup, teardown);
	tcase_add_loop_test(pieces, test_csv, 0, NELEM(csvs));
	tcase_add_loop_test(pieces, test_csv_put, 0, NELEM(puts_));
	tcase_add_test(pieces, test_unit_resolve);
	tcase_add_loop_test(pieces, test_unit_match, 0, NELEM(names));
	tcase_add_loop_test(pieces, test_unit_cells, 0, NELEM(cells));
	tcase_add_loop_test(pieces, test_headings, 0, NELEM(headings));
	suite_add_tcase(s, pieces);

	tcase_add_checked_fixture(targets, setup, teardown);
	tcase_add_loop_test(targets, test_read_rule, 0, NELEM(rules));
	tcase_add_test(targets, test_targets_import);
	tcase_add_test(targets, test_targets_bad);
	suite_add_tcase(s, targets);

	tcase_add_checked_fixture(out, setup, teardown);
	tcase_add_test(out, test_export_db);
	suite_add_tcase(s, out);
	return s;
}

int
main(void)
{
	return fixture_run(appendix_suite());
}
