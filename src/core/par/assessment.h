/* A year's PAR INDEX self-assessment against a criteria set.
 *
 * For each leaf the office enters its inputs (a, b: a yes as 1, a
 * numerator and denominator, a count, occurrences, or typed points), cites
 * evidence documents, may override the computed points with a reason, and
 * later records the appraised points (round 1, round 2) and its
 * explanation (giải trình).  A leaf with a source (criteria.h) takes its
 * inputs from the plans as they stand when loaded, so it follows the
 * tracked data; they are never stored.
 *
 * Points of a leaf: the override when given, else the rule's result.
 * Totals sum the leaves up the tree.  The index is the total over the
 * maximum x 100 when the survey was held; without a survey, the appraised
 * part (the leaves that are not of the survey rule) alone, scaled to 100.
 * Appraised totals take, for each leaf, round 2 when given, else round 1,
 * else the self-assessed points (a leaf the appraisal did not change);
 * survey leaves are not appraised from documents and keep their points. */
#ifndef CCHC_ASSESSMENT_H
#define CCHC_ASSESSMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/par/criteria.h"
#include "core/par/rules.h"

struct db;
struct err;
struct trash;

struct par_evidence {
	int64_t id;
	char *number;		/* số, ký hiệu */
	char date[11];		/* ISO, "" when not given */
	char *summary;		/* trích yếu */
};

/* One per criterion of the set, in the set's order. */
struct par_line {
	struct rule_input in;	/* typed, or computed from source */
	bool computed;		/* in came from tracked data */
	char *source_text;	/* where it came from ("" when typed) */
	bool has_self;		/* the rule gave points (inputs complete) */
	double self;		/* the rule's points, rounded */
	bool has_override;
	double override;
	char *reason;
	bool has_r1, has_r2;
	double r1, r2;
	char *note1, *note2;	/* each appraisal round's note */
	char *explanation;
	int nevidence;
	struct par_evidence *evidence;
	/* Leaves: their own; parents: the sums of their leaves. */
	double points;		/* self-assessed: the override, else self, else 0 */
	double appraised;
};

/* An index with its band. */
struct par_index {
	double points, max;	/* what the index is computed from */
	double index;		/* points / max x 100, 0 when max is 0 */
	const char *band;	/* points into the set's bands */
};

struct assessment {
	int64_t id;		/* 0 until something is saved */
	int year;
	bool survey_held;
	struct criteria_set set;
	struct par_line *lines;	/* set.n of them */
	double total, max;	/* all leaves */
	double survey, survey_max;	/* the survey leaves */
	struct par_index self;	/* from the self-assessed points */
	bool has_appraised;	/* some leaf has an appraised figure */
	struct par_index appraised;
};

/* Loads set's assessment of year (an empty one when none is saved), with
 * the computed inputs read now, and computes everything.  0 or -1. */
int assessment_load(struct db *db, int64_t set, int year, struct assessment *a);
void assessment_free(struct assessment *a);

/* Recomputes the points and totals of a from its inputs and entries
 * (assessment_load does; exposed for the tests and for the screen's
 * preview). */
void assessment_compute(struct assessment *a);

/* The inputs the source of a criterion gives for year, and a sentence
 * saying where they came from (newly allocated).  in->has_a false when the
 * tracked data do not give them (the sentence says why).  0 or -1.
 * Besides the sources of criteria.h, "sipas[:TEXT]": a, the overall index
 * of the latest SIPAS round of year (the year of its last day, else of its
 * first; whose name contains TEXT, folded), over b = 100. */
int assessment_source(struct db *db, int year, const char *source, struct rule_input *in,
    char **text);

/* The fields of an entry's form, for field errors. */
enum entry_field {
	EF_A,
	EF_B,
	EF_OVERRIDE,
	EF_REASON,
	EF_R1,
	EF_R2,
	EF_NOTE1,
	EF_NOTE2,
	EF_EXPLANATION,
	EF_EVIDENCE_NUMBER,
	EF_EVIDENCE_DATE,
	EF_EVIDENCE_SUMMARY,
};

/* The field of part (EF_EVIDENCE_NUMBER, _DATE or _SUMMARY) of the k-th
 * document of an entry's form. */
#define EF_DOCUMENT(k, part) ((part) + 3 * (k))

/* A document as the entry's form holds it: id 0 is a new one (skipped
 * when both number and summary are empty); an existing one whose number
 * and summary are both cleared is deleted. */
struct par_document {
	int64_t id;
	const char *number, *date, *summary;	/* date ISO or "" */
};

struct par_entry {
	struct rule_input in;	/* ignored for a computed criterion */
	bool has_override;
	double override;
	const char *reason;
	bool has_r1, has_r2;
	double r1, r2;
	const char *explanation;
	const char *note1, *note2;	/* the rounds' notes; NULL: none */
	int ndocuments;		/* the documents the form showed, then new ones */
	const struct par_document *documents;
};

/* Records what the office entered for leaf criterion of set in year, in
 * one transaction (the assessment row is made when needed): the entry is
 * updated in place, never replaced, so documents the form did not list stay.  Inputs are
 * not negative; a yes/no input is 0 or 1; typed points (manual, survey)
 * within the rule's floor (0 by default) and the maximum; a denominator
 * only for ratio and bands; an override needs its reason, and a reason its
 * override (an appraisal's reason is its round's note); appraised points
 * not above the maximum of a criterion that has one; each document as
 * assessment_evidence_add checks it (errors name EF_DOCUMENT(k, ...)).  0,
 * or -1 with err naming the field. */
int assessment_entry_save(struct db *db, int64_t set, int year, int64_t criterion,
    const struct par_entry *e, struct err *err);

/* Adds an evidence document to a leaf's entry (number or summary required;
 * date ISO or ""), in one transaction.  0, or -1 with err. */
int assessment_evidence_add(struct db *db, int64_t set, int year, int64_t criterion,
    const char *number, const char *date, const char *summary, struct err *err);
/* Deletes one document, in one transaction; *undo (when not NULL) can put
 * it back (trash.h).  0 or -1. */
int assessment_evidence_delete(struct db *db, int64_t id, struct trash **undo);

/* Whether the social survey was held in the year.  One transaction. */
int assessment_set_survey(struct db *db, int64_t set, int year, bool held);

/* One row of the comparison with the previous year: a top-level criterion
 * of this year's set, matched in last year's by title (folded), else by
 * code; the last row is the index. */
struct par_compare {
	const char *code, *title;	/* point into cur's set; title NULL: the index row */
	double now, now_max;
	bool has_before;
	double before, before_max;
	double difference;	/* now - before, in points (the index row: index points) */
};

/* Rows for cur against prev (prev may be NULL: no earlier assessment), into
 * *out (newly allocated).  0 or -1 when memory ran out. */
int assessment_compare(const struct assessment *cur, const struct assessment *prev,
    struct par_compare **out, int *n);

#endif
