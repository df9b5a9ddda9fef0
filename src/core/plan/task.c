#include "core/plan/task.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/deadline.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "core/text/array.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

static const char *const progress_codes[] = { "not_started", "in_progress", "done" };

const char *
task_progress_code(enum task_progress p)
{
	return progress_codes[p];
}

bool
task_progress_parse(const char *s, enum task_progress *out)
{
	for (int i = 0; i < 3; i++) {
		if (strcmp(s, progress_codes[i]) == 0) {
			*out = (enum task_progress)i;
			return true;
		}
	}
	return false;
}

enum task_status
task_status_of(enum task_progress p, const char *completion, const char *due, struct date today)
{
	char now[11];

	/* ISO dates compare as text. */
	if (p == PROGRESS_DONE) {
		if (*due != '\0' && *completion != '\0' && strcmp(completion, due) > 0)
			return STATUS_DONE_LATE;
		return STATUS_DONE_ON_TIME;
	}
	date_format_iso(today, now);
	if (*due != '\0' && strcmp(due, now) < 0)
		return STATUS_OVERDUE;
	return p == PROGRESS_IN_PROGRESS ? STATUS_IN_PROGRESS : STATUS_NOT_STARTED;
}

/* task_status_of as on day: a task finished after day was still in
 * progress then. */
static enum task_status
status_as_of(enum task_progress p, const char *completion, const char *due, struct date day)
{
	char iso[11];

	date_format_iso(day, iso);
	if (p == PROGRESS_DONE && strcmp(completion, iso) > 0)
		return task_status_of(PROGRESS_IN_PROGRESS, "", due, day);
	return task_status_of(p, completion, due, day);
}

void
task_as_of(struct task *t, struct date day)
{
	t->status = status_as_of(t->progress, t->completion_date, t->due_date, day);
}

/* The names stored in product.deadline_kind, by enum deadline_kind. */
static const char *const deadline_kinds[] = {
	"date", "continuous", "recurring", "milestones", "conditional", "unknown",
};

/* Ids being gathered (column_ids). */
struct ids {
	int64_t *v;
	int n, cap;
};

static int
add_id(sqlite3_stmt *st, void *ctx)
{
	struct ids *g = ctx;

	if (array_reserve(&g->v, g->n, &g->cap, sizeof *g->v) != 0)
		return -1;
	g->v[g->n++] = sqlite3_column_int64(st, 0);
	return 0;
}

/* The first column of sql's rows, sql taking task as its one parameter:
 * *ids newly allocated (NULL when none).  0, or -1 with db_error. */
static int
column_ids(struct db *db, const char *sql, int64_t task, int64_t **ids, int *n)
{
	struct ids g = { NULL, 0, 0 };

	*ids = NULL;
	*n = 0;
	if (db_rows_by_id(db, sql, task, add_id, &g, "task") != 0) {
		free(g.v);
		return -1;
	}
	*ids = g.v;
	*n = g.n;
	return 0;
}

/* Writes product i of a task over the product row id (0: a new row); a
 * blank one (no name, no deadline) is left out and *written stays false.
 * A due date set by hand is kept; otherwise it comes from the deadline
 * text, plan_year filling a missing year. */
