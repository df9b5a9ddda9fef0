/* The overdue report: the tasks overdue and those due soon across the
 * plan, by due date, with the days late or left. */
#include "core/report/report_build.h"

#include <stdlib.h>
#include <string.h>

#include "core/text/i18n.h"

static int
by_due_date(const void *a, const void *b)
{
	const struct task *const *x = a, *const *y = b;
	int c = strcmp((*x)->due_date, (*y)->due_date);

	return c != 0 ? c : (*x < *y ? -1 : *x > *y);
}

/* One section of the overdue report: the overdue tasks, or those due
 * soon, by due date, with the days late or left. */
static void
add_deadline_section(struct builder *b, struct source *src, bool overdue)
{
	const struct column_spec cols[] = {
		{ N_("No."), 6, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Task"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Lead unit"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ overdue ? N_("Days late") : N_("Days left"), 7, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	const struct task **v = calloc(src->ntasks + 1, sizeof *v);
	struct report_section *s;
	struct report_table *t;
	char *heading;
	int n = 0;

	if (v == NULL) {
		b->oom = true;
		return;
	}
	for (int i = 0; i < src->ntasks; i++)
		if (overdue ? src->tasks[i].status == STATUS_OVERDUE : report_task_due_soon(src, &src->tasks[i]))
			v[n++] = &src->tasks[i];
	qsort(v, n, sizeof *v, by_due_date);
	if (overdue)
		heading = report_dupf(b, _("Overdue (%d)"), n);
	else
		heading = report_dupf(b, _("Due within %d days (%d)"), REPORT_SOON_DAYS, n);
	s = report_add_section(b, heading != NULL ? heading : "");
	free(heading);
	if (n == 0)
		report_add_paragraph(b, s, _("None."));
	t = n > 0 ? report_add_table(b, s, cols, 5) : NULL;
	for (int i = 0; i < n; i++) {
		char tt[32], due[256], days[24];
		struct date d;

		report_task_number(src, v[i], tt, sizeof tt);
		task_due_text(v[i], due, sizeof due);
		date_parse_iso(v[i]->due_date, &d);
		snprintf(days, sizeof days, "%ld", labs(date_to_days(src->as_of) - date_to_days(d)));
		report_add_row(b, t, (const char *[]){ tt, v[i]->description, v[i]->lead_unit, due, days },
		    false);
	}
	free(v);
}

int
report_overdue(struct builder *b, struct source *src)
{
	add_deadline_section(b, src, true);
	add_deadline_section(b, src, false);
	return 0;
}
