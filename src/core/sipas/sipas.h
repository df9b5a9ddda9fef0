/* SIPAS: citizens' satisfaction surveys, from paper forms to indexes.
 *
 * A questionnaire is data (data/sipas-questionnaire.tsv, imported and
 * exported here): an answer scale of one-digit values (0 is always "no
 * answer"), elements with their questions, optional respondent fields with
 * one-digit options, and the formula that makes the overall index out of
 * the elements.  A round is one survey (a name, dates, the service or unit
 * covered, the questionnaire); a form is one sheet, numbered uniquely within
 * its round, with one answer per question.
 *
 * The share satisfied of a question or an element is the answers marked
 * satisfied on the scale (4 and 5 by default) among those who answered (0
 * left out), in percent; it does not exist when nobody answered.  The
 * element's share pools the answers to all its questions.
 *
 * One header for the module, one file a concept: sipas_index.c (formulas
 * and arithmetic), sipas_questionnaire.c (loading one), sipas_file.c
 * (import and export), sipas_round.c, sipas_form.c, sipas_result.c
 * (tallies), sipas_feed.c (a round's index into a target), sipas_report.c
 * (the results as text). */
#ifndef CCHC_SIPAS_H
#define CCHC_SIPAS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/plan/model.h"

struct db;
struct trash;
struct err;

/* One digit an answer or an option: at most 9 values besides 0. */
#define SIPAS_MAX_VALUE 9
/* Bounds that keep a form in fixed arrays (a paper form has ~20). */
#define SIPAS_MAX_QUESTIONS 64
#define SIPAS_MAX_FIELDS 8

enum sipas_formula {
	SIPAS_MEAN,		/* the mean of the element shares */
	SIPAS_WEIGHTED,		/* their mean weighted by the elements' weights */
	SIPAS_POOLED,		/* satisfied among all answers to all questions */
};

/* A point of the scale, or an option of a respondent field. */
struct sipas_option {
	int value;
	char *label;
	bool satisfied;		/* scale only */
};

struct sipas_question {
	int64_t id;
	char *code;		/* "2.3" */
	char *text;
};

struct sipas_element {
	int64_t id;
	char *code;
	char *title;
	double weight;
	int first;		/* index of its first question in q->questions */
	int nquestions;
};

struct sipas_field {
	int64_t id;
	char *code;
	char *name;
	int noptions;
	struct sipas_option *options;	/* values 1..9 */
};

struct sipas_questionnaire {
	int64_t id;
	char *name;
	enum sipas_formula formula;
	char *note;
	int nscale;
	struct sipas_option *scale;	/* 0 (no answer) first */
	int max_value;			/* the highest answer on the scale */
	int nelements;
	struct sipas_element *elements;
	int nquestions;
	struct sipas_question *questions;	/* all, in the form's order */
	int nfields;
	struct sipas_field *fields;
};

/* "mean", "weighted", "pooled": the database's and the file's names. */
const char *sipas_formula_code(enum sipas_formula f);
bool sipas_formula_parse(const char *s, enum sipas_formula *out);
/* The formula in a sentence for the report (translated). */
const char *sipas_formula_text(enum sipas_formula f);

/* Loads questionnaire id; 0 or -1. */
int sipas_questionnaire_load(struct db *db, int64_t id, struct sipas_questionnaire *q);
void sipas_questionnaire_free(struct sipas_questionnaire *q);
/* The index in q->questions of the question with database id id, or -1. */
int sipas_question_index(const struct sipas_questionnaire *q, int64_t id);

/* The questionnaires, by name: ids and names (malloc'd). */
struct sipas_name {
	int64_t id;
	char *name;
};
int sipas_questionnaire_list(struct db *db, struct sipas_name **out, int *n);
void sipas_names_free(struct sipas_name *v, int n);

/* Reads a questionnaire file (the format is documented in
 * data/sipas-questionnaire.tsv) and stores it in one transaction,
 * replacing a questionnaire of the same name (compared folded) unless a
 * round uses it.  The id, or -1 with db_error naming the file, the line and
 * the field. */
int64_t sipas_import(struct db *db, const char *path);
/* Writes questionnaire id in the same format; 0 or -1. */
int sipas_export(struct db *db, int64_t id, FILE *fp);

/* The questionnaire new rounds use: the first one, the shipped
 * data/sipas-questionnaire.tsv imported when there is none.  The id, or
 * -1. */
int64_t sipas_default_questionnaire(struct db *db);

/* A survey round. */
struct sipas_round {
	int64_t id;
	int64_t questionnaire_id;
	char *questionnaire;	/* its name, when loaded */
	char *name;
	char date_from[11], date_to[11];	/* ISO, "" when unset */
	char *service;		/* the service covered, free text */
	int64_t unit_id;	/* the unit covered, 0 if none */
	char *unit;		/* its name, "" if none */
	int forms;		/* forms entered, when loaded */
};

enum sipas_round_field {
	SRF_NAME,
	SRF_QUESTIONNAIRE,
	SRF_FROM,
	SRF_TO,
	SRF_SERVICE,
	SRF_UNIT,
};

/* What a save writes of a round.  The strings are the caller's, read
 * during the call only. */
struct sipas_round_input {
	int64_t id;		/* 0: a new round */
	int64_t questionnaire_id;
	const char *name;
	char date_from[11], date_to[11];	/* ISO, "" when unset */
	const char *service;
	int64_t unit_id;	/* 0 if none */
};

/* r as loaded, to save again. */
struct sipas_round_input sipas_round_input_of(const struct sipas_round *r);

/* Inserts in (in->id 0) or updates round in->id, in one transaction, and
 * sets *id (when id is not NULL) to the round's id.  The name is required,
 * the questionnaire must exist (and cannot change once forms are
 * entered), the last day is not before the first, the unit (when not 0)
 * exists.  0, or -1 with err naming the field. */