static int
write_product(struct db *db, int64_t task, int i, const struct product_input *p, int plan_year,
    int64_t id, bool *written, struct err *e)
{
	int field = KF_PRODUCT + 2 * i;
	char *name = field_text(p->name, e, field, _("Product")), *text = NULL;
	sqlite3_stmt *st;
	struct deadline d;
	struct date manual;
	char due[11] = "";
	int rc = -1;

	*written = false;
	if (name == NULL || (text = field_text(p->deadline_text, e, field + 1, _("Deadline"))) == NULL)
		goto out;
	rc = 0;
	if (*name == '\0' && *text == '\0' && !p->due_manual)
		goto out;
	if (p->due_manual && *p->due_date != '\0' && !date_parse_iso(p->due_date, &manual)) {
		rc = err_set(e, field + 1, _("%s: write the date as dd/mm/yyyy"), _("Deadline"));
		goto out;
	}
	if (validate_deadline(text, e, field + 1, _("Deadline")) != 0) {
		rc = -1;
		goto out;
	}
	if (!deadline_parse(text, plan_year, &d))
		d.kind = DEADLINE_UNKNOWN;
	if (p->due_manual)
		snprintf(due, sizeof due, "%s", p->due_date);
	else if (d.due.year != 0)
		date_format_iso(d.due, due);
	/* The row is updated in place: its id stays, and a save that changes
	 * nothing leaves no history. */
	st = id != 0 ? db_cached(db, "UPDATE product SET task_id = ?1, ord = ?2, name = ?3,"
	    " deadline_text = ?4, deadline_kind = ?5, due_date = ?6, due_manual = ?7 WHERE id = ?8") :
	    db_cached(db, "INSERT INTO product (task_id, ord, name, deadline_text, "
	    "deadline_kind, due_date, due_manual) VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (st == NULL) {
		rc = err_db(e, db);
		goto out;
	}
	sqlite3_bind_int64(st, 1, task);
	sqlite3_bind_int(st, 2, i + 1);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, text);
	db_bind_text(st, 5, deadline_kinds[d.kind]);
	db_bind_text_or_null(st, 6, due);
	sqlite3_bind_int(st, 7, p->due_manual);
	if (id != 0)
		sqlite3_bind_int64(st, 8, id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail_sql(db, "product");
		rc = err_db(e, db);
	} else {
		*written = true;
	}
	db_release(db, st);
out:
	free(name);
	free(text);
	return rc;
}

/* Writes t's products over task's product rows, in order: a row whose
 * product is unchanged is left alone, the rows left over are deleted.
 * Replacing them all would give every product a new id and the history a
 * delete and an insert of each at every save. */
static int
store_products(struct db *db, const struct task_input *t, int64_t task, int plan_year,
    struct err *e)
{
	int64_t *ids;
	int n, used = 0, rc;

	if (column_ids(db, "SELECT id FROM product WHERE task_id = ? ORDER BY ord, id", task,
	    &ids, &n) != 0)
		return err_db(e, db);
	rc = 0;
	for (int i = 0; i < t->nproducts && rc == 0; i++) {
		bool written;

		rc = write_product(db, task, i, &t->products[i], plan_year,
		    used < n ? ids[used] : 0, &written, e);
		used += written && used < n;
	}
	for (int i = used; i < n && rc == 0; i++)
		if (db_run_id(db, "DELETE FROM product WHERE task_id = ?1 AND id = ?2", task,
		    ids[i], "product") != 0)
			rc = err_db(e, db);
	free(ids);
	return rc;
}

/* Whether unit is among the first n of units. */
static bool
named(const int64_t *units, int n, int64_t unit)
{
	for (int i = 0; i < n; i++)
		if (units[i] == unit)
			return true;
	return false;
}

/* Writes the cooperating units: the units no longer named are deleted,
 * each other one's row inserted or, when its place changed, updated (a
 * unit named twice keeps its first place).  Rows that stay as they were
 * are not touched, so they leave no history. */
static int
store_cooperators(struct db *db, int64_t task, const int64_t *units, int n,
    struct err *e)
{
	sqlite3_stmt *st;
	int64_t *had;
	int nhad, rc = 0;

