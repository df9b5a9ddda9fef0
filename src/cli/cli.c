/* The commands' table, in the order --help lists them; each entry is
 * defined in its command's file. */
#include "config.h"

#include "cli/cli.h"

#include <string.h>

#include "core/store/err.h"
#include "core/text/i18n.h"

static const struct command *const commands[] = {
	&cmd_sipas, &cmd_report, &cmd_score, &cmd_backup, &cmd_restore, &cmd_log,
	&cmd_copy_plan, &cmd_import, &cmd_export, &cmd_sheet,
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

const struct command *
cli_find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

void
cli_usage(FILE *fp)
{
	fprintf(fp, "\n%s\n", _("Commands (without the interface):"));
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %s %s\n", PACKAGE, _(commands[i]->synopsis));
}

void
cli_fail_db(const struct db *db)
{
	struct err e;

	err_db(&e, db);
	fprintf(stderr, "%s: %s\n", PACKAGE, e.msg);
}