int sipas_round_save(struct db *db, const struct sipas_round_input *in, int64_t *id,
    struct err *err);
/* Deletes a round with its forms, in one transaction; 0 or -1. */
int sipas_round_delete(struct db *db, int64_t id);
/* 1 found, 0 no such round, -1 error. */
int sipas_round_get(struct db *db, int64_t id, struct sipas_round *r);
/* All rounds, the latest first (by first day, then by id). */
int sipas_round_list(struct db *db, struct sipas_round **out, int *n);
void sipas_round_free(struct sipas_round *r);
void sipas_rounds_free(struct sipas_round *v, int n);
/* Loads round and its questionnaire together (no such round is an
 * error); 0 or -1. */
int sipas_round_load(struct db *db, int64_t round, struct sipas_round *r,
    struct sipas_questionnaire *q);

/* A paper form as typed: fields[i] is the option of q->fields[i] (0 not
 * given), answers[i] the answer to q->questions[i] (0 no answer). */
struct sipas_form {
	int number;
	int fields[SIPAS_MAX_FIELDS];
	int answers[SIPAS_MAX_QUESTIONS];
};

/* The field errors of a form. */
enum sipas_form_field {
	SFF_NUMBER,
	SFF_FIELDS,		/* + the index of the field */
	SFF_ANSWERS = SFF_FIELDS + SIPAS_MAX_FIELDS,	/* + the question */
};

/* True when v is an answer on q's scale (0 included); an option of
 * respondent field i (0 included). */
bool sipas_answer_valid(const struct sipas_questionnaire *q, int v);
bool sipas_option_valid(const struct sipas_questionnaire *q, int field, int v);

/* Stores form f of round (whose questionnaire q is) in one transaction:
 * the number above 0 and not already in the round, every answer and option
 * valid.  0, or -1 with err naming the number, field or answer. */
int sipas_form_save(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    const struct sipas_form *f, struct err *err);
/* Replaces form old_number of round with f in one transaction, checked as
 * sipas_form_save checks a new form: f's number may stay old_number or be
 * one not in the round.  0, or -1 with err naming the number (also when
 * old_number is not in the round), field or answer, the round unchanged. */
int sipas_form_replace(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    int old_number, const struct sipas_form *f, struct err *err);
/* The forms of round (whose questionnaire q is) in number order, as typed:
 * *out malloc'd (free it), NULL when there are none.  0 or -1. */
int sipas_form_list(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    struct sipas_form **out, int *n);
/* Deletes form number of round (none is no error: *undo stays NULL),
 * keeping it in *undo for trash_restore when undo is not NULL; 0 or -1. */
int sipas_form_delete(struct db *db, int64_t round, int number, struct trash **undo);
/* 1 when round has a form numbered number, 0 when not, -1 on error. */
int sipas_form_exists(struct db *db, int64_t round, int number);
/* The number after the highest in round (1 for none), or -1. */
int sipas_form_next_number(struct db *db, int64_t round);
/* The forms entered in round, or -1. */
int sipas_form_count(struct db *db, int64_t round);

/* Counts for a question or an element. */
struct sipas_tally {
	int satisfied;		/* answers marked satisfied */
	int answered;		/* answers other than 0 */
	int no_answer;		/* answers 0 */
};

/* The share satisfied in percent; false when nobody answered. */
bool sipas_share(const struct sipas_tally *t, double *percent);

/* The overall index of element tallies by q's formula; false when no
 * element has an answer.  Elements nobody answered are left out of the
 * mean (and their weights with them). */
bool sipas_index(const struct sipas_questionnaire *q, const struct sipas_tally *elements,
    double *index);

/* Rounds a percentage to two decimals, half away from zero, the way the
 * report prints it and a target's result stores it (66.666… -> 66.67). */
double sipas_round2(double percent);
/* A percentage as every report prints it, rounded so ("87,5%", signed
 * when sign), or "—" when !has; a tally's share so. */
void sipas_percent_text(bool has, double v, bool sign, char *buf, size_t n);
void sipas_share_text(const struct sipas_tally *t, char *buf, size_t n);

/* The results of (part of) a round. */
struct sipas_results {
	int forms;
	struct sipas_tally questions[SIPAS_MAX_QUESTIONS];
	struct sipas_tally elements[SIPAS_MAX_QUESTIONS];
	bool has_index;
	double index;		/* unrounded */
};

/* Tallies round's forms (q its questionnaire).  field < 0: all forms; else
 * the forms whose respondent field q->fields[field] is option (0: the
 * forms that do not give it).  0 or -1. */
int sipas_results(struct db *db, const struct sipas_questionnaire *q, int64_t round,
    int field, int option, struct sipas_results *out);

/* The overall index of a round, rounded as printed; *has false when it
 * has none.  0 or -1. */
int sipas_round_index(struct db *db, int64_t round, bool *has, double *index);

/* Lays out the results of round as the results screen shows them, width
 * display columns wide: per element and question the share satisfied and
 * the answers, the overall index and its formula, the breakdowns by
 * respondent field and, when compare is not 0, the element shares and the
 * index beside those of round compare (elements matched by code).  Files
 * and printing take the report (report_build_sipas), which holds the same
 * figures.  0 or -1. */
int sipas_report(struct db *db, int64_t round, int64_t compare, int width, FILE *fp);

/* Records round's overall index as the result of target for a period (a
 * rate target; result_save checks it), with the round as evidence, in one
 * transaction.  0, or -1 with err saying why (no index yet, no such target
 * or not a rate). */
int sipas_feed_target(struct db *db, int64_t round, int64_t target, int year,
    enum period_kind period, struct err *err);

#endif
