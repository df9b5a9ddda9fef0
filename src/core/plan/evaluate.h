/* Is a target met by a result?  Pure arithmetic, no database.
 *
 * Plans state targets in a handful of forms (domain.md): a rate with a
 * comparator ("trên 99%" is > 99), a count ("02 sáng kiến" is >= 2), a
 * reduction against a baseline ("cắt giảm tối thiểu 30%"), a rank ("thứ 35
 * trở lên" is rank <= 35) and yes/no.  A five-year plan may give a different
 * value per phase; the caller resolves the phase and passes the value. */
#ifndef CCHC_EVALUATE_H
#define CCHC_EVALUATE_H

#include <stdbool.h>

enum target_kind {
	TARGET_RATE,		/* percentage, best entered as numerator/denominator */
	TARGET_COUNT,		/* a number of things: initiatives, inspections */
	TARGET_REDUCTION,	/* percentage reduction against a baseline */
	TARGET_RANK,		/* a position in a ranking: smaller is better */
	TARGET_YESNO,		/* done or not done */
};

enum comparator {
	CMP_GT,			/* >  "trên" */
	CMP_GE,			/* >= "tối thiểu", "trở lên", "đạt" */
	CMP_LT,			/* <  "dưới" */
	CMP_LE,			/* <= "tối đa", rank "thứ N trở lên" */
	CMP_EQ,			/* =  exactly */
};

enum verdict {
	VERDICT_UNKNOWN,	/* no result yet, or not enough to decide */
	VERDICT_MET,
	VERDICT_NOT_MET,
	/* An accumulating target before the end of its horizon, with a
	 * figure that has not reached the planned value yet: "6/10 · đang
	 * thực hiện", not "Không đạt". */
	VERDICT_IN_PROGRESS,
};

/* When a target is judged.  A rate is measured afresh each period and
 * judged in each; counts, yes/no, reductions and ranks accumulate over the
 * year (or the plan's phase) and are judged at its end. */
enum target_horizon {
	HORIZON_PERIOD,		/* every reporting period */
	HORIZON_YEAR,		/* the year's report */
	HORIZON_PHASE,		/* the year's report of the phase's last year */
};

/* What the office entered for a period.  A field is used only when its
 * has_ flag is set. */
struct measure {
	bool has_numerator, has_denominator, has_value;
	double numerator, denominator, value;
};

struct target_rule {
	enum target_kind kind;
	enum comparator cmp;
	double value;		/* the planned value for this period's phase */
	bool has_baseline;
	double baseline;	/* reduction: the figure the reduction is measured from */
};

/* The achieved figure the target is compared on: the rate in percent (from
 * numerator/denominator, else value), the count, the reduction in percent
 * (from baseline and the current value, or a value already in percent when
 * the target has no baseline), the rank, or 1/0 for yes/no.  False when the
 * measure does not give one (nothing entered, denominator zero, baseline
 * zero). */
bool evaluate_achieved(const struct target_rule *rule, const struct measure *m, double *achieved);

enum verdict evaluate_target(const struct target_rule *rule, const struct measure *m);

/* The horizon of a kind when the target does not name one: rates are
 * judged each period, every other kind accumulates over the year. */
enum target_horizon target_kind_horizon(enum target_kind k);

/* The verdict in a period.  final: the period ends the target's horizon,
 * or the plan gave a planned value for this very period.  Before that, an
 * accumulating target is met as soon as it reaches a value it can only
 * grow from (a count, yes/no or reduction with > or >=), and otherwise in
 * progress; without a figure it is unknown. */
enum verdict evaluate_interim(const struct target_rule *rule, const struct measure *m, bool final);

/* Text forms used in the database: "rate", "count", "reduction", "rank",
 * "yesno" and ">", ">=", "<", "<=", "=".  Parsers return false on anything
 * else. */
const char *target_kind_name(enum target_kind k);
bool target_kind_parse(const char *s, enum target_kind *out);
const char *comparator_symbol(enum comparator c);
/* "period", "year", "phase". */
const char *target_horizon_name(enum target_horizon h);
bool target_horizon_parse(const char *s, enum target_horizon *out);
bool comparator_parse(const char *s, enum comparator *out);

#endif
