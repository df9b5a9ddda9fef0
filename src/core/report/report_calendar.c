/* The report calendar: the periodic reports of a year, the data each
 * counts and when it is due. */
#include "core/report/report_build.h"

#include "core/plan/calendar.h"
#include "core/text/i18n.h"

/* The periodic reports of the period's year: the data each counts, when it
 * is due, and whether it was sent, is late or how long is left. */
int
report_calendar(struct builder *b, struct source *src)
{
	static const struct column_spec cols[] = {
		{ N_("Report"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Data from"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Data to"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("State"), 0, 1, REPORT_LEFT, REPORT_TEXT },
	};
	struct report_due v[PERIOD_KINDS];
	struct report_table *t;

	if (calendar_year(src->db, src->year, src->plan.issue_date, v) != 0)
		return -1;
	t = report_add_table(b, report_add_section(b, ""), cols, 5);
	for (int k = 0; k < PERIOD_KINDS; k++) {
		char name[64], from[11], to[11], due[11], state[96];
		long left = date_to_days(v[k].due) - date_to_days(b->r->today);

		report_period_label(v[k].year, v[k].kind, name, sizeof name);
		date_format_vn(v[k].span_start, from);
		date_format_vn(v[k].span_end, to);
		date_format_vn(v[k].due, due);
		if (v[k].sent) {
			char on[11];

			date_format_vn(v[k].sent_on, on);
			snprintf(state, sizeof state, _("Sent on %s"), on);
		} else if (left < 0) {
			snprintf(state, sizeof state, ngettext("Overdue by %ld day",
			    "Overdue by %ld days", (unsigned long)-left), -left);
		} else {
			snprintf(state, sizeof state, ngettext("%ld day left", "%ld days left",
			    (unsigned long)left), left);
		}
		report_add_row(b, t, (const char *[]){ name, from, to, due, state }, false);
	}
	return 0;
}
