/* Update sheets out to the units and their answers back in (sheet.h). */
#include "core/io/sheet.h"

#include <errno.h>
#include <malloc.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/io/csv.h"
#include "core/io/encoding.h"
#include "core/io/file_out.h"
#include "core/plan/period.h"
#include "core/plan/plan.h"
#include "core/plan/result.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/plan/validate.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/store/history.h"
#include "core/store/office.h"
#include "core/store/paths.h"
#include "core/text/array.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

static const struct {
	const char *code;
	const char *heading;
} columns[SC_COLUMNS] = {
	[SC_ID] = { "id", N_("Id") },
	[SC_STAMP] = { "stamp", N_("Stamp") },
	[SC_TT] = { "tt", N_("No.") },
	[SC_TASK] = { "task", N_("Task") },
	[SC_ROLE] = { "role", N_("Role") },
	[SC_DUE] = { "due", N_("Due") },
	[SC_STATUS] = { "status", N_("Status when sent") },
	[SC_PROGRESS] = { "progress", N_("Progress") },
	[SC_COMPLETION] = { "completion", N_("Completion date") },
	[SC_EVIDENCE_NUMBER] = { "evidence_number", N_("Evidence no.") },
	[SC_EVIDENCE_DATE] = { "evidence_date", N_("Evidence date") },
	[SC_EVIDENCE] = { "evidence", N_("Evidence summary") },
	[SC_NOTE] = { "note", N_("Note") },
};

static const char *const progress_words[3] = { N_("Not started"), N_("In progress"), N_("Done") };

static const struct {
	const char *code;
	const char *heading;
} target_columns[ST_COLUMNS] = {
	[ST_ID] = { "target_id", N_("Id") },
	[ST_STAMP] = { "stamp", N_("Stamp") },
	[ST_TT] = { "tt", N_("No.") },
	[ST_TARGET] = { "target", N_("Target") },
	[ST_PLANNED] = { "planned", N_("Planned") },
	[ST_RESULT] = { "result", N_("Result when sent") },
	[ST_NUMERATOR] = { "numerator", N_("Numerator") },
	[ST_DENOMINATOR] = { "denominator", N_("Denominator") },
	[ST_VALUE] = { "value", N_("Value") },
	[ST_EVIDENCE] = { "evidence", N_("Evidence") },
	[ST_NOTE] = { "note", N_("Note") },
};

const char *
sheet_target_heading(int c)
{
	return c >= 0 && c < ST_COLUMNS && target_columns[c].heading != NULL ?
	    _(target_columns[c].heading) : "";
}

const char *
sheet_column_code(enum sheet_column c)
{
	return columns[c].code;
}

const char *
sheet_column_heading(enum sheet_column c)
{
	return _(columns[c].heading);
}

/* FNV-1a, 64 bits: a stamp tells values apart, it guards nothing. */
static uint64_t
fnv(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	h ^= 0x1f;		/* a field's end: "ab","c" is not "a","bc" */
	return h * 0x100000001b3ULL;
}

void
sheet_stamp(const struct sheet_values *v, char out[SHEET_STAMP_SIZE])
{
	uint64_t h = 0xcbf29ce484222325ULL;

	h = fnv(h, task_progress_code(v->progress));
	h = fnv(h, v->completion);
	h = fnv(h, v->evidence_number);
	h = fnv(h, v->evidence_date);
	h = fnv(h, v->evidence);
	h = fnv(h, v->note);
	snprintf(out, SHEET_STAMP_SIZE, "k%016llx", (unsigned long long)h);
}

static uint64_t
fnv_number(uint64_t h, bool has, double v)
{
	char buf[32] = "";

	if (has)
		snprintf(buf, sizeof buf, "%.17g", v);
	return fnv(h, buf);
}

void
sheet_result_stamp(const struct sheet_result *v, char out[SHEET_STAMP_SIZE])
{
	uint64_t h = 0xcbf29ce484222325ULL;

	h = fnv_number(h, v->m.has_numerator, v->m.numerator);
	h = fnv_number(h, v->m.has_denominator, v->m.denominator);
	h = fnv_number(h, v->m.has_value, v->m.value);
	h = fnv(h, v->evidence);
	h = fnv(h, v->note);
	snprintf(out, SHEET_STAMP_SIZE, "k%016llx", (unsigned long long)h);
}

static void
result_values_free(struct sheet_result *v)
{
	free(v->evidence);
	free(v->note);
	memset(v, 0, sizeof *v);
}

static void
values_free(struct sheet_values *v)
{
	free(v->evidence_number);
	free(v->evidence);
	free(v->note);
	memset(v, 0, sizeof *v);
}

static char *
xstrdup(const char *s)
{
	return strdup(s != NULL ? s : "");
}

void
sheet_book_free(struct sheet_book *b)
{
	free(b->office);
	free(b->title);
	free(b->unit_line);
	free(b->sheet_name);
	free(b->unit_name);
	free(b->identity);
	for (int i = 0; i < b->nrows; i++) {
		free(b->rows[i].tt);
		free(b->rows[i].description);
		values_free(&b->rows[i].v);
	}
	free(b->rows);
	for (int i = 0; i < b->ntargets; i++) {
		free(b->targets[i].text);
		result_values_free(&b->targets[i].v);
	}
	free(b->targets);
	memset(b, 0, sizeof *b);
}

static const char *const period_codes[PERIOD_KINDS] = { "Q1", "6T", "9T", "N" };

