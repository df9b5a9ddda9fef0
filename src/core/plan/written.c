/* The written periodic report: the parts' storage and the sentences an
 * area's text starts from. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/plan.h"
#include "core/plan/section.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/plan/written.h"
#include "core/store/db.h"
#include "core/text/date.h"
#include "core/text/i18n.h"
#include "core/text/number.h"

static const char *const codes[WRITTEN_NPARTS] = {
	"direction", "area", "strengths", "weaknesses", "causes", "next", "proposals",
};

const char *
written_part_code(enum written_part p)
{
	return (unsigned)p < WRITTEN_NPARTS ? codes[p] : "";
}

static int
upsert(struct db *db, int64_t plan, int year, enum period_kind k, enum written_part p,
    int64_t section, const char *body, int *changed)
{
	/* The WHERE of the update keeps an unchanged text from being written
	 * again: reopening and saving changes nothing. */
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO written_part (plan_id, year, kind, part, "
	    "section_id, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, year, kind, part, "
	    "section_id) DO UPDATE SET body = excluded.body WHERE body <> excluded.body");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int(st, 2, year);
	db_bind_text(st, 3, period_kind_code(k));
	db_bind_text(st, 4, written_part_code(p));
	sqlite3_bind_int64(st, 5, p == WRITTEN_AREA ? section : 0);
	db_bind_text(st, 6, body);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail_sql(db, "written_part");
	if (changed != NULL)
		*changed = sqlite3_changes(db_sqlite(db)) > 0;
	return 0;
}

int
written_save(struct db *db, int64_t plan, int year, enum period_kind k,
    enum written_part p, int64_t section, const char *body, int *changed)
{
	if (db_begin(db) != 0)
		return -1;
	if (upsert(db, plan, year, k, p, section, body, changed) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

char *
written_load(struct db *db, int64_t plan, int year, enum period_kind k,
    enum written_part p, int64_t section, bool *saved)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT body FROM written_part WHERE plan_id = ? "
	    "AND year = ? AND kind = ? AND part = ? AND section_id = ?");
	const char *body = "";
	char *out;
	int rc;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int(st, 2, year);
	db_bind_text(st, 3, period_kind_code(k));
	db_bind_text(st, 4, written_part_code(p));
	sqlite3_bind_int64(st, 5, p == WRITTEN_AREA ? section : 0);
	rc = sqlite3_step(st);
	if (saved != NULL)
		*saved = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		body = (const char *)sqlite3_column_text(st, 0);
	else if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		db_fail_sql(db, "written_part");
		return NULL;
	}
	out = strdup(body);
	sqlite3_finalize(st);
	return out;
}

const char *
written_part_label(enum written_part p)
{
	static const char *const labels[WRITTEN_NPARTS] = {
		N_("Direction and management"),
		N_("Results of the administrative reform tasks"), N_("Strengths"),
		N_("Shortcomings and limitations"), N_("Causes"),
		N_("Directions and tasks for the next period"), N_("Proposals and recommendations"),
	};

	return (unsigned)p < WRITTEN_NPARTS ? _(labels[p]) : "";
}

/* Appends a line to a memstream text. */
static void
put_line(FILE *fp, bool *first, const char *line)
{
	fprintf(fp, "%s%s", *first ? "" : "\n", line);
	*first = false;
}

