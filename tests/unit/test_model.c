/* Unit tests for the model on the shipped data: sections, units, the sample
 * plan's targets and tasks, results and verdicts, the dashboard summary,
 * and plan files that are broken or arrive decomposed (NFD).
 *
 * Every test starts from a new database in a temporary folder loaded with
 * reference_load(), with today fixed at 15/10/2025. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/result.h"
#include "core/plan/section.h"
#include "core/plan/summary.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/office.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])


static const struct date today = { 2025, 10, 15 };

static struct db *db;
static struct plan plan;


static void
setup(void)
{
	date_set_today(today);
	db = fixture_open("model", true, true);
	ck_assert_int_eq(plan_current(db, &plan), 1);
}

static void
teardown(void)
{
	plan_free(&plan);
	fixture_close(db);
}

/* ---- helpers ------------------------------------------------------- */

/* Records of a kind in a shipped file, read without the core: lines
 * starting with "kind<TAB>" (kind NULL: every record), and when section is
 * not NULL, only those whose second field is that code. */
static int
count_records(const char *file, const char *kind, const char *section)
{
	char path[4096], *line = NULL;
	size_t cap = 0, klen = kind ? strlen(kind) : 0;
	int n = 0;
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", fixture_datadir(), file);
	ck_assert_msg((fp = fopen(path, "r")) != NULL, "cannot read %s", path);
	while (getline(&line, &cap, fp) >= 0) {
		const char *rest = line + klen + 1;

		if (line[0] == '#' || line[strspn(line, " \t\r\n")] == '\0')
			continue;
		if (kind == NULL) {
			n++;
			continue;
		}
		if (strncmp(line, kind, klen) != 0 || line[klen] != '\t')
			continue;
		if (section == NULL || (strncmp(rest, section, strlen(section)) == 0 &&
		    rest[strlen(section)] == '\t'))
			n++;
	}
	free(line);
	fclose(fp);
	return n;
}

static int64_t
section_id(const char *code)
{
	int64_t id = section_find(db, code);

	ck_assert_msg(id > 0, "no section %s", code);
	return id;
}

static sqlite3_int64
query_int(const char *sql)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	sqlite3_int64 v;

	ck_assert_msg(st != NULL, "%s: %s", sql, db_error(db));
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The single text value sql gives with ?1 bound to id; malloc'd. */
static char *
query_text(const char *sql, int64_t id)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	char *s;

	ck_assert_msg(st != NULL, "%s: %s", sql, db_error(db));
	sqlite3_bind_int64(st, 1, id);
	ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "%s: no row", sql);
	s = db_column_strdup(st, 0);
	ck_assert_msg(sqlite3_step(st) == SQLITE_DONE, "%s: more than one row", sql);
	sqlite3_finalize(st);
	return s;
}

static char *
unit_name_of(int64_t id)
{
	return query_text("SELECT name FROM unit WHERE id = ?1", id);
}