	if (task_cooperator_ids(db, task, &had, &nhad) != 0)
		return err_db(e, db);
	for (int i = 0; i < nhad && rc == 0; i++)
		if (!named(units, n, had[i]))
			if (db_run_id(db, "DELETE FROM task_cooperator WHERE task_id = ?1 AND unit_id = ?2",
			    task, had[i], "cooperating unit") != 0)
				rc = err_db(e, db);
	free(had);
	if (rc != 0)
		return -1;
	if ((st = db_cached(db, "INSERT INTO task_cooperator (task_id, unit_id, ord)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT (task_id, unit_id) DO UPDATE SET ord = excluded.ord"
	    " WHERE ord IS NOT excluded.ord")) == NULL)
		return err_db(e, db);
	for (int i = 0, ord = 0; i < n && rc == 0; i++) {
		if (named(units, i, units[i]))
			continue;
		sqlite3_bind_int64(st, 1, task);
		sqlite3_bind_int64(st, 2, units[i]);
		sqlite3_bind_int(st, 3, ++ord);
		if (sqlite3_step(st) != SQLITE_DONE) {
			db_fail_sql(db, "cooperating unit");
			rc = err_db(e, db);
		}
		sqlite3_reset(st);
	}
	db_release(db, st);
	return rc;
}

static int
check_units(struct db *db, const struct task_input *t, const int64_t *cooperators, int n,
    struct err *e)
{
	if (t->lead_unit_id != 0 && validate_ref(db, "unit", t->lead_unit_id, e, KF_LEAD,
	    _("The lead unit does not exist")) != 0)
		return -1;
	for (int i = 0; i < n; i++) {
		if (validate_ref(db, "unit", cooperators[i], e, KF_COOPERATORS,
		    _("A cooperating unit does not exist")) != 0)
			return -1;
		if (cooperators[i] == t->lead_unit_id)
			return err_set(e, KF_COOPERATORS,
			    _("The lead unit cannot also be a cooperating unit"));
	}
	if (t->monitor_unit_id != 0 && validate_ref(db, "unit", t->monitor_unit_id, e,
	    KF_MONITOR, _("The monitoring unit does not exist")) != 0)
		return -1;
	return 0;
}

/* A date ("" for none) that is a real day and not after today: nobody
 * completes, nor signs a report, tomorrow.  future is the message for a
 * later day. */
static int
check_past(const char *iso, int field, const char *label, const char *future,
    struct err *e)
{
	struct date d;

	if (*iso == '\0')
		return 0;
	if (!date_parse_iso(iso, &d))
		return err_set(e, field, _("%s: write the date as dd/mm/yyyy"), label);
	if (date_cmp(d, date_today()) > 0)
		return err_set(e, field, "%s", future);
	return 0;
}

/* Progress and completion date agree. */
static int
check_completion(const struct task_input *t, struct err *e)
{
	if ((unsigned)t->progress > PROGRESS_DONE)
		return err_set(e, KF_PROGRESS, _("Choose the progress"));
	if (t->completion_date[0] == '\0')
		return t->progress == PROGRESS_DONE ? err_set(e, KF_COMPLETION,
		    _("A done task needs its completion date")) : 0;
	if (t->progress != PROGRESS_DONE)
		return err_set(e, KF_COMPLETION, _("Only a done task has a completion date"));
	return check_past(t->completion_date, KF_COMPLETION, _("Completion date"),
	    _("The completion date cannot be in the future"), e);
}

int
task_check_fill(const struct task_input *t, struct err *e)
{
	err_clear(e);
	if (check_completion(t, e) != 0)
		return -1;
	return check_past(t->evidence_date, KF_EVIDENCE_DATE, _("Evidence date"),
	    _("The evidence date cannot be in the future"), e);
}

/* A task's text in NFC, as stored. */
struct task_row {
	char *tt, *description, *folded, *evidence_number, *evidence, *note, *review, *raw_cells;
};

static void
row_free(struct task_row *r)
{
	free(r->tt);
	free(r->description);
	free(r->folded);
	free(r->evidence_number);
	free(r->evidence);
	free(r->note);
	free(r->review);
	free(r->raw_cells);
}

