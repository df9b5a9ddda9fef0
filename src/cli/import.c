/* cchc import: a plan's task appendix or a list of targets from a file.
 *
 *   cchc import appendix FILE --plan ID [--dry-run] [--strict] [--create-units]
 *                                       [--map NAME=UNIT]...
 *   cchc import targets FILE --plan ID [--dry-run]
 *
 * Prints what the file gives, section by section (tasks, products and
 * deadlines as parsed; targets with the rule read from their text), then
 * a warning for each line that needed a guess and an error for each that
 * cannot be taken, with line numbers.  Without --dry-run it then writes
 * everything in one transaction.  It writes nothing, and exits 1, when a
 * line has an error or (appendix) a unit name matches no unit and is
 * neither created (--create-units) nor mapped to a known unit (--map).
 * A row that cannot be read completely does not stop the appendix: its
 * task is written marked for review, and listed; --strict refuses the
 * file instead.  --dry-run writes everything in a transaction it rolls
 * back, so it exits as the real run would. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/plan/appendix.h"
#include "core/plan/appendix_preview.h"
#include "core/plan/plan.h"
#include "core/plan/section.h"
#include "core/plan/target_import.h"
#include "core/plan/unit_match.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

#define MAX_MAPS 64

struct options {
	const char *what, *file;
	int64_t plan;
	bool dry_run, create_units, strict;
	const char *map[MAX_MAPS + 1];	/* one more, to tell the one too many */
	int nmaps;
};

static int
parse_options(const struct args *a, struct options *o)
{
	const char *plan_arg = args_value(a, "plan");
	long long plan;

	memset(o, 0, sizeof *o);
	o->nmaps = args_values(a, "map", o->map, MAX_MAPS + 1);
	for (int i = 0; i < o->nmaps; i++)
		if (i == MAX_MAPS || strchr(o->map[i], '=') == NULL) {
			fprintf(stderr, _("%s: --map takes NAME=UNIT, not %s\n"), PACKAGE, o->map[i]);
			return 2;
		}
	if (plan_arg != NULL) {
		if (!number_parse_whole(plan_arg, 1, LLONG_MAX, &plan)) {
			fprintf(stderr, _("%s: --plan takes a plan's number, not %s\n"), PACKAGE,
			    plan_arg);
			return 2;
		}
		o->plan = plan;
	}
	o->dry_run = args_has(a, "dry-run");
	o->create_units = args_has(a, "create-units");
	o->strict = args_has(a, "strict");
	if (a->noperands != 2) {
		args_usage(a->command, stderr);
		return 2;
	}
	o->what = a->operands[0];
	o->file = a->operands[1];
	if (strcmp(o->what, "appendix") != 0 && strcmp(o->what, "targets") != 0) {
		fprintf(stderr, _("%s: import appendix or targets, not %s\n"), PACKAGE, o->what);
		return 2;
	}
	if (o->plan == 0) {
		fprintf(stderr, _("%s: --plan ID is required (the plan to import into)\n"), PACKAGE);
		return 2;
	}
	if (strcmp(o->what, "targets") == 0 && (o->create_units || o->nmaps > 0 || o->strict)) {
		fprintf(stderr, _("%s: --create-units, --map and --strict are for the appendix\n"),
		    PACKAGE);
		return 2;
	}
	return 0;
}

/* ---- printing --------------------------------------------------------- */

struct names {
	struct section *sections;
	int nsections;
};

static const char *
delimiter_name(char delim)
{
	switch (delim) {
	case '\t':
		return _("tab-separated");
	case ';':
		return _("semicolon-separated");
	default:
		return _("comma-separated");
	}
}

/* "3 tasks, 4 products" and a new line. */
static void
print_tasks(int tasks, int products)
{
	printf(ngettext("%d task", "%d tasks", tasks), tasks);
	printf(", ");
	printf(ngettext("%d product\n", "%d products\n", products), products);
}

/* The lines the import screen shows, without its colours. */
static void
print_lines(const struct preview_lines *p)
{
	for (int i = 0; i < p->n; i++)
		printf("%*s%s\n", p->lines[i].indent, "", p->lines[i].text);
}

