#include "core/plan/summary.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/store/db.h"

static struct section_summary *
find(struct section_summary *v, int n, int64_t section)
{
	for (int i = 0; i < n; i++)
		if (v[i].section_id == section)
			return &v[i];
	return NULL;
}

static void
count_target(struct section_summary *s, const struct target *t)
{
	s->targets++;
	s->met += t->verdict == VERDICT_MET;
	s->not_met += t->verdict == VERDICT_NOT_MET;
	s->in_progress += t->verdict == VERDICT_IN_PROGRESS;
	s->unknown += t->verdict == VERDICT_UNKNOWN;
}

static bool
is_done(const struct task_state *t)
{
	return t->status == STATUS_DONE_ON_TIME || t->status == STATUS_DONE_LATE;
}

/* Not done and due by soon (ISO date). */
static bool
is_due_soon(const struct task_state *t, const char *soon)
{
	return (t->status == STATUS_NOT_STARTED || t->status == STATUS_IN_PROGRESS) &&
	    *t->due_date != '\0' && strcmp(t->due_date, soon) <= 0;
}

static void
count_task(struct section_summary *s, const struct task_state *t, const char *soon)
{
	s->tasks++;
	s->done += is_done(t);
	s->overdue += t->status == STATUS_OVERDUE;
	s->due_soon += is_due_soon(t, soon);
}

static void
soon_date(int soon_days, char soon[11])
{
	date_format_iso(date_add_days(date_today(), soon_days), soon);
}

int
summary_by_section(struct db *db, int64_t plan, int year, enum period_kind period,
    struct date as_of, int soon_days, const struct section *sections, int nsections,
    struct section_summary *out, struct section_summary *total)
{
	struct target *targets;
	struct task_state *tasks;
	int ntargets, ntasks;
	char soon[11];

	memset(total, 0, sizeof *total);
	for (int i = 0; i < nsections; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].section_id = sections[i].id;
	}
	if (target_list(db, plan, 0, year, period, &targets, &ntargets) != 0)
		return -1;
	if (task_states(db, plan, as_of, &tasks, &ntasks) != 0) {
		targets_free(targets, ntargets);
		return -1;
	}
	date_format_iso(date_add_days(as_of, soon_days), soon);
	for (int i = 0; i < ntargets; i++) {
		struct section_summary *s = find(out, nsections, targets[i].section_id);

		if (s != NULL)
			count_target(s, &targets[i]);
		count_target(total, &targets[i]);
	}
	for (int i = 0; i < ntasks; i++) {
		struct section_summary *s = find(out, nsections, tasks[i].section_id);

		if (s != NULL)
			count_task(s, &tasks[i], soon);
		count_task(total, &tasks[i], soon);
	}
	targets_free(targets, ntargets);
	free(tasks);
	return 0;
}

static struct unit_summary *
find_unit(struct unit_summary *v, int n, int64_t unit)
{
	for (int i = 0; i < n; i++)
		if (v[i].unit_id == unit)
			return &v[i];
	return NULL;
}

static void
count_unit_task(struct unit_summary *u, const struct task_state *t, bool leads, const char *soon)
{
	u->leads += leads;
	u->cooperates += !leads;
	u->done += is_done(t);
	u->overdue += t->status == STATUS_OVERDUE;
	u->due_soon += is_due_soon(t, soon);
}

/* The index in tasks[] of task id, or -1. */
static int
task_index(const struct task_state *tasks, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (tasks[i].id == id)
			return i;
	return -1;
}

int
summary_by_unit(struct db *db, int64_t plan, int soon_days,
    const struct unit *units, int nunits, struct unit_summary *out)
{
	/* One query for every cooperation of the plan, not one a task. */
	static const char cooperations[] = "SELECT c.task_id, c.unit_id FROM task_cooperator c "
	    "JOIN task t ON t.id = c.task_id WHERE t.plan_id = ?";
	struct task_state *tasks;
	sqlite3_stmt *st;
	int ntasks, rc;
	char soon[11];

	for (int i = 0; i < nunits; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].unit_id = units[i].id;
	}
	if (task_states(db, plan, date_today(), &tasks, &ntasks) != 0)
		return -1;
	soon_date(soon_days, soon);
	for (int i = 0; i < ntasks; i++) {
		struct unit_summary *u = find_unit(out, nunits, tasks[i].lead_unit_id);

		if (u != NULL)
			count_unit_task(u, &tasks[i], true, soon);
	}
	if ((st = db_prepare(db, cooperations)) == NULL) {
		free(tasks);
		return -1;
	}
	sqlite3_bind_int64(st, 1, plan);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int t = task_index(tasks, ntasks, sqlite3_column_int64(st, 0));
		struct unit_summary *u = find_unit(out, nunits, sqlite3_column_int64(st, 1));

		/* The task's own check keeps the lead out of its cooperators. */
		if (t >= 0 && u != NULL)
			count_unit_task(u, &tasks[t], false, soon);
	}
	if (rc != SQLITE_DONE)
		db_fail_sql(db, "task_cooperator");
	sqlite3_finalize(st);
	free(tasks);
	return rc == SQLITE_DONE ? 0 : -1;
}
