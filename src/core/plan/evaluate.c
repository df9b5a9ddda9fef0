/* Target evaluation: the achieved figure of a measure and its verdict. */
#include "core/plan/evaluate.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* Relative tolerance of comparisons, so that a rate computed by division
 * (99/100*100) still equals the 99 the plan wrote. */
#define EVAL_EPSILON 1e-9

static const char *const kind_names[] = {
	[TARGET_RATE] = "rate",
	[TARGET_COUNT] = "count",
	[TARGET_REDUCTION] = "reduction",
	[TARGET_RANK] = "rank",
	[TARGET_YESNO] = "yesno",
};

static const char *const horizon_names[] = {
	[HORIZON_PERIOD] = "period",
	[HORIZON_YEAR] = "year",
	[HORIZON_PHASE] = "phase",
};

static const char *const cmp_symbols[] = {
	[CMP_GT] = ">",
	[CMP_GE] = ">=",
	[CMP_LT] = "<",
	[CMP_LE] = "<=",
	[CMP_EQ] = "=",
};

/* The scale never drops below 1 so that figures near zero are compared with
 * an absolute 1e-9 rather than not at all. */
static bool
nearly_equal(double a, double b)
{
	double scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	if (scale < 1.0)
		scale = 1.0;
	return fabs(a - b) <= EVAL_EPSILON * scale;
}

static bool
compare(enum comparator c, double achieved, double planned)
{
	bool eq = nearly_equal(achieved, planned);

	switch (c) {
	case CMP_GT:
		return !eq && achieved > planned;
	case CMP_GE:
		return eq || achieved > planned;
	case CMP_LT:
		return !eq && achieved < planned;
	case CMP_LE:
		return eq || achieved < planned;
	case CMP_EQ:
		return eq;
	}
	return false;
}

/* The numerator/denominator pair wins over a value: the pair is what the
 * office counted, and the app computes the rate from it (domain.md). */
static bool
rate_of(const struct measure *m, double *out)
{
	if (m->has_numerator && m->has_denominator) {
		if (m->denominator == 0)
			return false;
		*out = m->numerator / m->denominator * 100;
		return true;
	}
	if (!m->has_value)
		return false;
	*out = m->value;
	return true;
}

static bool
count_of(const struct measure *m, double *out)
{
	if (m->has_value)
		*out = m->value;
	else if (m->has_numerator)
		*out = m->numerator;
	else
		return false;
	return true;
}

/* Without a baseline the office has entered the reduction itself. */
static bool
reduction_of(const struct target_rule *rule, const struct measure *m, double *out)
{
	if (!m->has_value)
		return false;
	if (!rule->has_baseline) {
		*out = m->value;
		return true;
	}
	if (rule->baseline == 0)
		return false;
	*out = (rule->baseline - m->value) / rule->baseline * 100;
	return true;
}

bool
evaluate_achieved(const struct target_rule *rule, const struct measure *m, double *achieved)
{
	double v = 0;
	bool ok;

	switch (rule->kind) {
	case TARGET_RATE:
		ok = rate_of(m, &v);
		break;
	case TARGET_COUNT:
		ok = count_of(m, &v);
		break;
	case TARGET_REDUCTION:
		ok = reduction_of(rule, m, &v);
		break;
	case TARGET_RANK:
		if ((ok = m->has_value))
			v = m->value;
		break;
	case TARGET_YESNO:
		if ((ok = m->has_value))
			v = m->value != 0;
		break;
	default:
		ok = false;
		break;
	}
	/* A huge numerator over a tiny denominator overflows; an infinity or
	 * NaN decides nothing. */
	if (!ok || !isfinite(v))
		return false;
	*achieved = v;
	return true;
}

enum verdict
evaluate_target(const struct target_rule *rule, const struct measure *m)
{
	double achieved;

	if (!evaluate_achieved(rule, m, &achieved))
		return VERDICT_UNKNOWN;
	return compare(rule->cmp, achieved, rule->value) ? VERDICT_MET :
	    VERDICT_NOT_MET;
}

enum target_horizon
target_kind_horizon(enum target_kind k)
{
	return k == TARGET_RATE ? HORIZON_PERIOD : HORIZON_YEAR;
}

enum verdict
evaluate_interim(const struct target_rule *rule, const struct measure *m, bool final)
{
	enum verdict v = evaluate_target(rule, m);
	/* A rank is given anew each year and a "< N" may still be exceeded:
	 * only a figure that grows settles before the end. */
	bool grows = rule->kind != TARGET_RANK && (rule->cmp == CMP_GT || rule->cmp == CMP_GE);

	if (final || v == VERDICT_UNKNOWN || (v == VERDICT_MET && grows))
		return v;
	return VERDICT_IN_PROGRESS;
}

const char *
target_kind_name(enum target_kind k)
{
	if ((size_t)k >= NELEM(kind_names))
		return NULL;
	return kind_names[k];
}

/* Linear search over a table of names: the tables are five entries long.
 * A NULL s (a NULL column) is refused like any unknown name. */
static bool
lookup(const char *const *names, size_t n, const char *s, int *out)
{
	if (s == NULL)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (int)i;
			return true;
		}
	}
	return false;
}

bool
target_kind_parse(const char *s, enum target_kind *out)
{
	int i;

	if (!lookup(kind_names, NELEM(kind_names), s, &i))
		return false;
	*out = (enum target_kind)i;
	return true;
}

const char *
comparator_symbol(enum comparator c)
{
	if ((size_t)c >= NELEM(cmp_symbols))
		return NULL;
	return cmp_symbols[c];
}

const char *
target_horizon_name(enum target_horizon h)
{
	if ((size_t)h >= NELEM(horizon_names))
		return NULL;
	return horizon_names[h];
}

bool
target_horizon_parse(const char *s, enum target_horizon *out)
{
	int i;

	if (!lookup(horizon_names, NELEM(horizon_names), s, &i))
		return false;
	*out = (enum target_horizon)i;
	return true;
}

bool
comparator_parse(const char *s, enum comparator *out)
{
	int i;

	if (!lookup(cmp_symbols, NELEM(cmp_symbols), s, &i))
		return false;
	*out = (enum comparator)i;
	return true;
}