static int
check(struct db *db, const struct task_input *t, int64_t id, const int64_t *cooperators,
    int n, struct task_row *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	if (id == 0 && validate_ref(db, "plan", t->plan_id, e, -1,
	    _("The plan no longer exists")) != 0)
		return -1;
	if (validate_ref(db, "section", t->section_id, e, KF_SECTION, _("Choose a section")) != 0)
		return -1;
	if ((r->tt = field_text(t->tt, e, KF_TT, _("No."))) == NULL ||
	    (r->description = field_text(t->description, e, KF_DESCRIPTION, _("Task"))) == NULL)
		return -1;
	if ((r->folded = text_fold(r->description)) == NULL)
		return err_set(e, -1, _("out of memory"));
	if (*r->folded == '\0')
		return err_set(e, KF_DESCRIPTION, _("%s is required"), _("Task"));
	if (check_units(db, t, cooperators, n, e) != 0 || check_completion(t, e) != 0)
		return -1;
	if ((r->evidence_number = field_text(t->evidence_number, e, KF_EVIDENCE_NUMBER,
	    _("Evidence no."))) == NULL ||
	    check_past(t->evidence_date, KF_EVIDENCE_DATE, _("Evidence date"),
	    _("The evidence date cannot be in the future"), e) != 0 ||
	    (r->evidence = field_text(t->evidence, e, KF_EVIDENCE, _("Evidence summary"))) == NULL ||
	    (r->note = field_text(t->note, e, KF_NOTE, _("Note"))) == NULL ||
	    (r->review = field_text(t->review, e, -1, _("Review"))) == NULL ||
	    (r->raw_cells = field_text(t->raw_cells, e, -1, _("Cells as imported"))) == NULL)
		return -1;
	return 0;
}

/* Writes the task row as task *id (0: a new one, then set). */
static int
store_row(struct db *db, const struct task_input *t, int64_t *id, const struct task_row *r,
    struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (*id == 0)
		st = db_cached(db, "INSERT INTO task (plan_id, section_id, ord, tt, description, "
		    "folded, lead_unit_id, monitor_unit_id, progress, completion_date, evidence, "
		    "note, evidence_number, evidence_date, review, raw_cells) VALUES (?1, ?2, "
		    "CASE WHEN ?3 > 0 THEN ?3 ELSE (SELECT ifnull(max(ord), 0) + 1 FROM task "
		    "WHERE plan_id = ?1 AND section_id = ?2) END, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
		    "?11, ?12, ?14, ?15, ?16, ?17)");
	else
		/* The right-hand sides see the row before the update. */
		st = db_prepare(db, "UPDATE task SET ord = CASE WHEN section_id <> ?2 THEN "
		    "(SELECT ifnull(max(o.ord), 0) + 1 FROM task o WHERE o.plan_id = task.plan_id "
		    "AND o.section_id = ?2) WHEN ?3 > 0 THEN ?3 ELSE ord END, section_id = ?2, "
		    "tt = ?4, description = ?5, folded = ?6, lead_unit_id = ?7, "
		    "monitor_unit_id = ?8, progress = ?9, completion_date = ?10, evidence = ?11, "
		    "note = ?12, evidence_number = ?14, evidence_date = ?15, review = ?16 "
		    "WHERE id = ?13");
	if (st == NULL)
		return err_db(e, db);
	sqlite3_bind_int64(st, 1, t->plan_id);
	sqlite3_bind_int64(st, 2, t->section_id);
	sqlite3_bind_int(st, 3, t->ord);
	db_bind_text(st, 4, r->tt);
	db_bind_text(st, 5, r->description);
	db_bind_text(st, 6, r->folded);
	db_bind_id_or_null(st, 7, t->lead_unit_id);
	db_bind_id_or_null(st, 8, t->monitor_unit_id);
	db_bind_text(st, 9, task_progress_code(t->progress));
	db_bind_text_or_null(st, 10, t->completion_date);
	db_bind_text(st, 11, r->evidence);
	db_bind_text(st, 12, r->note);
	if (*id != 0)
		sqlite3_bind_int64(st, 13, *id);
	db_bind_text(st, 14, r->evidence_number);
	db_bind_text_or_null(st, 15, t->evidence_date);
	db_bind_text(st, 16, r->review);
	if (*id == 0)
		db_bind_text(st, 17, r->raw_cells);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE)
		db_fail_sql(db, "task");
	db_release(db, st);
	if (rc != SQLITE_DONE)
		return err_db(e, db);
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return err_set(e, -1, _("The task no longer exists"));
	if (*id == 0)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return 0;
}

