/* cchc restore FILE: the database's content replaced by a checked backup. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/backup.h"
#include "core/db.h"
#include "core/i18n.h"

int cli_restore(struct db *db, int argc, char **argv);

int
cli_restore(struct db *db, int argc, char **argv)
{
	static const struct option longopts[] = { { NULL, 0, NULL, 0 } };
	char saved[4096];

	opterr = 0;
	if (getopt_long(argc, argv, "+", longopts, NULL) != -1) {
		fprintf(stderr, _("%s: restore: unknown option %s\n"), PACKAGE, argv[optind - 1]);
		return 2;
	}
	if (argc - optind != 1) {
		fprintf(stderr, _("%s: restore takes one FILE, the backup to restore\n"), PACKAGE);
		return 2;
	}
	if (backup_restore(db, argv[optind], saved, sizeof saved) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, db_error(db));
		return 1;
	}
	printf(_("Restored %s; the data it replaced is kept in %s\n"), argv[optind], saved);
	return 0;
}