/* The unit's tasks in the plan, led or cooperating, in the plan's order. */
static int
load_rows(struct db *db, int64_t plan, int64_t unit, struct sheet_book *b)
{
	sqlite3_stmt *st;
	int cap = 0, rc;
	struct date today = date_today();

	st = db_prepare(db, "SELECT t.id, t.tt, t.description, t.lead_unit_id IS ?2,"
	    " t.progress, ifnull(t.completion_date, ''), t.evidence_number,"
	    " ifnull(t.evidence_date, ''), t.evidence, t.note,"
	    " ifnull((SELECT max(due_date) FROM product WHERE task_id = t.id), '')"
	    " FROM task t JOIN section s ON s.id = t.section_id"
	    " WHERE t.plan_id = ?1 AND (t.lead_unit_id = ?2 OR EXISTS (SELECT 1 FROM"
	    " task_cooperator c WHERE c.task_id = t.id AND c.unit_id = ?2))"
	    " ORDER BY s.ord, t.ord, t.id");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int64(st, 2, unit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sheet_row *r;

		if (array_reserve(&b->rows, b->nrows, &cap, sizeof *b->rows) != 0)
			break;
		r = &b->rows[b->nrows++];
		memset(r, 0, sizeof *r);
		r->task_id = sqlite3_column_int64(st, 0);
		r->tt = db_column_strdup(st, 1);
		r->description = db_column_strdup(st, 2);
		r->lead = sqlite3_column_int(st, 3) != 0;
		task_progress_parse((const char *)sqlite3_column_text(st, 4), &r->v.progress);
		snprintf(r->v.completion, sizeof r->v.completion, "%s", sqlite3_column_text(st, 5));
		r->v.evidence_number = db_column_strdup(st, 6);
		snprintf(r->v.evidence_date, sizeof r->v.evidence_date, "%s",
		    sqlite3_column_text(st, 7));
		r->v.evidence = db_column_strdup(st, 8);
		r->v.note = db_column_strdup(st, 9);
		snprintf(r->due, sizeof r->due, "%s", sqlite3_column_text(st, 10));
		r->status = task_status_of(r->v.progress, r->v.completion, r->due, today);
		if (r->tt == NULL || r->description == NULL || r->v.evidence_number == NULL ||
		    r->v.evidence == NULL || r->v.note == NULL)
			break;
		sheet_stamp(&r->v, r->stamp);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? db_fail(db, "%s", _("out of memory")) :
		    db_fail_sql(db, "tasks");
	return 0;
}

/* The targets the unit leads, from the plan's list t with the period's
 * results. */
static int
load_targets(struct db *db, const struct target *t, int n, int64_t unit, struct sheet_book *b)
{
	int cap = 0;

	for (int i = 0; i < n; i++) {
		struct sheet_target_row *r;
		char entered[64], verdict[96];

		if (t[i].lead_unit_id != unit)
			continue;
		if (array_reserve(&b->targets, b->ntargets, &cap, sizeof *b->targets) != 0)
			goto oom;
		r = &b->targets[b->ntargets++];
		memset(r, 0, sizeof *r);
		r->target_id = t[i].id;
		r->tt = b->ntargets;
		r->kind = t[i].rule.kind;
		r->text = xstrdup(t[i].text);
		report_target_planned(&t[i], r->planned, sizeof r->planned);
		report_target_entered(&t[i], entered, sizeof entered);
		if (t[i].has_result) {
			report_verdict_text(&t[i], verdict, sizeof verdict);
			snprintf(r->result, sizeof r->result, "%s%s%s", entered,
			    *entered != '\0' ? " · " : "", verdict);
			r->v.m = t[i].result.measure;
		}
		r->v.evidence = xstrdup(t[i].has_result ? t[i].result.evidence : "");
		r->v.note = xstrdup(t[i].has_result ? t[i].result.note : "");
		if (r->text == NULL || r->v.evidence == NULL || r->v.note == NULL)
			goto oom;
		sheet_result_stamp(&r->v, r->stamp);
	}
	return 0;
oom:
	return db_fail(db, "%s", _("out of memory"));
}

static int
new_token(struct db *db, char token[33])
{
	sqlite3_stmt *st = db_prepare(db, "SELECT lower(hex(randomblob(16)))");
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(token, 33, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_fail_sql(db, "token");
}

/* sheet_book_build with the plan's targets already listed (an export of
 * every unit lists them once). */
static int
book_build(struct db *db, int64_t plan, int year, enum period_kind period, int64_t unit,
    const struct target *targets, int ntargets, struct sheet_book *b)
{
	struct office o;
	struct plan p;
	char label[64];
	int has_office, has_plan;

	memset(b, 0, sizeof *b);
	if ((has_plan = plan_get(db, plan, &p)) <= 0)
		return has_plan == 0 ? db_fail(db, _("no plan %lld"), (long long)plan) : -1;
	if ((has_office = office_get(db, &o)) < 0) {
		plan_free(&p);
		return -1;
	}
	b->plan_id = plan;
	b->unit_id = unit;
	b->year = year;
	b->period = period;
	report_period_label(year, period, label, sizeof label);
	b->office = xstrdup(has_office && o.name[0] != '\0' ? o.name : p.issuer);
	if (has_office)
		office_free(&o);
	plan_free(&p);
	b->unit_name = unit_name(db, unit);
	if (b->unit_name == NULL) {
		sheet_book_free(b);
		return db_fail(db, _("no unit %lld"), (long long)unit);
	}
	b->title = text_printf(_("PROGRESS UPDATE OF ADMINISTRATIVE REFORM TASKS, %s"), label);
	b->unit_line = text_printf(_("Unit: %s"), b->unit_name);
	b->sheet_name = xstrdup(_("Update"));
	for (int c = 0; c < SC_COLUMNS; c++) {
		b->codes[c] = columns[c].code;
		b->headings[c] = _(columns[c].heading);
	}
	for (int i = 0; i < 3; i++)
		b->progress_words[i] = _(progress_words[i]);
	b->role_words[0] = _("Lead");
	b->role_words[1] = _("Cooperating");
	for (int s = 0; s < 5; s++)
		b->status_words[s] = report_status_label((enum task_status)s);
	for (int c = 0; c < ST_COLUMNS; c++) {
		b->target_codes[c] = target_columns[c].code;
		b->target_headings[c] = sheet_target_heading(c);
	}
	b->yesno_words[0] = _("No");
	b->yesno_words[1] = _("Yes");
	if (new_token(db, b->token) != 0) {
		sheet_book_free(b);
		return -1;
	}
	b->identity = text_printf("%s %s %s %lld %d-%s %lld", SHEET_MAGIC, SHEET_VERSION, b->token,
	    (long long)plan, year, period_codes[period], (long long)unit);
	if (b->identity == NULL || b->office == NULL || b->title == NULL || b->unit_line == NULL || b->sheet_name == NULL)
		goto oom;
	if (load_rows(db, plan, unit, b) != 0 || load_targets(db, targets, ntargets, unit, b) != 0) {
		sheet_book_free(b);
		return -1;
	}
	return 0;
oom:
	sheet_book_free(b);
	return db_fail(db, "%s", _("out of memory"));
}

int
sheet_book_build(struct db *db, int64_t plan, int year, enum period_kind period,
    int64_t unit, struct sheet_book *b)
{
	struct target *t;
	int n, rc;

	memset(b, 0, sizeof *b);
	if (target_list(db, plan, 0, year, period, &t, &n) != 0)
		return -1;
	rc = book_build(db, plan, year, period, unit, t, n, b);
	targets_free(t, n);
	return rc;
}

int
sheet_file_name(const struct sheet_book *b, char *buf, size_t n)
{
	char label[64], *title, *slug;
	int rc;

	/* "6 tháng/2026" -> "6-thang-2026" */
	report_period_label(b->year, b->period, label, sizeof label);
	if ((title = text_printf("%s %s", b->unit_name, label)) == NULL)
		return -1;
	slug = text_slug(title);
	free(title);
	if (slug == NULL)
		return -1;
	rc = snprintf(buf, n, "%s.xlsx", slug);
	free(slug);
	return rc > 0 && (size_t)rc < n ? 0 : -1;
}

/* ---- the module ------------------------------------------------------- */

typedef int sheet_write_fn(const struct sheet_book *b, const char *path, char *err, size_t errsz);
typedef int sheet_read_fn(const char *path, struct sheet_grid *g, char *err, size_t errsz);
#define SHEET_WRITE_ENTRY "cchc_sheet_write_1"
#define SHEET_READ_ENTRY "cchc_sheet_read_1"

/* Records b as made and writes it at path, inside the caller's
 * transaction. */
static int
write_one(struct db *db, const struct sheet_book *b, const char *path)
{
	static sheet_write_fn *writer;
	struct out_file out;
	sqlite3_stmt *st;
	char err[512];
	int64_t period;
	int rc;

	if (writer == NULL) {
		void *f = report_xlsx_entry(db, SHEET_WRITE_ENTRY);

		if (f == NULL)
			return -1;
		/* POSIX's way from an object pointer to a function's. */
		*(void **)&writer = f;
	}
	if ((period = period_ensure(db, b->year, b->period)) <= 0)
		return -1;
	st = db_cached(db, "INSERT INTO sheet (plan_id, period_id, unit_id, made_at, token)"
	    " VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, b->plan_id);
	sqlite3_bind_int64(st, 2, period);
	sqlite3_bind_int64(st, 3, b->unit_id);
	db_bind_text(st, 4, b->token);
	rc = sqlite3_step(st);
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return db_fail_sql(db, _("cannot record the sheet"));
	/* The sheet holds the unit's data: private like the database. */
	if (out_open(&out, path, OUT_PRIVATE) == NULL)
		return db_fail(db, "%s", out.err.msg);
	if (writer(b, out.tmp, err, sizeof err) != 0) {
		out_abort(&out);
		return db_fail(db, "%s", err);
	}
	if (out_commit(&out) != 0)
		return db_fail(db, "%s", out.err.msg);
	return 0;
}

int
sheet_write(struct db *db, const struct sheet_book *b, const char *path)
{
	if (db_begin(db) != 0)
		return -1;
	if (write_one(db, b, path) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int
sheet_export(struct db *db, int64_t plan, int year, enum period_kind period, int64_t unit,
    const char *dir, void (*done)(const char *path, const struct sheet_book *b, void *arg),
    void *arg)
{
	sqlite3_stmt *st;
	int64_t *units = NULL;
	struct target *targets;
	int n = 0, cap = 0, rc, written = 0, ntargets;

#ifdef M_TRIM_THRESHOLD
	/* Each workbook's writer takes large zeroed blocks and frees them:
	 * given back to the system and faulted in again for every unit, they
	 * cost more than the writing (glibc only; elsewhere no matter). */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
	/* The folder named for them: made when it is not there yet. */
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return db_fail(db, _("cannot make the folder %s: %s"), dir, strerror(errno));
	if (unit != 0) {
		units = malloc(sizeof *units);
		if (units == NULL)
			return db_fail(db, "%s", _("out of memory"));
		units[n++] = unit;
	} else {
		st = db_prepare(db, "SELECT u.id FROM unit u WHERE EXISTS (SELECT 1 FROM task t"
		    " WHERE t.plan_id = ?1 AND t.lead_unit_id = u.id) OR EXISTS (SELECT 1 FROM"
		    " task_cooperator c JOIN task t ON t.id = c.task_id WHERE t.plan_id = ?1"
		    " AND c.unit_id = u.id) OR EXISTS (SELECT 1 FROM target g WHERE"
		    " g.plan_id = ?1 AND g.lead_unit_id = u.id) ORDER BY u.name, u.id");
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, plan);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (array_reserve(&units, n, &cap, sizeof *units) != 0)
				break;
			units[n++] = sqlite3_column_int64(st, 0);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			free(units);
			return rc == SQLITE_ROW ? db_fail(db, "%s", _("out of memory")) :
			    db_fail_sql(db, "units");
		}
	}
	/* The plan's targets listed once for every unit's. */
	if (target_list(db, plan, 0, year, period, &targets, &ntargets) != 0) {
		free(units);
		return -1;
	}
	/* One transaction for all: a commit per sheet would cost a sync of
	 * the disk each. */
	if (db_begin(db) != 0) {
		targets_free(targets, ntargets);
		free(units);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		struct sheet_book b;
		char name[256], path[4096];

		if (book_build(db, plan, year, period, units[i], targets, ntargets, &b) != 0)
			goto fail;
		if (sheet_file_name(&b, name, sizeof name) != 0 ||
		    paths_join(path, sizeof path, dir, name) != 0) {
			sheet_book_free(&b);
			db_fail(db, "%s", _("the path of a sheet is too long"));
			goto fail;
		}
		if (write_one(db, &b, path) != 0) {
			sheet_book_free(&b);
			goto fail;
		}
		if (done != NULL)
			done(path, &b, arg);
		sheet_book_free(&b);
		written++;
	}
	targets_free(targets, ntargets);
	free(units);
	return db_commit(db) == 0 ? written : -1;
fail:
	db_rollback(db);
	targets_free(targets, ntargets);
	free(units);
	return -1;
}

/* ---- reading back ----------------------------------------------------- */

void
sheet_grid_free(struct sheet_grid *g)
{
	for (int r = 0; r < g->nrows; r++) {
		for (int c = 0; c < g->rows[r].ncells; c++)
			free(g->rows[r].cells[c]);
		free(g->rows[r].cells);
	}
	free(g->rows);
	free(g->sheet);
	memset(g, 0, sizeof *g);
}

static int
read_csv(const char *path, struct sheet_grid *g, char *err, size_t errsz)
{
	struct err e;
	char *text = encoding_read_file(path, NULL, &e);
	struct csv r;
	int cap = 0, rc;

	/* err is the module's channel too (sheet_read_fn). */
	if (text == NULL) {
		snprintf(err, errsz, "%s", e.msg);
		return -1;
	}
	g->sheet = strdup("");
	csv_init(&r, text, csv_delimiter(text));
	while ((rc = csv_next(&r)) == 1) {
		struct sheet_grid_row *row;

		if (array_reserve(&g->rows, g->nrows, &cap, sizeof *g->rows) != 0) {
			rc = -1;
			break;
		}
		row = &g->rows[g->nrows++];
		row->ncells = 0;
		row->cells = calloc(r.ncells > 0 ? r.ncells : 1, sizeof *row->cells);
		if (row->cells == NULL) {
			rc = -1;
			break;
		}
		for (int c = 0; c < r.ncells; c++) {
			if ((row->cells[c] = strdup(r.cell[c])) == NULL) {
				rc = -1;
				break;
			}
			row->ncells++;
		}
	}
	csv_free(&r);
	free(text);
	if (rc != 0 || g->sheet == NULL) {
		sheet_grid_free(g);
		snprintf(err, errsz, "%s: %s", path, _("out of memory"));
		return -1;
	}
	return 0;
}

int
sheet_grid_read(struct db *db, const char *path, struct sheet_grid *g, char *err, size_t errsz)
{
	static sheet_read_fn *reader;
	size_t len = strlen(path);

	memset(g, 0, sizeof *g);
	if (len < 5 || strcasecmp(path + len - 5, ".xlsx") != 0)
		return read_csv(path, g, err, errsz);
	if (reader == NULL) {
		void *f = report_xlsx_entry(db, SHEET_READ_ENTRY);

		if (f == NULL) {
			snprintf(err, errsz, "%s", db_error(db));
			return -1;
		}
		*(void **)&reader = f;
	}
	return reader(path, g, err, errsz);
}

static const char *
cell(const struct sheet_grid *g, int r, int c)
{
	if (r < 0 || r >= g->nrows || c < 0 || c >= g->rows[r].ncells)
		return "";
	return g->rows[r].cells[c] != NULL ? g->rows[r].cells[c] : "";
}

static void
column_name(int c, char buf[8])
{
	if (c < 26)
		snprintf(buf, 8, "%c", 'A' + c);
	else
		snprintf(buf, 8, "%c%c", 'A' + c / 26 - 1, 'A' + c % 26);
}

static int
add_problem(struct sheet_answers *a, char *msg)
{
	char **grown;

	if (msg == NULL || (grown = realloc(a->problems, (a->nproblems + 1) * sizeof *grown)) == NULL) {
		free(msg);
		return -1;
	}
	a->problems = grown;
	a->problems[a->nproblems++] = msg;
	return 0;
}

/* Where a message is: the file, the sheet (an xlsx), the row and column. */
struct place {
	struct sheet_answers *a;
	const char *path;
	const struct sheet_grid *g;
};

static void
problem(struct place *p, int row, int col, const char *heading, const char *why)
{
	char where[512], letter[8];

	if (p->g->sheet != NULL && p->g->sheet[0] != '\0')
		snprintf(where, sizeof where, _("%s, sheet %s"), p->path, p->g->sheet);
	else
		snprintf(where, sizeof where, "%s", p->path);
	if (row < 0) {
		add_problem(p->a, text_printf("%s: %s", where, why));
		return;
	}
	if (col < 0) {
		add_problem(p->a, text_printf(_("%s, row %d: %s"), where, row + 1, why));
		return;
	}
	column_name(col, letter);
	add_problem(p->a, text_printf(_("%s, row %d, column %s (%s): %s"), where, row + 1, letter,
	    heading, why));
}

/* An Excel date serial ("46022") or a written date, as ISO. */
static int
parse_date(const char *text, char iso[11], struct err *e, const char *label)
{
	long long serial;

	if (number_parse_whole(text, 1, 2958465, &serial)) {
		date_format_iso(date_add_days((struct date){ 1899, 12, 30 }, (long)serial), iso);
		return 0;
	}
	return validate_date(text, iso, e, -1, label);
}

static bool
parse_progress(const char *text, enum task_progress *out)
{
	char *f = text_fold(text);
	bool ok = false;

	if (f == NULL)
		return false;
	for (int i = 0; i < 3 && !ok; i++) {
		char *w = text_fold(_(progress_words[i]));
		char *m = text_fold(progress_words[i]);

		if ((w != NULL && strcmp(f, w) == 0) || (m != NULL && strcmp(f, m) == 0)) {
			*out = (enum task_progress)i;
			ok = true;
		}
		free(w);
		free(m);
	}
	free(f);
	return ok || task_progress_parse(text, out);
}

static int
load_values(struct db *db, int64_t task, int64_t plan, struct sheet_values *v, char **tt,
    char **description)
{
	sqlite3_stmt *st = db_cached(db, "SELECT progress, ifnull(completion_date, ''),"
	    " evidence_number, ifnull(evidence_date, ''), evidence, note, tt, description"
	    " FROM task WHERE id = ? AND plan_id = ?");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, task);
	sqlite3_bind_int64(st, 2, plan);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(v, 0, sizeof *v);
		task_progress_parse((const char *)sqlite3_column_text(st, 0), &v->progress);
		snprintf(v->completion, sizeof v->completion, "%s", sqlite3_column_text(st, 1));
		v->evidence_number = db_column_strdup(st, 2);
		snprintf(v->evidence_date, sizeof v->evidence_date, "%s", sqlite3_column_text(st, 3));
		v->evidence = db_column_strdup(st, 4);
		v->note = db_column_strdup(st, 5);
		*tt = db_column_strdup(st, 6);
		*description = db_column_strdup(st, 7);
	}
	db_release(db, st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail_sql(db, "task");
	return 1;
}

/* A value as shown in the preview. */
static char *
shown(enum sheet_column c, const struct sheet_values *v)
{
	const char *iso = NULL;
	struct date d;
	char buf[11];

	switch (c) {
	case SC_PROGRESS:
		return xstrdup(_(progress_words[v->progress]));
	case SC_COMPLETION:
		iso = v->completion;
		break;
	case SC_EVIDENCE_DATE:
		iso = v->evidence_date;
		break;
	case SC_EVIDENCE_NUMBER:
		return xstrdup(v->evidence_number);
	case SC_EVIDENCE:
		return xstrdup(v->evidence);
	default:
		return xstrdup(v->note);
	}
	if (*iso == '\0' || !date_parse_iso(iso, &d))
		return xstrdup(iso);
	date_format_vn(d, buf);
	return xstrdup(buf);
}

static bool
same(enum sheet_column c, const struct sheet_values *a, const struct sheet_values *b)
{
	switch (c) {
	case SC_PROGRESS:
		return a->progress == b->progress;
	case SC_COMPLETION:
		return strcmp(a->completion, b->completion) == 0;
	case SC_EVIDENCE_NUMBER:
		return strcmp(a->evidence_number, b->evidence_number) == 0;
	case SC_EVIDENCE_DATE:
		return strcmp(a->evidence_date, b->evidence_date) == 0;
	case SC_EVIDENCE:
		return strcmp(a->evidence, b->evidence) == 0;
	default:
		return strcmp(a->note, b->note) == 0;
	}
}

static int
values_copy(struct sheet_values *to, const struct sheet_values *from)
{
	*to = *from;
	to->evidence_number = xstrdup(from->evidence_number);
	to->evidence = xstrdup(from->evidence);
	to->note = xstrdup(from->note);
	return to->evidence_number && to->evidence && to->note ? 0 : -1;
}

/* Reads the unit's cells of row r over v (the values in cchc): a bad cell
 * is told and leaves its field as it is. */
static void
read_cells(struct place *p, int r, const int *col, struct sheet_values *v)
{
	for (int c = SHEET_FIRST_FILLED; c < SC_COLUMNS; c++) {
		const char *text, *label = sheet_column_heading((enum sheet_column)c);
		struct err e;
		char iso[11], **slot = NULL;

		if (col[c] < 0)
			continue;
		text = cell(p->g, r, col[c]);
		err_clear(&e);
		switch (c) {
		case SC_PROGRESS:
			if (!parse_progress(text, &v->progress))
				err_set(&e, -1, _("not a progress: %s (write %s, %s or %s)"), text,
				    _(progress_words[0]), _(progress_words[1]), _(progress_words[2]));
			break;
		case SC_COMPLETION:
		case SC_EVIDENCE_DATE:
			if (parse_date(text, iso, &e, label) == 0)
				snprintf(c == SC_COMPLETION ? v->completion : v->evidence_date, 11, "%s", iso);
			break;
		case SC_EVIDENCE_NUMBER:
			slot = &v->evidence_number;
			break;
		case SC_EVIDENCE:
			slot = &v->evidence;
			break;
		default:
			slot = &v->note;
			break;
		}
		if (slot != NULL) {
			char *s = field_text(text, &e, -1, label);

			if (s != NULL) {
				free(*slot);
				*slot = s;
			}
		}
		if (e.msg[0] != '\0')
			problem(p, r, col[c], label, e.msg);
	}
}

/* The task's rules (task_check_fill) on the values read: a task they
 * refuse is left as it is. */
static bool
fill_ok(struct place *p, int r, const int *col, const struct sheet_values *v)
{
	static const struct {
		int field;
		enum sheet_column column;
	} fields[] = {
		{ KF_PROGRESS, SC_PROGRESS }, { KF_COMPLETION, SC_COMPLETION },
		{ KF_EVIDENCE_DATE, SC_EVIDENCE_DATE },
	};
	struct task_input t = { .progress = v->progress };
	struct err e;

	snprintf(t.completion_date, sizeof t.completion_date, "%s", v->completion);
	snprintf(t.evidence_date, sizeof t.evidence_date, "%s", v->evidence_date);
	if (task_check_fill(&t, &e) == 0)
		return true;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i].field == e.field) {
			problem(p, r, col[fields[i].column], sheet_column_heading(fields[i].column),
			    e.msg);
			return false;
		}
	problem(p, r, -1, "", e.msg);
	return false;
}