/* The warnings and errors, after a blank line; 0 or -1 (memory). */
static int
print_log(const struct import_log *log)
{
	struct preview_lines p = { 0 };
	int rc = preview_log(&p, log);

	if (rc == 0 && p.n > 0) {
		putchar('\n');
		print_lines(&p);
	}
	preview_lines_free(&p);
	return rc;
}

/* The file, then what the import screen would show of it; 0 or -1. */
static int
print_appendix(struct db *db, const char *file, const struct appendix *a)
{
	struct preview_lines p = { 0 };
	int rc = appendix_preview(db, a, &p);

	if (rc == 0) {
		printf("%s (%s)\n", file, delimiter_name(a->delim));
		print_lines(&p);
	}
	preview_lines_free(&p);
	return rc;
}

static int
print_targets(const struct names *n, const char *file, const struct target_import *ti)
{
	printf("%s: %s, %s; ", file, encoding_name(ti->encoding), delimiter_name(ti->delim));
	printf(ngettext("%d target\n", "%d targets\n", ti->nrows), ti->nrows);
	for (int s = 0; s < n->nsections; s++) {
		bool head = false;

		for (int i = 0; i < ti->nrows; i++) {
			const struct target_import_row *r = &ti->rows[i];
			char v[32];

			if (r->section_id != n->sections[s].id)
				continue;
			if (!head)
				printf("\n%s\n", n->sections[s].title);
			head = true;
			number_format(r->rule.value, v, sizeof v);
			printf("  %-9s %-2s %-5s %s  [%s %d]\n", target_kind_name(r->rule.kind),
			    comparator_symbol(r->rule.cmp), v, r->text, _("line"), r->line);
		}
	}
	return print_log(&ti->log);
}

/* ---- the commands ----------------------------------------------------- */

/* Applies --map NAME=UNIT to the unknown names; 0, or 2 naming the bad
 * argument. */
static int
apply_maps(struct db *db, const struct options *o, struct appendix *a)
{
	for (int i = 0; i < o->nmaps; i++) {
		char *name = strdup(o->map[i]), *unit, *folded = NULL;
		struct err e;
		int64_t id;
		bool found = false;

		if (name == NULL)
			return 1;
		unit = strchr(name, '=');
		*unit++ = '\0';
		if ((id = unit_resolve(db, text_trim(unit), "--map", &e)) < 0) {
			cli_fail_db(db);
			free(name);
			return 1;
		}
		if (id == 0) {
			fprintf(stderr, "%s: %s\n", PACKAGE, e.msg);
			free(name);
			return 2;
		}
		for (int u = 0; u < a->nunknowns; u++) {
			char *f = text_fold(a->unknowns[u].name);

			if (folded == NULL)
				folded = text_fold(text_trim(name));
			if (f != NULL && folded != NULL && strcmp(f, folded) == 0) {
				a->unknowns[u].map_to = id;
				found = true;
			}
			free(f);
		}
		free(folded);
		free(name);
		if (!found) {
			fprintf(stderr, _("%s: --map %s: the file has no unknown unit of that name\n"),
			    PACKAGE, o->map[i]);
			return 2;
		}
	}
	return 0;
}

static bool
unmapped(const struct appendix *a)
{
	for (int i = 0; i < a->nunknowns; i++)
		if (a->unknowns[i].map_to == 0)
			return true;
	return false;
}

