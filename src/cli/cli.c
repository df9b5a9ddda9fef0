#include "config.h"

#include "cli/cli.h"

#include <string.h>

#include "core/i18n.h"

#define COMMAND(name, fn, synopsis) int fn(struct db *, int, char **);
#include "cli/commands.def"
#undef COMMAND

static const struct command commands[] = {
#define COMMAND(name, fn, synopsis) { name, fn, synopsis },
#include "cli/commands.def"
#undef COMMAND
	{ NULL, NULL, NULL },
};

const struct command *
cli_find(const char *name)
{
	for (const struct command *c = commands; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

void
cli_usage(FILE *fp)
{
	if (commands[0].name == NULL)
		return;
	fprintf(fp, "\n%s\n", _("Commands (without the interface):"));
	for (const struct command *c = commands; c->name != NULL; c++)
		fprintf(fp, "  %s %s\n", PACKAGE, _(c->synopsis));
}