static int
add_item(struct sheet_answers *a, struct sheet_item *it)
{
	struct sheet_item *grown = realloc(a->items, (a->nitems + 1) * sizeof *grown);

	if (grown == NULL)
		return -1;
	a->items = grown;
	a->items[a->nitems++] = *it;
	return 0;
}

static void
item_free(struct sheet_item *it)
{
	free(it->unit);
	free(it->tt);
	free(it->description);
	values_free(&it->now);
	values_free(&it->sheet);
	result_values_free(&it->rnow);
	result_values_free(&it->rsheet);
	for (int i = 0; i < it->nchanges; i++) {
		free(it->changes[i].before);
		free(it->changes[i].after);
	}
	free(it->changes);
}

static int
diff(struct sheet_item *it)
{
	for (int c = SHEET_FIRST_FILLED; c < SC_COLUMNS; c++) {
		struct sheet_change *ch;

		if (same((enum sheet_column)c, &it->now, &it->sheet))
			continue;
		ch = realloc(it->changes, (it->nchanges + 1) * sizeof *ch);
		if (ch == NULL)
			return -1;
		it->changes = ch;
		ch = &ch[it->nchanges++];
		ch->column = c;
		ch->heading = sheet_column_heading((enum sheet_column)c);
		ch->before = shown(ch->column, &it->now);
		ch->after = shown(ch->column, &it->sheet);
		if (ch->before == NULL || ch->after == NULL)
			return -1;
	}
	return 0;
}

