/* Commands run without the UI: `cchc COMMAND [ARGS]`.
 *
 * Each command is one file here holding its entry: its name, its usage
 * and the options it takes (args.h), as tmux's cmd_entry does, so that
 * --help, the parser and tests/e2e/usage.sh read one declaration.  The
 * command gets the open database and its parsed arguments, prints to
 * stdout, reports errors on stderr naming what is wrong, and returns the
 * exit status: 0 ok, 1 runtime error, 2 usage error. */
#ifndef CCHC_CLI_H
#define CCHC_CLI_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

#include "cli/args.h"
#include "core/report/report.h"

struct db;

struct command {
	const char *name;
	/* msgid: the usage, with every option the command takes
	 * ("score --year YEAR [--format txt|csv]"); --help prints it and
	 * the manual's COMMANDS repeats it. */
	const char *synopsis;
	const struct arg_option *options;	/* ends with a NULL name */
	int operands;	/* the most it takes (its subcommand included) */
	int (*run)(struct db *db, const struct args *a);
};

/* Operands the command counts itself. */
#define OPERANDS_ANY INT_MAX

/* The entries, each in its command's file. */
extern const struct command cmd_sipas, cmd_report, cmd_score, cmd_backup, cmd_restore, cmd_log,
    cmd_copy_plan, cmd_import, cmd_export, cmd_sheet;

/* The command called name, or NULL. */
const struct command *cli_find(const char *name);
/* Prints the commands' synopses (for --help). */
void cli_usage(FILE *fp);
/* "cchc: " and the database's last message (err_db) on stderr: how a
 * command reports a core call that failed. */
void cli_fail_db(const struct db *db);

/* How report, score, sipas results and export appendix write a report
 * (report.h): each takes the options of REPORT_OUTPUT_OPTIONS in its
 * entry and hands them here, so that every command writes every format
 * the same way (src/cli/report.c). */
#define REPORT_OUTPUT_OPTIONS \
	{ "format", 'f', "txt|html|csv|pdf|xlsx", false }, \
	{ "width", 'w', "80|132", false }, \
	{ "encoding", 'e', "utf8-bom|utf8|cp1258", false }, \
	{ "output", 'o', "FILE", false }, \
	{ "print", 0, NULL, false }, \
	{ "printer", 0, "NAME", false }

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
/* Takes the options of REPORT_OUTPUT_OPTIONS that a gives: 0, or -1 when
 * a value is wrong, with e filled. */
int report_output_args(struct report_output *o, const struct args *a, struct err *e);
/* After the options: 0, or -1 with what does not go together in e. */
int report_output_check(const struct report_output *o, struct err *e);
/* Writes r as o says (a file through file_out.h, never half a file);
 * errors on stderr.  The exit status: 0, 1 or 2. */
int report_output_save(struct db *db, const struct report *r, const struct report_output *o);
/* The same for the report just built, built its builder's status, and
 * frees it. */
int report_output_built(struct db *db, int built, struct report *r, const struct report_output *o);

#endif
