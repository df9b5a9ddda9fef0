/* A plan's task appendix as `cchc export appendix` writes it, so that the
 * importer (appendix.c) reads it back. */
#include "core/report/report_build.h"

#include "core/text/i18n.h"

/* A task's product as its row shows it: the name, the deadline as
 * written, the due date read from it (or set by hand). */
static void
add_product_row(struct builder *b, struct report_table *t, const char *tt, const char *task,
    const struct product *p, const struct task *k)
{
	char due[11] = "";
	struct date d;

	if (p != NULL && date_parse_iso(p->due_date, &d))
		date_format_vn(d, due);
	report_add_row(b, t, (const char *[]){ tt, task, p != NULL ? p->name : "",
	    p != NULL ? p->deadline_text : "", due, k != NULL ? k->lead_unit : "",
	    k != NULL ? k->cooperators : "", k != NULL ? k->monitor_unit : "" }, false);
}

/* The appendix as `cchc export appendix` writes it (and the importer
 * reads it), in one table: a row per section, task and further product;
 * TT as written, the deadline as written beside the date it gives. */
int
report_appendix(struct builder *b, struct source *src)
{
	static const struct column_spec cols[] = {
		{ N_("No."), 5, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Task"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Product"), 0, 2, REPORT_LEFT, REPORT_TEXT },
		{ N_("Deadline"), 0, 2, REPORT_LEFT, REPORT_TEXT },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Lead unit"), 0, 2, REPORT_LEFT, REPORT_TEXT },
		{ N_("Cooperating units"), 0, 2, REPORT_LEFT, REPORT_TEXT },
		{ N_("Monitoring"), 0, 2, REPORT_LEFT, REPORT_TEXT },
	};
	struct report_table *t = report_add_table(b, report_add_section(b, ""), cols, 8);
	int numeral = 0, k = 0;

	/* task_list gives the tasks in the sections' order. */
	for (int i = 0; i < src->nsections; i++) {
		const struct section *sec = &src->sections[i];

		if (k == src->ntasks || src->tasks[k].section_id != sec->id)
			continue;
		report_add_row(b, t, (const char *[]){ section_numeral(++numeral), sec->title, "", "", "", "", "",
		    "" }, true);
		for (; k < src->ntasks && src->tasks[k].section_id == sec->id; k++) {
			const struct task *task = &src->tasks[k];

			add_product_row(b, t, task->tt, task->description,
			    task->nproducts > 0 ? &task->products[0] : NULL, task);
			for (int p = 1; p < task->nproducts; p++)
				add_product_row(b, t, "", "", &task->products[p], NULL);
		}
	}
	return 0;
}