static int
import_appendix(struct db *db, const struct options *o, const struct plan *plan)
{
	struct appendix a;
	struct err e;
	int rc;

	if (appendix_parse_file(db, o->file, plan->year_from, plan->year_to, &a) != 0) {
		cli_fail_db(db);
		appendix_free(&a);
		return 1;
	}
	if ((rc = apply_maps(db, o, &a)) == 0 && print_appendix(db, o->file, &a) != 0) {
		cli_fail_db(db);
		rc = 1;
	} else if (rc == 0 && a.log.nerrors > 0) {
		fprintf(stderr, ngettext("%s: %s: %d line cannot be taken (see the errors above): "
		    "nothing was written\n", "%s: %s: %d lines cannot be taken (see the errors above): "
		    "nothing was written\n", a.log.nerrors), PACKAGE, o->file, a.log.nerrors);
		rc = 1;
	} else if (rc == 0 && !o->create_units && unmapped(&a)) {
		fprintf(stderr, _("%s: %s: units that are not known (listed above): create them with "
		    "--create-units or say which unit each is with --map NAME=UNIT; nothing was "
		    "written\n"), PACKAGE, o->file);
		rc = 1;
	} else if (rc == 0 && o->strict && a.nreview > 0) {
		fprintf(stderr, ngettext("%s: %s: %d task would be kept for review (listed above), "
		    "refused with --strict: nothing was written\n", "%s: %s: %d tasks would be kept "
		    "for review (listed above), refused with --strict: nothing was written\n",
		    a.nreview), PACKAGE, o->file, a.nreview);
		rc = 1;
	} else if (rc == 0 && appendix_write(db, &a, plan->id, o->create_units, o->dry_run) != 0) {
		err_db(&e, db);
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, o->file, e.msg);
		rc = 1;
	} else if (rc == 0 && o->dry_run) {
		printf("\n%s\n", _("Dry run: nothing was written."));
	} else if (rc == 0) {
		printf("\n");
		printf(_("Imported into the plan \"%s\": "), plan->title);
		print_tasks(a.ntasks, a.nproducts);
		if (a.nreview > 0)
			printf(ngettext("%d task is marked for review (cần xem lại).\n",
			    "%d tasks are marked for review (cần xem lại).\n", a.nreview), a.nreview);
	}
	appendix_free(&a);
	return rc;
}

static int
import_targets(struct db *db, const struct options *o, const struct plan *plan,
    const struct names *n)
{
	struct target_import ti;
	struct err e;
	int rc = 0;

	if (target_import_parse_file(db, o->file, &ti) != 0) {
		cli_fail_db(db);
		target_import_free(&ti);
		return 1;
	}
	if (print_targets(n, o->file, &ti) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, _("Out of memory"));
		rc = 1;
	} else if (ti.log.nerrors > 0) {
		fprintf(stderr, ngettext("%s: %s: %d line cannot be taken (see the errors above): "
		    "nothing was written\n", "%s: %s: %d lines cannot be taken (see the errors above): "
		    "nothing was written\n", ti.log.nerrors), PACKAGE, o->file, ti.log.nerrors);
		rc = 1;
	} else if (target_import_write(db, &ti, plan->id, o->dry_run) != 0) {
		err_db(&e, db);
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, o->file, e.msg);
		rc = 1;
	} else if (o->dry_run) {
		printf("\n%s\n", _("Dry run: nothing was written."));
	} else {
		printf("\n");
		printf(_("Imported into the plan \"%s\": "), plan->title);
		printf(ngettext("%d target\n", "%d targets\n", ti.nrows), ti.nrows);
	}
	target_import_free(&ti);
	return rc;
}

static int
run(struct db *db, const struct args *a)
{
	struct options o;
	struct plan plan = { 0 };
	struct names n = { 0 };
	int rc;

	if ((rc = parse_options(a, &o)) != 0)
		return rc;
	if ((rc = plan_get(db, o.plan, &plan)) <= 0) {
		if (rc == 0)
			fprintf(stderr, _("%s: --plan %lld: no such plan\n"), PACKAGE, (long long)o.plan);
		else
			cli_fail_db(db);
		return rc == 0 ? 2 : 1;
	}
	if (section_list(db, &n.sections, &n.nsections) != 0) {
		cli_fail_db(db);
		rc = 1;
	} else if (strcmp(o.what, "appendix") == 0) {
		rc = import_appendix(db, &o, &plan);
	} else {
		rc = import_targets(db, &o, &plan, &n);
	}
	sections_free(n.sections, n.nsections);
	plan_free(&plan);
	return rc;
}

const struct command cmd_import = {
	.name = "import",
	.synopsis = N_("import appendix FILE --plan ID [--dry-run] [--strict] [--create-units] "
	    "[--map NAME=UNIT]... | import targets FILE --plan ID [--dry-run]"),
	.options = (const struct arg_option[]){
		{ "plan", 0, "ID", false },
		{ "dry-run", 0, NULL, false },
		{ "create-units", 0, NULL, false },
		{ "strict", 0, NULL, false },
		{ "map", 0, "NAME=UNIT", true },
		{ NULL, 0, NULL, false },
	},
	.operands = OPERANDS_ANY,
	.run = run,
};
