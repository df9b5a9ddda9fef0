/* The one error channel.
 *
 * A function that can fail returns -1 and fills the struct err it was
 * given: a sentence for the user (translated), and the field of the record
 * it is about, so that a form can put the cursor there.  Its caller shows
 * e.msg as it is, never choosing between sources.  When what failed was a
 * database call, the function fills e with err_db: the database's own last
 * message (db.h) is read only through err_db. */
#ifndef CCHC_ERR_H
#define CCHC_ERR_H

#include <stdbool.h>

struct db;

struct err {
	int field;		/* the record's field enum; -1: not a field */
	char msg[512];
};

/* Empties e (field -1, no message). */
void err_clear(struct err *e);
/* Fills e (which may be NULL) with a printf-style message about field;
 * returns -1 for `return err_set(...)`. */
int err_set(struct err *e, int field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Fills e (which may be NULL) with the database's last message, not tied
 * to a field; -1. */
int err_db(struct err *e, const struct db *db);
/* The same, tied to field: a write that failed for what that field said
 * (a file name, a format). */
int err_db_at(struct err *e, int field, const struct db *db);
/* Fills e (which may be NULL) with "what: " and errno's text (a full disk
 * said plainly, with "nothing was changed"), not tied to a field; -1. */
int err_errno(struct err *e, const char *what);
/* True when e holds no message. */
bool err_empty(const struct err *e);

#endif