/* The sheet row of token: its id, plan, period and unit. */
static int
find_sheet(struct db *db, const char *token, int64_t *id, int64_t *plan, int64_t *unit,
    char **unit_name, int *year, char *kind)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT s.id, s.plan_id, s.unit_id, u.name, p.year,"
	    " p.kind FROM sheet s JOIN unit u ON u.id = s.unit_id JOIN period p ON"
	    " p.id = s.period_id WHERE s.token = ?");
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, token);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*plan = sqlite3_column_int64(st, 1);
		*unit = sqlite3_column_int64(st, 2);
		*unit_name = db_column_strdup(st, 3);
		*year = sqlite3_column_int(st, 4);
		snprintf(kind, 8, "%s", sqlite3_column_text(st, 5));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "sheet");
}

static int
read_rows(struct db *db, struct place *p, int header, int end, const int *col, int64_t sheet,
    int64_t plan, int64_t unit, const char *unit_name)
{
	const struct sheet_grid *g = p->g;

	for (int r = header + 1; r < end; r++) {
		const char *idtext = cell(g, r, col[SC_ID]), *stamp = cell(g, r, col[SC_STAMP]);
		struct sheet_item it = { 0 };
		long long id;
		char now_stamp[SHEET_STAMP_SIZE], sheet_stamp_[SHEET_STAMP_SIZE];
		int rc;

		if (*idtext == '\0')
			continue;
		if (!number_parse_whole(idtext, 1, INT64_MAX, &id)) {
			problem(p, r, col[SC_ID], sheet_column_heading(SC_ID), _("not a task's id"));
			continue;
		}
		rc = load_values(db, id, plan, &it.now, &it.tt, &it.description);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			problem(p, r, col[SC_ID], sheet_column_heading(SC_ID),
			    _("no such task in the sheet's plan (deleted since?)"));
			continue;
		}
		it.task_id = id;
		it.unit_id = unit;
		it.sheet_id = sheet;
		it.unit = xstrdup(unit_name);
		if (values_copy(&it.sheet, &it.now) != 0 || it.unit == NULL || it.tt == NULL ||
		    it.description == NULL) {
			item_free(&it);
			return db_fail(db, "%s", _("out of memory"));
		}
		read_cells(p, r, col, &it.sheet);
		sheet_stamp(&it.now, now_stamp);
		sheet_stamp(&it.sheet, sheet_stamp_);
		/* Unchanged in the sheet: whatever cchc says since stands. */
		if (strcmp(sheet_stamp_, stamp) == 0 || !fill_ok(p, r, col, &it.sheet)) {
			item_free(&it);
			continue;
		}
		it.state = strcmp(now_stamp, stamp) == 0 ? SHEET_APPLY : SHEET_CONFLICT;
		if (diff(&it) != 0) {
			item_free(&it);
			return db_fail(db, "%s", _("out of memory"));
		}
		if (it.nchanges == 0 || add_item(p->a, &it) != 0)
			item_free(&it);
	}
	return 0;
}

