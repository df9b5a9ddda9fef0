/* SIPAS arithmetic: the formulas' names, the share satisfied, the overall
 * index, the rounding the report and a target's result share, and the
 * figures as printed.  No database: the figures are tested alone. */
#include "core/sipas/sipas.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/text/i18n.h"
#include "core/text/number.h"

static const char *const formula_codes[] = { "mean", "weighted", "pooled" };

const char *
sipas_formula_code(enum sipas_formula f)
{
	return formula_codes[f];
}

bool
sipas_formula_parse(const char *s, enum sipas_formula *out)
{
	for (int i = 0; i < 3; i++) {
		if (strcmp(s, formula_codes[i]) == 0) {
			*out = (enum sipas_formula)i;
			return true;
		}
	}
	return false;
}

const char *
sipas_formula_text(enum sipas_formula f)
{
	switch (f) {
	case SIPAS_WEIGHTED:
		return _("the mean of the element shares weighted by the elements' weights "
		    "(elements nobody answered left out)");
	case SIPAS_POOLED:
		return _("the share satisfied among all answers to all questions");
	default:
		return _("the mean of the element shares (elements nobody answered left out)");
	}
}

bool
sipas_share(const struct sipas_tally *t, double *percent)
{
	if (t->answered <= 0)
		return false;
	*percent = 100.0 * t->satisfied / t->answered;
	return true;
}

bool
sipas_index(const struct sipas_questionnaire *q, const struct sipas_tally *elements,
    double *index)
{
	double sum = 0, weights = 0;
	int satisfied = 0, answered = 0;

	for (int i = 0; i < q->nelements; i++) {
		double share, w = q->formula == SIPAS_WEIGHTED ? q->elements[i].weight : 1;

		satisfied += elements[i].satisfied;
		answered += elements[i].answered;
		if (!sipas_share(&elements[i], &share))
			continue;
		sum += w * share;
		weights += w;
	}
	if (q->formula == SIPAS_POOLED) {
		struct sipas_tally all = { satisfied, answered, 0 };

		return sipas_share(&all, index);
	}
	if (weights <= 0)
		return false;
	*index = sum / weights;
	return true;
}

double
sipas_round2(double percent)
{
	/* The small nudge absorbs binary error: 100 * 1 / 8 is exact, but
	 * a mean like 87.345 may arrive as 87.34499999. */
	double scaled = fabs(percent) * 100 + 0.5 + 1e-7;

	return copysign(floor(scaled) / 100, percent);
}

/* A percentage as every report prints it ("87,5%"), or "—". */
void
sipas_percent_text(bool has, double v, bool sign, char *buf, size_t n)
{
	if (has)
		number_format_percent(sipas_round2(v), sign, buf, n);
	else
		snprintf(buf, n, "—");
}

void
sipas_share_text(const struct sipas_tally *t, char *buf, size_t n)
{
	double v = 0;
	bool has = sipas_share(t, &v);

	sipas_percent_text(has, v, false, buf, n);
}
