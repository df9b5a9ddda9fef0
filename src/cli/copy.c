/* cchc copy-plan --plan ID --year YEAR [--all-tasks]: next year's plan
 * from this one's (copy_plan.h). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "core/plan/copy_plan.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/number.h"

static int
run(struct db *db, const struct args *a)
{
	const char *plan_arg = args_value(a, "plan"), *year_arg = args_value(a, "year");
	long long plan = 0, year = 0;
	int64_t id;

	if (plan_arg != NULL && !number_parse_whole(plan_arg, 1, INT64_MAX, &plan)) {
		fprintf(stderr, _("%s: copy-plan: --plan: not a plan number: %s\n"), PACKAGE, plan_arg);
		return 2;
	}
	if (year_arg != NULL && !number_parse_whole(year_arg, 1, 9999, &year)) {
		fprintf(stderr, _("%s: copy-plan: --year: not a year: %s\n"), PACKAGE, year_arg);
		return 2;
	}
	if (plan == 0 || year == 0) {
		fprintf(stderr, _("%s: copy-plan needs --plan ID and --year YEAR\n"), PACKAGE);
		return 2;
	}
	if ((id = copy_plan(db, plan, (int)year, args_has(a, "all-tasks"))) < 0) {
		cli_fail_db(db);
		return 1;
	}
	printf(_("Copied plan %lld to plan %lld (%lld)\n"), plan, (long long)id, year);
	return 0;
}

const struct command cmd_copy_plan = {
	.name = "copy-plan",
	.synopsis = N_("copy-plan --plan ID --year YEAR [--all-tasks]"),
	.options = (const struct arg_option[]){
		{ "plan", 0, "ID", false },
		{ "year", 0, "YEAR", false },
		{ "all-tasks", 0, NULL, false },
		{ NULL, 0, NULL, false },
	},
	.operands = 0,
	.run = run,
};