/* Inserts (*id 0, then set) or updates t as task *id with its products
 * and cooperators; no transaction of its own. */
static int
store(struct db *db, const struct task_input *t, int64_t *id, const int64_t *cooperators,
    int ncooperators, int plan_year, struct err *e)
{
	struct task_row r;
	int rc = -1;

	if (check(db, t, *id, cooperators, ncooperators, &r, e) != 0 ||
	    store_row(db, t, id, &r, e) != 0 || store_products(db, t, *id, plan_year, e) != 0)
		goto out;
	rc = store_cooperators(db, *id, cooperators, ncooperators, e);
out:
	row_free(&r);
	return rc;
}

/* The product whose deadline is the task's: the one due last, else the
 * first; NULL when there is none. */
static const struct product *
due_product(const struct task *t)
{
	for (int i = 0; i < t->nproducts; i++)
		if (*t->due_date != '\0' && strcmp(t->products[i].due_date, t->due_date) == 0)
			return &t->products[i];
	return t->nproducts > 0 ? &t->products[0] : NULL;
}

/* True when text writes a whole date (d/m/yyyy) itself. */
static bool
writes_date(const char *text)
{
	for (const char *s = text; *s != '\0'; s++) {
		int d, m, y, used = 0;

		if ((s == text || s[-1] < '0' || s[-1] > '9') &&
		    sscanf(s, "%2d/%2d/%4d%n", &d, &m, &y, &used) == 3 && used >= 8)
			return true;
	}
	return false;
}

/* Whether the kind has a date worth showing: "Thường xuyên" and "Định kỳ"
 * fall due on 31/12 by convention only. */
static bool
kind_dated(const char *kind)
{
	return kind == NULL || (strcmp(kind, "continuous") != 0 && strcmp(kind, "recurring") != 0);
}

void
task_due_text(const struct task *t, char *buf, size_t n)
{
	const struct product *p = due_product(t);
	char date[11] = "";
	struct date d;

	if (date_parse_iso(t->due_date, &d))
		date_format_vn(d, date);
	if (p == NULL || *p->deadline_text == '\0')
		snprintf(buf, n, "%s", date);
	else if (*date != '\0' && (p->due_manual || (kind_dated(p->deadline_kind) &&
	    !writes_date(p->deadline_text))))
		snprintf(buf, n, "%s\n%s", p->deadline_text, date);
	else
		snprintf(buf, n, "%s", p->deadline_text);
}

void
task_due_short(const struct task *t, int cols, char *buf, size_t n)
{
	const struct product *p = due_product(t);
	char date[11] = "";
	struct date d;

	if (date_parse_iso(t->due_date, &d))
		date_format_vn(d, date);
	if (p == NULL || *p->deadline_text == '\0' || p->due_manual)
		snprintf(buf, n, "%s", *date ? date : p ? p->deadline_text : "");
	else if (text_width(p->deadline_text) <= cols)
		snprintf(buf, n, "%s", p->deadline_text);
	else if (p->deadline_kind != NULL && strcmp(p->deadline_kind, "continuous") == 0)
		/* TRANSLATORS: a deadline all year long, in a narrow column. */
		snprintf(buf, n, "%s", _("Continuous"));
	else if (p->deadline_kind != NULL && strcmp(p->deadline_kind, "recurring") == 0)
		/* TRANSLATORS: a recurring deadline, in a narrow column. */
		snprintf(buf, n, "%s", _("Periodic"));
	else if (*date == '\0' && p->deadline_kind != NULL && strcmp(p->deadline_kind, "conditional") == 0)
		/* TRANSLATORS: a deadline counted from an event ("15 days after
		 * the plan is received"), in a narrow column. */
		snprintf(buf, n, "%s", _("Conditional"));
	else
		snprintf(buf, n, "%s", *date ? date : p->deadline_text);
}

