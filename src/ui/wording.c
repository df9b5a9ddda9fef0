/* Wording shared by the screens: verdicts, statuses, planned values. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "core/par/rules.h"
#include "core/report/report.h"
#include "core/text/date.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "ui/draw.h"

const char *const office_kind_names[OFFICE_KINDS] = {
	N_("commune (xã)"), N_("ward (phường)"), N_("department (sở)"),
};
const char *const office_kind_codes[OFFICE_KINDS] = { "xa", "phuong", "so" };

const char *const rule_kind_labels[RULE_KINDS] = {
	N_("manual"), N_("survey"), N_("yes/no"), N_("ratio a/b"), N_("bands"), N_("count"),
	N_("deduct"), N_("bonus"), N_("penalty"),
};

void
target_result_text(const struct target *t, char *buf, size_t n)
{
	double achieved;
	char num[32];

	buf[0] = '\0';
	if (!t->has_result || !evaluate_achieved(&t->rule, &t->result.measure, &achieved))
		return;
	number_format_2(achieved, num, sizeof num);
	switch (t->rule.kind) {
	case TARGET_YESNO:
		snprintf(buf, n, "%s", achieved != 0 ? _("Yes") : _("No"));
		break;
	case TARGET_RATE:
	case TARGET_REDUCTION:
		number_format_percent(achieved, false, buf, n);
		break;
	default:
		snprintf(buf, n, "%s", num);
		break;
	}
}

void
date_iso_to_vn(const char *iso, char *buf)
{
	struct date d;

	if (date_parse_iso(iso, &d))
		date_format_vn(d, buf);
	else
		strcpy(buf, "");
}

static const char *
recurrence_label(enum recurrence r)
{
	switch (r) {
	case RECUR_MONTHLY:
		return _("monthly");
	case RECUR_QUARTERLY:
		return _("quarterly");
	case RECUR_HALF_YEARLY:
		return _("half-yearly");
	case RECUR_YEARLY:
		return _("yearly");
	default:
		return _("periodic");
	}
}

void
deadline_describe(const struct deadline *d, char *buf, size_t n)
{
	char due[11];

	date_format_vn(d->due, due);
	switch (d->kind) {
	case DEADLINE_DATE:
		snprintf(buf, n, "→ %s", due);
		break;
	case DEADLINE_CONTINUOUS:
		snprintf(buf, n, _("→ all year (%s)"), due);
		break;
	case DEADLINE_RECURRING:
		snprintf(buf, n, "→ %s (%s)", recurrence_label(d->recur), due);
		break;
	case DEADLINE_MILESTONES: {
		size_t len;

		snprintf(buf, n, _("→ %d milestones:"), d->n_milestones);
		for (int i = 0; i < d->n_milestones && (len = strlen(buf)) + 12 < n; i++) {
			date_format_vn(d->milestones[i], due);
			snprintf(buf + len, n - len, " %s", due);
		}
		break;
	}
	case DEADLINE_CONDITIONAL:
		snprintf(buf, n, "%s", _("→ not fixed yet: enter the date by hand"));
		break;
	default:
		if (d->doubt != DOUBT_NONE)
			snprintf(buf, n, _("→ not read (%s): enter the date"), deadline_doubt_text(d));
		else
			snprintf(buf, n, "%s", _("→ not understood: enter the date by hand"));
		break;
	}
}
