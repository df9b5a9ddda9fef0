#include "core/summary.h"

#include <string.h>

#include "core/target.h"
#include "core/task.h"

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
	s->unknown += t->verdict == VERDICT_UNKNOWN;
}

static void
count_task(struct section_summary *s, const struct task *t, const char *soon)
{
	s->tasks++;
	s->done += t->status == STATUS_DONE_ON_TIME || t->status == STATUS_DONE_LATE;
	s->overdue += t->status == STATUS_OVERDUE;
	s->due_soon += (t->status == STATUS_NOT_STARTED || t->status == STATUS_IN_PROGRESS) &&
	    *t->due_date != '\0' && strcmp(t->due_date, soon) <= 0;
}

int
summary_by_section(struct db *db, int64_t plan, int year, enum period_kind period,
    int soon_days, const struct section *sections, int nsections,
    struct section_summary *out, struct section_summary *total)
{
	struct target *targets;
	struct task *tasks;
	int ntargets, ntasks;
	char soon[11];

	memset(total, 0, sizeof *total);
	for (int i = 0; i < nsections; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].section_id = sections[i].id;
	}
	if (target_list(db, plan, 0, year, period, &targets, &ntargets) != 0)
		return -1;
	if (task_list(db, plan, 0, &tasks, &ntasks) != 0) {
		targets_free(targets, ntargets);
		return -1;
	}
	date_format_iso(date_add_days(date_today(), soon_days), soon);
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
	tasks_free(tasks, ntasks);
	return 0;
}
