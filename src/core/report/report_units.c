/* The report by unit: per unit, the tasks it leads and those it cooperates
 * on, the units with overdue tasks first. */
#include "core/report/report_build.h"

#include <stdlib.h>

#include "core/plan/unit.h"
#include "core/text/i18n.h"

/* Per unit: its share of the tasks. */
struct unit_load {
	const struct unit *unit;
	int ntasks, overdue;
	char *lead, *coop;	/* per task: the unit leads / cooperates */
};

static int
unit_load_cmp(const void *a, const void *b)
{
	const struct unit_load *x = a, *y = b;

	/* Units with overdue tasks first; otherwise the units' order. */
	if ((x->overdue > 0) != (y->overdue > 0))
		return x->overdue > 0 ? -1 : 1;
	return x->unit < y->unit ? -1 : x->unit > y->unit;
}

static void
add_unit_section(struct builder *b, struct source *src, const struct unit_load *u)
{
	static const struct column_spec cols[] = {
		{ N_("Role"), 10, 0, REPORT_LEFT, REPORT_TEXT },
		{ N_("No."), 6, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Task"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Status"), 11, 0, REPORT_LEFT, REPORT_TEXT },
	};
	struct report_section *s;
	struct report_table *t = NULL;
	char *heading;

	heading = report_dupf(b, _("%s: %d tasks, %d overdue"), u->unit->name, u->ntasks, u->overdue);
	s = report_add_section(b, heading != NULL ? heading : "");
	free(heading);
	/* The tasks it leads, then those it cooperates on. */
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < src->ntasks; i++) {
			const struct task *k = &src->tasks[i];
			char tt[32], due[256], status[64];

			if (!(pass == 0 ? u->lead[i] : u->coop[i]))
				continue;
			if (t == NULL)
				t = report_add_table(b, s, cols, 5);
			report_task_number(src, k, tt, sizeof tt);
			task_due_text(k, due, sizeof due);
			report_task_status_text(k, status, sizeof status);
			report_add_row(b, t, (const char *[]){ pass == 0 ? _("Leads") : _("Cooperates"),
			    tt, k->description, due, status }, false);
		}
	}
	if (t == NULL)
		report_add_paragraph(b, s, _("Nothing assigned."));
}

int
report_units(struct builder *b, struct source *src)
{
	struct unit *units;
	struct unit_load *load;
	int nunits, rc = -1;

	if (unit_list(src->db, &units, &nunits) != 0)
		return -1;
	if ((load = calloc(nunits ? nunits : 1, sizeof *load)) == NULL) {
		units_free(units, nunits);
		b->oom = true;
		return 0;
	}
	for (int u = 0; u < nunits; u++) {
		load[u].unit = &units[u];
		load[u].lead = calloc(src->ntasks + 1, 1);
		load[u].coop = calloc(src->ntasks + 1, 1);
		if (load[u].lead == NULL || load[u].coop == NULL) {
			b->oom = true;
			goto out;
		}
	}
	for (int i = 0; i < src->ntasks; i++) {
		int64_t *coop;
		int ncoop;

		if (task_cooperator_ids(src->db, src->tasks[i].id, &coop, &ncoop) != 0)
			goto out;
		for (int u = 0; u < nunits; u++) {
			bool lead = src->tasks[i].lead_unit_id == units[u].id;
			bool in = report_task_involves(&src->tasks[i], units[u].id, coop, ncoop);

			load[u].lead[i] = lead;
			load[u].coop[i] = in && !lead;
			load[u].ntasks += in;
			load[u].overdue += in && src->tasks[i].status == STATUS_OVERDUE;
		}
		free(coop);
	}
	qsort(load, nunits, sizeof *load, unit_load_cmp);
	for (int u = 0; u < nunits; u++)
		/* The units with tasks, or the one asked for even without. */
		if (src->unit != 0 ? load[u].unit->id == src->unit : load[u].ntasks > 0)
			add_unit_section(b, src, &load[u]);
	rc = 0;
out:
	for (int u = 0; u < nunits; u++) {
		free(load[u].lead);
		free(load[u].coop);
	}
	free(load);
	units_free(units, nunits);
	return rc;
}
