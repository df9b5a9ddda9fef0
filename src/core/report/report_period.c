/* The periodic report ("Báo cáo kết quả thực hiện CCHC"): a summary of
 * the period, then per section its targets and its tasks with the
 * documents they cite. */
#include "core/report/report_build.h"

#include <stdlib.h>

#include "core/text/i18n.h"

static void
add_period_summary(struct builder *b, struct source *src)
{
	int met = 0, not_met = 0, going = 0, done = 0, late = 0, overdue = 0, soon = 0;
	char *text;

	for (int i = 0; i < src->ntargets; i++) {
		met += src->targets[i].verdict == VERDICT_MET;
		not_met += src->targets[i].verdict == VERDICT_NOT_MET;
		going += src->targets[i].verdict == VERDICT_IN_PROGRESS;
	}
	for (int i = 0; i < src->ntasks; i++) {
		const struct task *t = &src->tasks[i];

		done += !report_task_open(t) && t->status != STATUS_OVERDUE;
		late += t->status == STATUS_DONE_LATE;
		overdue += t->status == STATUS_OVERDUE;
		soon += report_task_due_soon(src, t);
	}
	text = report_dupf(b, _("Targets: %d in all; %d met, %d not met, %d in progress, %d not yet known.\n"
	    "Tasks: %d in all; %d done (%d of them late), %d overdue, %d due within %d days."),
	    src->ntargets, met, not_met, going, src->ntargets - met - not_met - going,
	    src->ntasks, done, late, overdue, soon, REPORT_SOON_DAYS);
	report_add_paragraph(b, report_add_section(b, ""), text);
	free(text);
}

/* The document a task's progress cites. */
static char *
task_evidence_text(struct builder *b, const struct task *k)
{
	char *text = NULL;
	size_t len;
	FILE *fp = report_lines_open(b, &text, &len);

	if (fp != NULL)
		report_put_document(fp, k->evidence_number, k->evidence_date, k->evidence);
	return report_lines_close(b, fp, &text);
}

int
report_period(struct builder *b, struct source *src)
{
	static const struct column_spec task_cols[] = {
		{ N_("No."), 3, 0, REPORT_RIGHT, REPORT_CODE },
		{ N_("Task"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Lead unit"), 11, 0, REPORT_LEFT, REPORT_TEXT },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Status"), 11, 0, REPORT_LEFT, REPORT_TEXT },
		{ N_("Evidence"), 0, 2, REPORT_LEFT, REPORT_TEXT },
	};

	add_period_summary(b, src);
	for (int i = 0; i < src->nsections; i++) {
		const struct section *sec = &src->sections[i];
		struct report_table *targets = NULL, *tasks = NULL;
		struct report_section *s;
		char *heading = report_dupf(b, "%s. %s", section_numeral(i + 1), sec->title);
		int no = 0;

		s = report_add_section(b, heading != NULL ? heading : "");
		free(heading);
		for (int j = 0; j < src->ntargets; j++) {
			if (src->targets[j].section_id != sec->id)
				continue;
			if (targets == NULL) {
				report_add_paragraph(b, s, _("Targets"));
				targets = report_add_table(b, s, report_target_columns, REPORT_TARGET_COLUMNS);
			}
			report_add_target_row(b, targets, ++no, &src->targets[j]);
		}
		for (int j = 0; j < src->ntasks; j++) {
			const struct task *k = &src->tasks[j];
			char due[256], status[64], *evidence;

			if (k->section_id != sec->id)
				continue;
			if (tasks == NULL) {
				report_add_paragraph(b, s, _("Tasks"));
				tasks = report_add_table(b, s, task_cols, 6);
			}
			task_due_text(k, due, sizeof due);
			report_task_status_text(k, status, sizeof status);
			evidence = task_evidence_text(b, k);
			report_add_row(b, tasks, (const char *[]){ k->tt, k->description, k->lead_unit,
			    due, status, evidence }, false);
			free(evidence);
		}
		if (targets == NULL && tasks == NULL)
			report_add_paragraph(b, s, _("Nothing planned in this section."));
	}
	return 0;
}
