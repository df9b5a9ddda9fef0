/* A large office database for the benchmarks, made through the core API
 * (the same checks and folded columns as real data), deterministic: the
 * same years give the same file, byte for byte in content.
 *
 *   gen YEARS FILE [PLAN.tsv]
 *
 * Each year up to LAST_YEAR gets a plan of the office and DEPT_PLANS
 * department plans (the office's plan last, so that it is the current
 * one), each with TARGETS targets and TASKS tasks of one to three products;
 * every target has a result for each of the four periods.  Ten years give
 * 130 plans, 30,030 tasks, about 60,000 products, 37,440 targets and
 * 149,760 results.  With PLAN.tsv, also writes a plan file of one plan
 * whose appendix has APPENDIX_ROWS task and product rows (for the import
 * benchmark) and creates no database. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "core/plan/period.h"
#include "core/plan/plan.h"
#include "core/plan/plan_file.h"
#include "core/plan/result.h"
#include "core/plan/section.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/store/office.h"
#include "core/text/date.h"

#define LAST_YEAR 2025
#define UNITS 60
#define DEPT_PLANS 12
#define TARGETS 288
#define TASKS 231
#define APPENDIX_ROWS 5000

static uint64_t seed = 0x43434843u;

/* xorshift64*: small, fast, and the same everywhere. */
static unsigned
rnd(unsigned n)
{
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return (unsigned)((seed * 0x2545F4914F6CDD1DULL) >> 33) % n;
}

#define PICK(a) (a[rnd(sizeof a / sizeof a[0])])

static const char *const verbs[] = {
	"Xây dựng", "Triển khai", "Kiểm tra", "Rà soát", "Tổ chức", "Ban hành",
	"Tuyên truyền", "Cập nhật", "Đánh giá", "Theo dõi", "Hướng dẫn", "Công khai",
	"Số hóa", "Tiếp nhận", "Đôn đốc", "Thực hiện",
};
static const char *const objects[] = {
	"kế hoạch cải cách hành chính", "thủ tục hành chính", "hồ sơ trực tuyến",
	"văn bản quy phạm pháp luật", "dịch vụ công trực tuyến toàn trình",
	"sáng kiến cải cách", "chỉ số hài lòng của người dân", "bộ phận một cửa",
	"kết quả giải quyết hồ sơ", "chữ ký số", "cơ sở dữ liệu dân cư",
	"vị trí việc làm", "quy chế chi tiêu nội bộ", "kiểm soát thủ tục hành chính",
	"hệ thống thông tin giải quyết TTHC", "đội ngũ cán bộ, công chức",
};
static const char *const tails[] = {
	"trên địa bàn xã", "của Ủy ban nhân dân xã", "theo quy định",
	"đúng thời hạn", "cho người dân, doanh nghiệp", "năm", "quý I năm",
	"6 tháng đầu năm", "tại Trung tâm Phục vụ hành chính công",
};
static const char *const products[] = {
	"Kế hoạch", "Báo cáo", "Quyết định", "Thông báo", "Biên bản kiểm tra",
	"Công văn", "Danh mục", "Tờ trình",
};
static const char *const units_base[] = {
	"Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND",
	"Trung tâm Phục vụ hành chính công", "Trung tâm Dịch vụ công ích",
	"Trạm y tế", "Công an", "Ủy ban MTTQ", "Phòng Tư pháp", "Phòng Nội vụ",
	"Phòng Tài chính - Kế hoạch", "Trường Mầm non", "Trường Tiểu học",
	"Trường THCS", "Ban Chỉ huy quân sự",
};
static const char *const places[] = { "", " khu vực I", " khu vực II", " khu vực III" };

static void
phrase(char *buf, size_t n, int year)
{
	const char *tail = PICK(tails);

	/* Tails that end in "năm" take the year. */
	snprintf(buf, n, "%s %s %s%s%.0d, %s %s", PICK(verbs), PICK(objects), tail,
	    strstr(tail, "năm") ? " " : "", strstr(tail, "năm") ? year : 0,
	    rnd(2) ? "bảo đảm" : "nâng cao chất lượng", PICK(objects));
}

