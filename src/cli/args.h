/* The commands' one argument parser.
 *
 * A command's entry (struct command, cli.h) declares its options; the
 * parser reads the command's arguments against them, GNU style: options
 * and operands in any order, "--" ends the options, --name=VALUE or
 * --name VALUE, a long name shortened while it stays unambiguous, short
 * options grouped (-ty 2025).  Every structural error (an unknown option,
 * a value missing, an argument too many) is told here, one way, naming
 * the option, followed by the command's usage; the values are the
 * command's to check, since what is wrong with them is its domain. */
#ifndef CCHC_CLI_ARGS_H
#define CCHC_CLI_ARGS_H

#include <stdbool.h>
#include <stdio.h>

struct command;

struct arg_option {
	const char *name;	/* the long name, without "--" */
	char letter;		/* the short name, 0 when none */
	/* The value's metavariable as the synopsis writes it ("ID",
	 * "txt|csv"); NULL: a flag, taking no value. */
	const char *value;
	bool repeat;		/* given several times, every value is kept */
};

/* What the command line gave, in its order. */
struct args {
	const struct command *command;
	int ngiven;
	struct arg_given {
		const struct arg_option *option;
		const char *value;	/* NULL for a flag */
	} *given;
	int noperands;
	char **operands;
};

enum args_outcome { ARGS_RUN, ARGS_HELP, ARGS_ERROR };

/* Reads argv (argv[0] is the command's name) against c's options.
 * ARGS_HELP for --help, ARGS_ERROR after telling what is wrong on stderr;
 * either way a is freed. */
enum args_outcome args_parse(const struct command *c, int argc, char **argv, struct args *a);
void args_free(struct args *a);

/* The last value of the option called name, NULL when it is not given. */
const char *args_value(const struct args *a, const char *name);
/* Whether the option called name is given. */
bool args_has(const struct args *a, const char *name);
/* The values of a repeatable option, in their order, the first max into
 * out; their number. */
int args_values(const struct args *a, const char *name, const char **out, int max);

/* "usage: cchc SYNOPSIS" of c. */
void args_usage(const struct command *c, FILE *fp);
/* "cchc: " and the message on stderr, then c's usage; 2, the exit status
 * of a usage error. */
int args_usage_error(const struct command *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
