/* The dashboard report: per section, the targets met and the tasks done,
 * overdue and due soon, as the dashboard screen counts them (summary.c). */
#include "core/report/report_build.h"

#include <stdlib.h>

#include "core/plan/summary.h"
#include "core/text/i18n.h"

int
report_dashboard(struct builder *b, struct source *src)
{
	static const struct column_spec target_cols[] = {
		{ N_("Section"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Targets"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Met"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Not met"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Ongoing"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Unknown"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	static const struct column_spec task_cols[] = {
		{ N_("Section"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Tasks"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Done"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Overdue"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Due soon"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	struct section_summary *sum = calloc(src->nsections + 1, sizeof *sum), total;
	struct report_table *targets, *tasks;
	struct report_section *s;
	char period[64], today[11], *text;

	if (sum == NULL) {
		b->oom = true;
		return 0;
	}
	if (summary_by_section(src->db, src->plan.id, src->year, src->period, src->as_of,
	    REPORT_SOON_DAYS,
	    src->sections, src->nsections, sum, &total) != 0) {
		free(sum);
		return -1;
	}
	report_period_label(src->year, src->period, period, sizeof period);
	date_format_vn(src->as_of, today);
	s = report_add_section(b, "");
	text = report_dupf(b, _("Targets are judged for the period %s, tasks as of %s; a task is due "
	    "soon when it is not done and due within %d days."), period, today, REPORT_SOON_DAYS);
	report_add_paragraph(b, s, text);
	free(text);
	targets = report_add_table(b, report_add_section(b, _("Targets")), target_cols, 6);
	tasks = report_add_table(b, report_add_section(b, _("Tasks")), task_cols, 5);
	for (int i = 0; i <= src->nsections; i++) {
		const struct section_summary *c = i < src->nsections ? &sum[i] : &total;
		char name[512], v[9][16];
		const int n[9] = { c->targets, c->met, c->not_met, c->in_progress, c->unknown,
		    c->tasks, c->done, c->overdue, c->due_soon };

		if (i < src->nsections)
			snprintf(name, sizeof name, "%s. %s", section_numeral(i + 1), src->sections[i].title);
		else
			snprintf(name, sizeof name, "%s", _("All sections"));
		for (int j = 0; j < 9; j++)
			snprintf(v[j], sizeof v[j], "%d", n[j]);
		report_add_row(b, targets, (const char *[]){ name, v[0], v[1], v[2], v[3], v[4] },
		    i == src->nsections);
		report_add_row(b, tasks, (const char *[]){ name, v[5], v[6], v[7], v[8] }, i == src->nsections);
	}
	free(sum);
	return 0;
}
