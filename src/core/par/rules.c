#include "core/par/rules.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/err.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

static const char *const kind_names[RULE_KINDS] = {
	[RULE_MANUAL] = "manual",
	[RULE_SURVEY] = "survey",
	[RULE_YESNO] = "yesno",
	[RULE_RATIO] = "ratio",
	[RULE_BANDS] = "bands",
	[RULE_COUNT] = "count",
	[RULE_DEDUCT] = "deduct",
	[RULE_BONUS] = "bonus",
	[RULE_PENALTY] = "penalty",
};

const char *
rule_kind_name(enum rule_kind k)
{
	return (size_t)k < RULE_KINDS ? kind_names[k] : NULL;
}

bool
rule_kind_parse(const char *s, enum rule_kind *out)
{
	for (int k = 0; k < RULE_KINDS; k++)
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (enum rule_kind)k;
			return true;
		}
	return false;
}

double
rule_round(double x)
{
	double r = round(x * 100.0 * (1.0 + 1e-12)) / 100.0;

	return r == 0 ? 0 : r;	/* no "-0" */
}

double
rule_yesno(double max, bool yes, double no_points)
{
	return rule_round(yes ? max : no_points);
}

double
rule_ratio(double max, double a, double b, bool empty_zero)
{
	if (b <= 0)		/* không phát sinh */
		return empty_zero ? 0 : rule_round(max);
	if (a > b)
		a = b;
	return rule_round(a / b * max);
}

static bool
band_holds(const struct rule_band *band, double v)
{
	if (band->has_lo && (band->lo_incl ? v < band->lo : v <= band->lo))
		return false;
	if (band->has_hi && (band->hi_incl ? v > band->hi : v >= band->hi))
		return false;
	return true;
}

bool
rule_bands(const struct rule_band *bands, int n, double v, double *points)
{
	for (int i = 0; i < n; i++)
		if (band_holds(&bands[i], v)) {
			*points = rule_round(bands[i].points);
			return true;
		}
	*points = 0;
	return false;
}

double
rule_count(double max, double count, double required, bool all_or_nothing)
{
	if (required <= 0 || count >= required)
		return rule_round(max);
	if (all_or_nothing || count <= 0)
		return 0;
	return rule_round(count / required * max);
}

double
rule_deduct(double max, double occurrences, double per, double floor)
{
	return rule_round(fmax(max - occurrences * per, floor));
}

double
rule_bonus(double occurrences, double per, double cap)
{
	return rule_round(fmin(occurrences * per, cap));
}

double
rule_penalty(double occurrences, double per, double cap)
{
	return rule_round(-fmin(occurrences * per, cap));
}

double
rule_manual(double max, double floor, double typed)
{
	return rule_round(fmin(fmax(typed, floor), max));
}

bool
rule_uses_b(enum rule_kind k)
{
	return k == RULE_RATIO || k == RULE_BANDS;
}

bool
rule_score(const struct rule *r, double max, const struct rule_input *in, double *points)
{
	*points = 0;
	if (!in->has_a && !(rule_uses_b(r->kind) && in->has_b && in->b == 0))
		return false;
	switch (r->kind) {
	case RULE_MANUAL:
		*points = rule_manual(max, r->floor, in->a);
		return true;
	case RULE_SURVEY:
		*points = rule_manual(max, 0, in->a);
		return true;
	case RULE_YESNO:
		*points = rule_yesno(max, in->a != 0, r->has_no ? r->no : 0);
		return true;
	case RULE_RATIO:
		if (!in->has_b || (in->b <= 0 && r->empty == EMPTY_NONE))
			return false;
		if (r->goal > 0 && in->b > 0)	/* the rate against the goal */
			*points = rule_ratio(max, (in->has_a ? in->a : 0) / in->b * 100, r->goal,
			    false);
		else
			*points = rule_ratio(max, in->has_a ? in->a : 0, in->b,
			    r->empty == EMPTY_ZERO);
		return true;
	case RULE_BANDS:
		if (in->has_b && in->b <= 0) {
			if (r->empty == EMPTY_NONE)
				return false;
			*points = r->empty == EMPTY_ZERO ? 0 : rule_round(max);
			return true;
		}
		return rule_bands(r->bands, r->nbands, in->has_b ? in->a / in->b * 100 : in->a,
		    points);
	case RULE_COUNT:
		*points = rule_count(max, in->a, r->required, r->all_or_nothing);
		return true;
	case RULE_DEDUCT:
		*points = rule_deduct(max, in->a, r->per, r->floor);
		return true;
	case RULE_BONUS:
		*points = rule_bonus(in->a, r->per, r->cap);
		return true;
	case RULE_PENALTY:
		*points = rule_penalty(in->a, r->per, r->cap);
		return true;
	}
	return false;
}

/* Parsing the parameter text. */

struct parser {
	double max;
	struct rule *r;
	struct err *e;
	bool seen_required, seen_per, seen_cap;
};

static int
perr(struct parser *p, const char *what, const char *reason)
{
	return err_set(p->e, -1, _("rule parameter \"%s\": %s"), what, reason);
}

static int
bound(struct parser *p, const char *item, char *s, bool *has, double *v)
{
	text_trim(s);
	*has = *s != '\0';
	if (*has && !number_parse(s, v))
		return perr(p, item, _("a bound is not a number"));
	return 0;
}

/* "[80,100)=0.5": a band, bounds separated by the first comma (write
 * decimals in bounds with a point). */