static void
write_file(const char *path, const char *content)
{
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	fputs(content, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

static const struct task *
find_task(const struct task *v, int n, const char *section, const char *tt)
{
	int64_t s = section_id(section);

	for (int i = 0; i < n; i++)
		if (v[i].section_id == s && strcmp(v[i].tt, tt) == 0)
			return &v[i];
	ck_abort_msg("no task %s %s", section, tt);
	return NULL;
}

static const struct target *
find_target(const struct target *v, int n, const char *prefix)
{
	for (int i = 0; i < n; i++)
		if (strncmp(v[i].text, prefix, strlen(prefix)) == 0)
			return &v[i];
	ck_abort_msg("no target \"%s\"", prefix);
	return NULL;
}

/* ---- sections and units ------------------------------------------- */

START_TEST(test_sections)
{
	static const char *const codes[] = {
		"chi_dao", "the_che", "tthc", "bo_may", "cong_vu", "tai_chinh", "chinh_quyen_so",
	};
	struct section *s;
	int n;

	ck_assert_int_eq(section_list(db, &s, &n), 0);
	ck_assert_int_eq(n, (int)NELEM(codes));
	ck_assert_int_eq(n, count_records("sections.tsv", NULL, NULL));
	for (int i = 0; i < n; i++) {
		ck_assert_str_eq(s[i].code, codes[i]);
		ck_assert_int_eq(s[i].ord, i + 1);
	}
	ck_assert_str_eq(s[1].title, "Cải cách thể chế");
	ck_assert_str_eq(s[6].short_title, "Chính quyền số");
	sections_free(s, n);
}
END_TEST

static const struct {
	const char *text;
	const char *code;	/* NULL: no section */
} section_lookups[] = {
	{ "Cải cách thể chế", "the_che" },			/* title */
	{ "Công tác cải cách thể chế", "the_che" },		/* alias */
	{ "cai cach the che", "the_che" },			/* folded */
	{ "  CẢI CÁCH   THỂ CHẾ ", "the_che" },			/* case, blanks */
	{ "the_che", "the_che" },				/* code */
	{ "tthc", "tthc" },
	{ "Cải cách TTHC", "tthc" },
	{ "Cải cách tổ chức bộ máy", "bo_may" },
	{ "Hiện đại hoá hành chính", "chinh_quyen_so" },
	{ "Hiện đại hóa hành chính", "chinh_quyen_so" },
	{ "Công tác chỉ đạo điều hành", "chi_dao" },
	{ "Cải cách tư pháp", NULL },
	{ "", NULL },
};

START_TEST(test_section_find)
{
	int64_t id = section_find(db, section_lookups[_i].text);

	if (section_lookups[_i].code == NULL) {
		ck_assert_msg(id == 0, "\"%s\" found section %lld", section_lookups[_i].text,
		    (long long)id);
		return;
	}
	ck_assert_msg(id > 0, "\"%s\" not found", section_lookups[_i].text);
	ck_assert_int_eq(id, section_id(section_lookups[_i].code));
}
END_TEST

static const struct {
	const char *spelling;
	const char *name;	/* NULL: no unit */
} unit_lookups[] = {
	{ "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội" },	/* name */
	{ "Phòng VHXH", "Phòng Văn hóa - Xã hội" },		/* short name */
	{ "VHXH", "Phòng Văn hóa - Xã hội" },			/* alias */
	{ "phong vhxh", "Phòng Văn hóa - Xã hội" },		/* folded */
	{ "PHÒNG VĂN HOÁ – XÃ HỘI", "Phòng Văn hóa - Xã hội" },	/* en dash alias */
	{ "Văn phòng HĐND-UBND xã", "Văn phòng HĐND và UBND" },
	{ "van phong hdnd va ubnd", "Văn phòng HĐND và UBND" },
	{ "TTPVHCC", "Trung tâm Phục vụ hành chính công" },
	{ "Trung tâm PVHCC", "Trung tâm Phục vụ hành chính công" },
	{ "Các phòng chuyên môn, đơn vị", "Các phòng chuyên môn, đơn vị" },
	{ "uy ban mttq", "Ủy ban MTTQ" },
	{ "Phòng Tư pháp", NULL },
	{ "", NULL },
};

START_TEST(test_unit_find)
{
	int64_t id = unit_find(db, unit_lookups[_i].spelling);
	char *name;

	if (unit_lookups[_i].name == NULL) {
		ck_assert_msg(id == 0, "\"%s\" found unit %lld", unit_lookups[_i].spelling,
		    (long long)id);
		return;
	}
	ck_assert_msg(id > 0, "\"%s\" not found", unit_lookups[_i].spelling);
	name = unit_name_of(id);
	ck_assert_str_eq(name, unit_lookups[_i].name);
	free(name);
}
END_TEST

START_TEST(test_units_loaded)
{
	struct unit *u;
	int n;

	/* The sample plan repeats units.tsv's units: no duplicates. */
	ck_assert_int_eq(unit_list(db, &u, &n), 0);
	ck_assert_int_eq(n, count_records("units.tsv", NULL, NULL));
	units_free(u, n);
}
END_TEST

START_TEST(test_unit_add_known)
{
	static const struct {
		const char *name, *short_name, *aliases;
	} known[] = {
		{ "VHXH", NULL, NULL },
		{ "Phòng Văn hoá – Xã hội", "", "" },
		{ "Phòng văn hóa xã hội", "Phòng VHXH", "P. VHXH" },
		{ "Phòng Văn hoá và Thông tin", "VHXH", NULL },	/* by short name */
	};
	int64_t want = unit_find(db, "Phòng Văn hóa - Xã hội");
	sqlite3_int64 units = query_int("SELECT count(*) FROM unit");

	ck_assert_int_gt(want, 0);
	ck_assert_int_eq(db_begin(db), 0);
	for (size_t i = 0; i < NELEM(known); i++)
		ck_assert_int_eq(unit_add(db, known[i].name, known[i].short_name,
		    known[i].aliases), want);
	ck_assert_int_eq(db_commit(db), 0);
	ck_assert_int_eq(query_int("SELECT count(*) FROM unit"), units);
	/* The new spelling now finds it too. */
	ck_assert_int_eq(unit_find(db, "phong van hoa va thong tin"), want);
}
END_TEST

START_TEST(test_unit_add_new)
{
	static const char *const spellings[] = {
		"Phòng Tư pháp", "P. TP", "Tư pháp", "tu phap xa", "TƯ PHÁP XÃ",
	};
	int64_t id;
	char *name;

	ck_assert_int_eq(db_begin(db), 0);
	id = unit_add(db, "Phòng Tư pháp", "P. TP", "Tư pháp;Tư pháp xã");
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(db_commit(db), 0);
	for (size_t i = 0; i < NELEM(spellings); i++)
		ck_assert_msg(unit_find(db, spellings[i]) == id, "\"%s\"", spellings[i]);
	name = unit_name_of(id);
	ck_assert_str_eq(name, "Phòng Tư pháp");
	free(name);
}
END_TEST

/* ---- the sample plan ---------------------------------------------- */

START_TEST(test_sample_plan)
{
	struct office o;

	ck_assert_int_eq(office_get(db, &o), 1);
	ck_assert_str_eq(o.name, "UBND xã Tân Đoàn");
	ck_assert_str_eq(o.kind, "xa");
	ck_assert_str_eq(o.province, "Lạng Sơn");
	office_free(&o);

	ck_assert_str_eq(plan.title, "Kế hoạch cải cách hành chính năm 2025");
	ck_assert_str_eq(plan.issuer, "UBND xã Tân Đoàn");
	ck_assert_str_eq(plan.signer, "Đàm Đức Thuận");
	ck_assert_str_eq(plan.number, "");
	ck_assert_str_eq(plan.issue_date, "");
	ck_assert_int_eq(plan.year_from, 2025);
	ck_assert_int_eq(plan.year_to, 2025);
	ck_assert_int_eq(query_int("SELECT count(*) FROM plan"), 1);
}
END_TEST

START_TEST(test_targets_per_section)
{
	struct section *s;
	struct target *t;
	int ns, nt, sum = 0;

	ck_assert_int_eq(section_list(db, &s, &ns), 0);
	for (int i = 0; i < ns; i++) {
		ck_assert_int_eq(target_list(db, plan.id, s[i].id, 2025, PERIOD_YEAR, &t, &nt), 0);
		ck_assert_msg(nt == count_records("sample-plan.tsv", "target", s[i].code),
		    "%s: %d targets", s[i].code, nt);
		for (int j = 0; j < nt; j++) {
			ck_assert_int_eq(t[j].section_id, s[i].id);
			ck_assert(!t[j].has_result);
			ck_assert_int_eq(t[j].verdict, VERDICT_UNKNOWN);
		}
		sum += nt;
		targets_free(t, nt);
	}
	sections_free(s, ns);

	ck_assert_int_eq(target_list(db, plan.id, 0, 2025, PERIOD_YEAR, &t, &nt), 0);
	ck_assert_int_eq(nt, sum);
	ck_assert_int_eq(nt, 45);
	targets_free(t, nt);
}
END_TEST

/* What the loader made of a few target records. */
START_TEST(test_target_fields)
{
	struct target *v;
	const struct target *t;
	int n;

	ck_assert_int_eq(target_list(db, plan.id, 0, 2025, PERIOD_YEAR, &v, &n), 0);

	t = find_target(v, n, "Chỉ số PAR INDEX");
	ck_assert_int_eq(t->rule.kind, TARGET_RANK);
	ck_assert_int_eq(t->rule.cmp, CMP_LE);
	ck_assert(t->rule.value == 35);
	ck_assert_str_eq(t->lead_unit, "Phòng Văn hóa - Xã hội");

	t = find_target(v, n, "Trên 99% hồ sơ");
	ck_assert_int_eq(t->rule.kind, TARGET_RATE);
	ck_assert_int_eq(t->rule.cmp, CMP_GT);
	ck_assert(t->rule.value == 99);
	ck_assert(!t->rule.has_baseline);
	ck_assert_str_eq(t->numerator_label, "Hồ sơ giải quyết đúng hạn, trước hạn");
	ck_assert_str_eq(t->lead_unit, "Trung tâm Phục vụ hành chính công");

	t = find_target(v, n, "Tổ chức 01 cuộc đối thoại");
	ck_assert_int_eq(t->rule.kind, TARGET_COUNT);
	ck_assert_int_eq(t->rule.cmp, CMP_GE);
	ck_assert_str_eq(t->lead_unit, "Văn phòng HĐND và UBND");
	targets_free(v, n);
}
END_TEST

START_TEST(test_tasks)
{
	struct section *s;
	struct task *t;
	int ns, nt, products = 0;

	ck_assert_int_eq(section_list(db, &s, &ns), 0);
	for (int i = 0; i < ns; i++) {
		ck_assert_int_eq(task_list(db, plan.id, s[i].id, &t, &nt), 0);
		ck_assert_msg(nt == count_records("sample-plan.tsv", "task", s[i].code),
		    "%s: %d tasks", s[i].code, nt);
		tasks_free(t, nt);
	}
	sections_free(s, ns);

	ck_assert_int_eq(task_list(db, plan.id, 0, &t, &nt), 0);
	ck_assert_int_eq(nt, 30);
	for (int i = 0; i < nt; i++) {
		ck_assert_msg(t[i].nproducts >= 1, "task %s has no product", t[i].description);
		ck_assert_int_eq(t[i].progress, PROGRESS_NOT_STARTED);
		products += t[i].nproducts;
	}
	ck_assert_int_eq(products, count_records("sample-plan.tsv", "product", NULL));
	tasks_free(t, nt);
}
END_TEST

START_TEST(test_task_units)
{
	struct task *v;
	const struct task *t;
	int n;

	ck_assert_int_eq(task_list(db, plan.id, 0, &v, &n), 0);
	t = find_task(v, n, "chi_dao", "2");
	ck_assert_str_eq(t->lead_unit, "Phòng Văn hóa - Xã hội");
	ck_assert_str_eq(t->monitor_unit, "Phòng Văn hóa - Xã hội");
	ck_assert_str_eq(t->cooperators, "Trung tâm Dịch vụ công ích; "
	    "Trung tâm Phục vụ hành chính công; Ủy ban MTTQ");
	t = find_task(v, n, "chi_dao", "5");
	ck_assert_str_eq(t->lead_unit, "Văn phòng HĐND và UBND");
	t = find_task(v, n, "chi_dao", "1");
	ck_assert_str_eq(t->lead_unit, "Các phòng chuyên môn, đơn vị");
	ck_assert_str_eq(t->cooperators, "");
	tasks_free(v, n);
}
END_TEST

/* Products of the sample plan: their deadline as written, what was
 * derived from it (plan year 2025), and the task's due date (the last of
 * its products') and status on 15/10/2025. */
static const struct {
	const char *section, *tt;
	int product;
	const char *name, *deadline_kind, *due;
	const char *task_due;
	enum task_status status;
} products[] = {
	{ "the_che", "2", 0, "Kế hoạch theo dõi thi hành pháp luật", "date", "2025-09-30",
	  "2025-11-30", STATUS_NOT_STARTED },
	{ "the_che", "2", 1, "Báo cáo công tác theo dõi thi hành pháp luật", "date", "2025-11-30",
	  "2025-11-30", STATUS_NOT_STARTED },
	{ "chi_dao", "7", 1, "Báo cáo CCHC năm 2025", "date", "2025-12-15",
	  "2025-12-31", STATUS_NOT_STARTED },
	{ "chi_dao", "7", 0, "Báo cáo CCHC quý, 9 tháng", "recurring", "2025-12-31",
	  "2025-12-31", STATUS_NOT_STARTED },
	{ "chi_dao", "3", 0, "Kế hoạch kiểm tra CCHC", "milestones", "2025-11-30",
	  "2025-11-30", STATUS_NOT_STARTED },
	{ "chi_dao", "4", 0, "Sáng kiến cải cách TTHC", "date", "2025-12-31",
	  "2025-12-31", STATUS_NOT_STARTED },
	{ "chi_dao", "4", 1, "Bài dự thi", "conditional", "",
	  "2025-12-31", STATUS_NOT_STARTED },
	{ "chi_dao", "1", 0, "Kế hoạch CCHC của đơn vị", "conditional", "",
	  "", STATUS_NOT_STARTED },
	{ "tthc", "4", 0, "Văn bản xin lỗi, phiếu giải trình", "continuous", "2025-12-31",
	  "2025-12-31", STATUS_NOT_STARTED },
	{ "tthc", "1", 0, "Kế hoạch kiểm soát TTHC năm 2025", "date", "2025-08-31",
	  "2025-08-31", STATUS_OVERDUE },
	{ "bo_may", "2", 1, "Quy chế làm việc", "date", "2025-10-15",
	  "2025-10-15", STATUS_NOT_STARTED },
};

START_TEST(test_product_due)
{
	struct task *v;
	const struct task *t;
	const struct product *p;
	int n;

	ck_assert_int_eq(task_list(db, plan.id, 0, &v, &n), 0);
	t = find_task(v, n, products[_i].section, products[_i].tt);
	ck_assert_int_gt(t->nproducts, products[_i].product);
	p = &t->products[products[_i].product];
	ck_assert_str_eq(p->name, products[_i].name);
	ck_assert_str_eq(p->deadline_kind, products[_i].deadline_kind);
	ck_assert_str_eq(p->due_date, products[_i].due);
	ck_assert_str_eq(t->due_date, products[_i].task_due);
	ck_assert_int_eq(t->status, products[_i].status);
	tasks_free(v, n);
}
END_TEST

/* A planned value typed as the plan writes it: the phrase gives the
 * comparator too; a phrase of no figure, or of another kind, is refused
 * saying what to write. */
static const struct {
	enum target_kind kind;
	const char *text;
	int rc;
	double value;
	enum comparator cmp;	/* CMP_EQ: as it was (the form's choice) */
} planned[] = {
	{ TARGET_RATE, "tối thiểu 80%", 0, 80, CMP_GE },
	{ TARGET_RATE, "Trên 90%", 0, 90, CMP_GT },
	{ TARGET_RATE, "từ 90% trở lên", 0, 90, CMP_GE },
	{ TARGET_RATE, "hết 100%", 0, 100, CMP_GE },
	{ TARGET_RATE, "85", 0, 85, CMP_EQ },
	{ TARGET_RATE, "85%", 0, 85, CMP_EQ },
	{ TARGET_REDUCTION, "giảm tối thiểu 30%", 0, 30, CMP_GE },
	{ TARGET_COUNT, "04 cuộc trở lên", 0, 4, CMP_GE },
	{ TARGET_RATE, "theo chỉ đạo của tỉnh", -1, 0, CMP_EQ },
	{ TARGET_COUNT, "tối thiểu 80%", -1, 0, CMP_EQ },
	{ TARGET_YESNO, "tối thiểu 80%", -1, 0, CMP_EQ },
};

START_TEST(test_planned_value)
{
	struct err e;
	double v = 0;
	enum comparator cmp = CMP_EQ;

	err_clear(&e);
	ck_assert_int_eq(target_read_planned(planned[_i].kind, planned[_i].text, &v, &cmp, &e, 3,
	    "Planned value"), planned[_i].rc);
	if (planned[_i].rc != 0) {
		ck_assert_int_eq(e.field, 3);
		ck_assert_msg(strstr(e.msg, "Planned value") != NULL, "%s", e.msg);
		return;
	}
	ck_assert_double_eq(v, planned[_i].value);
	ck_assert_int_eq(cmp, planned[_i].cmp);
}
END_TEST

/* A list's 12-column deadline cell: the text as written when it fits,
 * else a word by rule, never a text cut short ("Chậm nhất 1"). */
static const struct {
	const char *section, *tt, *want;
} due_cells[] = {
	{ "chi_dao", "1", "Conditional" },
	{ "tthc", "4", "Continuous" },
};

START_TEST(test_due_short)
{
	struct task *v;
	char cell[64];
	int n;

	ck_assert_int_eq(task_list(db, plan.id, 0, &v, &n), 0);
	task_due_short(find_task(v, n, due_cells[_i].section, due_cells[_i].tt), 12, cell,
	    sizeof cell);
	ck_assert_str_eq(cell, due_cells[_i].want);
	tasks_free(v, n);
}
END_TEST

static const struct {
	enum task_progress progress;
	const char *completion, *due;
	struct date today;
	enum task_status want;
} statuses[] = {
	{ PROGRESS_NOT_STARTED, "", "", { 2025, 10, 15 }, STATUS_NOT_STARTED },
	{ PROGRESS_NOT_STARTED, "", "2025-10-16", { 2025, 10, 15 }, STATUS_NOT_STARTED },
	/* Due today is not yet late. */
	{ PROGRESS_NOT_STARTED, "", "2025-10-15", { 2025, 10, 15 }, STATUS_NOT_STARTED },
	{ PROGRESS_NOT_STARTED, "", "2025-10-14", { 2025, 10, 15 }, STATUS_OVERDUE },
	{ PROGRESS_IN_PROGRESS, "", "", { 2030, 1, 1 }, STATUS_IN_PROGRESS },
	{ PROGRESS_IN_PROGRESS, "", "2025-12-31", { 2025, 10, 15 }, STATUS_IN_PROGRESS },
	{ PROGRESS_IN_PROGRESS, "", "2025-09-30", { 2025, 10, 15 }, STATUS_OVERDUE },
	{ PROGRESS_IN_PROGRESS, "", "2024-12-31", { 2025, 1, 1 }, STATUS_OVERDUE },
	{ PROGRESS_DONE, "2025-09-01", "2025-09-30", { 2025, 10, 15 }, STATUS_DONE_ON_TIME },
	{ PROGRESS_DONE, "2025-09-30", "2025-09-30", { 2025, 10, 15 }, STATUS_DONE_ON_TIME },
	{ PROGRESS_DONE, "2025-10-01", "2025-09-30", { 2025, 10, 15 }, STATUS_DONE_LATE },
	/* Done is done, whatever today is. */
	{ PROGRESS_DONE, "2025-10-01", "2025-09-30", { 2025, 9, 1 }, STATUS_DONE_LATE },
	{ PROGRESS_DONE, "2025-08-01", "2025-09-30", { 2026, 1, 1 }, STATUS_DONE_ON_TIME },
	/* Without a date to compare, done counts as on time. */
	{ PROGRESS_DONE, "", "2025-09-30", { 2025, 10, 15 }, STATUS_DONE_ON_TIME },
	{ PROGRESS_DONE, "2025-12-01", "", { 2025, 10, 15 }, STATUS_DONE_ON_TIME },
};

START_TEST(test_task_status)
{
	ck_assert_int_eq(task_status_of(statuses[_i].progress, statuses[_i].completion,
	    statuses[_i].due, statuses[_i].today), statuses[_i].want);
}
END_TEST

/* ---- results ------------------------------------------------------ */

#define FRAC(n, d) { true, true, false, (n), (d), 0 }
#define VAL(v) { false, false, true, 0, 0, (v) }

/* Results put one after the other on the "trên 99%" target for the year:
 * each replaces the last. */
static const struct {
	struct measure m;
	const char *evidence;
	enum verdict want;
} result_steps[] = {
	{ FRAC(991, 1000), "Báo cáo số 12/BC-UBND", VERDICT_MET },
	{ FRAC(99, 100), "Báo cáo số 13/BC-UBND", VERDICT_NOT_MET },
	{ FRAC(5, 0), "", VERDICT_UNKNOWN },
	{ VAL(99.5), "Hệ thống một cửa", VERDICT_MET },
};

START_TEST(test_results)
{
	int64_t tthc = section_id("tthc");
	struct target *v;
	const struct target *t;
	int n;

	for (size_t i = 0; i < NELEM(result_steps); i++) {
		ck_assert_int_eq(target_list(db, plan.id, tthc, 2025, PERIOD_YEAR, &v, &n), 0);
		t = find_target(v, n, "Trên 99% hồ sơ");
		ck_assert_int_eq(db_begin(db), 0);
		ck_assert_msg(result_put(db, t->id, 2025, PERIOD_YEAR, &result_steps[i].m,
		    result_steps[i].evidence, "") == 0, "%s", db_error(db));
		ck_assert_int_eq(db_commit(db), 0);
		targets_free(v, n);

		ck_assert_int_eq(target_list(db, plan.id, tthc, 2025, PERIOD_YEAR, &v, &n), 0);
		t = find_target(v, n, "Trên 99% hồ sơ");
		for (int j = 0; j < n; j++) {
			ck_assert_int_eq(v[j].has_result, &v[j] == t);
			if (&v[j] != t)
				ck_assert_int_eq(v[j].verdict, VERDICT_UNKNOWN);
		}
		ck_assert_int_eq(t->verdict, result_steps[i].want);
		ck_assert_str_eq(t->result.evidence, result_steps[i].evidence);
		ck_assert_int_eq(t->result.measure.has_value, result_steps[i].m.has_value);
		ck_assert_int_eq(t->result.measure.has_denominator, result_steps[i].m.has_denominator);
		ck_assert_int_eq(query_int("SELECT count(*) FROM result"), 1);
		targets_free(v, n);
	}

	/* A result is for its period only. */
	ck_assert_int_eq(target_list(db, plan.id, tthc, 2025, PERIOD_H1, &v, &n), 0);
	for (int j = 0; j < n; j++)
		ck_assert(!v[j].has_result);
	targets_free(v, n);
}
END_TEST

START_TEST(test_result_negative_denominator)
{
	struct target *v;
	struct measure m = FRAC(5, -1);
	int n;

	ck_assert_int_eq(target_list(db, plan.id, 0, 2025, PERIOD_YEAR, &v, &n), 0);
	ck_assert_int_eq(db_begin(db), 0);
	ck_assert_int_eq(result_put(db, v[0].id, 2025, PERIOD_YEAR, &m, "", ""), -1);
	ck_assert_msg(strstr(db_error(db), "denominator") != NULL, "%s", db_error(db));
	db_rollback(db);
	ck_assert_int_eq(query_int("SELECT count(*) FROM result"), 0);
	targets_free(v, n);
}
END_TEST

/* ---- summary ------------------------------------------------------ */

static void
put(const struct target *v, int n, const char *prefix, struct measure m)
{
	ck_assert_int_eq(result_put(db, find_target(v, n, prefix)->id, 2025, PERIOD_YEAR,
	    &m, "", ""), 0);
}

START_TEST(test_summary)
{
	struct section *s;
	struct section_summary *sum, total, add = { 0 };
	struct target *v;
	int ns, n;

	ck_assert_int_eq(target_list(db, plan.id, 0, 2025, PERIOD_YEAR, &v, &n), 0);
	ck_assert_int_eq(db_begin(db), 0);
	put(v, n, "Trên 99% hồ sơ", (struct measure)FRAC(991, 1000));
	put(v, n, "Xây dựng 02 sáng kiến", (struct measure)VAL(1));
	put(v, n, "Giải ngân vốn đầu tư", (struct measure)FRAC(85, 100));
	/* Task chi_dao 1 done. */
	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), "UPDATE task SET progress = 'done', "
	    "completion_date = '2025-09-01' WHERE tt = '1' AND section_id = "
	    "(SELECT id FROM section WHERE code = 'chi_dao')", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(db_commit(db), 0);
	targets_free(v, n);

	ck_assert_int_eq(section_list(db, &s, &ns), 0);
	ck_assert_ptr_nonnull(sum = calloc(ns, sizeof *sum));
	ck_assert_int_eq(summary_by_section(db, plan.id, 2025, PERIOD_YEAR, date_today(), 30, s, ns,
	    sum, &total), 0);
	for (int i = 0; i < ns; i++) {
		ck_assert_int_eq(sum[i].section_id, s[i].id);
		ck_assert_int_eq(sum[i].targets, count_records("sample-plan.tsv", "target", s[i].code));
		ck_assert_int_eq(sum[i].tasks, count_records("sample-plan.tsv", "task", s[i].code));
		ck_assert_int_eq(sum[i].met + sum[i].not_met + sum[i].in_progress + sum[i].unknown,
		    sum[i].targets);
		add.targets += sum[i].targets;
		add.met += sum[i].met;
		add.not_met += sum[i].not_met;
		add.unknown += sum[i].unknown;
		add.in_progress += sum[i].in_progress;
		add.tasks += sum[i].tasks;
		add.done += sum[i].done;
		add.overdue += sum[i].overdue;
		add.due_soon += sum[i].due_soon;
	}
	ck_assert_int_eq(total.targets, add.targets);
	ck_assert_int_eq(total.met, add.met);
	ck_assert_int_eq(total.not_met, add.not_met);
	ck_assert_int_eq(total.unknown, add.unknown);
	ck_assert_int_eq(total.in_progress, add.in_progress);
	ck_assert_int_eq(total.tasks, add.tasks);
	ck_assert_int_eq(total.done, add.done);
	ck_assert_int_eq(total.overdue, add.overdue);
	ck_assert_int_eq(total.due_soon, add.due_soon);

	ck_assert_int_eq(total.targets, 45);
	ck_assert_int_eq(total.met, 2);
	ck_assert_int_eq(total.not_met, 1);
	ck_assert_int_eq(sum[2].met, 1);		/* tthc */
	ck_assert_int_eq(sum[0].not_met, 1);		/* chi_dao */
	ck_assert_int_eq(sum[5].met, 1);		/* tai_chinh */
	ck_assert_int_eq(total.tasks, 30);
	ck_assert_int_eq(total.done, 1);
	ck_assert_int_eq(sum[0].done, 1);
	/* On 15/10/2025: tthc 1 was due 31/8; bo_may 2 and tai_chinh 1 are
	 * due 15/10, within 30 days and not yet late. */
	ck_assert_int_eq(total.overdue, 1);
	ck_assert_int_eq(sum[2].overdue, 1);
	ck_assert_int_eq(total.due_soon, 2);
	ck_assert_int_eq(sum[3].due_soon, 1);
	ck_assert_int_eq(sum[5].due_soon, 1);
	/* As of a cut-off on 31/8, the task finished on 1/9 was not done,
	 * and tthc 1, due that day, not yet late. */
	ck_assert_int_eq(summary_by_section(db, plan.id, 2025, PERIOD_YEAR,
	    (struct date){ 2025, 8, 31 }, 30, s, ns, sum, &total), 0);
	ck_assert_int_eq(total.done, 0);
	ck_assert_int_eq(sum[2].overdue, 0);
	free(sum);
	sections_free(s, ns);
}
END_TEST

/* Per unit: the leads and cooperations agree with the tables; the sample's
 * one overdue task (tthc 1) and two due-soon tasks (bo_may 2, tai_chinh 1)
 * are counted for their lead and cooperating units, and marking a task
 * done moves it from overdue to done for each of its units. */
START_TEST(test_summary_units)
{
	struct unit *units;
	struct unit_summary *sum;
	int nunits, overdue = 0, due_soon = 0, leads = 0;
	int64_t late = query_int("SELECT id FROM task WHERE tt = '1' AND section_id = "
	    "(SELECT id FROM section WHERE code = 'tthc')");
	char sql[256];

	ck_assert_int_eq(unit_list(db, &units, &nunits), 0);
	ck_assert_ptr_nonnull(sum = calloc(nunits, sizeof *sum));
	ck_assert_int_eq(summary_by_unit(db, plan.id, 30, units, nunits, sum), 0);
	for (int i = 0; i < nunits; i++) {
		ck_assert_int_eq(sum[i].unit_id, units[i].id);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM task WHERE plan_id = %lld "
		    "AND lead_unit_id = %lld", (long long)plan.id, (long long)units[i].id);
		ck_assert_int_eq(sum[i].leads, query_int(sql));
		snprintf(sql, sizeof sql, "SELECT count(*) FROM task_cooperator c JOIN task t "
		    "ON t.id = c.task_id WHERE t.plan_id = %lld AND c.unit_id = %lld",
		    (long long)plan.id, (long long)units[i].id);
		ck_assert_int_eq(sum[i].cooperates, query_int(sql));
		ck_assert_int_eq(sum[i].done, 0);
		leads += sum[i].leads;
		overdue += sum[i].overdue;
		due_soon += sum[i].due_soon;
	}
	ck_assert_int_eq(leads, query_int("SELECT count(*) FROM task WHERE lead_unit_id IS NOT NULL"));
	/* Each late or due-soon task once per unit it involves. */
	snprintf(sql, sizeof sql, "SELECT (lead_unit_id IS NOT NULL) + (SELECT count(*) FROM "
	    "task_cooperator WHERE task_id = %lld) FROM task WHERE id = %lld",
	    (long long)late, (long long)late);
	ck_assert_int_eq(overdue, query_int(sql));
	ck_assert_int_gt(overdue, 0);
	ck_assert_int_gt(due_soon, 1);

	ck_assert_int_eq(sqlite3_exec(db_sqlite(db), "UPDATE task SET progress = 'done', "
	    "completion_date = '2025-09-20' WHERE tt = '1' AND section_id = "
	    "(SELECT id FROM section WHERE code = 'tthc')", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(summary_by_unit(db, plan.id, 30, units, nunits, sum), 0);
	for (int i = 0; i < nunits; i++) {
		ck_assert_int_eq(sum[i].overdue, 0);
		overdue -= sum[i].done;
	}
	ck_assert_int_eq(overdue, 0);
	free(sum);
	units_free(units, nunits);
}
END_TEST

/* ---- plan files --------------------------------------------------- */

/* A valid start (lines 1-3) that changes the office, adds a unit and a
 * plan, so that a failure later must undo all three. */
#define HEAD \
	"office\tUBND xã Thử\txa\tLạng Sơn\n" \
	"unit\tPhòng Tư pháp\tP. TP\t\n" \
	"plan\t\tKế hoạch thử\tUBND xã Thử\t\t2026\t2026\t\n"
#define TASK "task\tthe_che\t1\tRà soát văn bản\tPhòng Tư pháp\t\tPhòng VHXH\n"
#define PRODUCT "product\tBáo cáo\tTháng 9/2026\n"
#define TARGET(section, kind, cmp, value, unit) \
	"target\t" section "\t" kind "\t" cmp "\t" value "\t\t\t\t" unit "\tRà soát văn bản\n"

static const struct {
	const char *what;
	const char *content;
	int line;
	const char *want[2];	/* more the message must say */
} broken[] = {
	{ "unknown record kind", HEAD "chitieu\tthe_che\n", 4,
	  { "unknown record kind", "" } },
	{ "unknown unit", HEAD TARGET("the_che", "yesno", "=", "1", "Phòng Không Có"), 4,
	  { "\"lead unit\"", "Phòng Không Có" } },
	{ "unknown cooperating unit",
	  HEAD "task\tthe_che\t1\tRà soát\tPhòng Tư pháp\tPhòng VHXH;Ban Không Có\t\n", 4,
	  { "\"cooperating units\"", "Ban Không Có" } },
	{ "bad number", HEAD TARGET("the_che", "rate", ">=", "nhiều", "Phòng VHXH"), 4,
	  { "\"value\"", "not a number" } },
	{ "bad kind", HEAD TARGET("the_che", "percent", ">=", "1", ""), 4,
	  { "\"kind\"", "" } },
	{ "bad comparator", HEAD TARGET("the_che", "rate", "=>", "1", ""), 4,
	  { "\"comparator\"", "" } },
	{ "unknown section", HEAD TARGET("noi_vu", "yesno", "=", "1", ""), 4,
	  { "\"section\"", "" } },
	{ "bad year", "office\tUBND xã Thử\txa\tLạng Sơn\n"
	  "plan\t\tKế hoạch thử\tUBND xã Thử\t\t2026\t20x6\t\n", 2,
	  { "\"to year\"", "" } },
	{ "bad issue date", "office\tUBND xã Thử\txa\tLạng Sơn\n"
	  "plan\t\tKế hoạch thử\tUBND xã Thử\t31/02/2026\t2026\t2026\t\n", 2,
	  { "\"issue date\"", "" } },
	{ "product before any task", HEAD PRODUCT TASK, 4,
	  { "product must follow", "" } },
	{ "target before any plan", "office\tUBND xã Thử\txa\tLạng Sơn\n"
	  TARGET("the_che", "yesno", "=", "1", ""), 2,
	  { "plan record must come first", "" } },
	{ "invalid UTF-8", HEAD TASK PRODUCT "product\tB\xe1o c\xe1o\tTháng 9/2026\n", 6,
	  { "UTF-8", "" } },
	{ "too few fields", HEAD "target\tthe_che\tyesno\n", 4,
	  { "too few fields", "" } },
	/* Refused by the record's own checks rather than the reader's. */
	{ "office kind", HEAD "office\tUBND xã Thử\thuyen\tLạng Sơn\n", 4,
	  { "", "" } },
	{ "years reversed", "office\tUBND xã Thử\txa\tLạng Sơn\n"
	  "plan\t\tKế hoạch thử\tUBND xã Thử\t\t2026\t2025\t\n", 2,
	  { "", "" } },
};

/* Every table a plan file writes. */
static const char *const tables[] = {
	"office", "unit", "unit_alias", "plan", "phase", "target", "target_phase",
	"task", "task_cooperator", "product",
};

static void
count_rows(sqlite3_int64 *rows)
{
	char sql[64];

	for (size_t i = 0; i < NELEM(tables); i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
		rows[i] = query_int(sql);
	}
}

START_TEST(test_broken_file)
{
	char path[sizeof fixture_dir + 32], where[sizeof path + 32];
	sqlite3_int64 before[NELEM(tables)], after[NELEM(tables)];
	const char *msg;
	struct office o;

	snprintf(path, sizeof path, "%s/model-broken.tsv", fixture_dir);
	write_file(path, broken[_i].content);
	count_rows(before);

	ck_assert_int_eq(plan_file_load(db, path), -1);
	msg = db_error(db);
	snprintf(where, sizeof where, "%s line %d", path, broken[_i].line);
	ck_assert_msg(strstr(msg, where) != NULL, "%s: message \"%s\" lacks \"%s\"",
	    broken[_i].what, msg, where);
	for (size_t j = 0; j < NELEM(broken[_i].want); j++)
		ck_assert_msg(strstr(msg, broken[_i].want[j]) != NULL,
		    "%s: message \"%s\" lacks %s", broken[_i].what, msg, broken[_i].want[j]);

	/* All or nothing. */
	ck_assert(sqlite3_get_autocommit(db_sqlite(db)));
	count_rows(after);
	for (size_t i = 0; i < NELEM(tables); i++)
		ck_assert_msg(after[i] == before[i], "%s: %s has %lld rows, had %lld",
		    broken[_i].what, tables[i], (long long)after[i], (long long)before[i]);
	ck_assert_int_eq(office_get(db, &o), 1);
	ck_assert_str_eq(o.name, "UBND xã Tân Đoàn");
	office_free(&o);
}
END_TEST

START_TEST(test_missing_file)
{
	char path[sizeof fixture_dir + 32];

	snprintf(path, sizeof path, "%s/model-missing.tsv", fixture_dir);
	ck_assert_int_eq(plan_file_load(db, path), -1);
	ck_assert_msg(strstr(db_error(db), path) != NULL, "%s", db_error(db));
	ck_assert(sqlite3_get_autocommit(db_sqlite(db)));
}
END_TEST

/* A plan typed with a decomposing keyboard layout: every letter's marks
 * as separate combining characters (U+0300 grave, U+0301 acute, U+0302
 * circumflex, U+0303 tilde, U+0306 breve, U+0309 hook, U+031B horn,
 * U+0323 dot below). */
#define NFD_OFFICE	"UBND xa\xcc\x83 Ta\xcc\x82n Ho\xcc\x82\xcc\x80ng"
#define NFD_UNIT	"Pho\xcc\x80ng Tu\xcc\x9b pha\xcc\x81p"
#define NFD_ALIAS	"Tu\xcc\x9b pha\xcc\x81p xa\xcc\x83"
#define NFD_TITLE	"Ke\xcc\x82\xcc\x81 hoa\xcc\xa3" "ch ca\xcc\x89i ca\xcc\x81" \
			"ch ha\xcc\x80nh chi\xcc\x81nh na\xcc\x86m 2026"
#define NFD_TARGET	"Ra\xcc\x80 soa\xcc\x81t va\xcc\x86n ba\xcc\x89n"
#define NFD_TASK	"Ra\xcc\x80 soa\xcc\x81t VBQPPL sau sa\xcc\x86\xcc\x81p " \
			"xe\xcc\x82\xcc\x81p"
#define NFD_PRODUCT	"Ba\xcc\x81o ca\xcc\x81o"
#define NFD_DEADLINE	"Tha\xcc\x81ng 9/2026"

static const char nfd_plan[] =
    "office\t" NFD_OFFICE "\txa\tLạng Sơn\n"
    "unit\t" NFD_UNIT "\tP. TP\t" NFD_ALIAS "\n"
    "plan\t\t" NFD_TITLE "\t" NFD_OFFICE "\t\t2026\t2026\t\n"
    "target\tthe_che\tyesno\t=\t1\t\t\t\t" NFD_ALIAS "\t" NFD_TARGET "\n"
    "task\tthe_che\t1\t" NFD_TASK "\t" NFD_UNIT "\t\t\n"
    "product\t" NFD_PRODUCT "\t" NFD_DEADLINE "\n";

/* ?1 is the new plan. */
static const struct {
	const char *sql;
	const char *want;
} nfc_stored[] = {
	{ "SELECT title FROM plan WHERE id = ?1", "Kế hoạch cải cách hành chính năm 2026" },
	{ "SELECT folded FROM plan WHERE id = ?1", "ke hoach cai cach hanh chinh nam 2026" },
	{ "SELECT issuer FROM plan WHERE id = ?1", "UBND xã Tân Hồng" },
	{ "SELECT text FROM target WHERE plan_id = ?1", "Rà soát văn bản" },
	{ "SELECT folded FROM target WHERE plan_id = ?1", "ra soat van ban" },
	{ "SELECT u.name FROM target t JOIN unit u ON u.id = t.lead_unit_id WHERE t.plan_id = ?1",
	  "Phòng Tư pháp" },
	{ "SELECT description FROM task WHERE plan_id = ?1", "Rà soát VBQPPL sau sắp xếp" },
	{ "SELECT folded FROM task WHERE plan_id = ?1", "ra soat vbqppl sau sap xep" },
	{ "SELECT p.name FROM product p JOIN task t ON t.id = p.task_id WHERE t.plan_id = ?1",
	  "Báo cáo" },
	{ "SELECT p.deadline_text FROM product p JOIN task t ON t.id = p.task_id "
	  "WHERE t.plan_id = ?1", "Tháng 9/2026" },
	{ "SELECT p.due_date FROM product p JOIN task t ON t.id = p.task_id "
	  "WHERE t.plan_id = ?1", "2026-09-30" },
	{ "SELECT name FROM unit WHERE folded = 'phong tu phap' AND ?1", "Phòng Tư pháp" },
	{ "SELECT alias FROM unit_alias WHERE folded = 'tu phap xa' AND ?1", "Tư pháp xã" },
	{ "SELECT name FROM office WHERE ?1", "UBND xã Tân Hồng" },
};

START_TEST(test_nfc)
{
	char path[sizeof fixture_dir + 32], got[256], *s;
	int64_t id;

	snprintf(path, sizeof path, "%s/model-nfd.tsv", fixture_dir);
	write_file(path, nfd_plan);
	id = plan_file_load(db, path);
	ck_assert_msg(id > 0, "plan_file_load: %s", db_error(db));
	s = query_text(nfc_stored[_i].sql, id);
	snprintf(got, sizeof got, "%s", s);
	free(s);
	ck_assert_msg(strcmp(got, nfc_stored[_i].want) == 0, "%s: \"%s\", want \"%s\"",
	    nfc_stored[_i].sql, got, nfc_stored[_i].want);
}
END_TEST

/* Folded columns hold lower case without marks: no capital ASCII letter,
 * no combining mark, no Latin letter beyond ASCII (đ included). */
static bool
folded_ok(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	ucs4_t c;
	int len;

	while (*p != '\0') {
		if ((len = u8_mbtouc(&c, p, strlen((const char *)p))) <= 0 || c == 0xfffd)
			return false;
		if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0x24f) ||
		    (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff))
			return false;
		p += len;
	}
	return true;
}

