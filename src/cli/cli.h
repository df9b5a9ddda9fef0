/* Commands run without the UI: `cchc COMMAND [ARGS]`.
 *
 * Each command is one file here with one entry function.  A command gets
 * the open database and its own arguments (argv[0] is the command's name),
 * prints to stdout, reports errors on stderr naming what is wrong, and
 * returns the exit status: 0 ok, 1 runtime error, 2 usage error. */
#ifndef CCHC_CLI_H
#define CCHC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/report.h"

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

/* How report, score and sipas results write a report (report.h): each
 * takes the options --format txt|html|csv|pdf|xlsx (-f), --width 80|132
 * (-w), --encoding utf8-bom|utf8|cp1258 (-e), -o FILE, --print (-P) and
 * --printer NAME (-d) in its own option table and hands them here, so that
 * every command writes every format the same way (src/cli/report.c). */
enum report_format { FORMAT_TXT, FORMAT_HTML, FORMAT_CSV, FORMAT_PDF, FORMAT_XLSX };

struct report_output {
	enum report_format format;
	int width;
	enum report_encoding encoding;
	const char *output;	/* -o, NULL: standard output */
	bool print;		/* --print: the PDF goes to the printer */
	const char *printer;
};

void report_output_init(struct report_output *o);
/* Takes getopt's option c with arg when it is one of the above: 1; 0 when
 * c is another; -1 when arg is wrong, with the message in err. */
int report_output_option(struct report_output *o, int c, const char *arg, char *err, size_t n);
/* After the options: 0, or -1 with what does not go together in err. */
int report_output_check(const struct report_output *o, char *err, size_t n);
/* Writes r as o says (a file through file_out.h, never half a file);
 * errors on stderr.  The exit status: 0, 1 or 2. */
int report_output_save(struct db *db, const struct report *r, const struct report_output *o);

#endif
