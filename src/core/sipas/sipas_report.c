/* The SIPAS results laid out as text: shares per element and question,
 * the index and its formula, breakdowns and a comparison of two rounds. */
#include "core/sipas/sipas.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/db.h"
#include "core/text/date.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

struct report {
	FILE *fp;
	int width;		/* of a text page */
	const struct sipas_questionnaire *q;
};

/* s in exactly cols display columns, cut at a letter or padded. */
static void
put_cell(FILE *fp, const char *s, int cols, bool right)
{
	size_t fit = text_fit(s, cols);
	char *cut = strndup(s, fit);
	int w = cut ? text_width(cut) : 0;

	if (right)
		fprintf(fp, "%*s", cols - w, "");
	fputs(cut ? cut : "", fp);
	if (!right)
		fprintf(fp, "%*s", cols - w, "");
	free(cut);
}

/* The columns of a figure: wide apart in the main table, close together
 * in the tables with a column per element ("100.00%" is 7). */
#define COL_WIDE 11
#define COL_NARROW 9

/* A text row: a label and right-aligned cells; the label takes what they
 * leave of the page. */
static void
txt_cells(const struct report *rp, const char *label, const char *const *cells, int n, int w)
{
	int label_w = rp->width - n * w;

	put_cell(rp->fp, label, label_w < 10 ? 10 : label_w, false);
	for (int i = 0; i < n; i++)
		put_cell(rp->fp, cells[i], w, true);
	fputc('\n', rp->fp);
}

static void
txt_row(const struct report *rp, const char *label, const char *const *cells, int n)
{
	txt_cells(rp, label, cells, n, COL_WIDE);
}

static void
date_vn(const char *iso, char *buf)
{
	struct date d;

	if (iso[0] && date_parse_iso(iso, &d))
		date_format_vn(d, buf);
	else
		buf[0] = '\0';
}

/* Which answers count as satisfied, in words: "Hài lòng", "Rất hài lòng". */
static void
satisfied_labels(const struct sipas_questionnaire *q, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < q->nscale && len < n; i++)
		if (q->scale[i].satisfied)
			len += (size_t)snprintf(buf + len, n - len, "%s%d %s", len ? ", " : "",
			    q->scale[i].value, q->scale[i].label);
}

static void
report_head(const struct report *rp, const struct sipas_round *r, int forms)
{
	char from[11], to[11], sat[256];
	FILE *fp = rp->fp;

	date_vn(r->date_from, from);
	date_vn(r->date_to, to);
	satisfied_labels(rp->q, sat, sizeof sat);
	fprintf(fp, _("SIPAS results: %s\n"), r->name);
	fprintf(fp, _("Questionnaire: %s\n"), rp->q->name);
	if (from[0] || to[0])
		fprintf(fp, _("Days: %s – %s\n"), from, to);
	if (r->service[0] || r->unit[0])
		fprintf(fp, _("Covers: %s%s%s\n"), r->service, r->service[0] && r->unit[0] ? "; " : "",
		    r->unit);
	fprintf(fp, _("Forms entered: %d\n"), forms);
	fprintf(fp, _("Satisfied: the answers %s, among those who answered (0, no answer, "
	    "left out).\n\n"), sat);
}

static void
report_item(const struct report *rp, const char *code, const char *label,
    const struct sipas_tally *t, bool indent)
{
	char share[32], count[16], line[1024];

	sipas_share_text(t, share, sizeof share);
	snprintf(count, sizeof count, "%d", t->answered);
	snprintf(line, sizeof line, "%s%s%s %s", indent ? "   " : "", code, indent ? "" : ".", label);
	txt_row(rp, line, (const char *const[]){ share, count }, 2);
}

static void
report_index(const struct report *rp, const struct sipas_results *res)
{
	char v[32];

	sipas_percent_text(res->has_index, res->index, false, v, sizeof v);
	fprintf(rp->fp, _("\nOverall index: %s\n"), v);
	fprintf(rp->fp, _("Formula: %s.\n"), sipas_formula_text(rp->q->formula));
}

static void
report_elements(const struct report *rp, const struct sipas_results *res)
{
	const struct sipas_questionnaire *q = rp->q;

	txt_row(rp, _("Element / question"), (const char *const[]){ _("Satisfied"), _("Answers") },
	    2);
	for (int e = 0; e < q->nelements; e++) {
		const struct sipas_element *el = &q->elements[e];

		report_item(rp, el->code, el->title, &res->elements[e], false);
		for (int i = el->first; i < el->first + el->nquestions; i++)
			report_item(rp, q->questions[i].code, q->questions[i].text,
			    &res->questions[i], true);
	}
	report_index(rp, res);
}