START_TEST(test_folded_columns)
{
	static const char *const columns[][2] = {
		{ "plan", "folded" }, { "task", "folded" }, { "target", "folded" },
		{ "section", "folded" }, { "section_alias", "folded" },
		{ "unit", "folded" }, { "unit_alias", "folded" },
	};
	char path[sizeof fixture_dir + 32], sql[96];
	sqlite3_stmt *st;
	int rows;

	/* The decomposed plan too: folding must not depend on the form. */
	snprintf(path, sizeof path, "%s/model-nfd.tsv", fixture_dir);
	write_file(path, nfd_plan);
	ck_assert_msg(plan_file_load(db, path) > 0, "%s", db_error(db));

	for (size_t i = 0; i < NELEM(columns); i++) {
		snprintf(sql, sizeof sql, "SELECT %s FROM %s", columns[i][1], columns[i][0]);
		ck_assert_ptr_nonnull(st = db_prepare(db, sql));
		rows = 0;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *f = (const char *)sqlite3_column_text(st, 0);

			ck_assert_msg(folded_ok(f), "%s.%s: \"%s\"", columns[i][0],
			    columns[i][1], f);
			rows++;
		}
		sqlite3_finalize(st);
		ck_assert_msg(rows > 0, "%s is empty", columns[i][0]);
	}
}
END_TEST

