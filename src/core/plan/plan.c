#include "core/plan/plan.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/phase.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/store/trash.h"
#include "core/text/array.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

#define YEAR_MIN 1990
#define YEAR_MAX 2200

/* A plan's text in NFC, as stored. */
struct plan_row {
	char *number, *title, *folded, *key, *issuer, *signer;
};

static void
row_free(struct plan_row *r)
{
	free(r->number);
	free(r->title);
	free(r->folded);
	free(r->key);
	free(r->issuer);
	free(r->signer);
}

static int
check(const struct plan_input *p, struct plan_row *r, struct err *e)
{
	struct date d;

	memset(r, 0, sizeof *r);
	if ((r->number = field_text(p->number, e, PF_NUMBER, _("Number"))) == NULL ||
	    (r->title = field_text(p->title, e, PF_TITLE, _("Title"))) == NULL ||
	    (r->issuer = field_text(p->issuer, e, PF_ISSUER, _("Issued by"))) == NULL ||
	    (r->signer = field_text(p->signer, e, PF_SIGNER, _("Signed by"))) == NULL)
		return -1;
	if ((r->folded = text_fold(r->title)) == NULL || (r->key = text_sort_key(r->title)) == NULL)
		return err_set(e, -1, _("out of memory"));
	if (*r->folded == '\0')
		return err_set(e, PF_TITLE, _("%s is required"), _("Title"));
	if (p->issue_date[0] != '\0' && !date_parse_iso(p->issue_date, &d))
		return err_set(e, PF_ISSUE_DATE, _("%s: write the date as dd/mm/yyyy"),
		    _("Issue date"));
	if (validate_range(p->year_from, YEAR_MIN, YEAR_MAX, e, PF_YEAR_FROM, _("From year")) != 0 ||
	    validate_range(p->year_to, YEAR_MIN, YEAR_MAX, e, PF_YEAR_TO, _("To year")) != 0)
		return -1;
	if (p->year_to < p->year_from)
		return err_set(e, PF_YEAR_TO, _("The last year cannot be before the first"));
	return 0;
}

/* Inserts (id 0) or updates p as plan id, and sets *out; no transaction of
 * its own. */
static int
store(struct db *db, const struct plan_input *p, int64_t id, int64_t *out,
    struct err *e)
{
	struct plan_row r;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (check(p, &r, e) != 0)
		goto out;
	if (id == 0)
		st = db_prepare(db, "INSERT INTO plan (number, title, folded, sort_key, issuer, "
		    "signer, issue_date, year_from, year_to, issue_date_month) "
		    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11)");
	else
		st = db_prepare(db, "UPDATE plan SET number = ?1, title = ?2, folded = ?3, "
		    "sort_key = ?4, issuer = ?5, signer = ?6, issue_date = ?7, year_from = ?8, "
		    "year_to = ?9, issue_date_month = ?11 WHERE id = ?10");
	if (st == NULL) {
		err_db(e, db);
		goto out;
	}
	db_bind_text(st, 1, r.number);
	db_bind_text(st, 2, r.title);
	db_bind_text(st, 3, r.folded);
	db_bind_text(st, 4, r.key);
	db_bind_text(st, 5, r.issuer);
	db_bind_text(st, 6, r.signer);
	db_bind_text_or_null(st, 7, p->issue_date);
	sqlite3_bind_int(st, 8, p->year_from);
	sqlite3_bind_int(st, 9, p->year_to);
	if (id != 0)
		sqlite3_bind_int64(st, 10, id);
	sqlite3_bind_int(st, 11, p->issue_date_month && p->issue_date[0] != '\0');
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail_sql(db, "plan");
		err_db(e, db);
	} else if (sqlite3_changes(db_sqlite(db)) == 0) {
		err_set(e, -1, _("The plan no longer exists"));
	} else {
		if (id == 0)
			id = sqlite3_last_insert_rowid(db_sqlite(db));
		rc = p->phases == NULL ? 0 :
		    phase_store(db, id, p->year_from, p->year_to, p->phases, e, PF_PHASES);
		*out = id;
	}
out:
	sqlite3_finalize(st);
	row_free(&r);
	return rc;
}

struct plan_input
plan_input_of(const struct plan *p)
{
	struct plan_input in = {
		.id = p->id, .number = p->number, .title = p->title, .issuer = p->issuer,
		.signer = p->signer, .year_from = p->year_from, .year_to = p->year_to,
		.issue_date_month = p->issue_date_month,
	};

	memcpy(in.issue_date, p->issue_date, sizeof in.issue_date);
	return in;
}

int
plan_save(struct db *db, const struct plan_input *in, int64_t *id, struct err *err)
{
	int64_t saved = 0;

	if (field_begin(db, err) != 0)
		return -1;
	return field_commit_id(db, store(db, in, in->id, &saved, err), &saved, id, err);
}

