/* PAR INDEX criteria sets (bộ tiêu chí): trees of criteria as data.
 *
 * A set belongs to a year and a level (xã/phường, sở); several can
 * coexist.  Its criteria form a tree -- lĩnh vực (section) -> tiêu chí ->
 * tiêu chí thành phần -- with codes as printed ("1", "1.1", "1.1.2"): a
 * child's code is its parent's code, a dot and more, and a top-level code
 * has no dot, so the tree can be written as a flat list and read back
 * (cchc-criteria(5)).  Leaves carry a scoring rule (rules.h); any criterion
 * may say which tracked figure it is computed from (its source):
 *
 *   tasks_on_time[:TEXT]  a: the year's plan tasks done on time, b: all of
 *                         them (only those whose description contains TEXT)
 *   tasks_done[:TEXT]     a: the tasks done, on time or late, b: all of
 *                         them -- "tasks_done:kiểm tra" counts inspections
 *                         held against planned
 *   targets_met           a: the year's targets met, b: all targets (one
 *                         without a result for the year counts as not met)
 *   target:TEXT           the year's result of the first target whose text
 *                         contains TEXT: a rate's numerator and
 *                         denominator (or its percentage over 100), a
 *                         count's value against the planned count
 *   sipas[:TEXT]          the overall index of the year's latest SIPAS
 *                         round (whose name contains TEXT) over 100
 *
 * TEXT is compared folded (no marks, any case). */
#ifndef CCHC_CRITERIA_H
#define CCHC_CRITERIA_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/par/rules.h"

struct db;
struct err;

struct par_node {
	int64_t id, parent_id;	/* parent_id 0: a top-level criterion */
	int parent;		/* index of the parent in the set's nodes, -1 */
	int depth;		/* 0 for a top-level criterion */
	int ord;		/* among its siblings, from 1 */
	char *code, *title;
	double max;
	enum rule_kind kind;
	char *params;		/* as written */
	struct rule rule;	/* parsed from kind and params */
	char *source;		/* "" when typed, not computed */
	char *hint;		/* the evidence expected */
	bool leaf;
};

struct par_band {
	char *label;
	double min;		/* the index from which the band applies */
};

struct criteria_set {
	int64_t id;
	int year;
	char *level;		/* "xa", "phuong" or "so" */
	char *name;
	double total;		/* the stated total, 100 by default */
	char *note;
	int nbands;		/* highest min first; the defaults when none stored */
	struct par_band *bands;
	int n;			/* criteria in tree order: each parent before its children */
	struct par_node *nodes;
};

/* The fields of a criterion's form, for field errors. */
enum criterion_field {
	CF_CODE,
	CF_TITLE,
	CF_MAX,
	CF_RULE,
	CF_PARAMS,
	CF_SOURCE,
	CF_HINT,
};

/* Every set (without criteria or bands), the latest year first. */
int criteria_set_list(struct db *db, struct criteria_set **out, int *n);
void criteria_sets_free(struct criteria_set *s, int n);

/* Loads set id with its bands and criteria.  0 or -1. */
int criteria_load(struct db *db, int64_t id, struct criteria_set *s);
void criteria_free(struct criteria_set *s);

/* The set to score year with: the year's current set -- fixed by its first
 * assessment (assessment.c) or by criteria_set_current() --, else that
 * year's set of the level (the office's kind, "xa" when unknown; any level
 * when none of it), else the latest set of an earlier year.  So importing
 * a set never moves a year that has an assessment off its set.  The id, 0
 * when there is none, -1 on error. */
int64_t criteria_find(struct db *db, int year);

/* Makes set the one year is scored with (an explicit choice, confirmed by
 * the caller); the assessments made on other sets stay.  One transaction;
 * 0 or -1. */
int criteria_set_current(struct db *db, int year, int64_t set);

/* Records set as year's current set when the year has none yet; inside the
 * caller's transaction.  0 or -1. */
int criteria_keep_current(struct db *db, int year, int64_t set);