bool
task_warnings(const struct task_input *t, int year_from, int year_to, char *buf, size_t n)
{
	char outside[512];
	size_t len;

	buf[0] = '\0';
	if (t->lead_unit_id == 0)
		snprintf(buf, n, "%s", _("no lead unit"));
	for (int i = 0; i < t->nproducts; i++) {
		if (!deadline_outside_warning(t->products[i].deadline_text, year_from, year_to,
		    outside, sizeof outside))
			continue;
		len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", len > 0 ? "; " : "", outside);
	}
	return buf[0] != '\0';
}

struct task_input
task_input_of(const struct task *t, struct product_input *products)
{
	struct task_input in = {
		.id = t->id, .plan_id = t->plan_id, .section_id = t->section_id, .ord = t->ord,
		.tt = t->tt, .description = t->description, .lead_unit_id = t->lead_unit_id,
		.monitor_unit_id = t->monitor_unit_id, .progress = t->progress,
		.evidence_number = t->evidence_number, .evidence = t->evidence, .note = t->note,
		.review = t->review, .raw_cells = t->raw_cells, .nproducts = t->nproducts,
		.products = products,
	};
	memcpy(in.completion_date, t->completion_date, sizeof in.completion_date);
	memcpy(in.evidence_date, t->evidence_date, sizeof in.evidence_date);
	for (int i = 0; i < t->nproducts; i++) {
		products[i] = (struct product_input){
			.name = t->products[i].name, .deadline_text = t->products[i].deadline_text,
			.due_manual = t->products[i].due_manual,
		};
		memcpy(products[i].due_date, t->products[i].due_date, sizeof products[i].due_date);
	}
	return in;
}

int
task_save(struct db *db, const struct task_input *in, const int64_t *cooperators,
    int ncooperators, int plan_year, int64_t *id, struct err *err)
{
	int64_t saved = in->id;

	if (field_begin(db, err) != 0)
		return -1;
	return field_commit_id(db, store(db, in, &saved, cooperators, ncooperators, plan_year, err),
	    &saved, id, err);
}

int64_t
task_insert(struct db *db, const struct task_input *in,
    const int64_t *cooperators, int ncooperators, int plan_year)
{
	struct err e;
	int64_t id = 0;

	return field_inserted(db, store(db, in, &id, cooperators, ncooperators, plan_year, &e),
	    &id, &e);
}

int
task_set_progress(struct db *db, int64_t id, enum task_progress p, const char *completion,
    struct err *err)
{
	struct task_input t = { .progress = p };
	sqlite3_stmt *st;
	int rc = -1;

	err_clear(err);
	snprintf(t.completion_date, sizeof t.completion_date, "%s", completion);
	if (check_completion(&t, err) != 0)
		return -1;
	if (db_begin(db) != 0)
		return err_db(err, db);
	if ((st = db_prepare(db, "UPDATE task SET progress = ?1, completion_date = ?2 WHERE id = ?3")) == NULL) {
		rc = err_db(err, db);
	} else {
		db_bind_text(st, 1, task_progress_code(p));
		db_bind_text_or_null(st, 2, completion);
		sqlite3_bind_int64(st, 3, id);
		if (sqlite3_step(st) != SQLITE_DONE) {
			db_fail_sql(db, "task");
			rc = err_db(err, db);
		} else if (sqlite3_changes(db_sqlite(db)) == 0)
			rc = err_set(err, -1, _("The task no longer exists"));
		else
			rc = 0;
		db_release(db, st);
	}
	return field_commit(db, rc, err);
}

