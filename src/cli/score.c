/* cchc score: a year's PAR INDEX self-assessment without the UI.
 *
 *   cchc score --year 2025 [--format txt|csv] [--set ID]
 *   cchc score --import FILE | --template     (then scores with the new set)
 *   cchc score --export [--set ID]            (the set, cchc-criteria(5))
 *
 * txt is for reading (Vietnamese numbers when the language is Vietnamese,
 * columns by display width); csv is for spreadsheets (UTF-8 with a BOM so
 * that Excel reads the marks, decimal point, RFC 4180 quoting). */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/assessment.h"
#include "core/criteria.h"
#include "core/date.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/number.h"
#include "core/text.h"

int cli_score(struct db *db, int argc, char **argv);

#define TITLE_COLS 44

static void
put_padded(const char *s, int cols)
{
	size_t fit = text_fit(s, cols);
	char *part = strndup(s, fit);
	int w = part != NULL ? text_width(part) : cols;

	fwrite(s, 1, fit, stdout);
	free(part);
	for (; w < cols; w++)
		putchar(' ');
}

/* A space, then s aligned right in cols display columns (printf's
 * widths count bytes, not letters). */
static void
put_right(const char *s, int cols)
{
	putchar(' ');
	for (int w = text_width(s); w < cols; w++)
		putchar(' ');
	fputs(s, stdout);
}

static void
put_num(bool has, double v, int cols)
{
	char buf[32] = "";

	if (has)
		number_format(v, buf, sizeof buf);
	put_right(buf, cols);
}

static void
print_txt(const struct assessment *a, const struct assessment *prev)
{
	const struct criteria_set *s = &a->set;

	printf("%s\n", s->name);
	printf(_("Self-assessment of %d"), a->year);
	printf("\n\n");
	put_padded(_("Criterion"), TITLE_COLS + 7);
	put_right(_("Max"), 7);
	put_right(_("Self"), 7);
	put_right(_("Round 1"), 7);
	put_right(_("Round 2"), 7);
	putchar('\n');
	for (int i = 0; i < s->n; i++) {
		const struct par_node *c = &s->nodes[i];
		const struct par_line *l = &a->lines[i];
		char head[600];

		snprintf(head, sizeof head, "%*s%-6s %s", 2 * c->depth, "", c->code, c->title);
		put_padded(head, TITLE_COLS + 7);
		put_num(true, c->max, 7);
		put_num(!c->leaf || l->has_self || l->has_override, l->points, 7);
		put_num(c->leaf && l->has_r1, l->r1, 7);
		put_num(c->leaf && l->has_r2, l->r2, 7);
		putchar('\n');
	}
	putchar('\n');
	{
		char pts[32], max[32], idx[32];

		number_format(a->self.points, pts, sizeof pts);
		number_format(a->self.max, max, sizeof max);
		number_format(a->self.index, idx, sizeof idx);
		printf(_("Total: %s of %s"), pts, max);
		putchar('\n');
		if (!a->survey_held)
			printf("%s\n", _("No survey held: the appraised part is scaled to 100."));
		printf(_("Index: %s (band %s)"), idx, a->self.band);
		putchar('\n');
		if (a->has_appraised) {
			number_format(a->appraised.index, idx, sizeof idx);
			printf(_("Appraised index: %s (band %s)"), idx, a->appraised.band);
			putchar('\n');
		}
	}
	if (prev != NULL) {
		struct par_compare *rows;
		int n;

		if (assessment_compare(a, prev, &rows, &n) != 0)
			return;
		putchar('\n');
		printf(_("Compared with %d"), prev->year);
		putchar('\n');
		for (int i = 0; i < n; i++) {
			char head[600];

			if (rows[i].title != NULL)
				snprintf(head, sizeof head, "%-6s %s", rows[i].code, rows[i].title);
			else
				snprintf(head, sizeof head, "%s", _("Index"));
			put_padded(head, TITLE_COLS + 7);
			put_num(true, rows[i].now, 7);
			put_num(rows[i].has_before, rows[i].before, 7);
			put_num(rows[i].has_before, rows[i].difference, 7);
			putchar('\n');
		}
		free(rows);
	}
}

