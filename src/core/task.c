#include "core/task.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/db.h"
#include "core/deadline.h"
#include "core/i18n.h"
#include "core/text.h"

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

/* The names stored in product.deadline_kind, by enum deadline_kind. */
static const char *const deadline_kinds[] = {
	"date", "continuous", "recurring", "milestones", "conditional", "unknown",
};

static int
insert_product(struct db *db, int64_t task, int ord, const struct product *p, int plan_year)
{
	sqlite3_stmt *st;
	char *name = text_nfc(p->name), *text = text_nfc(p->deadline_text);
	struct deadline d;
	char due[11] = "";
	int rc = -1;

	if (name == NULL || text == NULL) {
		db_fail(db, _("product: not valid UTF-8 text"));
		goto out;
	}
	if (!deadline_parse(text, plan_year, &d))
		d.kind = DEADLINE_UNKNOWN;
	if (d.due.year != 0)
		date_format_iso(d.due, due);
	st = db_prepare(db, "INSERT INTO product (task_id, ord, name, deadline_text, "
	    "deadline_kind, due_date) VALUES (?, ?, ?, ?, ?, ?)");
	if (st == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, task);
	sqlite3_bind_int(st, 2, ord);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, text);
	db_bind_text(st, 5, deadline_kinds[d.kind]);
	db_bind_text_or_null(st, 6, due);
	if (sqlite3_step(st) == SQLITE_DONE)
		rc = 0;
	else
		db_fail_sql(db, _("product"));
	sqlite3_finalize(st);
out:
	free(name);
	free(text);
	return rc;
}

static int
insert_cooperators(struct db *db, int64_t task, const int64_t *units, int n)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT OR IGNORE INTO task_cooperator "
	    "(task_id, unit_id, ord) VALUES (?, ?, ?)");
	int rc = 0;

	if (st == NULL)
		return -1;
	for (int i = 0; i < n && rc == 0; i++) {
		sqlite3_bind_int64(st, 1, task);
		sqlite3_bind_int64(st, 2, units[i]);
		sqlite3_bind_int(st, 3, i + 1);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail_sql(db, _("cooperating unit"));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

int64_t
task_insert(struct db *db, const struct task *t,
    const int64_t *cooperators, int ncooperators, int plan_year)
{
	sqlite3_stmt *st;
	char *desc = text_nfc(t->description), *folded = text_fold(t->description);
	char *tt = text_nfc(t->tt ? t->tt : ""), *evidence = text_nfc(t->evidence ? t->evidence : "");
	char *note = text_nfc(t->note ? t->note : "");
	int64_t id = -1;

	if (!desc || !folded || !tt || !evidence || !note) {
		db_fail(db, _("task: not valid UTF-8 text"));
		goto out;
	}
	if (*folded == '\0') {
		db_fail(db, _("task: the description is required"));
		goto out;
	}
	st = db_prepare(db, "INSERT INTO task (plan_id, section_id, ord, tt, description, folded, "
	    "lead_unit_id, monitor_unit_id, progress, completion_date, evidence, note) "
	    "VALUES (?1, ?2, CASE WHEN ?3 > 0 THEN ?3 ELSE (SELECT ifnull(max(ord), 0) + 1 "
	    "FROM task WHERE plan_id = ?1 AND section_id = ?2) END, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	if (st == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, t->plan_id);
	sqlite3_bind_int64(st, 2, t->section_id);
	sqlite3_bind_int(st, 3, t->ord);
	db_bind_text(st, 4, tt);
	db_bind_text(st, 5, desc);
	db_bind_text(st, 6, folded);
	db_bind_id_or_null(st, 7, t->lead_unit_id);
	db_bind_id_or_null(st, 8, t->monitor_unit_id);
	db_bind_text(st, 9, task_progress_code(t->progress));
	db_bind_text_or_null(st, 10, t->completion_date);
	db_bind_text(st, 11, evidence);
	db_bind_text(st, 12, note);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->sql);
	else
		db_fail_sql(db, _("task"));
	sqlite3_finalize(st);
	for (int i = 0; id > 0 && i < t->nproducts; i++) {
		if (insert_product(db, id, i + 1, &t->products[i], plan_year) != 0)
			id = -1;
	}
	if (id > 0 && insert_cooperators(db, id, cooperators, ncooperators) != 0)
		id = -1;
out:
	free(desc);
	free(folded);
	free(tt);
	free(evidence);
	free(note);
	return id;
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
	t->evidence = db_column_strdup(st, 13);
	t->note = db_column_strdup(st, 14);
	snprintf(t->due_date, sizeof t->due_date, "%s", (const char *)sqlite3_column_text(st, 15));
	t->status = task_status_of(t->progress, t->completion_date, t->due_date, date_today());
}

/* Tasks and their products are read in the same order (section, task
 * order, id), so one walk matches each product to its task. */
#define TASK_ORDER " ORDER BY s.ord, t.ord, t.id"

static int
load_products(struct db *db, int64_t plan, int64_t section, struct task *v, int n)
{
	sqlite3_stmt *st;
	int rc, i = 0;

	st = db_prepare(db, "SELECT p.task_id, p.id, p.name, p.deadline_text, p.deadline_kind,"
	    " ifnull(p.due_date, '') FROM product p JOIN task t ON t.id = p.task_id"
	    " JOIN section s ON s.id = t.section_id"
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
	    " t.progress, ifnull(t.completion_date, ''), t.evidence, t.note,"
	    " ifnull((SELECT max(due_date) FROM product WHERE task_id = t.id), '')"
	    " FROM task t JOIN section s ON s.id = t.section_id"
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

void
tasks_free(struct task *t, int n)
{
	for (int i = 0; i < n; i++) {
		free(t[i].tt);
		free(t[i].description);
		free(t[i].lead_unit);
		free(t[i].monitor_unit);
		free(t[i].cooperators);
		free(t[i].evidence);
		free(t[i].note);
		for (int j = 0; j < t[i].nproducts; j++) {
			free(t[i].products[j].name);
			free(t[i].products[j].deadline_text);
			free(t[i].products[j].deadline_kind);
		}
		free(t[i].products);
	}
	free(t);
}
