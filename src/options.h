/* The command line. */
#ifndef CCHC_OPTIONS_H
#define CCHC_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

struct options {
	const char *db;		/* --db FILE, else CCHC_DB, else the default */
	const char *lang;	/* "vi" or "en" */
	const char *today;	/* --today, else CCHC_TODAY; NULL for the clock */
	bool help, version;
	bool exit_after_draw;	/* draw the first screen, then exit (benchmarks) */
	/* A command and its arguments (cmd_argv[0] is its name); cmd_argc
	 * 0 for the interface. */
	int cmd_argc;
	char **cmd_argv;
};

/* Reads argv and the environment.  0, or 2 (usage error, message
 * printed to stderr). */
int options_parse(int argc, char **argv, struct options *o);
void options_usage(FILE *fp);
/* --lang or CCHC_LANG, default "vi": needed before gettext is set up. */
const char *options_language(int argc, char **argv);

#endif
