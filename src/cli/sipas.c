/* `cchc sipas`: satisfaction survey questionnaires and results without the
 * UI.
 *   sipas import FILE                    load a questionnaire (TSV)
 *   sipas export ID                      write questionnaire ID as TSV
 *   sipas rounds                         the survey rounds, one a line
 *   sipas results --round ID [--compare ID] [--format txt|html|csv|pdf|xlsx]
 *       [--width 80|132] [--encoding ...] [-o FILE] [--print [--printer NAME]]
 *                                        the round's report (report.h), as
 *                                        `cchc report sipas` writes it
 *   sipas feed --round ID --target ID --year YEAR [--period q1|h1|m9|year]
 *                                        record the round's index as the
 *                                        target's result for the period */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/number.h"
#include "core/period.h"
#include "core/plan.h"
#include "core/report.h"
#include "core/sipas.h"
#include "core/validate.h"

int cli_sipas(struct db *db, int argc, char **argv);

static int usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "cchc: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s\n", _("usage: cchc sipas import FILE | export ID | rounds | "
	    "results --round ID [--compare ID] [--format txt|html|csv|pdf|xlsx] [--width 80|132] "
	    "[--encoding utf8-bom|utf8|cp1258] [-o FILE] [--print [--printer NAME]] | "
	    "feed --round ID --target ID --year YEAR [--period q1|h1|m9|year]"));
	return 2;
}

/* A positive whole number argument. */
static bool
parse_id(const char *s, long long *out)
{
	return number_parse_whole(s, 1, LLONG_MAX, out);
}

static int
import(struct db *db, int argc, char **argv)
{
	int64_t id;

	if (argc != 3)
		return usage("%s", _("sipas import: give one FILE"));
	if ((id = sipas_import(db, argv[2])) < 0) {
		fprintf(stderr, "cchc: %s\n", db_error(db));
		return 1;
	}
	printf(_("Questionnaire %lld imported from %s\n"), (long long)id, argv[2]);
	return 0;
}

static int
export(struct db *db, int argc, char **argv)
{
	long long id;

	if (argc != 3 || !parse_id(argv[2], &id))
		return usage(_("sipas export: \"%s\" is not a questionnaire number"),
		    argc > 2 ? argv[2] : "");
	if (sipas_export(db, id, stdout) != 0) {
		fprintf(stderr, "cchc: %s\n", db_error(db));
		return 1;
	}
	return 0;
}

static int
rounds(struct db *db, int argc, char **argv)
{
	struct sipas_round *v;
	int n;

	if (argc != 2)
		return usage(_("sipas rounds: unexpected argument \"%s\""), argv[2]);
	if (sipas_round_list(db, &v, &n) != 0) {
		fprintf(stderr, "cchc: %s\n", db_error(db));
		return 1;
	}
	for (int i = 0; i < n; i++)
		printf("%lld\t%s\t%s\t%s\t%d\n", (long long)v[i].id, v[i].name, v[i].date_from,
		    v[i].date_to, v[i].forms);
	sipas_rounds_free(v, n);
	return 0;
}

struct args {
	long long round, compare, target, year;
	struct report_output out;
	bool has_out;		/* an option of out given */
	enum period_kind period;
};

/* Parses the options of results and feed; 0, or the exit status. */
static int
parse(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "round", required_argument, NULL, 'r' },
		{ "compare", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "width", required_argument, NULL, 'w' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "output", required_argument, NULL, 'o' },
		{ "print", no_argument, NULL, 'P' },
		{ "printer", required_argument, NULL, 'd' },
		{ "target", required_argument, NULL, 't' },
		{ "year", required_argument, NULL, 'y' },
		{ "period", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	char err[200];
	int c;

	/* The subcommand stands where getopt expects the program's name. */
	argc--;
	argv++;
	optind = 0;
	opterr = 0;
	report_output_init(&a->out);
	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		long long *id = c == 'r' ? &a->round : c == 'c' ? &a->compare :
		    c == 't' ? &a->target : c == 'y' ? &a->year : NULL;
		int taken = report_output_option(&a->out, c, optarg, err, sizeof err);

		if (taken < 0)
			return usage("%s", err);
		a->has_out |= taken > 0;
		if (id != NULL && !parse_id(optarg, id))
			return usage(_("\"%s\" is not a positive number"), optarg);
		if (c == 'p' && !period_kind_parse(optarg, &a->period))
			return usage(_("--period: \"%s\" is not q1, h1, m9 or year"), optarg);
		if (c == '?')
			return usage(_("unknown option \"%s\""), argv[optind - 1]);
	}
	if (optind < argc)
		return usage(_("unexpected argument \"%s\""), argv[optind]);
	if (a->round == 0)
		return usage("%s", _("--round ID is required"));
	if (report_output_check(&a->out, err, sizeof err) != 0)
		return usage("%s", err);
	return 0;
}

static int
results(struct db *db, int argc, char **argv)
{
	struct args a = { 0 };
	struct report *r;
	struct plan plan;
	int rc = parse(argc, argv, &a), has_plan;

	if (rc != 0)
		return rc;
	if (a.target != 0 || a.year != 0)
		return usage("%s", _("results: --target and --year belong to feed"));
	/* The plan only signs the report: none is no error. */
	if ((has_plan = plan_current(db, &plan)) < 0) {
		fprintf(stderr, "cchc: %s\n", db_error(db));
		return 1;
	}
	rc = report_build_sipas(db, has_plan ? plan.id : 0, a.round, a.compare, &r);
	if (has_plan)
		plan_free(&plan);
	if (rc != 0) {
		fprintf(stderr, "cchc: %s\n", db_error(db));
		return 1;
	}
	rc = report_output_save(db, r, &a.out);
	report_free(r);
	return rc;
}

static int
feed(struct db *db, int argc, char **argv)
{
	struct args a = { .period = PERIOD_YEAR };
	struct field_error err;
	int rc = parse(argc, argv, &a);

	if (rc != 0)
		return rc;
	if (a.target == 0 || a.year == 0)
		return usage("%s", _("feed: --target ID and --year YEAR are required"));
	if (a.has_out || a.compare != 0)
		return usage("%s", _("feed: --compare and the output options belong to results"));
	if (sipas_feed_target(db, a.round, a.target, (int)a.year, a.period, &err) != 0) {
		fprintf(stderr, "cchc: %s\n", err.message);
		return 1;
	}
	return 0;
}

int
cli_sipas(struct db *db, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(struct db *, int, char **);
	} subs[] = {
		{ "import", import }, { "export", export }, { "rounds", rounds },
		{ "results", results }, { "feed", feed },
	};

	if (argc < 2)
		return usage("%s", _("sipas: say what to do"));
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(db, argc, argv);
	return usage(_("sipas: unknown subcommand \"%s\""), argv[1]);
}