/* ---- the targets' block ---- */

static const int target_filled[] = { ST_NUMERATOR, ST_DENOMINATOR, ST_VALUE, ST_EVIDENCE,
    ST_NOTE };

static bool
parse_yesno(const char *text, double *out)
{
	static const char *const words[2] = { N_("No"), N_("Yes") };
	char *f = text_fold(text);
	bool ok = false;

	if (f == NULL)
		return false;
	for (int i = 0; i < 2 && !ok; i++) {
		char *w = text_fold(_(words[i]));
		char *m = text_fold(words[i]);

		if ((w != NULL && strcmp(f, w) == 0) || (m != NULL && strcmp(f, m) == 0)) {
			*out = i;
			ok = true;
		}
		free(w);
		free(m);
	}
	free(f);
	return ok;
}

/* A result's field as shown in the preview. */
static char *
result_shown(int c, const struct sheet_result *v, enum target_kind kind)
{
	char buf[32] = "";

	switch (c) {
	case ST_NUMERATOR:
		if (v->m.has_numerator)
			number_format_2(v->m.numerator, buf, sizeof buf);
		break;
	case ST_DENOMINATOR:
		if (v->m.has_denominator)
			number_format_2(v->m.denominator, buf, sizeof buf);
		break;
	case ST_VALUE:
		if (v->m.has_value && kind == TARGET_YESNO)
			snprintf(buf, sizeof buf, "%s", v->m.value != 0 ? _("Yes") : _("No"));
		else if (v->m.has_value)
			number_format_2(v->m.value, buf, sizeof buf);
		break;
	case ST_EVIDENCE:
		return xstrdup(v->evidence);
	default:
		return xstrdup(v->note);
	}
	return xstrdup(buf);
}