/* Reads a cchc-criteria(5) file into a new set, in one transaction.  The
 * id, or -1 with the message (file, line, field, reason) in db_error(). */
int64_t criteria_import(struct db *db, const char *path);

/* The template set shipped for communes (criteria-xa-template.tsv in the
 * data folder), imported as criteria_import() does but for year: the set
 * takes that year, in its name too (where the file's year is written).
 * The id or -1. */
#define CRITERIA_TEMPLATE_FILE "criteria-xa-template.tsv"
int64_t criteria_import_template(struct db *db, int year);

/* Writes set s in the cchc-criteria(5) format.  0, or -1 on a write error
 * (errno set). */
int criteria_export(const struct criteria_set *s, FILE *fp);

/* The fields of a set's header form, for field errors. */
enum criteria_set_field {
	SETF_NAME,
	SETF_YEAR,
	SETF_LEVEL,
	SETF_TOTAL,
	SETF_BANDS,
	SETF_NOTE,
};

/* s's bands as one line, "A 90; B 80; C 70; D 0"; NULL when out of memory. */
char *criteria_bands_text(const struct criteria_set *s);
/* What a save writes of a set's header.  The strings are the caller's,
 * read during the call only. */
struct criteria_set_input {
	int64_t id;
	int year;
	const char *level;	/* "xa", "phuong" or "so" */
	const char *name;
	double total;
	const char *note;
};

/* s as loaded, to save again. */
struct criteria_set_input criteria_set_input_of(const struct criteria_set *s);

/* Saves the header of set in->id (name, year, level, total, note) and the
 * bands written as criteria_bands_text writes them -- highest first, each
 * from 0 to 100, the last from 0 -- in one transaction.  0, or -1 with
 * err naming the field. */
int criteria_set_save(struct db *db, const struct criteria_set_input *in, const char *bands,
    struct err *err);

/* Deletes a set with its criteria and assessments; one transaction. */
int criteria_set_delete(struct db *db, int64_t id);

/* What a save writes of a criterion.  The strings are the caller's, read
 * during the call only. */
struct criterion_input {
	int64_t id;		/* 0: a new criterion */
	int64_t parent_id;	/* 0: a top-level criterion */
	const char *code, *title;
	double max;
	enum rule_kind kind;
	const char *params, *source, *hint;
};

/* c as loaded, to save again. */
struct criterion_input criterion_input_of(const struct par_node *c);

/* Inserts in into set (in->id 0; appended after the last sibling) or
 * updates criterion in->id (parent, code, title, max, rule, params,
 * source, hint; under a new parent it goes last, and its sub-criteria's
 * codes follow its new code), in one transaction, and sets *id (when id is
 * not NULL) to the criterion's id.  The code must be unique in the set,
 * start with the parent's code and a dot (a top-level code has no dot),
 * the parent not be the criterion or below it, the max not be negative,
 * the rule and its parameters parse and the source be one of the forms
 * above.  0, or -1 with err naming the field. */
int criterion_save(struct db *db, int64_t set, const struct criterion_input *in, int64_t *id,
    struct err *err);

/* Deletes a criterion with its children and their entries; one
 * transaction.  0 or -1. */
int criterion_delete(struct db *db, int64_t id);

/* Swaps criterion id with its previous (delta < 0) or next sibling; no
 * sibling there is no error.  One transaction; 0 or -1. */
int criterion_move(struct db *db, int64_t id, int delta);

/* What does not add up: the criterion (node index; -1 for the set) whose
 * children's maxima sum to sum instead of its own max (the set's total). */
struct criteria_warning {
	int node;
	double sum, expected;
};

/* The warnings of s into *out (newly allocated, NULL when none).  0 or
 * -1 when memory ran out. */
int criteria_check(const struct criteria_set *s, struct criteria_warning **out, int *n);

/* The band label of an index (the first band whose min it reaches); "" when
 * none. */
const char *criteria_band(const struct criteria_set *s, double index);

/* Whether source is "" or one of the forms above. */
bool criteria_source_valid(const char *source);

#endif
