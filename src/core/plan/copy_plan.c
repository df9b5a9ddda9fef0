/* Copying a plan to a new year. */
#include "core/plan/copy_plan.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/phase.h"
#include "core/plan/plan.h"
#include "core/plan/task.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

char *
copy_plan_shift_years(const char *s, int from, int to, int shift)
{
	size_t len = strlen(s), o = 0;
	/* A year of 4 digits may come out as an int of up to 11. */
	char *out = malloc(len + 7 * (len / 4) + 1);

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < len; ) {
		size_t j = i;
		int year;

		while (j < len && is_digit(s[j]))
			j++;
		if (j == i) {
			out[o++] = s[i++];
			continue;
		}
		year = j - i == 4 ? atoi(s + i) : 0;
		if (year != 0 && year >= from && year <= to)
			o += (size_t)sprintf(out + o, "%d", year + shift);
		else {
			memcpy(out + o, s + i, j - i);
			o += j - i;
		}
		i = j;
	}
	out[o] = '\0';
	return out;
}

/* The new plan: no number or issue date, years and phases moved. */
static int64_t
insert_plan(struct db *db, const struct plan *old, int shift)
{
	struct plan_input p = plan_input_of(old);
	char *title = copy_plan_shift_years(old->title, old->year_from, old->year_to, shift);
	char *phases = phase_text(db, old->id), *moved = NULL;
	int64_t id = -1;

	if (title == NULL || phases == NULL ||
	    (moved = copy_plan_shift_years(phases, old->year_from, old->year_to, shift)) == NULL) {
		db_fail(db, _("out of memory"));
		goto out;
	}
	p.number = "";
	p.title = title;
	p.issue_date[0] = '\0';
	p.year_from += shift;
	p.year_to += shift;
	p.phases = moved;
	id = plan_insert(db, &p);
out:
	free(title);
	free(phases);
	free(moved);
	return id;
}

static int
step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail_sql(db, what);
}

/* Inserts a copy of target old in plan, with text, and its values by
 * phase on the moved phases. */
static int
copy_target(struct db *db, sqlite3_stmt *ins, sqlite3_stmt *phases, int64_t old,
    int64_t plan, const char *text, int shift)
{
	char *folded = text_fold(text);
	int64_t id;
	int rc;

	if (folded == NULL)
		return db_fail(db, _("out of memory"));
	sqlite3_bind_int64(ins, 1, plan);
	db_bind_text(ins, 2, text);
	db_bind_text(ins, 3, folded);
	sqlite3_bind_int64(ins, 4, old);
	rc = step_done(db, ins, "target");
	free(folded);
	if (rc != 0)
		return -1;
	id = sqlite3_last_insert_rowid(db_sqlite(db));
	sqlite3_bind_int64(phases, 1, id);
	sqlite3_bind_int64(phases, 2, plan);
	sqlite3_bind_int(phases, 3, shift);
	sqlite3_bind_int64(phases, 4, old);
	return step_done(db, phases, "target");
}

/* Targets keep their values; results stay behind. */
static int
copy_targets(struct db *db, const struct plan *old, int64_t plan, int shift)
{
	sqlite3_stmt *list, *ins = NULL, *phases = NULL;
	int rc = -1, step;

	list = db_prepare(db, "SELECT id, text FROM target WHERE plan_id = ? ORDER BY section_id, ord, id");
	if (list == NULL ||
	    (ins = db_prepare(db, "INSERT INTO target (plan_id, section_id, ord, text, folded, "
	    "kind, comparator, value, baseline, numerator_label, denominator_label, lead_unit_id, "
	    "horizon, value_q1, value_h1, value_m9) "
	    "SELECT ?1, section_id, ord, ?2, ?3, kind, comparator, value, baseline, "
	    "numerator_label, denominator_label, lead_unit_id, horizon, value_q1, value_h1, value_m9 "
	    "FROM target WHERE id = ?4")) == NULL ||
	    (phases = db_prepare(db, "INSERT INTO target_phase (target_id, phase_id, value) "
	    "SELECT ?1, np.id, tp.value FROM target_phase tp JOIN phase op ON op.id = tp.phase_id "
	    "JOIN phase np ON np.plan_id = ?2 AND np.year_from = op.year_from + ?3 "
	    "WHERE tp.target_id = ?4")) == NULL)
		goto out;
	sqlite3_bind_int64(list, 1, old->id);
	while ((step = sqlite3_step(list)) == SQLITE_ROW) {
		char *text = copy_plan_shift_years((const char *)sqlite3_column_text(list, 1),
		    old->year_from, old->year_to, shift);

		if (text == NULL) {
			db_fail(db, _("out of memory"));
			goto out;
		}
		rc = copy_target(db, ins, phases, sqlite3_column_int64(list, 0), plan, text, shift);
		free(text);
		if (rc != 0)
			goto out;
	}
	rc = step == SQLITE_DONE ? 0 : db_fail_sql(db, "target");
out:
	sqlite3_finalize(list);
	sqlite3_finalize(ins);
	sqlite3_finalize(phases);
	return rc;
}

