/* cchc copy-plan --plan ID --year YEAR [--all-tasks]: next year's plan
 * from this one's (copy_plan.h). */
#include "config.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "core/copy_plan.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/number.h"

int cli_copy_plan(struct db *db, int argc, char **argv);

/* A whole number from min to max in s, or false. */
static bool
parse_number(const char *s, long long min, long long max, long long *out)
{
	return number_parse_whole(s, min, max, out);
}

int
cli_copy_plan(struct db *db, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "plan", required_argument, NULL, 'p' },
		{ "year", required_argument, NULL, 'y' },
		{ "all-tasks", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	long long plan = 0, year = 0;
	bool all = false;
	int64_t id;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (!parse_number(optarg, 1, INT64_MAX, &plan)) {
				fprintf(stderr, _("%s: copy-plan: --plan: not a plan number: %s\n"),
				    PACKAGE, optarg);
				return 2;
			}
			break;
		case 'y':
			if (!parse_number(optarg, 1, 9999, &year)) {
				fprintf(stderr, _("%s: copy-plan: --year: not a year: %s\n"), PACKAGE,
				    optarg);
				return 2;
			}
			break;
		case 'a':
			all = true;
			break;
		case ':':
			fprintf(stderr, _("%s: copy-plan: option %s needs a value\n"), PACKAGE,
			    argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, _("%s: copy-plan: unknown option %s\n"), PACKAGE,
			    argv[optind - 1]);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("%s: copy-plan: unexpected argument %s\n"), PACKAGE, argv[optind]);
		return 2;
	}
	if (plan == 0 || year == 0) {
		fprintf(stderr, _("%s: copy-plan needs --plan ID and --year YEAR\n"), PACKAGE);
		return 2;
	}
	if ((id = copy_plan(db, plan, (int)year, all)) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, db_error(db));
		return 1;
	}
	printf(_("Copied plan %lld to plan %lld (%lld)\n"), plan, (long long)id, year);
	return 0;
}
