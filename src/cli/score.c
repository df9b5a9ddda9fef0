/* cchc score: a year's PAR INDEX self-assessment without the UI.
 *
 *   cchc score --year 2025 [--format txt|html|csv|pdf|xlsx] [--set ID] ...
 *   cchc score --import FILE | --template     (then scores with the new set)
 *   cchc score --export [--set ID]            (the set, cchc-criteria(5))
 *
 * The sheet is the PAR report (report.h), written as `cchc report par`
 * writes it, with the same output options. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/par/criteria.h"
#include "core/plan/plan.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/date.h"
#include "core/text/i18n.h"
#include "core/text/number.h"

struct score_options {
	int year;
	struct report_output out;
	bool export;
	int64_t set;
	const char *import;
	bool template;
};

static int
parse(const struct args *a, struct score_options *o)
{
	const char *year = args_value(a, "year"), *set_arg = args_value(a, "set");
	long long set;
	char *end;
	struct err e;

	memset(o, 0, sizeof *o);
	o->year = date_today().year;
	report_output_init(&o->out);
	if (report_output_args(&o->out, a, &e) != 0)
		return args_usage_error(a->command, "%s", e.msg);
	if (year != NULL) {
		o->year = (int)strtol(year, &end, 10);
		if (*year == '\0' || *end != '\0' || o->year < 1990 || o->year > 2200) {
			fprintf(stderr, _("cchc: --year: \"%s\" is not a year between "
			    "1990 and 2200\n"), year);
			return 2;
		}
	}
	if (set_arg != NULL) {
		if (!number_parse_whole(set_arg, 1, LLONG_MAX, &set)) {
			fprintf(stderr, _("cchc: --set: \"%s\" is not a set number\n"), set_arg);
			return 2;
		}
		o->set = set;
	}
	o->import = args_value(a, "import");
	o->template = args_has(a, "template");
	o->export = args_has(a, "export");
	if (report_output_check(&o->out, &e) != 0)
		return args_usage_error(a->command, "%s", e.msg);
	return 0;
}

/* The set the options name, imported or found; 0 when none. */
static int64_t
choose_set(struct db *db, const struct score_options *o)
{
	if (o->import != NULL)
		return criteria_import(db, o->import);
	if (o->template)
		return criteria_import_template(db, o->year);
	if (o->set != 0)
		return o->set;
	return criteria_find(db, o->year);
}

static int
run(struct db *db, const struct args *a)
{
	struct score_options o;
	struct report *r = NULL;
	struct plan plan;
	int64_t set;
	int rc, has_plan;

	if ((rc = parse(a, &o)) != 0)
		return rc;
	if ((set = choose_set(db, &o)) < 0) {
		cli_fail_db(db);
		return 1;
	}
	if (set == 0) {
		fprintf(stderr, _("cchc: no criteria set for %d: import one with "
		    "\"cchc score --import FILE\", or the commune template with "
		    "\"cchc score --template\"\n"), o.year);
		return 1;
	}
	if (o.export) {
		struct criteria_set s;

		if (criteria_load(db, set, &s) != 0) {
			cli_fail_db(db);
			return 1;
		}
		rc = criteria_export(&s, stdout);
		criteria_free(&s);
		return rc == 0 ? 0 : 1;
	}
	/* The plan only signs the sheet: none is no error. */
	if ((has_plan = plan_current(db, &plan)) < 0) {
		cli_fail_db(db);
		return 1;
	}
	rc = report_build_par(db, has_plan ? plan.id : 0, o.year, set, &r);
	if (has_plan)
		plan_free(&plan);
	return report_output_built(db, rc, r, &o.out);
}

const struct command cmd_score = {
	.name = "score",
	.synopsis = N_("score --year YEAR [--format txt|html|csv|pdf|xlsx] [--width 80|132] "
	    "[--encoding utf8-bom|utf8|cp1258] [-o FILE] [--print [--printer NAME]] [--set ID] "
	    "[--import FILE | --template] [--export]"),
	.options = (const struct arg_option[]){
		{ "year", 'y', "YEAR", false },
		REPORT_OUTPUT_OPTIONS,
		{ "set", 's', "ID", false },
		{ "import", 'i', "FILE", false },
		{ "template", 't', NULL, false },
		{ "export", 0, NULL, false },
		{ NULL, 0, NULL, false },
	},
	.operands = 0,
	.run = run,
};