static void
csv_text(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

/* Machine numbers: a decimal point, no needless decimals. */
static void
csv_num(bool has, double v)
{
	putchar(',');
	if (has)
		printf("%.10g", v);
}

static void
print_csv(const struct assessment *a)
{
	const struct criteria_set *s = &a->set;

	fputs("\xEF\xBB\xBF", stdout);
	puts("code,title,max,a,b,source,self,override,reason,round1,round2,explanation,evidence");
	for (int i = 0; i < s->n; i++) {
		const struct par_node *c = &s->nodes[i];
		const struct par_line *l = &a->lines[i];

		csv_text(c->code);
		putchar(',');
		csv_text(c->title);
		csv_num(true, c->max);
		csv_num(l->in.has_a, l->in.a);
		csv_num(l->in.has_b, l->in.b);
		putchar(',');
		csv_text(l->source_text);
		csv_num(!c->leaf || l->has_self || l->has_override, l->points);
		csv_num(l->has_override, l->override);
		putchar(',');
		csv_text(l->reason);
		csv_num(l->has_r1, l->r1);
		csv_num(l->has_r2, l->r2);
		putchar(',');
		csv_text(l->explanation);
		putchar(',');
		putchar('"');
		for (int k = 0; k < l->nevidence; k++) {
			char vn[11] = "";
			struct date d;

			if (date_parse_iso(l->evidence[k].date, &d))
				date_format_vn(d, vn);
			printf("%s%s %s %s", k ? "; " : "", l->evidence[k].number, vn,
			    l->evidence[k].summary);
		}
		puts("\"");
	}
	printf("\"\",\"%s\"", "total");
	csv_num(true, a->self.max);
	printf(",,,");
	csv_num(true, a->self.points);
	printf(",,,,,,\n\"\",\"index\",100,,,\"%s\"", a->self.band);
	csv_num(true, a->self.index);
	puts(",,,,,,");
}

static int
usage(void)
{
	fprintf(stderr, "%s\n", _("usage: cchc score --year YEAR [--format txt|csv] [--set ID] "
	    "[--import FILE | --template] [--export]"));
	return 2;
}

struct score_options {
	int year;
	bool csv, export;
	int64_t set;
	const char *import;
	bool template;
};

static int
parse(int argc, char **argv, struct score_options *o)
{
	static const struct option longopts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "set", required_argument, NULL, 's' },
		{ "import", required_argument, NULL, 'i' },
		{ "template", no_argument, NULL, 't' },
		{ "export", no_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 },
	};
	long long set;
	char *end;
	int ch;

	memset(o, 0, sizeof *o);
	o->year = date_today().year;
	while ((ch = getopt_long(argc, argv, "y:f:s:i:te", longopts, NULL)) != -1) {
		switch (ch) {
		case 'y':
			o->year = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || o->year < 1990 || o->year > 2200) {
				fprintf(stderr, _("cchc: --year: \"%s\" is not a year between "
				    "1990 and 2200\n"), optarg);
				return 2;
			}
			break;
		case 'f':
			if (strcmp(optarg, "csv") != 0 && strcmp(optarg, "txt") != 0) {
				fprintf(stderr, _("cchc: --format: \"%s\" is not txt or csv\n"),
				    optarg);
				return 2;
			}
			o->csv = strcmp(optarg, "csv") == 0;
			break;
		case 's':
			if (!number_parse_whole(optarg, 1, LLONG_MAX, &set)) {
				fprintf(stderr, _("cchc: --set: \"%s\" is not a set number\n"),
				    optarg);
				return 2;
			}
			o->set = set;
			break;
		case 'i':
			o->import = optarg;
			break;
		case 't':
			o->template = true;
			break;
		case 'e':
			o->export = true;
			break;
		default:
			return usage();
		}
	}
	if (optind != argc) {
		fprintf(stderr, _("cchc: score: unexpected argument \"%s\"\n"), argv[optind]);
		return 2;
	}
	return 0;
}

/* The set the options name, imported or found; 0 when none. */
static int64_t
choose_set(struct db *db, const struct score_options *o)
{
	if (o->import != NULL)
		return criteria_import(db, o->import);
	if (o->template)
		return criteria_import_template(db, o->year);
	if (o->set != 0)
		return o->set;
	return criteria_find(db, o->year);
}

int
cli_score(struct db *db, int argc, char **argv)
{
	struct score_options o;
	struct assessment a, prev;
	int64_t set, prev_set;
	bool has_prev = false;
	int rc;

	if ((rc = parse(argc, argv, &o)) != 0)
		return rc;
	if ((set = choose_set(db, &o)) < 0) {
		fprintf(stderr, "cchc: %s\n", db_error(db));
		return 1;
	}
	if (set == 0) {
		fprintf(stderr, _("cchc: no criteria set for %d: import one with "
		    "\"cchc score --import FILE\", or the commune template with "
		    "\"cchc score --template\"\n"), o.year);
		return 1;
	}
	if (o.export) {
		struct criteria_set s;

		if (criteria_load(db, set, &s) != 0) {
			fprintf(stderr, "cchc: %s\n", db_error(db));
			return 1;
		}
		rc = criteria_export(&s, stdout);
		criteria_free(&s);
		return rc == 0 ? 0 : 1;
	}
	if (assessment_load(db, set, o.year, &a) != 0) {
		fprintf(stderr, "cchc: %s\n", db_error(db));
		return 1;
	}
	/* Last year's set, else this one used again. */
	if ((prev_set = criteria_find(db, o.year - 1)) == 0)
		prev_set = set;
	if (prev_set > 0 && assessment_load(db, prev_set, o.year - 1, &prev) == 0) {
		has_prev = prev.id != 0;
		if (!has_prev)
			assessment_free(&prev);
	}
	if (o.csv)
		print_csv(&a);
	else
		print_txt(&a, has_prev ? &prev : NULL);
	assessment_free(&a);
	if (has_prev)
		assessment_free(&prev);
	return fflush(stdout) == 0 ? 0 : 1;
}