/* Reads the unit's cells of target row r over v (the result in cchc): a
 * rate's numerator and denominator, another kind's value, the evidence and
 * the note.  A bad cell is told and leaves its field as it is. */
static void
read_target_cells(struct place *p, int r, const int *col, enum target_kind kind,
    struct sheet_result *v)
{
	for (size_t i = 0; i < sizeof target_filled / sizeof target_filled[0]; i++) {
		int c = target_filled[i];
		const char *text, *label = sheet_target_heading(c);
		struct err e;
		bool has;
		double d;

		if (col[c] < 0 || (c == ST_VALUE && kind == TARGET_RATE) ||
		    ((c == ST_NUMERATOR || c == ST_DENOMINATOR) && kind != TARGET_RATE))
			continue;
		text = cell(p->g, r, col[c]);
		err_clear(&e);
		if (c == ST_EVIDENCE || c == ST_NOTE) {
			char **slot = c == ST_EVIDENCE ? &v->evidence : &v->note;
			char *t = field_text(text, &e, -1, label);

			if (t != NULL) {
				free(*slot);
				*slot = t;
			}
		} else if (kind == TARGET_YESNO && parse_yesno(text, &d)) {
			v->m.value = d;
			v->m.has_value = true;
		} else if (validate_number(text, false, -1e15, 1e15, &d, &has, &e, -1, label) == 0) {
			bool *h = c == ST_NUMERATOR ? &v->m.has_numerator :
			    c == ST_DENOMINATOR ? &v->m.has_denominator : &v->m.has_value;
			double *x = c == ST_NUMERATOR ? &v->m.numerator :
			    c == ST_DENOMINATOR ? &v->m.denominator : &v->m.value;

			*h = has;
			*x = has ? d : 0;
		}
		if (e.msg[0] != '\0')
			problem(p, r, col[c], label, e.msg);
	}
}

/* The rules of results (result_check) on the figures read: a result they
 * refuse is left as it is. */
static bool
result_ok(struct place *p, int r, const int *col, const struct target *t,
    const struct sheet_result *v)
{
	struct err e;
	int c;

	if (result_check(&t->rule, &v->m, &e) == 0)
		return true;
	c = e.field == RF_NUMERATOR ? ST_NUMERATOR : e.field == RF_DENOMINATOR ? ST_DENOMINATOR :
	    e.field == RF_VALUE ? ST_VALUE : -1;
	problem(p, r, c >= 0 ? col[c] : -1, sheet_target_heading(c), e.msg);
	return false;
}

static int
result_diff(struct sheet_item *it, enum target_kind kind)
{
	for (size_t i = 0; i < sizeof target_filled / sizeof target_filled[0]; i++) {
		int c = target_filled[i];
		char *before = result_shown(c, &it->rnow, kind), *after = result_shown(c, &it->rsheet, kind);
		struct sheet_change *ch;

		if (before == NULL || after == NULL || strcmp(before, after) == 0) {
			bool oom = before == NULL || after == NULL;

			free(before);
			free(after);
			if (oom)
				return -1;
			continue;
		}
		ch = realloc(it->changes, (it->nchanges + 1) * sizeof *ch);
		if (ch == NULL) {
			free(before);
			free(after);
			return -1;
		}
		it->changes = ch;
		ch = &ch[it->nchanges++];
		ch->column = c;
		ch->heading = sheet_target_heading(c);
		ch->before = before;
		ch->after = after;
	}
	return 0;
}

/* The target rows from header + 1: each against the target's result for
 * the sheet's period in cchc now. */
static int
read_target_rows(struct db *db, struct place *p, int header, const int *col, int64_t sheet,
    int64_t plan, int year, enum period_kind period, int64_t unit, const char *unit_name)
{
	const struct sheet_grid *g = p->g;
	struct target *t;
	int n;

	if (target_list(db, plan, 0, year, period, &t, &n) != 0)
		return -1;
	for (int r = header + 1; r < g->nrows; r++) {
		const char *idtext = cell(g, r, col[ST_ID]), *stamp = cell(g, r, col[ST_STAMP]);
		struct sheet_item it = { 0 };
		const struct target *tg = NULL;
		char now_stamp[SHEET_STAMP_SIZE], sheet_stamp_[SHEET_STAMP_SIZE];
		long long id;

		if (*idtext == '\0')
			continue;
		if (!number_parse_whole(idtext, 1, INT64_MAX, &id)) {
			problem(p, r, col[ST_ID], sheet_target_heading(ST_ID), _("not a target's id"));
			continue;
		}
		for (int i = 0; i < n && tg == NULL; i++)
			if (t[i].id == id)
				tg = &t[i];
		if (tg == NULL) {
			problem(p, r, col[ST_ID], sheet_target_heading(ST_ID),
			    _("no such target in the sheet's plan (deleted since?)"));
			continue;
		}
		it.target_id = id;
		it.unit_id = unit;
		it.sheet_id = sheet;
		it.year = year;
		it.period = period;
		it.unit = xstrdup(unit_name);
		it.tt = xstrdup(_("Target"));
		it.description = xstrdup(tg->text);
		if (tg->has_result)
			it.rnow.m = tg->result.measure;
		it.rnow.evidence = xstrdup(tg->has_result ? tg->result.evidence : "");
		it.rnow.note = xstrdup(tg->has_result ? tg->result.note : "");
		it.rsheet = it.rnow;
		it.rsheet.evidence = xstrdup(it.rnow.evidence);
		it.rsheet.note = xstrdup(it.rnow.note);
		if (it.unit == NULL || it.tt == NULL || it.description == NULL ||
		    it.rnow.evidence == NULL || it.rnow.note == NULL || it.rsheet.evidence == NULL ||
		    it.rsheet.note == NULL)
			goto oom;
		read_target_cells(p, r, col, tg->rule.kind, &it.rsheet);
		sheet_result_stamp(&it.rnow, now_stamp);
		sheet_result_stamp(&it.rsheet, sheet_stamp_);
		/* Unchanged in the sheet: whatever cchc says since stands. */
		if (strcmp(sheet_stamp_, stamp) == 0 || !result_ok(p, r, col, tg, &it.rsheet)) {
			item_free(&it);
			continue;
		}
		it.state = strcmp(now_stamp, stamp) == 0 ? SHEET_APPLY : SHEET_CONFLICT;
		if (result_diff(&it, tg->rule.kind) != 0)
			goto oom;
		if (it.nchanges == 0 || add_item(p->a, &it) != 0)
			item_free(&it);
		continue;
oom:
		item_free(&it);
		targets_free(t, n);
		return db_fail(db, "%s", _("out of memory"));
	}
	targets_free(t, n);
	return 0;
}