/* A task that comes back every year: one of its products is continuous
 * or recurring. */
static bool
recurs(const struct task *t)
{
	for (int i = 0; i < t->nproducts; i++)
		if (strcmp(t->products[i].deadline_kind, "continuous") == 0 ||
		    strcmp(t->products[i].deadline_kind, "recurring") == 0)
			return true;
	return false;
}

/* The texts of a task and its products, years moved. */
struct moved_task {
	char *description;
	char **texts;		/* each product's name and deadline text */
	struct product_input *products;	/* the texts' */
	int n;
};

static void
moved_free(struct moved_task *m)
{
	free(m->description);
	for (int i = 0; i < 2 * m->n; i++)
		free(m->texts[i]);
	free(m->texts);
	free(m->products);
}

static int
move_texts(const struct task *t, const struct plan *old, int shift, struct moved_task *m)
{
	int from = old->year_from, to = old->year_to;

	memset(m, 0, sizeof *m);
	if ((m->description = copy_plan_shift_years(t->description, from, to, shift)) == NULL ||
	    (m->texts = calloc(2 * (size_t)t->nproducts + 1, sizeof *m->texts)) == NULL ||
	    (m->products = calloc((size_t)t->nproducts + 1, sizeof *m->products)) == NULL)
		return -1;
	for (; m->n < t->nproducts; m->n++) {
		char **text = &m->texts[2 * m->n];

		text[0] = copy_plan_shift_years(t->products[m->n].name, from, to, shift);
		text[1] = copy_plan_shift_years(t->products[m->n].deadline_text, from, to, shift);
		if (text[0] == NULL || text[1] == NULL) {
			m->n++;
			return -1;
		}
		m->products[m->n].name = text[0];
		m->products[m->n].deadline_text = text[1];
	}
	return 0;
}

/* Inserts a fresh copy of t in plan: not started, due dates derived
 * from the moved deadlines. */
static int
copy_task(struct db *db, const struct task *t, const struct plan *old, int64_t plan,
    int shift)
{
	struct task_input copy = { 0 };
	struct moved_task m;
	int64_t *coop = NULL;
	int ncoop = 0, rc = -1;

	if (move_texts(t, old, shift, &m) != 0) {
		db_fail(db, _("out of memory"));
		goto out;
	}
	if (task_cooperator_ids(db, t->id, &coop, &ncoop) != 0)
		goto out;
	copy.plan_id = plan;
	copy.section_id = t->section_id;
	copy.tt = t->tt;
	copy.description = m.description;
	copy.lead_unit_id = t->lead_unit_id;
	copy.monitor_unit_id = t->monitor_unit_id;
	copy.progress = PROGRESS_NOT_STARTED;
	copy.evidence_number = copy.evidence = copy.note = "";
	copy.nproducts = m.n;
	copy.products = m.products;
	if (task_insert(db, &copy, coop, ncoop, old->year_from + shift) > 0)
		rc = 0;
out:
	moved_free(&m);
	free(coop);
	return rc;
}

static int
copy_tasks(struct db *db, const struct plan *old, int64_t plan, int shift, bool all)
{
	struct task *tasks;
	int n, rc = 0;

	if (task_list(db, old->id, 0, &tasks, &n) != 0)
		return -1;
	for (int i = 0; i < n && rc == 0; i++)
		if (all || recurs(&tasks[i]))
			rc = copy_task(db, &tasks[i], old, plan, shift);
	tasks_free(tasks, n);
	return rc;
}

int64_t
copy_plan(struct db *db, int64_t plan, int year, bool all_tasks)
{
	struct plan old;
	int64_t id;
	int shift, found = plan_get(db, plan, &old);

	if (found < 0)
		return -1;
	if (found == 0)
		return db_fail(db, _("there is no plan %lld"), (long long)plan);
	shift = year - old.year_from;
	if (db_begin(db) != 0) {
		plan_free(&old);
		return -1;
	}
	id = insert_plan(db, &old, shift);
	if (id < 0 || copy_targets(db, &old, id, shift) != 0 ||
	    copy_tasks(db, &old, id, shift, all_tasks) != 0) {
		db_rollback(db);
		id = -1;
	} else if (db_commit(db) != 0) {
		id = -1;
	}
	plan_free(&old);
	return id;
}
