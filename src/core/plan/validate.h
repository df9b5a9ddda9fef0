/* Checking what a form holds, field by field.
 *
 * A save that refuses a record says which field is wrong and why, in a
 * sentence that names the field, so the form can put the cursor there and
 * show the message: a struct err (err.h).  Messages are translated
 * (gettext). */
#ifndef CCHC_VALIDATE_H
#define CCHC_VALIDATE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/store/err.h"

struct db;

/* Ends a save's transaction: commits when rc is 0, else rolls back.  0,
 * or -1 with e filled when rc was not 0 (e is then already filled) or the
 * commit failed. */
int field_commit(struct db *db, int rc, struct err *e);
/* Begins a save's own transaction with e emptied; 0, or -1 with e filled. */
int field_begin(struct db *db, struct err *e);
/* field_commit for a save that wrote row *saved, whose id then goes to
 * *id when id is not NULL.  saved is a pointer so that the caller may
 * pass the store's call and its out-parameter in one expression. */
int field_commit_id(struct db *db, int rc, const int64_t *saved, int64_t *id, struct err *e);
/* For the loaders' inserts inside their caller's transaction: *id when
 * rc is 0, else -1 with e's message left as the database's error. */
int64_t field_inserted(struct db *db, int rc, const int64_t *id, const struct err *e);

/* The longest text a field stores, in bytes: some 20 pages of
 * Vietnamese, far more than any record needs. */
#define FIELD_TEXT_MAX 60000

/* A newly allocated NFC copy of s (NULL is "") without the blanks around
 * it; NULL with e naming label when s is not valid UTF-8 or memory ran
 * out. */
char *field_text(const char *s, struct err *e, int field, const char *label);

/* 0 when table (the core's constant) has a row id; else -1 with e set to
 * message (or the database's error). */
int validate_ref(struct db *db, const char *table, int64_t id, struct err *e,
    int field, const char *message);

/* v within min..max (either may be infinite); 0, or -1 with e naming
 * label and the bounds. */
int validate_range(double v, double min, double max, struct err *e, int field,
    const char *label);

/* A date field in dd/mm/yyyy: "" (or blanks) is accepted and gives "".
 * Otherwise the ISO form goes into iso_out (11 bytes).  0, or -1 with e
 * naming label: malformed text, or a day that does not exist. */
int validate_date(const char *text, char *iso_out, struct err *e, int field,
    const char *label);

/* A document's date that may be a month alone, as plans are often
 * dated: what validate_date takes, or "04/2026", "4-2026", "tháng 4/2026",
 * "tháng 4 năm 2026" (any case, diacritics or not), stored as the month's
 * first day: the column is a date that periods and reports compute with,
 * and the first day keeps the document before anything it plans. */
int validate_date_or_month(const char *text, char *iso_out, struct err *e, int field,
    const char *label);

/* A product's deadline: free text ("Quý IV/2025", "Thường xuyên"), but
 * one written as a date (d/m/yyyy) must be a day that exists.  0, or -1
 * with e naming label. */
int validate_deadline(const char *text, struct err *e, int field, const char *label);

/* A number field (number_parse) within min..max (either may be infinite).
 * Blank text is refused when required, else gives *has false.  0, or -1
 * with e naming label. */
int validate_number(const char *text, bool required, double min, double max,
    double *out, bool *has, struct err *e, int field, const char *label);

#endif