static void
deadline(char *buf, size_t n, int year)
{
	switch (rnd(6)) {
	case 0: snprintf(buf, n, "Trước ngày %d/%d/%d", 1 + rnd(28), 1 + rnd(12), year); break;
	case 1: snprintf(buf, n, "Tháng %d/%d", 1 + rnd(12), year); break;
	case 2: snprintf(buf, n, "Quý %s/%d", (const char *[]){ "I", "II", "III", "IV" }[rnd(4)], year); break;
	case 3: snprintf(buf, n, "Thường xuyên trong năm"); break;
	case 4: snprintf(buf, n, "Định kỳ hằng quý"); break;
	default: snprintf(buf, n, "Chậm nhất ngày %d/%d/%d", 1 + rnd(28), 1 + rnd(12), year); break;
	}
}

static int
die(struct db *db, const char *what)
{
	fprintf(stderr, "gen: %s: %s\n", what, db_error(db));
	exit(1);
}

static void
add_target(struct db *db, int64_t plan, int64_t section, const int64_t *units, int year)
{
	static const char *const kinds[] = { "rate", "count", "yesno", "reduction", "rank" };
	char text[300];
	struct target_input t = { 0 };
	int64_t id;

	phrase(text, sizeof text, year);
	t.plan_id = plan;
	t.section_id = section;
	t.text = text;
	target_kind_parse(PICK(kinds), &t.rule.kind);
	t.rule.cmp = t.rule.kind == TARGET_RANK ? CMP_LE : t.rule.kind == TARGET_YESNO ? CMP_EQ : CMP_GE;
	t.rule.value = t.rule.kind == TARGET_RATE ? 80 + rnd(21) : t.rule.kind == TARGET_YESNO ? 1 :
	    t.rule.kind == TARGET_REDUCTION ? 10 + rnd(30) : 1 + rnd(40);
	t.numerator_label = t.rule.kind == TARGET_RATE ? "Hồ sơ đúng hạn" : "";
	t.denominator_label = t.rule.kind == TARGET_RATE ? "Tổng số hồ sơ" : "";
	t.lead_unit_id = rnd(8) ? units[rnd(UNITS)] : 0;
	if ((id = target_insert(db, &t)) < 0)
		die(db, "target");
	for (int k = 0; k < PERIOD_KINDS; k++) {
		struct measure m = { 0 };

		if (t.rule.kind == TARGET_RATE) {
			m.has_numerator = m.has_denominator = true;
			m.denominator = 20 + rnd(500);
			m.numerator = m.denominator - rnd(20);
		} else {
			m.has_value = true;
			m.value = t.rule.kind == TARGET_YESNO ? rnd(2) : 1 + rnd(50);
		}
		if (result_put(db, id, year, (enum period_kind)k, &m, rnd(3) ? "" : "Báo cáo số 12/BC-UBND", "") != 0)
			die(db, "result");
	}
}

static void
add_task(struct db *db, int64_t plan, int64_t section, const int64_t *units, int year, int i)
{
	char desc[300], tt[16], names[3][64], texts[3][64], done[11] = "";
	struct product_input p[3] = { { 0 } };
	struct task_input t = { 0 };
	int64_t coop[2];
	int ncoop = 0;

	phrase(desc, sizeof desc, year);
	snprintf(tt, sizeof tt, "%d", i + 1);
	t.plan_id = plan;
	t.section_id = section;
	t.tt = tt;
	t.description = desc;
	t.lead_unit_id = units[rnd(UNITS)];
	t.monitor_unit_id = rnd(2) ? units[rnd(UNITS)] : 0;
	for (int k = 0; k < 2; k++) {
		int64_t u = units[rnd(UNITS)];

		if (rnd(2) && u != t.lead_unit_id && (ncoop == 0 || coop[0] != u))
			coop[ncoop++] = u;
	}
	t.nproducts = 1 + rnd(3);
	for (int k = 0; k < t.nproducts; k++) {
		snprintf(names[k], sizeof names[k], "%s", PICK(products));
		deadline(texts[k], sizeof texts[k], year);
		p[k].name = names[k];
		p[k].deadline_text = texts[k];
	}
	t.products = p;
	/* Past years are mostly done; this year about a third. */
	t.progress = (enum task_progress)(year < LAST_YEAR ? (rnd(10) ? 2 : rnd(2)) : rnd(3));
	if (t.progress == PROGRESS_DONE)
		date_format_iso((struct date){ year, 1 + (int)rnd(year < LAST_YEAR ? 12 : 9),
		    1 + (int)rnd(28) }, done);
	memcpy(t.completion_date, done, sizeof done);
	t.evidence = "";
	t.note = rnd(5) ? "" : "Đã báo cáo UBND xã";
	if (task_insert(db, &t, coop, ncoop, year) < 0)
		die(db, "task");
}