/* The targets' columns by their codes in row coderow, then their rows; a
 * column missing or renamed is told and skipped, as the tasks'. */
static int
target_block(struct db *db, struct place *p, int coderow, int *col, int64_t sheet,
    int64_t plan, int year, enum period_kind period, int64_t unit, const char *unit_name)
{
	const struct sheet_grid *g = p->g;
	bool ok = true;

	for (int c = 0; c < ST_COLUMNS; c++) {
		const char *h;

		col[c] = -1;
		if (target_columns[c].code == NULL)
			continue;
		for (int i = 0; i < g->rows[coderow].ncells; i++)
			if (strcmp(cell(g, coderow, i), target_columns[c].code) == 0)
				col[c] = i;
		if (col[c] < 0) {
			char *why = text_printf(_("the column %s is missing"), sheet_target_heading(c));

			problem(p, coderow + 1, -1, "", why != NULL ? why : "");
			free(why);
			ok = ok && c != ST_ID && c != ST_STAMP;
			continue;
		}
		h = cell(g, coderow + 1, col[c]);
		if (strcmp(h, sheet_target_heading(c)) != 0 && strcmp(h, target_columns[c].heading) != 0) {
			char *why = text_printf(_("the column was renamed to \"%s\"; its cells are skipped"), h);

			problem(p, coderow + 1, col[c], sheet_target_heading(c), why != NULL ? why : "");
			free(why);
			ok = ok && c != ST_ID && c != ST_STAMP;
			col[c] = -1;
		}
	}
	if (!ok) {
		problem(p, -1, -1, "", _("the target's id or stamp column is missing: no target read"));
		return 0;
	}
	return read_target_rows(db, p, coderow + 1, col, sheet, plan, year, period, unit, unit_name);
}

int
sheet_answers_read(struct db *db, const char *path, struct sheet_answers *a)
{
	struct sheet_grid g;
	struct place p = { a, path, &g };
	char err[512], kind[8], period[32] = "", magic[16], version[8], token[40], their_period[16];
	long long their_plan, their_unit;
	int idrow = -1, coderow = -1, targetrow = -1, col[SC_COLUMNS], tcol[ST_COLUMNS], rc;
	int year = 0;
	enum period_kind kind_ = PERIOD_YEAR;
	int64_t sheet = 0, plan = 0, unit = 0, *grown;
	char *unit_name = NULL;
	bool columns_ok = true;

	if (sheet_grid_read(db, path, &g, err, sizeof err) != 0)
		return add_problem(a, xstrdup(err));
	for (int r = 0; r < g.nrows && (idrow < 0 || coderow < 0); r++) {
		if (idrow < 0 && strncmp(cell(&g, r, 0), SHEET_MAGIC " ", strlen(SHEET_MAGIC) + 1) == 0)
			idrow = r;
		else if (coderow < 0 && strcmp(cell(&g, r, 0), columns[SC_ID].code) == 0)
			coderow = r;
	}
	if (idrow < 0 || coderow < 0) {
		problem(&p, -1, -1, "", _("not an update sheet of cchc (its identity is missing)"));
		goto done;
	}
	if (sscanf(cell(&g, idrow, 0), "%15s %7s %39s %lld %15s %lld", magic, version, token,
	    &their_plan, their_period, &their_unit) != 6) {
		problem(&p, -1, -1, "", _("the sheet's plan, period or unit was changed"));
		goto done;
	}
	if (strcmp(version, SHEET_VERSION) != 0) {
		problem(&p, -1, -1, "", _("a sheet of another version of cchc"));
		goto done;
	}
	if ((rc = find_sheet(db, token, &sheet, &plan, &unit, &unit_name, &year,
	    kind)) < 0) {
		sheet_grid_free(&g);
		return -1;
	}
	if (rc == 0) {
		problem(&p, -1, -1, "", _("this sheet was not made from this database"));
		goto done;
	}
	for (int k = 0; k < PERIOD_KINDS; k++)
		if (strcmp(kind, period_kind_code((enum period_kind)k)) == 0) {
			snprintf(period, sizeof period, "%d-%s", year, period_codes[k]);
			kind_ = (enum period_kind)k;
		}
	if (their_plan != plan || their_unit != unit || strcmp(their_period, period) != 0) {
		problem(&p, -1, -1, "", _("the sheet's plan, period or unit was changed"));
		goto done;
	}
	/* Columns by their codes; a heading renamed or a column gone is told
	 * and that column skipped (without the ids or stamps, the sheet). */
	for (int c = 0; c < SC_COLUMNS; c++) {
		const char *h;

		col[c] = -1;
		for (int i = 0; i < g.rows[coderow].ncells; i++)
			if (strcmp(cell(&g, coderow, i), columns[c].code) == 0)
				col[c] = i;
		if (col[c] < 0) {
			char *why = text_printf(_("the column %s is missing"), sheet_column_heading(c));

			problem(&p, coderow + 1, -1, "", why != NULL ? why : "");
			free(why);
			columns_ok = columns_ok && c != SC_ID && c != SC_STAMP;
			continue;
		}
		h = cell(&g, coderow + 1, col[c]);
		if (strcmp(h, sheet_column_heading(c)) != 0 && strcmp(h, columns[c].heading) != 0) {
			char *why = text_printf(_("the column was renamed to \"%s\"; its cells are skipped"), h);

			problem(&p, coderow + 1, col[c], sheet_column_heading(c), why != NULL ? why : "");
			free(why);
			if (c == SC_ID || c == SC_STAMP)
				columns_ok = false;
			col[c] = -1;
		}
	}
	if (!columns_ok) {
		problem(&p, -1, -1, "", _("the task's id or stamp column is missing: nothing read"));
		goto done;
	}
	/* The targets' block, when there is one, ends the tasks. */
	for (int r = coderow + 1; r < g.nrows && targetrow < 0; r++)
		if (strcmp(cell(&g, r, 0), target_columns[ST_ID].code) == 0)
			targetrow = r;
	if (read_rows(db, &p, coderow + 1, targetrow >= 0 ? targetrow : g.nrows, col, sheet, plan,
	    unit, unit_name) != 0 || (targetrow >= 0 && target_block(db, &p, targetrow, tcol, sheet,
	    plan, year, kind_, unit, unit_name) != 0)) {
		free(unit_name);
		sheet_grid_free(&g);
		return -1;
	}
	grown = realloc(a->sheets, (a->nsheets + 1) * sizeof *grown);
	if (grown != NULL) {
		a->sheets = grown;
		a->sheets[a->nsheets++] = sheet;
	}
done:
	free(unit_name);
	sheet_grid_free(&g);
	return 0;
}

