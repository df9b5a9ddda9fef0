/* Commands run without the UI: `cchc COMMAND [ARGS]`.
 *
 * Each command is one file here with one entry function.  A command gets
 * the open database and its own arguments (argv[0] is the command's name),
 * prints to stdout, reports errors on stderr naming what is wrong, and
 * returns the exit status: 0 ok, 1 runtime error, 2 usage error. */
#ifndef CCHC_CLI_H
#define CCHC_CLI_H

#include <stdio.h>

struct db;

struct command {
	const char *name;
	int (*run)(struct db *db, int argc, char **argv);
	const char *synopsis;	/* msgid: "score --year YEAR [--format txt|csv]" */
};

/* The command called name, or NULL. */
const struct command *cli_find(const char *name);
/* Prints the commands' synopses (for --help). */
void cli_usage(FILE *fp);

#endif
