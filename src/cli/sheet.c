/* cchc sheet: update sheets out to the units, their answers back in.
 *
 *   cchc sheet export --period P [--unit UNIT] [-o DIR]
 *       one workbook per unit (or the one unit) into DIR, by default the
 *       documents folder
 *   cchc sheet import FILE... [--dry-run] [--take sheet|cchc]
 *       the answers (xlsx, or the sheet saved as CSV): per task the unit,
 *       the field, before -> after; written in one transaction.  A task
 *       changed in cchc since its sheet was made and in the sheet too is a
 *       conflict, written only with --take.  Exit 3 when cells were
 *       skipped or conflicts left.
 *   cchc sheet status --period P
 *       per unit: out, back or missing */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/io/sheet.h"
#include "core/plan/plan.h"
#include "core/plan/unit.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/paths.h"
#include "core/text/date.h"
#include "core/text/i18n.h"

static void
told(const char *path, const struct sheet_book *b, void *arg)
{
	(void)arg;
	printf(ngettext("%s: %d task\n", "%s: %d tasks\n", b->nrows), path, b->nrows);
}

static int
export(struct db *db, const struct plan *plan, int year, enum period_kind period,
    const char *unit_arg, const char *dir)
{
	char docs[4096];
	int64_t unit = 0;
	int n;

	if (unit_arg != NULL && (unit = unit_find(db, unit_arg)) <= 0) {
		if (unit == 0)
			fprintf(stderr, _("%s: no unit called %s\n"), PACKAGE, unit_arg);
		else
			cli_fail_db(db);
		return unit == 0 ? 2 : 1;
	}
	if (dir == NULL) {
		if (paths_documents_dir(docs, sizeof docs) != 0) {
			fprintf(stderr, "%s: %s\n", PACKAGE, _("the documents folder's path is too long"));
			return 1;
		}
		dir = docs;
	}
	if ((n = sheet_export(db, plan->id, year, period, unit, dir, told, NULL)) < 0) {
		cli_fail_db(db);
		return 1;
	}
	printf(ngettext("Wrote %d sheet into %s.", "Wrote %d sheets into %s.", n), n, dir);
	putchar('\n');
	return 0;
}

static void
print_item(const struct sheet_item *it)
{
	printf("%s · %s %s\n", it->unit, it->tt, it->description);
	for (int i = 0; i < it->nchanges; i++) {
		const struct sheet_change *c = &it->changes[i];

		if (it->state == SHEET_CONFLICT)
			printf(_("  %s: cchc \"%s\" | sheet \"%s\"\n"), c->heading,
			    c->before, c->after);
		else
			printf("  %s: %s → %s\n", c->heading, c->before, c->after);
	}
}

static int
import(struct db *db, char **files, int nfiles, bool dry_run, int take)
{
	struct sheet_answers a = { 0 };
	int conflicts = 0, applied = 0, rc = 0;

	for (int i = 0; i < nfiles; i++)
		if (sheet_answers_read(db, files[i], &a) != 0) {
			cli_fail_db(db);
			sheet_answers_free(&a);
			return 1;
		}
	for (int i = 0; i < a.nproblems; i++)
		fprintf(stderr, "%s: %s\n", PACKAGE, a.problems[i]);
	for (int i = 0; i < a.nitems; i++) {
		struct sheet_item *it = &a.items[i];

		if (it->state == SHEET_CONFLICT) {
			conflicts++;
			it->take = take;
			continue;
		}
		print_item(it);
	}
	if (conflicts > 0) {
		printf(ngettext("%d conflict: changed in cchc since the sheet was made, and in "
		    "the sheet:\n", "%d conflicts: changed in cchc since the sheet was made, and "
		    "in the sheet:\n", conflicts), conflicts);
		for (int i = 0; i < a.nitems; i++)
			if (a.items[i].state == SHEET_CONFLICT)
				print_item(&a.items[i]);
		if (take == 0)
			printf("%s\n", _("Neither side is written: run again with --take sheet or "
			    "--take cchc."));
	}
	if (dry_run) {
		printf("%s\n", _("Dry run: nothing was written."));
	} else if ((applied = sheet_answers_apply(db, &a)) < 0) {
		cli_fail_db(db);
		rc = 1;
	} else {
		printf(ngettext("%d task or result updated.", "%d tasks and results updated.",
		    applied), applied);
		putchar('\n');
	}
	if (rc == 0 && (a.nproblems > 0 || (conflicts > 0 && take == 0)))
		rc = 3;
	sheet_answers_free(&a);
	return rc;
}

