/* cchc backup [FILE]: a copy of the database, made while it is in use. */
#include "config.h"

#include <stdio.h>

#include "cli/cli.h"
#include "core/store/backup.h"
#include "core/store/db.h"
#include "core/text/i18n.h"

static int
run(struct db *db, const struct args *a)
{
	char out[4096];

	if (a->noperands > 1) {
		fprintf(stderr, _("%s: backup takes one FILE at most, not also %s\n"), PACKAGE,
		    a->operands[1]);
		return 2;
	}
	if (backup_to_file(db, a->noperands > 0 ? a->operands[0] : NULL, out, sizeof out) != 0) {
		cli_fail_db(db);
		return 1;
	}
	printf(_("Backed up to %s\n"), out);
	return 0;
}

const struct command cmd_backup = {
	.name = "backup",
	.synopsis = N_("backup [FILE]"),
	.options = (const struct arg_option[]){ { NULL, 0, NULL, false } },
	.operands = OPERANDS_ANY,
	.run = run,
};