int
task_delete(struct db *db, int64_t id, struct trash **undo)
{
	static const struct trash_part parts[] = {
		{ "task", "id = ?1" },
		{ "product", "task_id = ?1" },
		{ "task_cooperator", "task_id = ?1" },
	};

	return trash_delete(db, "task", id, parts, sizeof parts / sizeof parts[0], undo);
}

int
task_cooperator_ids(struct db *db, int64_t task, int64_t **ids, int *n)
{
	return column_ids(db, "SELECT unit_id FROM task_cooperator WHERE task_id = ? ORDER BY ord",
	    task, ids, n);
}

static void
read_task(sqlite3_stmt *st, struct task *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->plan_id = sqlite3_column_int64(st, 1);
	t->section_id = sqlite3_column_int64(st, 2);
	t->ord = sqlite3_column_int(st, 3);
	t->tt = db_column_strdup(st, 4);
	t->description = db_column_strdup(st, 5);
	t->lead_unit_id = sqlite3_column_int64(st, 6);
	t->monitor_unit_id = sqlite3_column_int64(st, 7);
	t->lead_unit = db_column_strdup(st, 8);
	t->monitor_unit = db_column_strdup(st, 9);
	t->cooperators = db_column_strdup(st, 10);
	task_progress_parse((const char *)sqlite3_column_text(st, 11), &t->progress);
	snprintf(t->completion_date, sizeof t->completion_date, "%s",
	    (const char *)sqlite3_column_text(st, 12));
	t->evidence_number = db_column_strdup(st, 13);
	snprintf(t->evidence_date, sizeof t->evidence_date, "%s",
	    (const char *)sqlite3_column_text(st, 14));
	t->evidence = db_column_strdup(st, 15);
	t->note = db_column_strdup(st, 16);
	snprintf(t->due_date, sizeof t->due_date, "%s", (const char *)sqlite3_column_text(st, 17));
	t->review = db_column_strdup(st, 18);
	t->raw_cells = db_column_strdup(st, 19);
	t->status = task_status_of(t->progress, t->completion_date, t->due_date, date_today());
}

/* Tasks and their products are read in the same order (section, task
 * order, id), so one walk matches each product to its task.  The CROSS
 * JOIN keeps the sections as the outer loop: read through section_ord and
 * task_plan, the rows come in this order and need no sort. */
#define TASK_FROM " FROM section s CROSS JOIN task t ON t.section_id = s.id"
#define TASK_ORDER " ORDER BY s.ord, s.id, t.ord, t.id"

static int
load_products(struct db *db, int64_t plan, int64_t section, struct task *v, int n)
{
	sqlite3_stmt *st;
	int rc, i = 0;

	st = db_prepare(db, "SELECT p.task_id, p.id, p.name, p.deadline_text, p.deadline_kind,"
	    " ifnull(p.due_date, ''), p.due_manual" TASK_FROM " JOIN product p ON p.task_id = t.id"
	    " WHERE t.plan_id = ?1 AND (?2 = 0 OR t.section_id = ?2)" TASK_ORDER ", p.ord");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int64(st, 2, section);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t task = sqlite3_column_int64(st, 0);
		struct product *p, *grown;

		while (i < n && v[i].id != task)
			i++;
		if (i == n)
			break;
		grown = realloc(v[i].products, (v[i].nproducts + 1) * sizeof *grown);
		if (grown == NULL)
			break;
		v[i].products = grown;
		p = &grown[v[i].nproducts++];
		p->id = sqlite3_column_int64(st, 1);
		p->name = db_column_strdup(st, 2);
		p->deadline_text = db_column_strdup(st, 3);
		p->deadline_kind = db_column_strdup(st, 4);
		snprintf(p->due_date, sizeof p->due_date, "%s", (const char *)sqlite3_column_text(st, 5));
		p->due_manual = sqlite3_column_int(st, 6) != 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "products");
}

