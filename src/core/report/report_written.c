/* The office's written report of a period (issue 17): the outline's parts
 * as the clerk wrote them, with the period's targets and tasks under them. */
#include "core/report/report_build.h"

#include <stdlib.h>
#include <string.h>

#include "core/plan/written.h"
#include "core/text/i18n.h"

/* A part of the written report under its heading: the clerk's text, or
 * when never saved the sentences computed from section draft's data (0:
 * none); an empty part keeps its heading. */
static int
add_written_part(struct builder *b, struct source *src, const char *heading,
    enum written_part p, int64_t section, int64_t draft)
{
	struct report_section *s = report_add_section(b, heading != NULL ? heading : "");
	bool saved = false;
	char *text = written_load(src->db, src->plan.id, src->year, src->period, p, section,
	    &saved);

	if (text == NULL)
		return -1;
	if (draft != 0 && !saved) {
		free(text);
		if ((text = written_area_text(src->targets, src->ntargets, src->tasks, src->ntasks,
		    draft)) == NULL) {
			b->oom = true;
			return 0;
		}
	}
	if (*text != '\0')
		report_add_paragraph(b, s, text);
	free(text);
	return 0;
}

/* The office's written report of the period (issue 17): the outline's
 * parts I to V, then the targets and the tasks as appendices. */
int
report_written(struct builder *b, struct source *src)
{
	static const struct column_spec task_cols[] = {
		{ N_("No."), 6, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Task"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Lead unit"), 11, 0, REPORT_LEFT, REPORT_TEXT },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Status"), 11, 0, REPORT_LEFT, REPORT_TEXT },
	};
	static const enum written_part assessment[] = {
		WRITTEN_STRENGTHS, WRITTEN_WEAKNESSES, WRITTEN_CAUSES,
	};
	struct report_table *t = NULL;
	char *heading;
	int rc = 0, no = 0, area = 0;
	int64_t direction = 0;

	for (int i = 0; i < src->nsections; i++)
		if (strcmp(src->sections[i].code, WRITTEN_DIRECTION_SECTION) == 0)
			direction = src->sections[i].id;
	heading = report_dupf(b, "I. %s", written_part_label(WRITTEN_DIRECTION));
	rc |= add_written_part(b, src, heading, WRITTEN_DIRECTION, 0, direction);
	free(heading);
	heading = report_dupf(b, "II. %s", written_part_label(WRITTEN_AREA));
	report_add_section(b, heading != NULL ? heading : "");
	free(heading);
	for (int i = 0; i < src->nsections && rc == 0; i++) {
		if (src->sections[i].id == direction)
			continue;
		heading = report_dupf(b, "%d. %s", ++area, src->sections[i].title);
		rc |= add_written_part(b, src, heading, WRITTEN_AREA, src->sections[i].id,
		    src->sections[i].id);
		free(heading);
	}
	report_add_section(b, _("III. General assessment"));
	for (int i = 0; i < 3 && rc == 0; i++) {
		heading = report_dupf(b, "%d. %s", i + 1, written_part_label(assessment[i]));
		rc |= add_written_part(b, src, heading, assessment[i], 0, 0);
		free(heading);
	}
	heading = report_dupf(b, "IV. %s", written_part_label(WRITTEN_NEXT));
	rc |= rc == 0 ? add_written_part(b, src, heading, WRITTEN_NEXT, 0, 0) : 0;
	free(heading);
	heading = report_dupf(b, "V. %s", written_part_label(WRITTEN_PROPOSALS));
	rc |= rc == 0 ? add_written_part(b, src, heading, WRITTEN_PROPOSALS, 0, 0) : 0;
	free(heading);
	if (rc != 0)
		return -1;
	if (src->ntargets > 0)
		t = report_add_table(b, report_add_section(b, _("Appendix I. Results of the targets")),
		    report_target_columns, REPORT_TARGET_COLUMNS);
	for (int i = 0; i < src->ntargets; i++)
		report_add_target_row(b, t, ++no, &src->targets[i]);
	t = NULL;
	if (src->ntasks > 0)
		t = report_add_table(b, report_add_section(b, _("Appendix II. Results of the tasks")), task_cols, 5);
	for (int i = 0; i < src->ntasks; i++) {
		const struct task *k = &src->tasks[i];
		char tt[32], due[256], status[64];

		report_task_number(src, k, tt, sizeof tt);
		task_due_text(k, due, sizeof due);
		report_task_status_text(k, status, sizeof status);
		report_add_row(b, t, (const char *[]){ tt, k->description, k->lead_unit, due, status }, false);
	}
	return 0;
}
