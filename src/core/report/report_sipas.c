/* The results of a SIPAS survey round: what the round is, the shares per
 * element and question, the breakdowns per respondent field and another
 * round beside it, as sipas.c tallies them. */
#include "core/report/report_build.h"

#include <stdlib.h>
#include <string.h>

#include "core/sipas/sipas.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "core/text/number.h"

/* What the round is: questionnaire, days, what it covers, forms, and
 * which answers count as satisfied. */
static void
add_sipas_head(struct builder *b, const struct sipas_round *r,
    const struct sipas_questionnaire *q, int forms)
{
	char *text = NULL, from[11] = "", to[11] = "";
	size_t len;
	FILE *fp = report_lines_open(b, &text, &len);
	struct date d;

	if (fp == NULL)
		return;
	if (date_parse_iso(r->date_from, &d))
		date_format_vn(d, from);
	if (date_parse_iso(r->date_to, &d))
		date_format_vn(d, to);
	fprintf(fp, _("Questionnaire: %s"), q->name);
	if (*from || *to) {
		fputc('\n', fp);
		fprintf(fp, _("Days: %s – %s"), from, to);
	}
	if (*r->service || *r->unit) {
		fputc('\n', fp);
		fprintf(fp, _("Covers: %s%s%s"), r->service, *r->service && *r->unit ? "; " : "",
		    r->unit);
	}
	fputc('\n', fp);
	fprintf(fp, _("Forms entered: %d"), forms);
	fputc('\n', fp);
	fputs(_("Satisfied: the answers"), fp);
	for (int i = 0, k = 0; i < q->nscale; i++)
		if (q->scale[i].satisfied)
			fprintf(fp, "%s%d %s", k++ > 0 ? ", " : " ", q->scale[i].value,
			    q->scale[i].label);
	fprintf(fp, "%s", _(", among those who answered (0, no answer, left out)."));
	text = report_lines_close(b, fp, &text);
	report_add_paragraph(b, report_add_section(b, ""), text);
	free(text);
}

/* Per element and question: the share satisfied and the answers; then
 * the overall index and its formula. */
