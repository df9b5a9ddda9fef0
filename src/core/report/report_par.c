/* The PAR INDEX self-assessment sheet of a year: the assessment as
 * assessment.c scores it, with the appraisal rounds, the explanations and
 * last year beside it. */
#include "core/report/report_build.h"

#include <stdlib.h>
#include <string.h>

#include "core/par/assessment.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/number.h"

/* The documents cited for a leaf, one a line, each after a dash when
 * there are several. */
static char *
evidence_text(struct builder *b, const struct par_line *l)
{
	char *text = NULL;
	size_t len;
	FILE *fp = report_lines_open(b, &text, &len);

	for (int k = 0; fp != NULL && k < l->nevidence; k++) {
		const struct par_evidence *e = &l->evidence[k];

		fprintf(fp, "%s%s", k > 0 ? "\n" : "", l->nevidence > 1 ? "- " : "");
		report_put_document(fp, e->number, e->date, e->summary);
	}
	return report_lines_close(b, fp, &text);
}

/* The totals, the index and its band, as `cchc score` words them. */
static void
add_par_totals(struct builder *b, const struct assessment *a)
{
	char *text = NULL, pts[32], max[32], idx[32];
	size_t len;
	FILE *fp = report_lines_open(b, &text, &len);

	if (fp == NULL)
		return;
	number_format_2(a->self.points, pts, sizeof pts);
	number_format_2(a->self.max, max, sizeof max);
	number_format_2(a->self.index, idx, sizeof idx);
	fprintf(fp, _("Total: %s of %s"), pts, max);
	if (!a->survey_held)
		fprintf(fp, "\n%s", _("No survey held: the appraised part is scaled to 100."));
	fputc('\n', fp);
	fprintf(fp, _("Index: %s (band %s)"), idx, a->self.band ? a->self.band : "");
	if (a->has_appraised) {
		number_format_2(a->appraised.points, pts, sizeof pts);
		number_format_2(a->appraised.max, max, sizeof max);
		number_format_2(a->appraised.index, idx, sizeof idx);
		fputc('\n', fp);
		fprintf(fp, _("Appraised: %s of %s"), pts, max);
		fputc('\n', fp);
		fprintf(fp, _("Appraised index: %s (band %s)"), idx,
		    a->appraised.band ? a->appraised.band : "");
	}
	text = report_lines_close(b, fp, &text);
	report_add_paragraph(b, report_add_section(b, ""), text);
	free(text);
}

/* What a round of appraisal made of the points under node i (all the
 * leaves when i is -1): each leaf's figure of that round, round 2 over
 * round 1, else the self-assessed points it left alone.  False when the
 * round appraised none of them. */
static bool
round_sum(const struct assessment *a, int i, int round, double *sum)
{
	const struct criteria_set *s = &a->set;
	bool any = false;

	*sum = 0;
	for (int k = i + 1; k < s->n && (i < 0 || s->nodes[k].depth > s->nodes[i].depth); k++) {
		const struct par_line *l = &a->lines[k];

		if (!s->nodes[k].leaf)
			continue;
		any |= round == 1 ? l->has_r1 : l->has_r2;
		*sum += round == 2 && l->has_r2 ? l->r2 : l->has_r1 ? l->r1 : l->points;
	}
	return any;
}

/* round_sum as the sheet prints it, "" when the round appraised none. */
static void
round_figure(const struct assessment *a, int i, int round, char *buf, size_t n)
{
	double sum;
	bool any = round_sum(a, i, round, &sum);

	number_format_opt(any, sum, buf, n);
}

/* A criterion's explanation (giải trình) and, when its self score was set
 * by hand, why. */
static char *
explanation_text(struct builder *b, const struct par_line *l)
{
	char *text = NULL;
	size_t len;
	FILE *fp = report_lines_open(b, &text, &len);

	if (fp == NULL)
		return NULL;
	fputs(l->explanation != NULL ? l->explanation : "", fp);
	if (l->has_override) {
		if (l->explanation != NULL && *l->explanation != '\0')
			fputc('\n', fp);
		fprintf(fp, _("* Self score set by hand: %s"), l->reason != NULL ? l->reason : "");
	}
	return report_lines_close(b, fp, &text);
}

/* Beside last year's assessment, when there is one (scored with last
 * year's set, else with this one): per criterion and the index, the points
 * now, then and the change. */
