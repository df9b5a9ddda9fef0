/* cchc export: data going out.
 *
 *   cchc export db FOLDER                  every table as FOLDER/TABLE.csv,
 *                                          documented in FOLDER/README.txt
 *   cchc export appendix --plan ID [-o FILE]
 *                                          the plan's tasks as the appendix
 *                                          table (tab-separated), which
 *                                          `cchc import appendix` reads back
 *
 * The appendix goes to standard output, or to FILE with a UTF-8 BOM so
 * that Excel opens it with its marks. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/export.h"
#include "core/file_out.h"
#include "core/i18n.h"
#include "core/number.h"
#include "core/plan.h"

int cli_export(struct db *db, int argc, char **argv);

static int
usage(void)
{
	fprintf(stderr, _("usage: %s export db FOLDER\n       %s export appendix --plan ID "
	    "[-o FILE]\n"), PACKAGE, PACKAGE);
	return 2;
}

static int
export_db(struct db *db, const char *folder)
{
	int n = export_database(db, folder);

	if (n < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, db_error(db));
		return 1;
	}
	printf(ngettext("Wrote %d table to %s (see README.txt there).\n",
	    "Wrote %d tables to %s (see README.txt there).\n", n), n, folder);
	return 0;
}

static int
export_plan(struct db *db, int64_t id, const char *out)
{
	struct plan plan = { 0 };
	struct out_file file;
	FILE *fp = stdout;
	int rc;

	if ((rc = plan_get(db, id, &plan)) <= 0) {
		if (rc == 0)
			fprintf(stderr, _("%s: --plan %lld: no such plan\n"), PACKAGE, (long long)id);
		else
			fprintf(stderr, "%s: %s\n", PACKAGE, db_error(db));
		return rc == 0 ? 2 : 1;
	}
	plan_free(&plan);
	if (out != NULL) {
		/* The plan's tasks are data, private like the database. */
		if ((fp = out_open(&file, out, OUT_PRIVATE)) == NULL) {
			fprintf(stderr, "%s: %s\n", PACKAGE, file.error);
			return 1;
		}
		fputs("\xEF\xBB\xBF", fp);
	}
	rc = export_appendix(db, id, fp);
	if (rc != 0)
		fprintf(stderr, "%s: %s\n", PACKAGE, db_error(db));
	if (out != NULL && rc != 0)
		out_abort(&file);
	else if (out != NULL && (rc = out_commit(&file)) != 0)
		fprintf(stderr, "%s: %s\n", PACKAGE, file.error);
	return rc == 0 ? 0 : 1;
}

int
cli_export(struct db *db, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "plan", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL;
	long long plan = 0;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (!number_parse_whole(optarg, 1, LLONG_MAX, &plan)) {
				fprintf(stderr, _("%s: --plan takes a plan's number, not %s\n"), PACKAGE,
				    optarg);
				return 2;
			}
			break;
		case 'o':
			out = optarg;
			break;
		case ':':
			fprintf(stderr, _("%s: option %s needs a value\n"), PACKAGE, argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, _("%s: unknown option %s\n"), PACKAGE, argv[optind - 1]);
			return usage();
		}
	}
	if (optind < argc && strcmp(argv[optind], "db") == 0 && argc - optind == 2 &&
	    plan == 0 && out == NULL)
		return export_db(db, argv[optind + 1]);
	if (optind < argc && strcmp(argv[optind], "appendix") == 0 && argc - optind == 1) {
		if (plan == 0) {
			fprintf(stderr, _("%s: --plan ID is required (the plan to export)\n"), PACKAGE);
			return 2;
		}
		return export_plan(db, plan, out);
	}
	return usage();
}