char *
written_area_text(const struct target *targets, int ntargets,
    const struct task *tasks, int ntasks, int64_t section)
{
	int all = 0, done = 0, overdue = 0, judged = 0, met = 0, going = 0, not_met = 0;
	char *text = NULL, *list = NULL, line[512], rate[32];
	size_t len, llen;
	bool first = true;
	FILE *fp, *lp;

	/* Counted as the period report counts: done on time or late, overdue
	 * as of the cut-off, verdicts for the period. */
	for (int i = 0; i < ntasks; i++) {
		if (tasks[i].section_id != section)
			continue;
		all++;
		done += tasks[i].status == STATUS_DONE_ON_TIME || tasks[i].status == STATUS_DONE_LATE;
		overdue += tasks[i].status == STATUS_OVERDUE;
	}
	for (int i = 0; i < ntargets; i++) {
		if (targets[i].section_id != section)
			continue;
		judged++;
		met += targets[i].verdict == VERDICT_MET;
		going += targets[i].verdict == VERDICT_IN_PROGRESS;
		not_met += targets[i].verdict == VERDICT_NOT_MET;
	}
	if ((fp = open_memstream(&text, &len)) == NULL)
		return NULL;
	if (all > 0) {
		number_format_2(100.0 * done / all, rate, sizeof rate);
		snprintf(line, sizeof line, ngettext("Completed %d/%d task (%s%%).",
		    "Completed %d/%d tasks (%s%%).", (unsigned long)all), done, all, rate);
		put_line(fp, &first, line);
	}
	if (overdue > 0) {
		int n = 0;

		if ((lp = open_memstream(&list, &llen)) == NULL) {
			fclose(fp);
			free(text);
			return NULL;
		}
		for (int i = 0; i < ntasks; i++) {
			struct date d;
			char due[11] = "";

			if (tasks[i].section_id != section || tasks[i].status != STATUS_OVERDUE)
				continue;
			if (date_parse_iso(tasks[i].due_date, &d))
				date_format_vn(d, due);
			fprintf(lp, "%s", n++ > 0 ? "; " : "");
			fprintf(lp, _("%s (due %s)"), tasks[i].description, due);
		}
		if (fclose(lp) != 0) {
			free(list);
			fclose(fp);
			free(text);
			return NULL;
		}
		fprintf(fp, "%s", first ? "" : "\n");
		fprintf(fp, ngettext("%d task overdue: %s.", "%d tasks overdue: %s.",
		    (unsigned long)overdue), overdue, list);
		first = false;
		free(list);
	}
	if (judged > 0) {
		int at = snprintf(line, sizeof line, _("Targets met: %d/%d"), met, judged);

		if (going > 0 && at < (int)sizeof line)
			at += snprintf(line + at, sizeof line - at, _("; %d in progress"), going);
		if (not_met > 0 && at < (int)sizeof line)
			at += snprintf(line + at, sizeof line - at, _("; %d not met"), not_met);
		if (at < (int)sizeof line - 1)
			strcat(line, ".");
		put_line(fp, &first, line);
	}
	if (first)
		put_line(fp, &first, _("Nothing planned in this section."));
	if (fclose(fp) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

char *
written_area_draft(struct db *db, int64_t plan, int year, enum period_kind k, int64_t section)
{
	struct plan pl;
	struct target *targets = NULL;
	struct task *tasks = NULL;
	int ntargets = 0, ntasks = 0;
	struct date as_of;
	char *text = NULL;

	switch (plan_get(db, plan, &pl)) {
	case 1:
		break;
	case 0:
		db_fail(db, _("no such plan"));
		return NULL;
	default:
		return NULL;
	}
	/* As report.c's source_load: tasks as of the cut-off of the span. */
	as_of = period_counted_as_of(db, year, k, pl.issue_date, date_today());
	plan_free(&pl);
	if (target_list(db, plan, section, year, k, &targets, &ntargets) == 0 &&
	    task_list(db, plan, section, &tasks, &ntasks) == 0) {
		for (int i = 0; i < ntasks; i++)
			task_as_of(&tasks[i], as_of);
		if ((text = written_area_text(targets, ntargets, tasks, ntasks, section)) == NULL)
			db_fail(db, _("out of memory"));
	}
	targets_free(targets, ntargets);
	tasks_free(tasks, ntasks);
	return text;
}

char *
written_text(struct db *db, int64_t plan, int year, enum period_kind k,
    enum written_part p, int64_t section)
{
	bool saved = false;
	char *text = written_load(db, plan, year, k, p, section, &saved);

	if (text == NULL || saved || (p != WRITTEN_AREA && p != WRITTEN_DIRECTION))
		return text;
	if (p == WRITTEN_DIRECTION)
		section = section_find(db, WRITTEN_DIRECTION_SECTION);
	if (section == 0)
		return text;
	free(text);
	if (section < 0)
		return NULL;
	return written_area_draft(db, plan, year, k, section);
}

void
written_previous(int year, enum period_kind k, int *py, enum period_kind *pk)
{
	*py = k == PERIOD_Q1 ? year - 1 : year;
	*pk = k == PERIOD_Q1 ? PERIOD_YEAR : (enum period_kind)(k - 1);
}