int
task_list(struct db *db, int64_t plan, int64_t section, struct task **out, int *n)
{
	sqlite3_stmt *st;
	struct task *v = NULL;
	int count = 0, cap = 0, rc;

	*out = NULL;
	*n = 0;
	st = db_prepare(db,
	    "SELECT t.id, t.plan_id, t.section_id, t.ord, t.tt, t.description,"
	    " ifnull(t.lead_unit_id, 0), ifnull(t.monitor_unit_id, 0),"
	    " ifnull(l.name, ''), ifnull(m.name, ''),"
	    " ifnull((SELECT group_concat(name, '; ') FROM (SELECT u.name FROM task_cooperator c"
	    "   JOIN unit u ON u.id = c.unit_id WHERE c.task_id = t.id ORDER BY c.ord)), ''),"
	    " t.progress, ifnull(t.completion_date, ''), t.evidence_number,"
	    " ifnull(t.evidence_date, ''), t.evidence, t.note,"
	    " ifnull((SELECT max(due_date) FROM product WHERE task_id = t.id), ''),"
	    " t.review, t.raw_cells" TASK_FROM
	    " LEFT JOIN unit l ON l.id = t.lead_unit_id"
	    " LEFT JOIN unit m ON m.id = t.monitor_unit_id"
	    " WHERE t.plan_id = ?1 AND (?2 = 0 OR t.section_id = ?2)" TASK_ORDER);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int64(st, 2, section);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(&v, count, &cap, sizeof *v) != 0)
			break;
		read_task(st, &v[count++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || load_products(db, plan, section, v, count) != 0) {
		if (rc != SQLITE_DONE)
			db_fail_sql(db, "tasks");
		tasks_free(v, count);
		return -1;
	}
	*out = v;
	*n = count;
	return 0;
}

int
task_states(struct db *db, int64_t plan, struct date day, struct task_state **out, int *n)
{
	sqlite3_stmt *st;
	struct task_state *v = NULL;
	int count = 0, cap = 0, rc;

	*out = NULL;
	*n = 0;
	st = db_prepare(db, "SELECT t.id, t.section_id, ifnull(t.lead_unit_id, 0), t.progress,"
	    " ifnull(t.completion_date, ''),"
	    " ifnull((SELECT max(due_date) FROM product WHERE task_id = t.id), '')"
	    " FROM task t WHERE t.plan_id = ?");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct task_state *s;
		enum task_progress p = PROGRESS_NOT_STARTED;

		if (array_reserve(&v, count, &cap, sizeof *v) != 0)
			break;
		s = &v[count++];
		s->id = sqlite3_column_int64(st, 0);
		s->section_id = sqlite3_column_int64(st, 1);
		s->lead_unit_id = sqlite3_column_int64(st, 2);
		task_progress_parse((const char *)sqlite3_column_text(st, 3), &p);
		snprintf(s->due_date, sizeof s->due_date, "%s", (const char *)sqlite3_column_text(st, 5));
		s->status = status_as_of(p, (const char *)sqlite3_column_text(st, 4), s->due_date, day);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_fail_sql(db, "tasks");
	}
	*out = v;
	*n = count;
	return 0;
}

void
tasks_free(struct task *t, int n)
{
	for (int i = 0; i < n; i++) {
		free(t[i].tt);
		free(t[i].description);
		free(t[i].lead_unit);
		free(t[i].monitor_unit);
		free(t[i].cooperators);
		free(t[i].evidence_number);
		free(t[i].evidence);
		free(t[i].note);
		free(t[i].review);
		free(t[i].raw_cells);
		for (int j = 0; j < t[i].nproducts; j++) {
			free(t[i].products[j].name);
			free(t[i].products[j].deadline_text);
			free(t[i].products[j].deadline_kind);
		}
		free(t[i].products);
	}
	free(t);
}
