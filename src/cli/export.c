/* cchc export: data going out.
 *
 *   cchc export db FOLDER                  every table as FOLDER/TABLE.csv,
 *                                          documented in FOLDER/README.txt
 *   cchc export appendix --plan ID [-o FILE]
 *                                          the plan's tasks as the appendix
 *                                          table (tab-separated), which
 *                                          `cchc import appendix` reads back
 *   cchc export appendix --plan ID --format txt|html|csv|pdf|xlsx ...
 *                                          the appendix as a report
 *                                          (report.h), 132 columns wide
 *
 * The tab-separated appendix goes to standard output, or to FILE with a
 * UTF-8 BOM so that Excel opens it with its marks. */
#include "config.h"

#include <stdbool.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/io/export.h"
#include "core/io/file_out.h"
#include "core/plan/plan.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/i18n.h"
#include "core/text/number.h"

static int
export_db(struct db *db, const char *folder)
{
	int n = export_database(db, folder);

	if (n < 0) {
		cli_fail_db(db);
		return 1;
	}
	printf(ngettext("Wrote %d table to %s (see README.txt there).\n",
	    "Wrote %d tables to %s (see README.txt there).\n", n), n, folder);
	return 0;
}

/* The appendix as a report in o's format. */
static int
export_report(struct db *db, int64_t id, const struct report_output *o)
{
	struct report *r = NULL;
	int rc = report_build_appendix(db, id, &r);

	return report_output_built(db, rc, r, o);
}

static int
export_plan(struct db *db, int64_t id, const struct report_output *o, bool formatted)
{
	struct plan plan = { 0 };
	struct out_file file;
	const char *out = o->output;
	FILE *fp = stdout;
	int rc;

	if ((rc = plan_get(db, id, &plan)) <= 0) {
		if (rc == 0)
			fprintf(stderr, _("%s: --plan %lld: no such plan\n"), PACKAGE, (long long)id);
		else
			cli_fail_db(db);
		return rc == 0 ? 2 : 1;
	}
	plan_free(&plan);
	if (formatted)
		return export_report(db, id, o);
	if (out != NULL) {
		/* The plan's tasks are data, private like the database. */
		if ((fp = out_open(&file, out, OUT_PRIVATE)) == NULL) {
			fprintf(stderr, "%s: %s\n", PACKAGE, file.err.msg);
			return 1;
		}
		fputs("\xEF\xBB\xBF", fp);
	}
	rc = export_appendix(db, id, fp);
	if (rc != 0)
		cli_fail_db(db);
	if (out != NULL && rc != 0)
		out_abort(&file);
	else if (out != NULL && (rc = out_commit(&file)) != 0)
		fprintf(stderr, "%s: %s\n", PACKAGE, file.err.msg);
	return rc == 0 ? 0 : 1;
}

static int
run(struct db *db, const struct args *a)
{
	struct report_output o;
	const char *plan_arg = args_value(a, "plan");
	bool formatted = args_has(a, "format"), styled = args_has(a, "width") ||
	    args_has(a, "encoding") || args_has(a, "print") || args_has(a, "printer");
	long long plan = 0;
	struct err e;

	report_output_init(&o);
	/* The appendix is wide: landscape, 132 columns, unless told. */
	o.width = REPORT_WIDTH_WIDE;
	if (report_output_args(&o, a, &e) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, e.msg);
		return 2;
	}
	if (plan_arg != NULL && !number_parse_whole(plan_arg, 1, LLONG_MAX, &plan)) {
		fprintf(stderr, _("%s: --plan takes a plan's number, not %s\n"), PACKAGE, plan_arg);
		return 2;
	}
	if (a->noperands == 2 && strcmp(a->operands[0], "db") == 0 && plan == 0 &&
	    o.output == NULL && !formatted && !styled)
		return export_db(db, a->operands[1]);
	if (a->noperands == 1 && strcmp(a->operands[0], "appendix") == 0) {
		if (plan == 0) {
			fprintf(stderr, _("%s: --plan ID is required (the plan to export)\n"), PACKAGE);
			return 2;
		}
		if (styled && !formatted) {
			fprintf(stderr, "%s: %s\n", PACKAGE, _("--width, --encoding and --print go with "
			    "--format (the default is the tab-separated appendix)"));
			return 2;
		}
		if (formatted && report_output_check(&o, &e) != 0) {
			fprintf(stderr, "%s: %s\n", PACKAGE, e.msg);
			return 2;
		}
		return export_plan(db, plan, &o, formatted);
	}
	args_usage(a->command, stderr);
	return 2;
}

const struct command cmd_export = {
	.name = "export",
	.synopsis = N_("export db FOLDER | export appendix --plan ID [-o FILE] "
	    "[--format txt|html|csv|pdf|xlsx [--width 80|132] [--encoding utf8-bom|utf8|cp1258] "
	    "[--print [--printer NAME]]]"),
	.options = (const struct arg_option[]){
		{ "plan", 0, "ID", false },
		REPORT_OUTPUT_OPTIONS,
		{ NULL, 0, NULL, false },
	},
	.operands = OPERANDS_ANY,
	.run = run,
};