static int
parse_band(struct parser *p, const char *item, char *lhs, double points)
{
	struct rule_band *b;
	size_t len = strlen(lhs);
	char *comma;

	if (p->r->nbands == RULE_MAX_BANDS)
		return perr(p, item, _("too many bands"));
	b = &p->r->bands[p->r->nbands];
	if (len < 3 || (lhs[len - 1] != ']' && lhs[len - 1] != ')') ||
	    (comma = strchr(lhs, ',')) == NULL)
		return perr(p, item, _("write a band as [from,to)=points"));
	b->lo_incl = lhs[0] == '[';
	b->hi_incl = lhs[len - 1] == ']';
	lhs[len - 1] = '\0';
	*comma = '\0';
	if (bound(p, item, lhs + 1, &b->has_lo, &b->lo) != 0 ||
	    bound(p, item, comma + 1, &b->has_hi, &b->hi) != 0)
		return -1;
	if (b->has_lo && b->has_hi && b->lo > b->hi)
		return perr(p, item, _("the lower bound is above the upper bound"));
	if (points < 0 || points > p->max)
		return perr(p, item, _("band points must be between 0 and the maximum"));
	b->points = points;
	p->r->nbands++;
	return 0;
}

static int
parse_item(struct parser *p, char *item)
{
	struct rule *r = p->r;
	char *eq = strrchr(item, '='), *key;
	double v;

	if (eq == NULL)
		return perr(p, item, _("expected name=value"));
	*eq = '\0';
	key = text_trim(item);
	text_trim(eq + 1);
	if (strcmp(key, "empty") == 0 && (r->kind == RULE_RATIO || r->kind == RULE_BANDS)) {
		static const char *const names[] = { "full", "zero", "none" };

		for (int i = 0; i < 3; i++)
			if (strcmp(eq + 1, names[i]) == 0) {
				r->empty = (enum rule_empty)i;
				return 0;
			}
		return perr(p, key, _("write empty=full, empty=zero or empty=none"));
	}
	if (!number_parse(eq + 1, &v))
		return perr(p, key, _("not a number"));
	if (r->kind == RULE_BANDS && (*key == '[' || *key == '(')) {
		char name[64];	/* the band as written, for messages */

		snprintf(name, sizeof name, "%s", key);
		return parse_band(p, name, key, v);
	}
	if (strcmp(key, "required") == 0 && r->kind == RULE_COUNT && v >= 0)
		r->required = v, p->seen_required = true;
	else if (strcmp(key, "goal") == 0 && r->kind == RULE_RATIO && v > 0 && v <= 100)
		r->goal = v;
	else if (strcmp(key, "all") == 0 && r->kind == RULE_COUNT)
		r->all_or_nothing = v != 0;
	else if (strcmp(key, "no") == 0 && r->kind == RULE_YESNO)
		r->has_no = true, r->no = v;
	else if (strcmp(key, "per") == 0 && v >= 0 &&
	    (r->kind == RULE_DEDUCT || r->kind == RULE_BONUS || r->kind == RULE_PENALTY))
		r->per = v, p->seen_per = true;
	else if (strcmp(key, "floor") == 0 && v <= 0 &&
	    (r->kind == RULE_DEDUCT || r->kind == RULE_MANUAL))
		r->floor = v;
	else if (strcmp(key, "cap") == 0 && v >= 0 &&
	    (r->kind == RULE_BONUS || r->kind == RULE_PENALTY))
		r->cap = v, p->seen_cap = true;
	else
		return perr(p, key, _("not a parameter of this rule, or out of range"));
	return 0;
}

static int
check_complete(struct parser *p, const char *kind)
{
	const struct rule *r = p->r;

	if (r->kind == RULE_COUNT && !p->seen_required)
		return perr(p, "required", _("the count rule needs required=N"));
	if ((r->kind == RULE_DEDUCT || r->kind == RULE_BONUS || r->kind == RULE_PENALTY) &&
	    !p->seen_per)
		return perr(p, "per", _("this rule needs per=P (points per occurrence)"));
	if ((r->kind == RULE_BONUS || r->kind == RULE_PENALTY) && !p->seen_cap)
		return perr(p, "cap", _("this rule needs cap=C"));
	if (r->kind == RULE_BANDS && r->nbands == 0)
		return perr(p, kind, _("give at least one band: [from,to)=points"));
	return 0;
}

int
rule_parse(const char *kind, const char *params, double max, struct rule *r,
    struct err *e)
{
	struct parser p = { max, r, e, false, false, false };
	char *copy, *save = NULL;
	int rc = 0;

	memset(r, 0, sizeof *r);
	if (*kind == '\0')
		r->kind = RULE_MANUAL;
	else if (!rule_kind_parse(kind, &r->kind)) {
		return err_set(e, -1, _("unknown rule \"%s\" (manual, survey, yesno, ratio, "
		    "bands, count, deduct, bonus or penalty)"), kind);
	}
	if ((copy = strdup(params ? params : "")) == NULL) {
		return err_set(e, -1, "%s", _("out of memory"));
	}
	for (char *item = strtok_r(copy, ";", &save); item && rc == 0;
	    item = strtok_r(NULL, ";", &save))
		if (*text_trim(item) != '\0')
			rc = parse_item(&p, item);
	free(copy);
	return rc == 0 ? check_complete(&p, kind) : -1;
}