void
sheet_answers_free(struct sheet_answers *a)
{
	for (int i = 0; i < a->nitems; i++)
		item_free(&a->items[i]);
	free(a->items);
	for (int i = 0; i < a->nproblems; i++)
		free(a->problems[i]);
	free(a->problems);
	free(a->sheets);
	memset(a, 0, sizeof *a);
}

static int
set_operator(struct db *db, const char *name)
{
	sqlite3_stmt *st = db_cached(db, "UPDATE history_operator SET name = ? WHERE id = 1");
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name);
	rc = sqlite3_step(st);
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, _("cannot set the operator"));
}

/* The name the history records now (history_operator's row, which the
 * screens set at start), put back after the unit's name. */
static char *
operator_now(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM history_operator WHERE id = 1");
	char *name = NULL;

	if (st == NULL)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		name = db_column_strdup(st, 0);
	else
		db_fail_sql(db, "history_operator");
	sqlite3_finalize(st);
	return name;
}

static int
apply_item(struct db *db, const struct sheet_item *it)
{
	sqlite3_stmt *st = db_cached(db, "UPDATE task SET progress = ?, completion_date = ?,"
	    " evidence_number = ?, evidence_date = ?, evidence = ?, note = ? WHERE id = ?");
	const struct sheet_values *v = &it->sheet;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, task_progress_code(v->progress));
	db_bind_text_or_null(st, 2, v->completion);
	db_bind_text(st, 3, v->evidence_number);
	db_bind_text_or_null(st, 4, v->evidence_date);
	db_bind_text(st, 5, v->evidence);
	db_bind_text(st, 6, v->note);
	sqlite3_bind_int64(st, 7, it->task_id);
	rc = sqlite3_step(st);
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, _("cannot update the task"));
}

int
sheet_answers_apply(struct db *db, struct sheet_answers *a)
{
	char *op = NULL, *prev = NULL, *as = NULL;
	int64_t last_unit = 0;
	int changed = 0;

	if (db_begin(db) != 0)
		return -1;
	if ((prev = operator_now(db)) == NULL)
		goto fail;
	if ((op = history_operator(db)) == NULL) {
		db_fail(db, "%s", _("out of memory"));
		goto fail;
	}
	for (int i = 0; i < a->nitems; i++) {
		const struct sheet_item *it = &a->items[i];

		if (it->state == SHEET_CONFLICT && it->take != 1)
			continue;
		if (it->unit_id != last_unit) {
			free(as);
			as = *op != '\0' ? text_printf(_("%s (sheet: %s)"), op, it->unit) :
			    text_printf(_("sheet: %s"), it->unit);
			if (as == NULL) {
				db_fail(db, "%s", _("out of memory"));
				goto fail;
			}
			if (set_operator(db, as) != 0)
				goto fail;
			last_unit = it->unit_id;
		}
		if (it->target_id != 0 ? result_put(db, it->target_id, it->year, it->period,
		    &it->rsheet.m, it->rsheet.evidence, it->rsheet.note) != 0 :
		    apply_item(db, it) != 0)
			goto fail;
		changed++;
	}
	for (int i = 0; i < a->nsheets; i++) {
		sqlite3_stmt *st = db_cached(db, "UPDATE sheet SET returned_at ="
		    " strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
		int rc;

		if (st == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, a->sheets[i]);
		rc = sqlite3_step(st);
		db_release(db, st);
		if (rc != SQLITE_DONE) {
			db_fail_sql(db, "sheet");
			goto fail;
		}
	}
	/* The name as it was for what follows. */
	if (set_operator(db, prev) != 0 || db_commit(db) != 0)
		goto fail;
	free(prev);
	free(op);
	free(as);
	return changed;
fail:
	db_rollback(db);
	free(prev);
	free(op);
	free(as);
	return -1;
}

/* ---- who has answered ------------------------------------------------- */

const char *
sheet_state_label(enum sheet_state s)
{
	switch (s) {
	case SHEET_OUT:
		return _("sheet out");
	case SHEET_BACK:
		return _("sheet back");
	default:
		return _("no sheet");
	}
}

void
sheet_status_free(struct sheet_status *s, int n)
{
	for (int i = 0; i < n; i++)
		free(s[i].unit);
	free(s);
}

int
sheet_status_list(struct db *db, int64_t plan, int year, enum period_kind period,
    struct sheet_status **out, int *n)
{
	sqlite3_stmt *st;
	struct sheet_status *v = NULL;
	int count = 0, cap = 0, rc;

	*out = NULL;
	*n = 0;
	/* The unit's last sheet of the period decides.  The units of the
	 * plan are collected from the plan's own rows: asking per unit
	 * whether it has tasks in the plan went through every plan's tasks
	 * (76 ms on ten years, the units screen's whole budget). */
	st = db_prepare(db, "WITH involved(unit_id) AS ("
	    " SELECT lead_unit_id FROM task WHERE plan_id = ?1"
	    " UNION SELECT c.unit_id FROM task t JOIN task_cooperator c ON c.task_id = t.id"
	    "  WHERE t.plan_id = ?1"
	    " UNION SELECT lead_unit_id FROM target WHERE plan_id = ?1)"
	    " SELECT u.id, u.name, ifnull(substr(s.made_at, 1, 10), ''),"
	    " ifnull(substr(s.returned_at, 1, 10), '') FROM unit u LEFT JOIN sheet s ON s.id ="
	    " (SELECT max(x.id) FROM sheet x JOIN period p ON p.id = x.period_id"
	    "  WHERE x.plan_id = ?1 AND x.unit_id = u.id AND p.year = ?2 AND p.kind = ?3)"
	    " WHERE u.id IN involved ORDER BY u.name, u.id");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int(st, 2, year);
	db_bind_text(st, 3, period_kind_code(period));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sheet_status *s;

		if (array_reserve(&v, count, &cap, sizeof *v) != 0)
			break;
		s = &v[count++];
		s->unit_id = sqlite3_column_int64(st, 0);
		s->unit = db_column_strdup(st, 1);
		snprintf(s->made, sizeof s->made, "%s", sqlite3_column_text(st, 2));
		snprintf(s->returned, sizeof s->returned, "%s", sqlite3_column_text(st, 3));
		s->state = s->returned[0] != '\0' ? SHEET_BACK : s->made[0] != '\0' ? SHEET_OUT :
		    SHEET_MISSING;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sheet_status_free(v, count);
		return rc == SQLITE_ROW ? db_fail(db, "%s", _("out of memory")) :
		    db_fail_sql(db, "sheets");
	}
	*out = v;
	*n = count;
	return 0;
}