int64_t
plan_insert(struct db *db, const struct plan_input *in)
{
	struct err e;
	int64_t id = 0;

	return field_inserted(db, store(db, in, 0, &id, &e), &id, &e);
}

#define PLAN_TARGETS "target_id IN (SELECT id FROM target WHERE plan_id = ?1)"
#define PLAN_TASKS "task_id IN (SELECT id FROM task WHERE plan_id = ?1)"

/* Periods stay: other plans' results use them. */
int
plan_delete(struct db *db, int64_t id, struct trash **undo)
{
	static const struct trash_part parts[] = {
		{ "plan", "id = ?1" },
		{ "phase", "plan_id = ?1" },
		{ "target", "plan_id = ?1" },
		{ "target_phase", PLAN_TARGETS },
		{ "result", PLAN_TARGETS },
		{ "task", "plan_id = ?1" },
		{ "product", PLAN_TASKS },
		{ "task_cooperator", PLAN_TASKS },
	};

	return trash_delete(db, "plan", id, parts, sizeof parts / sizeof parts[0], undo);
}

int64_t
plan_add_phase(struct db *db, int64_t plan, const char *label, int year_from, int year_to)
{
	sqlite3_stmt *st;
	int64_t id = -1;

	st = db_prepare(db, "INSERT INTO phase (plan_id, label, year_from, year_to) VALUES (?, ?, ?, ?)");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	db_bind_text(st, 2, label);
	sqlite3_bind_int(st, 3, year_from);
	sqlite3_bind_int(st, 4, year_to);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db_sqlite(db));
	else
		db_fail_sql(db, "phase");
	sqlite3_finalize(st);
	return id;
}

#define PLAN_COLUMNS "id, number, title, issuer, signer, ifnull(issue_date, ''), year_from, year_to, " \
	"issue_date_month"

static void
read_plan(sqlite3_stmt *st, struct plan *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->number = db_column_strdup(st, 1);
	p->title = db_column_strdup(st, 2);
	p->issuer = db_column_strdup(st, 3);
	p->signer = db_column_strdup(st, 4);
	snprintf(p->issue_date, sizeof p->issue_date, "%s",
	    (const char *)sqlite3_column_text(st, 5));
	p->year_from = sqlite3_column_int(st, 6);
	p->year_to = sqlite3_column_int(st, 7);
	p->issue_date_month = sqlite3_column_int(st, 8) != 0;
}

static int
fetch(struct db *db, sqlite3_stmt *st, struct plan *p)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		read_plan(st, p);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "plan");
}

int
plan_current(struct db *db, struct plan *p)
{
	sqlite3_stmt *st;

	/* Plans covering this year first, the shortest (the yearly plan
	 * before the five-year one), then the latest. */
	st = db_prepare(db, "SELECT " PLAN_COLUMNS " FROM plan ORDER BY "
	    "(?1 BETWEEN year_from AND year_to) DESC, year_to - year_from, year_to DESC, id DESC LIMIT 1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, date_today().year);
	return fetch(db, st, p);
}

int
plan_get(struct db *db, int64_t id, struct plan *p)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " PLAN_COLUMNS " FROM plan WHERE id = ?");

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return fetch(db, st, p);
}

void
plan_free(struct plan *p)
{
	free(p->number);
	free(p->title);
	free(p->issuer);
	free(p->signer);
	p->number = p->title = p->issuer = p->signer = NULL;
}

int
plan_list(struct db *db, struct plan **out, int *n)
{
	sqlite3_stmt *st;
	struct plan *v = NULL;
	int count = 0, cap = 0, rc;

	*out = NULL;
	*n = 0;
	st = db_prepare(db, "SELECT " PLAN_COLUMNS " FROM plan "
	    "ORDER BY year_from DESC, year_to - year_from, id DESC");
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_reserve(&v, count, &cap, sizeof *v) != 0)
			break;
		read_plan(st, &v[count++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		plans_free(v, count);
		return db_fail_sql(db, "plans");
	}
	*out = v;
	*n = count;
	return 0;
}

void
plans_free(struct plan *p, int n)
{
	for (int i = 0; i < n; i++)
		plan_free(&p[i]);
	free(p);
}

void
plan_date_text(const struct plan *p, char *buf, size_t n)
{
	struct date d;

	if (!date_parse_iso(p->issue_date, &d))
		snprintf(buf, n, "%s", "");
	else if (p->issue_date_month)
		snprintf(buf, n, "tháng %d/%d", d.month, d.year);
	else
		date_format_vn(d, buf);
}

void
plan_years_text(const struct plan *p, char *buf, size_t n)
{
	if (p->year_from == p->year_to)
		snprintf(buf, n, "%d", p->year_from);
	else
		snprintf(buf, n, "%d–%d", p->year_from, p->year_to);
}