/* One row of a breakdown: forms, element shares, index. */
static void
breakdown_row(const struct report *rp, const char *option, const struct sipas_results *res)
{
	const struct sipas_questionnaire *q = rp->q;
	char cells[SIPAS_MAX_QUESTIONS + 2][32];
	const char *ptr[SIPAS_MAX_QUESTIONS + 2];
	int n = 0;

	snprintf(cells[n++], sizeof cells[0], "%d", res->forms);
	for (int e = 0; e < q->nelements; e++)
		sipas_share_text(&res->elements[e], cells[n++], sizeof cells[0]);
	sipas_percent_text(res->has_index, res->index, false, cells[n++], sizeof cells[0]);
	for (int i = 0; i < n; i++)
		ptr[i] = cells[i];
	txt_cells(rp, option, ptr, n, COL_NARROW);
}

/* The header of a table with a column per element. */
static void
element_columns(const struct report *rp, const char *label, const char *first,
    const char *last)
{
	const struct sipas_questionnaire *q = rp->q;
	char codes[SIPAS_MAX_QUESTIONS][64];
	const char *ptr[SIPAS_MAX_QUESTIONS + 2];
	int n = 0;

	ptr[n++] = first;
	for (int e = 0; e < q->nelements; e++) {
		snprintf(codes[e], sizeof codes[e], _("El. %s"), q->elements[e].code);
		ptr[n++] = codes[e];
	}
	ptr[n++] = last;
	txt_cells(rp, label, ptr, n, COL_NARROW);
}

static int
report_breakdowns(struct db *db, const struct report *rp, int64_t round)
{
	const struct sipas_questionnaire *q = rp->q;
	struct sipas_results res;

	for (int f = 0; f < q->nfields; f++) {
		const struct sipas_field *fl = &q->fields[f];

		fprintf(rp->fp, _("\nBreakdown by %s\n"), fl->name);
		element_columns(rp, "", _("Forms"), _("Index"));
		for (int o = 0; o <= fl->noptions; o++) {
			/* The options, then the forms that do not say. */
			int value = o < fl->noptions ? fl->options[o].value : 0;

			if (sipas_results(db, q, round, f, value, &res) != 0)
				return -1;
			if (value == 0 && res.forms == 0)
				continue;
			breakdown_row(rp, value ? fl->options[o].label : _("Not given"), &res);
		}
	}
	return 0;
}

/* The element shares and index beside those of another round. */
static int
report_compare(struct db *db, const struct report *rp, const struct sipas_results *mine,
    int64_t other)
{
	struct sipas_questionnaire oq;
	struct sipas_round r;
	struct sipas_results res;
	const struct sipas_questionnaire *q = rp->q;

	if (sipas_round_load(db, other, &r, &oq) != 0)
		return -1;
	if (sipas_results(db, &oq, other, -1, 0, &res) != 0) {
		sipas_round_free(&r);
		sipas_questionnaire_free(&oq);
		return -1;
	}
	fprintf(rp->fp, _("\nCompared with: %s (%d forms)\n"), r.name, res.forms);
	txt_row(rp, "", (const char *const[]){ _("This round"), _("Compared"), _("Change") }, 3);
	for (int e = 0; e <= q->nelements; e++) {
		/* The elements matched by code, then the index. */
		bool has_a, has_b = false;
		double a = 0, b = 0;
		char ca[32], cb[32], cd[32], label[512];
		int k;

		if (e < q->nelements) {
			has_a = sipas_share(&mine->elements[e], &a);
			for (k = 0; k < oq.nelements && strcmp(oq.elements[k].code, q->elements[e].code); k++)
				continue;
			has_b = k < oq.nelements && sipas_share(&res.elements[k], &b);
			snprintf(label, sizeof label, "%s. %s", q->elements[e].code, q->elements[e].title);
		} else {
			has_a = mine->has_index;
			a = mine->index;
			has_b = res.has_index;
			b = res.index;
			snprintf(label, sizeof label, "%s", _("Overall index"));
		}
		sipas_percent_text(has_a, a, false, ca, sizeof ca);
		sipas_percent_text(has_b, b, false, cb, sizeof cb);
		/* The change of the printed figures, so the columns add up. */
		sipas_percent_text(has_a && has_b, sipas_round2(a) - sipas_round2(b), true, cd, sizeof cd);
		txt_row(rp, label, (const char *const[]){ ca, cb, cd }, 3);
	}
	sipas_round_free(&r);
	sipas_questionnaire_free(&oq);
	return 0;
}

int
sipas_report(struct db *db, int64_t round, int64_t compare, int width, FILE *fp)
{
	struct sipas_questionnaire q;
	struct sipas_round r;
	struct sipas_results res;
	struct report rp = { fp, width < 60 ? 60 : width, &q };
	int rc;

	if (sipas_round_load(db, round, &r, &q) != 0)
		return -1;
	rc = sipas_results(db, &q, round, -1, 0, &res);
	if (rc == 0) {
		report_head(&rp, &r, res.forms);
		report_elements(&rp, &res);
		rc = report_breakdowns(db, &rp, round);
	}
	if (rc == 0 && compare != 0)
		rc = report_compare(db, &rp, &res, compare);
	sipas_round_free(&r);
	sipas_questionnaire_free(&q);
	if (rc == 0 && ferror(fp))
		return db_fail(db, _("cannot write the results: %s"), strerror(errno));
	return rc;
}
