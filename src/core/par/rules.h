/* Scoring rules of a PAR INDEX criteria set.  Pure arithmetic, no database.
 *
 * A criterion's rule and its parameters are data (the province publishes a
 * new table every year), written in the criteria file as a kind and a
 * parameter text (cchc-criteria(5)):
 *
 *   manual    points typed by the user, 0..max (floor=F allows down to F)
 *   survey    points from the social survey, typed, 0..max
 *   yesno     a = 1: max, a = 0: 0                          (no=P: points for no)
 *   ratio     a / b x max; b = 0 is "không phát sinh"  (empty=full|zero|none)
 *             goal=G: a criterion following a target ("tối thiểu 25%"):
 *             a rate a / b x 100 of G or more is max, below it G's share
 *   bands     the rate a / b x 100 (or a itself when there is no b) falls in
 *             one band: "[100,]=1; [80,100)=0.5; [,80)=0" -- '[' and ']'
 *             include the bound, '(' and ')' exclude it, so "từ 80% đến
 *             dưới 100%" is [80,100)                   (empty=full|zero|none)
 *
 * empty= says what "nothing arose" (b = 0) scores: full points (the
 * default: no late file to apologise for), zero (a plan with no task has
 * done none) or none (no points until the office types or overrides them).
 *   count     a against required=N: a / N x max, at most max (all=1: max
 *             only when a >= N, else 0)
 *   deduct    max minus per=P for each of a occurrences, down to floor=F
 *             (default 0; may be negative: -0.25)
 *   bonus     a x per=P, at most cap=C (a criterion of max 0: it adds to
 *             the total without raising the maximum)
 *   penalty   -(a x per=P), at least -cap=C
 *
 * Every result is rounded with rule_round(). */
#ifndef CCHC_RULES_H
#define CCHC_RULES_H

#include <stdbool.h>
#include <stddef.h>

struct err;

enum rule_kind {
	RULE_MANUAL,
	RULE_SURVEY,
	RULE_YESNO,
	RULE_RATIO,
	RULE_BANDS,
	RULE_COUNT,
	RULE_DEDUCT,
	RULE_BONUS,
	RULE_PENALTY,
};
#define RULE_KINDS 9

#define RULE_MAX_BANDS 8

/* One band of a bands rule: lo..hi (each bound optional, included or
 * not) gives points. */
struct rule_band {
	bool has_lo, has_hi;
	bool lo_incl, hi_incl;
	double lo, hi;
	double points;
};

enum rule_empty {
	EMPTY_FULL,
	EMPTY_ZERO,
	EMPTY_NONE,
};

struct rule {
	enum rule_kind kind;
	enum rule_empty empty;	/* ratio, bands: what b = 0 scores */
	double goal;		/* ratio: the rate that scores max, 0: 100 */
	bool all_or_nothing;	/* count */
	bool has_no;		/* yesno */
	double no;		/* yesno: points for "no" */
	double required;	/* count */
	double per;		/* deduct, bonus, penalty */
	double floor;		/* deduct, manual */
	double cap;		/* bonus, penalty */
	int nbands;
	struct rule_band bands[RULE_MAX_BANDS];
};

/* The inputs of a leaf: a (yes as 1, a numerator, a count, occurrences or
 * typed points) and b (a denominator). */
struct rule_input {
	bool has_a, has_b;
	double a, b;
};

/* Rounds points the way the official tables do: two decimals, halves away
 * from zero (Excel's ROUND, in which the provinces' tables are computed:
 * 0.125 -> 0.13, -0.125 -> -0.13).  A tiny relative nudge first absorbs
 * binary error, so that 1.005 (stored as 1.00499999...) gives 1.01 as
 * typed. */
double rule_round(double x);

/* The rules, one function each; results are rounded. */
double rule_yesno(double max, bool yes, double no_points);
double rule_ratio(double max, double a, double b, bool empty_zero);
/* false when no band holds v (the table has a gap). */
bool rule_bands(const struct rule_band *bands, int n, double v, double *points);
double rule_count(double max, double count, double required, bool all_or_nothing);
double rule_deduct(double max, double occurrences, double per, double floor);
double rule_bonus(double occurrences, double per, double cap);
double rule_penalty(double occurrences, double per, double cap);
double rule_manual(double max, double floor, double typed);

/* A leaf's points under r with maximum max.  False (and *points 0) when
 * the inputs the rule needs are missing, or no band holds the rate. */
bool rule_score(const struct rule *r, double max, const struct rule_input *in, double *points);

/* Whether the rule takes a denominator b / needs a typed a. */
bool rule_uses_b(enum rule_kind k);

/* Parses kind and parameter text ("required=2", "per=0.25; floor=-0.25",
 * "[100,]=1; [80,100)=0.5; [,80)=0") into r, checking them (band points
 * within 0..max, a floor not above 0, counts and steps not negative).  0, or -1
 * with e (may be NULL) naming the parameter. */
int rule_parse(const char *kind, const char *params, double max, struct rule *r,
    struct err *e);

/* "manual", "survey", "yesno", ... ; NULL for an unknown kind. */
const char *rule_kind_name(enum rule_kind k);
bool rule_kind_parse(const char *s, enum rule_kind *out);

#endif