static int
add_par_compare(struct builder *b, struct db *db, const struct assessment *a, int64_t set)
{
	static const struct column_spec cols[] = {
		{ N_("Code"), 4, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Criterion"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Now"), 6, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Before"), 6, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Change"), 6, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	struct assessment prev;
	struct par_compare *rows;
	struct report_table *t;
	int64_t prev_set = criteria_find(db, a->year - 1);
	char *heading;
	int n;

	if (prev_set < 0 || assessment_load(db, prev_set != 0 ? prev_set : set, a->year - 1,
	    &prev) != 0)
		return -1;
	if (prev.id == 0) {
		assessment_free(&prev);
		return 0;
	}
	if (assessment_compare(a, &prev, &rows, &n) != 0) {
		assessment_free(&prev);
		return db_fail(db, _("out of memory"));
	}
	heading = report_dupf(b, _("Compared with %d"), prev.year);
	t = report_add_table(b, report_add_section(b, heading != NULL ? heading : ""), cols, 5);
	free(heading);
	for (int i = 0; i < n; i++) {
		char now[32], before[32], change[32];

		number_format_opt(true, rows[i].now, now, sizeof now);
		number_format_opt(rows[i].has_before, rows[i].before, before, sizeof before);
		number_format_opt(rows[i].has_before, rows[i].difference, change, sizeof change);
		report_add_row(b, t, (const char *[]){ rows[i].title != NULL ? rows[i].code : "",
		    rows[i].title != NULL ? rows[i].title : _("Index"), now, before, change },
		    rows[i].title == NULL);
	}
	free(rows);
	assessment_free(&prev);
	return 0;
}

/* The PAR INDEX self-assessment sheet of the year: the assessment as
 * assessment.c computes it, the criteria in the set's order, as the sheet
 * sent to the province carries it: evidence, explanation, the self score
 * (marked * when set by hand), the two rounds of appraisal, per criterion,
 * per area and in total. */
int
report_par(struct builder *b, struct source *src)
{
	static const struct column_spec cols[] = {
		/* Figures' columns as narrow as their figures (they grow to
		 * fit one): the words need the room. */
		{ N_("Code"), 4, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Criterion"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Max"), 4, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Self"), 5, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Round 1"), 5, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Round 2"), 5, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Evidence"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Explanation"), 0, 2, REPORT_LEFT, REPORT_TEXT },
	};
	struct assessment a;
	struct report_section *sheet;
	struct report_table *t;
	char heading[64], max[32], total[32], r1[32], r2[32];
	int64_t set = src->set != 0 ? src->set : criteria_find(src->db, src->year);
	bool marked = false;
	int rc;

	if (set < 0)
		return -1;
	if (set == 0)
		return db_fail(src->db, _("no criteria set for %d: import one first "
		    "(cchc score --import FILE, or cchc score --template for the commune "
		    "template)"), src->year);
	if (assessment_load(src->db, set, src->year, &a) != 0)
		return -1;
	snprintf(heading, sizeof heading, _("Self-assessment of %d"), a.year);
	b->r->subtitle = report_dupf(b, "%s · %s", heading, a.set.name);
	sheet = report_add_section(b, "");
	t = report_add_table(b, sheet, cols, 8);
	for (int i = 0; i < a.set.n; i++) {
		const struct par_node *c = &a.set.nodes[i];
		const struct par_line *l = &a.lines[i];
		char self[40];
		char *title = report_indented(b, c->depth, c->title), *evidence = evidence_text(b, l);
		char *explanation = explanation_text(b, l);

		number_format_opt(true, c->max, max, sizeof max);
		number_format_opt(!c->leaf || l->has_self || l->has_override, l->points, self, sizeof self);
		if (c->leaf && l->has_override) {
			strcat(self, "*");
			marked = true;
		}
		if (c->leaf) {
			number_format_opt(l->has_r1, l->r1, r1, sizeof r1);
			number_format_opt(l->has_r2, l->r2, r2, sizeof r2);
		} else {
			round_figure(&a, i, 1, r1, sizeof r1);
			round_figure(&a, i, 2, r2, sizeof r2);
		}
		/* A top-level criterion is the sum of its own: bold. */
		report_add_row(b, t, (const char *[]){ c->code, title, max, self, r1, r2, evidence,
		    explanation }, c->depth == 0);
		free(title);
		free(evidence);
		free(explanation);
	}
	number_format_opt(true, a.max, max, sizeof max);
	number_format_opt(true, a.total, total, sizeof total);
	round_figure(&a, -1, 1, r1, sizeof r1);
	round_figure(&a, -1, 2, r2, sizeof r2);
	report_add_row(b, t, (const char *[]){ "", _("Total"), max, total, r1, r2, "", "" }, true);
	if (marked)
		report_add_paragraph(b, sheet,
		    _("* The self score was set by hand; the reason is under Explanation."));
	add_par_totals(b, &a);
	rc = add_par_compare(b, src->db, &a, set);
	assessment_free(&a);
	return rc;
}
