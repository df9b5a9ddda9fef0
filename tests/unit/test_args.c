/* Unit tests for src/cli/args.c: the commands' argument parser reads what
 * getopt_long read before it (options among operands, --name=VALUE,
 * unambiguous prefixes, grouped short options, "--") and tells every
 * mistake naming the argument. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "fixture.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static int
never_run(struct db *db, const struct args *a)
{
	(void)db;
	(void)a;
	return 0;
}

static const struct command test_command = {
	.name = "test",
	.synopsis = "test [A [B]] [--plan ID] [-n] [-y YEAR] [--print [--printer NAME]] "
	    "[--map NAME=UNIT]...",
	.options = (const struct arg_option[]){
		{ "plan", 0, "ID", false },
		{ "dry-run", 'n', NULL, false },
		{ "year", 'y', "YEAR", false },
		{ "print", 0, NULL, false },
		{ "printer", 0, "NAME", false },
		{ "map", 0, "NAME=UNIT", true },
		{ NULL, 0, NULL, false },
	},
	.operands = 2,
	.run = never_run,
};

static const struct {
	const char *argv;	/* split at spaces, after the command's name */
	enum args_outcome want;
	const char *got;	/* ARGS_RUN: "name=value... | operands"; else on stderr */
} cases[] = {
	{ "--plan 1 a", ARGS_RUN, "plan=1 | a" },
	{ "--plan=1", ARGS_RUN, "plan=1 |" },
	{ "a --plan 1 b", ARGS_RUN, "plan=1 | a b" },
	{ "--pla 1", ARGS_RUN, "plan=1 |" },
	{ "--print", ARGS_RUN, "print |" },
	{ "--printer x", ARGS_RUN, "printer=x |" },
	{ "-ny2025", ARGS_RUN, "dry-run year=2025 |" },
	{ "-n -y 2025", ARGS_RUN, "dry-run year=2025 |" },
	{ "--plan --dry-run", ARGS_RUN, "plan=--dry-run |" },
	{ "--map a=b --map c=d", ARGS_RUN, "map=a=b map=c=d |" },
	{ "-- --plan", ARGS_RUN, "| --plan" },
	{ "- a", ARGS_RUN, "| - a" },
	{ "a --help", ARGS_HELP, "" },
	{ "--prin", ARGS_ERROR, "unknown option --prin\nusage: cchc test [A [B]]" },
	{ "--bogus=1", ARGS_ERROR, "unknown option --bogus=1" },
	{ "--dry-run=1", ARGS_ERROR, "unknown option --dry-run=1" },
	{ "-nx", ARGS_ERROR, "unknown option -x" },
	{ "--plan", ARGS_ERROR, "option --plan needs a value" },
	{ "-ny", ARGS_ERROR, "option -y needs a value" },
	{ "a b c", ARGS_ERROR, "unexpected argument c\nusage: cchc test" },
};

/* What a holds, as the cases write it. */
static void
render(const struct args *a, char *out, size_t n)
{
	size_t len = 0;

	*out = '\0';
	for (int i = 0; i < a->ngiven; i++)
		len += (size_t)snprintf(out + len, n - len, "%s%s%s ", a->given[i].option->name,
		    a->given[i].value != NULL ? "=" : "", a->given[i].value != NULL ?
		    a->given[i].value : "");
	len += (size_t)snprintf(out + len, n - len, "|");
	for (int i = 0; i < a->noperands; i++)
		len += (size_t)snprintf(out + len, n - len, " %s", a->operands[i]);
}

START_TEST(test_parse)
{
	char line[256], *argv[16] = { "test" }, got[256], err[512];
	int argc = 1;
	struct args a;
	enum args_outcome outcome;
	FILE *fp;
	size_t n;

	snprintf(line, sizeof line, "%s", cases[_i].argv);
	for (char *s = strtok(line, " "); s != NULL; s = strtok(NULL, " "))
		argv[argc++] = s;
	fixture_mkdir("args");
	ck_assert_ptr_nonnull(freopen(fixture_path("err"), "w", stderr));
	outcome = args_parse(&test_command, argc, argv, &a);
	fflush(stderr);
	ck_assert_ptr_nonnull(fp = fopen(fixture_path("err"), "r"));
	n = fread(err, 1, sizeof err - 1, fp);
	err[n] = '\0';
	fclose(fp);
	ck_assert_msg(outcome == cases[_i].want, "%s: outcome %d", cases[_i].argv, outcome);
	if (outcome == ARGS_RUN) {
		render(&a, got, sizeof got);
		ck_assert_str_eq(got, cases[_i].got);
		ck_assert_str_eq(err, "");
		args_free(&a);
	} else {
		ck_assert_msg(strstr(err, cases[_i].got) != NULL, "%s: \"%s\"", cases[_i].argv, err);
		ck_assert_ptr_null(a.given);
	}
	fixture_close(NULL);
}
END_TEST

/* The last value of an option counts, as getopt's loops took it; a
 * repeatable one keeps them all, at most as many as asked for. */
START_TEST(test_values)
{
	char *argv[] = { "test", "--plan", "1", "--map", "a=1", "--plan=2", "--map", "b=2", "-n" };
	const char *maps[1];
	struct args a;

	ck_assert_int_eq(args_parse(&test_command, NELEM(argv), argv, &a), ARGS_RUN);
	ck_assert_str_eq(args_value(&a, "plan"), "2");
	ck_assert_ptr_null(args_value(&a, "year"));
	ck_assert(args_has(&a, "dry-run"));
	ck_assert(!args_has(&a, "print"));
	ck_assert_int_eq(args_values(&a, "map", maps, 1), 2);
	ck_assert_str_eq(maps[0], "a=1");
	args_free(&a);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("args");
	TCase *tc = tcase_create("args");

	tcase_add_loop_test(tc, test_parse, 0, NELEM(cases));
	tcase_add_test(tc, test_values);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
