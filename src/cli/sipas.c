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

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/plan/period.h"
#include "core/plan/plan.h"
#include "core/plan/validate.h"
#include "core/report/report.h"
#include "core/sipas/sipas.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/i18n.h"
#include "core/text/number.h"

/* A positive whole number argument. */
static bool
parse_id(const char *s, long long *out)
{
	return number_parse_whole(s, 1, LLONG_MAX, out);
}

/* What rounds was given beyond its name: the first option's spelling
 * or the second operand, NULL when nothing. */
static const char *
extra(const struct args *a, char *buf, size_t n)
{
	if (a->ngiven > 0) {
		snprintf(buf, n, "--%s", a->given[0].option->name);
		return buf;
	}
	return a->noperands > 1 ? a->operands[1] : NULL;
}

static int
import(struct db *db, const struct args *a)
{
	int64_t id;

	/* Its options are results' and feed's. */
	if (a->noperands != 2 || a->ngiven > 0)
		return args_usage_error(a->command, "%s", _("sipas import: give one FILE"));
	if ((id = sipas_import(db, a->operands[1])) < 0) {
		cli_fail_db(db);
		return 1;
	}
	printf(_("Questionnaire %lld imported from %s\n"), (long long)id, a->operands[1]);
	return 0;
}

static int
export(struct db *db, const struct args *a)
{
	long long id;

	if (a->noperands != 2 || a->ngiven > 0 || !parse_id(a->operands[1], &id))
		return args_usage_error(a->command, _("sipas export: \"%s\" is not a questionnaire "
		    "number"), a->noperands > 1 ? a->operands[1] : "");
	if (sipas_export(db, id, stdout) != 0) {
		cli_fail_db(db);
		return 1;
	}
	return 0;
}

static int
rounds(struct db *db, const struct args *a)
{
	struct sipas_round *v;
	const char *more;
	char buf[64];
	int n;

	if ((more = extra(a, buf, sizeof buf)) != NULL)
		return args_usage_error(a->command, _("sipas rounds: unexpected argument \"%s\""),
		    more);
	if (sipas_round_list(db, &v, &n) != 0) {
		cli_fail_db(db);
		return 1;
	}
	for (int i = 0; i < n; i++)
		printf("%lld\t%s\t%s\t%s\t%d\n", (long long)v[i].id, v[i].name, v[i].date_from,
		    v[i].date_to, v[i].forms);
	sipas_rounds_free(v, n);
	return 0;
}

struct sipas_args {
	long long round, compare, target, year;
	struct report_output out;
	bool has_out;		/* an option of out given */
	enum period_kind period;
};

/* Takes the options of results and feed; 0, or the exit status. */
static int
parse(const struct args *a, struct sipas_args *s)
{
	static const char *const ids[] = { "round", "compare", "target", "year" };
	static const char *const outs[] = { "format", "width", "encoding", "output", "print",
	    "printer" };
	long long *id[] = { &s->round, &s->compare, &s->target, &s->year };
	const char *period = args_value(a, "period");
	struct err e;

	report_output_init(&s->out);
	if (report_output_args(&s->out, a, &e) != 0)
		return args_usage_error(a->command, "%s", e.msg);
	for (size_t i = 0; i < sizeof outs / sizeof outs[0]; i++)
		s->has_out |= args_has(a, outs[i]);
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		const char *v = args_value(a, ids[i]);

		if (v != NULL && !parse_id(v, id[i]))
			return args_usage_error(a->command, _("--%s: \"%s\" is not a positive number"),
			    ids[i], v);
	}
	if (period != NULL && !period_kind_parse(period, &s->period))
		return args_usage_error(a->command, _("--period: \"%s\" is not q1, h1, m9 or year"),
		    period);
	if (a->noperands > 1)
		return args_usage_error(a->command, _("unexpected argument \"%s\""), a->operands[1]);
	if (s->round == 0)
		return args_usage_error(a->command, "%s", _("--round ID is required"));
	if (report_output_check(&s->out, &e) != 0)
		return args_usage_error(a->command, "%s", e.msg);
	return 0;
}

static int
results(struct db *db, const struct args *a)
{
	struct sipas_args s = { 0 };
	struct report *r = NULL;
	struct plan plan;
	int rc = parse(a, &s), has_plan;

	if (rc != 0)
		return rc;
	if (s.target != 0 || s.year != 0)
		return args_usage_error(a->command, "%s",
		    _("results: --target and --year belong to feed"));
	/* The plan only signs the report: none is no error. */
	if ((has_plan = plan_current(db, &plan)) < 0) {
		cli_fail_db(db);
		return 1;
	}
	rc = report_build_sipas(db, has_plan ? plan.id : 0, s.round, s.compare, &r);
	if (has_plan)
		plan_free(&plan);
	return report_output_built(db, rc, r, &s.out);
}

static int
feed(struct db *db, const struct args *a)
{
	struct sipas_args s = { .period = PERIOD_YEAR };
	struct err err;
	int rc = parse(a, &s);

	if (rc != 0)
		return rc;
	if (s.target == 0 || s.year == 0)
		return args_usage_error(a->command, "%s",
		    _("feed: --target ID and --year YEAR are required"));
	if (s.has_out || s.compare != 0)
		return args_usage_error(a->command, "%s",
		    _("feed: --compare and the output options belong to results"));
	if (sipas_feed_target(db, s.round, s.target, (int)s.year, s.period, &err) != 0) {
		fprintf(stderr, "cchc: %s\n", err.msg);
		return 1;
	}
	return 0;
}

static int
run(struct db *db, const struct args *a)
{
	static const struct {
		const char *name;
		int (*run)(struct db *, const struct args *);
	} subs[] = {
		{ "import", import }, { "export", export }, { "rounds", rounds },
		{ "results", results }, { "feed", feed },
	};

	if (a->noperands < 1)
		return args_usage_error(a->command, "%s", _("sipas: say what to do"));
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(a->operands[0], subs[i].name) == 0)
			return subs[i].run(db, a);
	return args_usage_error(a->command, _("sipas: unknown subcommand \"%s\""), a->operands[0]);
}

const struct command cmd_sipas = {
	.name = "sipas",
	.synopsis = N_("sipas import FILE | export ID | rounds | results --round ID [--compare ID] "
	    "[--format txt|html|csv|pdf|xlsx] [--width 80|132] [--encoding utf8-bom|utf8|cp1258] "
	    "[-o FILE] [--print [--printer NAME]] | feed --round ID --target ID --year YEAR "
	    "[--period q1|h1|m9|year]"),
	.options = (const struct arg_option[]){
		{ "round", 0, "ID", false },
		{ "compare", 0, "ID", false },
		REPORT_OUTPUT_OPTIONS,
		{ "target", 0, "ID", false },
		{ "year", 0, "YEAR", false },
		{ "period", 0, "q1|h1|m9|year", false },
		{ NULL, 0, NULL, false },
	},
	.operands = OPERANDS_ANY,
	.run = run,
};
