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

const char *const task_progress_labels[3] = {
	N_("Not started"), N_("In progress"), N_("Done"),
};

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

