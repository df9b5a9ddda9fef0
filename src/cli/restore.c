/* cchc restore FILE: the database's content replaced by a checked backup. */
#include "config.h"

#include <stdio.h>

#include "cli/cli.h"
#include "core/store/backup.h"
#include "core/store/db.h"
#include "core/text/i18n.h"

static int
run(struct db *db, const struct args *a)
{
	char saved[4096];

	if (a->noperands != 1) {
		fprintf(stderr, _("%s: restore takes one FILE, the backup to restore\n"), PACKAGE);
		return 2;
	}
	if (backup_restore(db, a->operands[0], saved, sizeof saved) != 0) {
		cli_fail_db(db);
		return 1;
	}
	printf(_("Restored %s; the data it replaced is kept in %s\n"), a->operands[0], saved);
	return 0;
}

const struct command cmd_restore = {
	.name = "restore",
	.synopsis = N_("restore FILE"),
	.options = (const struct arg_option[]){ { NULL, 0, NULL, false } },
	.operands = OPERANDS_ANY,
	.run = run,
};
