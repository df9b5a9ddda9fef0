/* The deadline of a plan's task, as written ("Thời gian hoàn thành").
 *
 * Plans write deadlines in free text: "Quý III/2026", "Trước ngày 30/7/2026",
 * "Thường xuyên", "Định kỳ hằng quý", "Theo kế hoạch của UBND tỉnh", or
 * several milestones in one cell.  The text is kept as written; this parser
 * derives what the program can act on from it.  Presentation (wording,
 * translation) belongs to the UI. */
#ifndef CCHC_DEADLINE_H
#define CCHC_DEADLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/text/date.h"

enum deadline_kind {
	DEADLINE_DATE,		/* one date */
	DEADLINE_CONTINUOUS,	/* all year long; due at the end of the year */
	DEADLINE_RECURRING,	/* monthly, quarterly...; see recur */
	DEADLINE_MILESTONES,	/* several dates; due is the last */
	DEADLINE_CONDITIONAL,	/* waits on an outside event: no date yet */
	DEADLINE_UNKNOWN	/* nothing recognised */
};

enum recurrence {
	RECUR_NONE,		/* not recurring, or "định kỳ" with no period */
	RECUR_MONTHLY,
	RECUR_QUARTERLY,
	RECUR_HALF_YEARLY,
	RECUR_YEARLY
};

#define DEADLINE_MAX_MILESTONES 8

/* Why a deadline that looks like a date was not read: the parser does not
 * guess past these, it gives DEADLINE_UNKNOWN with the reason. */
enum deadline_doubt {
	DOUBT_NONE,
	DOUBT_QUARTER,		/* "Quý V/2025": a quarter outside I-IV */
	DOUBT_MONTH,		/* "Tháng 13/2026", "15/13/2026" */
	DOUBT_DAY,		/* "31/02/2026": a day that does not exist */
	DOUBT_YEAR,		/* "01/01/0000", "30/7/26": no usable year */
	DOUBT_WORD		/* "Qu? III/2025": a word mangled on the way */
};

struct deadline {
	enum deadline_kind kind;
	/* The (last) due date when known; all zero for CONDITIONAL and
	 * UNKNOWN.  CONTINUOUS and RECURRING are due on 31/12 of the year
	 * written (or the plan's year) unless the text gives a date. */
	struct date due;
	/* The most frequent period named ("hằng quý, 6 tháng, hằng năm" is
	 * quarterly); RECUR_NONE unless kind is RECURRING. */
	enum recurrence recur;
	/* Every date written, sorted, when there are two or more (whatever
	 * the kind); the first DEADLINE_MAX_MILESTONES if there are more.
	 * due is still the last of all of them. */
	int n_milestones;
	struct date milestones[DEADLINE_MAX_MILESTONES];
	/* Set (with kind DEADLINE_UNKNOWN) when part of the text could not
	 * be read; then nothing else is. */
	enum deadline_doubt doubt;
};

/* Parses text (UTF-8, any case, with or without diacritics) into *out.
 * plan_year is the year of dates written without one ("tháng 9", "quý IV",
 * "trước 30/7").  "Trước ngày X" is due on X itself (see deadline.c).
 * Text that says nothing recognisable gives DEADLINE_UNKNOWN and true;
 * false (and DEADLINE_UNKNOWN) only when text is NULL, not valid UTF-8, or
 * memory ran out. */
bool deadline_parse(const char *text, int plan_year, struct deadline *out);

/* Why d was not read, translated ("a quarter outside I-IV"); "" when it
 * was. */
const char *deadline_doubt_text(const struct deadline *d);

/* "→ 30/09/2025", "→ quarterly (31/12/2025)"... for a parsed deadline. */
void deadline_describe(const struct deadline *d, char *buf, size_t n);

/* true when d gives a due date (or milestones) in a year outside
 * year_from..year_to: read, but probably a typing slip. */
bool deadline_outside(const struct deadline *d, int year_from, int year_to);

/* When the deadline text, read for plan_year, falls outside the plan's
 * years year_from..year_to (deadline_outside: "Tháng 9/2025" in a 2026
 * plan), the warning that says so into buf, translated, and true; else
 * false.  The importer and the task form say the same. */
bool deadline_outside_warning(const char *text, int year_from, int year_to, char *buf,
    size_t n);

#endif