static int64_t
add_plan(struct db *db, int year, const char *who, int n)
{
	char number[64], title[256];
	struct plan_input p = { 0 };
	int64_t id;

	snprintf(number, sizeof number, "%d/KH-%s", 10 + n, n ? "PB" : "UBND");
	snprintf(title, sizeof title, "Kế hoạch cải cách hành chính năm %d của %s", year, who);
	p.number = number;
	p.title = title;
	p.issuer = who;
	p.signer = "Nguyễn Văn An";
	date_format_iso((struct date){ year, 1, 5 + n }, p.issue_date);
	p.year_from = p.year_to = year;
	if ((id = plan_insert(db, &p)) < 0)
		die(db, "plan");
	return id;
}

static void
fill_plan(struct db *db, int64_t plan, const struct section *s, int ns, const int64_t *units, int year)
{
	for (int i = 0; i < TARGETS; i++)
		add_target(db, plan, s[i * ns / TARGETS].id, units, year);
	for (int i = 0; i < TASKS; i++)
		add_task(db, plan, s[i * ns / TASKS].id, units, year, i);
}

static void
make_units(struct db *db, int64_t *units)
{
	for (int i = 0; i < UNITS; i++) {
		char name[128];

		snprintf(name, sizeof name, "%s%s", units_base[i % 15], places[i / 15]);
		if ((units[i] = unit_add(db, name, "", "")) < 0)
			die(db, "unit");
	}
}

/* A plan file with one plan and an appendix of APPENDIX_ROWS rows. */
static int
write_plan_file(const char *path)
{
	FILE *f = fopen(path, "w");
	static const char *const codes[] = { "chi_dao", "the_che", "tthc", "bo_may", "cong_vu",
	    "tai_chinh", "chinh_quyen_so" };
	char desc[300], dl[64];
	int rows = 0, i = 0;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	fprintf(f, "plan\t99/KH-UBND\tKế hoạch nhập thử\tUBND xã\t\t%d\t%d\t\n", LAST_YEAR, LAST_YEAR);
	while (rows < APPENDIX_ROWS) {
		int np = 1 + rnd(3);

		unsigned lead = rnd(15);

		phrase(desc, sizeof desc, LAST_YEAR);
		i++;
		fprintf(f, "task\t%s\t%d\t%s\t%s\t%s\t%s\n", codes[i % 7], i, desc,
		    units_base[lead], units_base[(lead + 1 + rnd(14)) % 15],
		    rnd(2) ? "" : units_base[rnd(15)]);
		rows++;
		for (int k = 0; k < np && rows < APPENDIX_ROWS; k++, rows++) {
			deadline(dl, sizeof dl, LAST_YEAR);
			fprintf(f, "product\t%s\t%s\n", PICK(products), dl);
		}
	}
	return fclose(f) == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	const char *datadir = getenv("CCHC_DATADIR");
	int64_t units[UNITS];
	struct section *s;
	struct db *db;
	struct err e;
	int years, ns;

	if (argc == 4)
		return write_plan_file(argv[3]);
	if (argc != 3 || (years = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: gen YEARS FILE | gen - - PLAN.tsv\n");
		return 2;
	}
	date_set_today((struct date){ LAST_YEAR, 10, 15 });
	remove(argv[2]);
	if ((db = db_open(argv[2], &e)) == NULL) {
		fprintf(stderr, "gen: %s\n", e.msg);
		return 1;
	}
	if (reference_load(db, datadir ? datadir : "data", false) != 0)
		die(db, "sections");
	if (section_list(db, &s, &ns) != 0)
		die(db, "sections");
	if (db_begin(db) != 0 || office_put(db, "UBND xã Tân Đoàn", "xa", "Lạng Sơn") != 0)
		die(db, "office");
	make_units(db, units);
	if (db_commit(db) != 0)
		die(db, "units");
	for (int year = LAST_YEAR - years + 1; year <= LAST_YEAR; year++) {
		for (int d = DEPT_PLANS; d >= 0; d--) {
			char who[160];

			snprintf(who, sizeof who, "%s", d ? units_base[(d - 1) % 15] : "UBND xã Tân Đoàn");
			if (db_begin(db) != 0)
				die(db, "begin");
			fill_plan(db, add_plan(db, year, who, d), s, ns, units, year);
			if (db_commit(db) != 0)
				die(db, "commit");
		}
	}
	sections_free(s, ns);
	if (sqlite3_exec(db_sqlite(db), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
		die(db, "checkpoint");
	db_close(db);
	return 0;
}