static Suite *
model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *ref = tcase_create("reference");
	TCase *sample = tcase_create("sample plan");
	TCase *files = tcase_create("plan files");

	tcase_add_checked_fixture(ref, setup, teardown);
	tcase_add_test(ref, test_sections);
	tcase_add_loop_test(ref, test_section_find, 0, NELEM(section_lookups));
	tcase_add_loop_test(ref, test_unit_find, 0, NELEM(unit_lookups));
	tcase_add_test(ref, test_units_loaded);
	tcase_add_test(ref, test_unit_add_known);
	tcase_add_test(ref, test_unit_add_new);
	suite_add_tcase(s, ref);

	tcase_add_checked_fixture(sample, setup, teardown);
	tcase_add_test(sample, test_sample_plan);
	tcase_add_test(sample, test_targets_per_section);
	tcase_add_test(sample, test_target_fields);
	tcase_add_test(sample, test_tasks);
	tcase_add_test(sample, test_task_units);
	tcase_add_loop_test(sample, test_product_due, 0, NELEM(products));
	tcase_add_loop_test(sample, test_due_short, 0, NELEM(due_cells));
	tcase_add_loop_test(sample, test_planned_value, 0, NELEM(planned));
	tcase_add_loop_test(sample, test_task_status, 0, NELEM(statuses));
	tcase_add_test(sample, test_results);
	tcase_add_test(sample, test_result_negative_denominator);
	tcase_add_test(sample, test_summary);
	tcase_add_test(sample, test_summary_units);
	suite_add_tcase(s, sample);

	tcase_add_checked_fixture(files, setup, teardown);
	tcase_add_loop_test(files, test_broken_file, 0, NELEM(broken));
	tcase_add_test(files, test_missing_file);
	tcase_add_loop_test(files, test_nfc, 0, NELEM(nfc_stored));
	tcase_add_test(files, test_folded_columns);
	suite_add_tcase(s, files);
	return s;
}

int
main(void)
{
	return fixture_run(model_suite());
}