static void
add_sipas_results(struct builder *b, const struct sipas_questionnaire *q,
    const struct sipas_results *res)
{
	static const struct column_spec cols[] = {
		{ N_("Code"), 5, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Element / question"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Satisfied"), 9, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Answers"), 7, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	struct report_section *s = report_add_section(b, "");
	struct report_table *t = report_add_table(b, s, cols, 4);
	char share[32], count[16], *text = NULL;
	size_t len;
	FILE *fp;

	for (int e = 0; e < q->nelements; e++) {
		const struct sipas_element *el = &q->elements[e];

		sipas_share_text(&res->elements[e], share, sizeof share);
		snprintf(count, sizeof count, "%d", res->elements[e].answered);
		report_add_row(b, t, (const char *[]){ el->code, el->title, share, count }, true);
		for (int i = el->first; i < el->first + el->nquestions; i++) {
			char *question = report_indented(b, 1, q->questions[i].text);

			sipas_share_text(&res->questions[i], share, sizeof share);
			snprintf(count, sizeof count, "%d", res->questions[i].answered);
			report_add_row(b, t, (const char *[]){ q->questions[i].code, question, share, count },
			    false);
			free(question);
		}
	}
	sipas_percent_text(res->has_index, res->index, false, share, sizeof share);
	if ((fp = report_lines_open(b, &text, &len)) == NULL)
		return;
	fprintf(fp, _("Overall index: %s"), share);
	fputc('\n', fp);
	fprintf(fp, _("Formula: %s."), sipas_formula_text(q->formula));
	text = report_lines_close(b, fp, &text);
	report_add_paragraph(b, s, text);
	free(text);
}

/* One table per respondent field: per option, the forms, the element
 * shares and the index. */
static int
add_sipas_breakdowns(struct builder *b, struct db *db, const struct sipas_questionnaire *q,
    int64_t round)
{
	struct column_spec cols[SIPAS_MAX_QUESTIONS + 3] = {
		{ N_("Option"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Forms"), 5, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	int n = 2 + q->nelements + 1;

	for (int e = 0; e < q->nelements; e++)
		cols[2 + e] = (struct column_spec){ "", 6, 0, REPORT_RIGHT, REPORT_NUMBER };
	cols[n - 1] = (struct column_spec){ N_("Index"), 7, 0, REPORT_RIGHT, REPORT_NUMBER };
	for (int f = 0; f < q->nfields; f++) {
		const struct sipas_field *fl = &q->fields[f];
		char *heading = report_dupf(b, _("Breakdown by %s"), fl->name);
		struct report_table *t = report_add_table(b, report_add_section(b, heading != NULL ? heading : ""),
		    cols, n);

		free(heading);
		/* The elements' columns by their codes. */
		for (int e = 0; t != NULL && e < q->nelements; e++) {
			free(t->columns[2 + e].title);
			t->columns[2 + e].title = report_dupf(b, _("El. %s"), q->elements[e].code);
		}
		for (int o = 0; o <= fl->noptions; o++) {
			/* The options, then the forms that do not say. */
			int value = o < fl->noptions ? fl->options[o].value : 0;
			char cells[SIPAS_MAX_QUESTIONS + 3][32];
			const char *row[SIPAS_MAX_QUESTIONS + 3];
			struct sipas_results res;

			if (sipas_results(db, q, round, f, value, &res) != 0)
				return -1;
			if (value == 0 && res.forms == 0)
				continue;
			row[0] = value != 0 ? fl->options[o].label : _("Not given");
			snprintf(cells[1], sizeof cells[1], "%d", res.forms);
			for (int e = 0; e < q->nelements; e++)
				sipas_share_text(&res.elements[e], cells[2 + e], sizeof cells[0]);
			sipas_percent_text(res.has_index, res.index, false, cells[n - 1], sizeof cells[0]);
			for (int i = 1; i < n; i++)
				row[i] = cells[i];
			report_add_row(b, t, row, false);
		}
	}
	return 0;
}

/* The element shares and the index beside those of round other
 * (elements matched by code) and the change, of the printed figures so
 * that the columns add up. */
static int
add_sipas_compare(struct builder *b, struct db *db, const struct sipas_questionnaire *q,
    const struct sipas_results *mine, int64_t other)
{
	static const struct column_spec cols[] = {
		{ N_("Code"), 5, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Element"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("This round"), 9, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Compared"), 9, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Change"), 9, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	struct sipas_questionnaire oq;
	struct sipas_results res;
	struct sipas_round r;
	struct report_table *t;
	char *heading;

	switch (sipas_round_get(db, other, &r)) {
	case 1:
		break;
	case 0:
		return db_fail(db, _("no survey round %lld"), (long long)other);
	default:
		return -1;
	}
	if (sipas_questionnaire_load(db, r.questionnaire_id, &oq) != 0) {
		sipas_round_free(&r);
		return -1;
	}
	if (sipas_results(db, &oq, other, -1, 0, &res) != 0) {
		sipas_questionnaire_free(&oq);
		sipas_round_free(&r);
		return -1;
	}
	heading = report_dupf(b, _("Compared with %s (%d forms)"), r.name, res.forms);
	t = report_add_table(b, report_add_section(b, heading != NULL ? heading : ""), cols, 5);
	free(heading);
	for (int e = 0; e <= q->nelements; e++) {
		bool has_a, has_b = false;
		double a = 0, bv = 0;
		char ca[32], cb[32], cd[32];
		int k;

		if (e < q->nelements) {
			has_a = sipas_share(&mine->elements[e], &a);
			for (k = 0; k < oq.nelements && strcmp(oq.elements[k].code,
			    q->elements[e].code) != 0; k++)
				continue;
			has_b = k < oq.nelements && sipas_share(&res.elements[k], &bv);
		} else {
			has_a = mine->has_index;
			a = mine->index;
			has_b = res.has_index;
			bv = res.index;
		}
		sipas_percent_text(has_a, a, false, ca, sizeof ca);
		sipas_percent_text(has_b, bv, false, cb, sizeof cb);
		if (has_a && has_b)
			number_format_percent(sipas_round2(a) - sipas_round2(bv), true, cd, sizeof cd);
		else
			snprintf(cd, sizeof cd, "—");
		if (e < q->nelements)
			report_add_row(b, t, (const char *[]){ q->elements[e].code, q->elements[e].title, ca,
			    cb, cd }, false);
		else
			report_add_row(b, t, (const char *[]){ "", _("Overall index"), ca, cb, cd }, true);
	}
	sipas_questionnaire_free(&oq);
	sipas_round_free(&r);
	return 0;
}

/* The results of a SIPAS survey round, as sipas.c tallies them. */
int
report_sipas(struct builder *b, struct source *src)
{
	struct sipas_questionnaire q;
	struct sipas_results res;
	struct sipas_round r;
	struct date d;
	int rc;

	if (src->round <= 0)
		return db_fail(src->db, "%s",
		    _("the SIPAS report is of one survey round: say which"));
	switch (sipas_round_get(src->db, src->round, &r)) {
	case 1:
		break;
	case 0:
		return db_fail(src->db, _("no survey round %lld"), (long long)src->round);
	default:
		return -1;
	}
	if (sipas_questionnaire_load(src->db, r.questionnaire_id, &q) != 0) {
		sipas_round_free(&r);
		return -1;
	}
	/* The report's year: the round's, for the name it is saved under. */
	if (date_parse_iso(r.date_from, &d))
		b->r->year = d.year;
	b->r->subtitle = report_dup(b, r.name);
	if ((rc = sipas_results(src->db, &q, r.id, -1, 0, &res)) == 0) {
		add_sipas_head(b, &r, &q, res.forms);
		add_sipas_results(b, &q, &res);
		rc = add_sipas_breakdowns(b, src->db, &q, r.id);
	}
	if (rc == 0 && src->compare != 0)
		rc = add_sipas_compare(b, src->db, &q, &res, src->compare);
	sipas_questionnaire_free(&q);
	sipas_round_free(&r);
	return rc;
}