/* An ISO day as offices write it. */
static void
shown_day(const char *iso, char out[11])
{
	struct date d;

	if (date_parse_iso(iso, &d))
		date_format_vn(d, out);
	else
		snprintf(out, 11, "%s", iso);
}

static int
status(struct db *db, const struct plan *plan, int year, enum period_kind period)
{
	struct sheet_status *s;
	char label[64];
	int n;

	if (sheet_status_list(db, plan->id, year, period, &s, &n) != 0) {
		cli_fail_db(db);
		return 1;
	}
	report_period_label(year, period, label, sizeof label);
	printf(_("Update sheets, %s:\n"), label);
	for (int i = 0; i < n; i++) {
		char made[11], back[11];

		shown_day(s[i].made, made);
		shown_day(s[i].returned, back);
		printf("%s\t%s", sheet_state_label(s[i].state), s[i].unit);
		if (s[i].state == SHEET_BACK)
			printf(_(" (sent %s, back %s)"), made, back);
		else if (s[i].state == SHEET_OUT)
			printf(_(" (sent %s)"), made);
		putchar('\n');
	}
	sheet_status_free(s, n);
	return 0;
}

static int
run(struct db *db, const struct args *a)
{
	const char *period_arg = args_value(a, "period"), *unit = args_value(a, "unit");
	const char *dir = args_value(a, "output"), *take_arg = args_value(a, "take"), *what;
	bool dry_run = args_has(a, "dry-run");
	int take = 0, year = 0, rc, has_plan;
	enum period_kind period = PERIOD_YEAR;
	struct plan plan;

	if (take_arg != NULL) {
		if (strcmp(take_arg, "sheet") == 0)
			take = 1;
		else if (strcmp(take_arg, "cchc") == 0)
			take = 2;
		else {
			fprintf(stderr, _("%s: --take sheet or --take cchc, not %s\n"), PACKAGE, take_arg);
			return 2;
		}
	}
	if (a->noperands == 0) {
		args_usage(a->command, stderr);
		return 2;
	}
	what = a->operands[0];
	if (strcmp(what, "import") == 0) {
		if (a->noperands == 1 || period_arg != NULL || unit != NULL || dir != NULL) {
			args_usage(a->command, stderr);
			return 2;
		}
		return import(db, a->operands + 1, a->noperands - 1, dry_run, take);
	}
	if ((strcmp(what, "export") != 0 && strcmp(what, "status") != 0) || a->noperands != 1 ||
	    dry_run || take != 0 || (strcmp(what, "status") == 0 && (unit != NULL || dir != NULL))) {
		args_usage(a->command, stderr);
		return 2;
	}
	if (period_arg == NULL) {
		fprintf(stderr, "%s: %s\n", PACKAGE,
		    _("--period is required (2025-Q1, 2025-6T, 2025-9T or 2025-N)"));
		return 2;
	}
	if (!report_period_parse(period_arg, &year, &period)) {
		fprintf(stderr, _("%s: not a period: %s (write 2025-Q1, 2025-6T, 2025-9T or 2025-N)\n"),
		    PACKAGE, period_arg);
		return 2;
	}
	if ((has_plan = plan_current(db, &plan)) < 0) {
		cli_fail_db(db);
		return 1;
	}
	if (has_plan == 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, _("there is no plan"));
		return 1;
	}
	if (strcmp(what, "export") == 0)
		rc = export(db, &plan, year, period, unit, dir);
	else
		rc = status(db, &plan, year, period);
	plan_free(&plan);
	return rc;
}

const struct command cmd_sheet = {
	.name = "sheet",
	.synopsis = N_("sheet export --period YEAR-Q1|6T|9T|N [--unit UNIT] [-o DIR] | sheet import "
	    "FILE... [--dry-run] [--take sheet|cchc] | sheet status --period YEAR-Q1|6T|9T|N"),
	.options = (const struct arg_option[]){
		{ "period", 0, "YEAR-Q1|6T|9T|N", false },
		{ "unit", 0, "UNIT", false },
		{ "output", 'o', "DIR", false },
		{ "dry-run", 0, NULL, false },
		{ "take", 0, "sheet|cchc", false },
		{ NULL, 0, NULL, false },
	},
	.operands = OPERANDS_ANY,
	.run = run,
};
