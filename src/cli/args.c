/* The commands' argument parser (args.h), and the usage it tells. */
#include "config.h"

#include "cli/args.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text/i18n.h"

void
args_usage(const struct command *c, FILE *fp)
{
	fprintf(fp, "%s %s %s\n", _("usage:"), PACKAGE, _(c->synopsis));
}

int
args_usage_error(const struct command *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", PACKAGE);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	args_usage(c, stderr);
	return 2;
}

/* The option spelled name (len bytes): exactly, else the only one it
 * begins, as getopt_long takes it. */
static const struct arg_option *
find_long(const struct command *c, const char *name, size_t len)
{
	const struct arg_option *found = NULL;
	int n = 0;

	for (const struct arg_option *o = c->options; o->name != NULL; o++) {
		if (strncmp(o->name, name, len) != 0)
			continue;
		if (o->name[len] == '\0')
			return o;
		found = o;
		n++;
	}
	return n == 1 ? found : NULL;
}

static const struct arg_option *
find_short(const struct command *c, char letter)
{
	for (const struct arg_option *o = c->options; o->name != NULL; o++)
		if (o->letter == letter)
			return o;
	return NULL;
}

static const struct arg_option *
declared(const struct args *a, const char *name)
{
	for (const struct arg_option *o = a->command->options; o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	/* A command asking for an option its entry lacks is a bug. */
	abort();
}

static void
give(struct args *a, const struct arg_option *o, const char *value)
{
	a->given[a->ngiven].option = o;
	a->given[a->ngiven++].value = value;
}

enum mistake { UNKNOWN, NO_VALUE, UNEXPECTED };

/* Tells what is wrong with the argument spelled what, then the usage. */
static enum args_outcome
wrong(struct args *a, enum mistake m, const char *what)
{
	switch (m) {
	case UNKNOWN:
		fprintf(stderr, _("%s: unknown option %s\n"), PACKAGE, what);
		break;
	case NO_VALUE:
		fprintf(stderr, _("%s: option %s needs a value\n"), PACKAGE, what);
		break;
	case UNEXPECTED:
		fprintf(stderr, _("%s: unexpected argument %s\n"), PACKAGE, what);
		break;
	}
	args_usage(a->command, stderr);
	args_free(a);
	return ARGS_ERROR;
}

/* "--name[=value]" at argv[*i]. */
static enum args_outcome
long_option(struct args *a, int argc, char **argv, int *i)
{
	const char *name = argv[*i] + 2, *eq = strchr(name, '=');
	size_t len = eq != NULL ? (size_t)(eq - name) : strlen(name);
	const struct arg_option *o;

	if (strcmp(name, "help") == 0)
		return ARGS_HELP;
	/* A flag given a value is no option of the command's. */
	if ((o = find_long(a->command, name, len)) == NULL || (o->value == NULL && eq != NULL))
		return wrong(a, UNKNOWN, argv[*i]);
	if (o->value == NULL)
		give(a, o, NULL);
	else if (eq != NULL)
		give(a, o, eq + 1);
	else if (*i + 1 < argc)
		give(a, o, argv[++*i]);
	else
		return wrong(a, NO_VALUE, argv[*i]);
	return ARGS_RUN;
}

/* "-abc" or "-oVALUE" at argv[*i]. */
static enum args_outcome
short_options(struct args *a, int argc, char **argv, int *i)
{
	const char *s = argv[*i];

	for (int j = 1; s[j] != '\0'; j++) {
		const struct arg_option *o = find_short(a->command, s[j]);
		char spelled[3] = { '-', s[j], '\0' };

		if (o == NULL)
			return wrong(a, UNKNOWN, spelled);
		if (o->value == NULL) {
			give(a, o, NULL);
			continue;
		}
		if (s[j + 1] != '\0')
			give(a, o, s + j + 1);
		else if (*i + 1 < argc)
			give(a, o, argv[++*i]);
		else
			return wrong(a, NO_VALUE, spelled);
		break;
	}
	return ARGS_RUN;
}

enum args_outcome
args_parse(const struct command *c, int argc, char **argv, struct args *a)
{
	bool options = true;

	memset(a, 0, sizeof *a);
	a->command = c;
	a->given = calloc((size_t)argc, sizeof *a->given);
	a->operands = calloc((size_t)argc, sizeof *a->operands);
	if (a->given == NULL || a->operands == NULL) {
		args_free(a);
		fprintf(stderr, "%s: %s\n", PACKAGE, _("out of memory"));
		return ARGS_ERROR;
	}
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		enum args_outcome got = ARGS_RUN;

		if (!options || s[0] != '-' || s[1] == '\0')
			a->operands[a->noperands++] = argv[i];
		else if (strcmp(s, "--") == 0)
			options = false;
		else if (s[1] == '-')
			got = long_option(a, argc, argv, &i);
		else
			got = short_options(a, argc, argv, &i);
		if (got == ARGS_HELP)
			args_free(a);
		if (got != ARGS_RUN)
			return got;
	}
	if (a->noperands > c->operands)
		return wrong(a, UNEXPECTED, a->operands[c->operands]);
	return ARGS_RUN;
}

void
args_free(struct args *a)
{
	free(a->given);
	free(a->operands);
	a->given = NULL;
	a->operands = NULL;
	a->ngiven = a->noperands = 0;
}

const char *
args_value(const struct args *a, const char *name)
{
	const struct arg_option *o = declared(a, name);
	const char *v = NULL;

	for (int i = 0; i < a->ngiven; i++)
		if (a->given[i].option == o)
			v = a->given[i].value;
	return v;
}

bool
args_has(const struct args *a, const char *name)
{
	const struct arg_option *o = declared(a, name);

	for (int i = 0; i < a->ngiven; i++)
		if (a->given[i].option == o)
			return true;
	return false;
}

int
args_values(const struct args *a, const char *name, const char **out, int max)
{
	const struct arg_option *o = declared(a, name);
	int n = 0;

	for (int i = 0; i < a->ngiven; i++)
		if (a->given[i].option == o && n++ < max)
			out[n - 1] = a->given[i].value;
	return n;
}
