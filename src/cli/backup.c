/* cchc backup [FILE]: a copy of the database, made while it is in use. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/backup.h"
#include "core/db.h"
#include "core/i18n.h"

int cli_backup(struct db *db, int argc, char **argv);

int
cli_backup(struct db *db, int argc, char **argv)
{
	static const struct option longopts[] = { { NULL, 0, NULL, 0 } };
	char out[4096];

	opterr = 0;
	if (getopt_long(argc, argv, "+", longopts, NULL) != -1) {
		fprintf(stderr, _("%s: backup: unknown option %s\n"), PACKAGE, argv[optind - 1]);
		return 2;
	}
	if (argc - optind > 1) {
		fprintf(stderr, _("%s: backup takes one FILE at most, not also %s\n"), PACKAGE,
		    argv[optind + 1]);
		return 2;
	}
	if (backup_to_file(db, optind < argc ? argv[optind] : NULL, out, sizeof out) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, db_error(db));
		return 1;
	}
	printf(_("Backed up to %s\n"), out);
	return 0;
}
