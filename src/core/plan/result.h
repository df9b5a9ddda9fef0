/* Results: what a target achieved in a reporting period. */
#ifndef CCHC_RESULT_H
#define CCHC_RESULT_H

#include <stdint.h>

#include "core/plan/model.h"

struct db;
struct err;

/* The fields of a result's form, for field errors. */
enum result_field {
	RF_NUMERATOR,
	RF_DENOMINATOR,
	RF_VALUE,
	RF_EVIDENCE,
	RF_NOTE,
};

/* The label of a result's value for a target of kind k (translated). */
const char *result_value_label(enum target_kind k);

/* Reads a result's figures as typed for a target of kind k into m: a
 * rate's numerator and denominator, or the rate itself typed with '%' in
 * the numerator ("90%", the denominator left blank); other kinds their
 * value (target_read_value: "có" / "không" for yes/no).  Blank fields
 * leave their figure out.  result_save checks the figures.  0, or -1
 * with e naming the field. */
int result_read(enum target_kind k, const char *numerator, const char *denominator,
    const char *value, struct measure *m, struct err *e);

/* Records (or replaces) the result of target t for a period, in one
 * transaction, after checking it against the target's kind: a rate's
 * numerator and denominator are given together, not negative, the
 * denominator above 0 unless both are 0 ("không phát sinh": nothing
 * arose), the numerator not above the denominator, and a rate typed
 * directly 0..100; a count is not negative; a rank a whole number from 1;
 * yes/no 0 or 1; a reduction at most 100 (%), or, measured against the
 * target's baseline, a current figure not negative.  With no figure,
 * evidence or note at all the period's result is deleted.  0, or -1 with
 * err naming the field (-1 for a database error). */
int result_save(struct db *db, const struct target *t, int year, enum period_kind k,
    const struct measure *m, const char *evidence, const char *note,
    struct err *err);

/* result_save's checks of a measure against the target's rule: 0, or -1
 * with err naming the field. */
int result_check(const struct target_rule *rule, const struct measure *m,
    struct err *err);

/* Deletes the result of a target for a period (none is no error); one
 * transaction.  0 or -1. */
int result_delete(struct db *db, int64_t target, int year, enum period_kind k);

/* Records (or replaces) a result without checks, inside the caller's
 * transaction (the update sheets'); with no figure, evidence or note, as
 * result_save, deletes it.  0 or -1. */
int result_put(struct db *db, int64_t target, int year, enum period_kind k,
    const struct measure *m, const char *evidence, const char *note);

#endif
