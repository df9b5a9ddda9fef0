/* Plans (kế hoạch CCHC): a yearly or five-year plan of the office. */
#ifndef CCHC_PLAN_H
#define CCHC_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "core/plan/model.h"

struct db;
struct err;
struct trash;

/* The fields of a plan's form, for field errors. */
enum plan_field {
	PF_NUMBER,
	PF_TITLE,
	PF_ISSUER,
	PF_SIGNER,
	PF_ISSUE_DATE,
	PF_YEAR_FROM,
	PF_YEAR_TO,
	PF_PHASES,
};

/* What a save writes of a plan.  The strings are the caller's, read
 * during the call only. */
struct plan_input {
	int64_t id;		/* 0: a new plan */
	const char *number, *title, *issuer, *signer;
	char issue_date[11];
	bool issue_date_month;	/* the date is a month: issue_date its first day */
	int year_from, year_to;
	const char *phases;	/* as text (phase.h), NULL to leave them */
};

/* p as loaded, to save again; its phases are left as they are. */
struct plan_input plan_input_of(const struct plan *p);

/* Inserts in (in->id 0) or updates plan in->id, in one transaction, and
 * sets *id (when id is not NULL) to the plan's id.  The title is required,
 * the years within 1990..2200 and the last not before the first;
 * issue_date is ISO or "".  0, or -1 with err naming the field (-1 for a
 * database error). */
int plan_save(struct db *db, const struct plan_input *in, int64_t *id, struct err *err);

/* Deletes a plan with its phases, targets, results and tasks; *undo (when
 * undo is not NULL) can put them all back (trash.h).  0 or -1. */
int plan_delete(struct db *db, int64_t id, struct trash **undo);

/* Inserts a plan inside the caller's transaction, with plan_save's
 * checks.  The id, or -1 with the message in db_error(). */
int64_t plan_insert(struct db *db, const struct plan_input *in);

/* Adds a phase (giai đoạn) to a plan; the id, or -1. */
int64_t plan_add_phase(struct db *db, int64_t plan, const char *label, int year_from, int year_to);

/* The plan a user works on by default: the one covering the year of
 * today, else the latest.  1 and *p filled, 0 when there is no plan, -1. */
int plan_current(struct db *db, struct plan *p);
int plan_get(struct db *db, int64_t id, struct plan *p);
void plan_free(struct plan *p);

/* Every plan, the latest first; 0 or -1. */
int plan_list(struct db *db, struct plan **out, int *n);

/* A plan's date as documents write it: "20/01/2026", or for a plan dated
 * by its month "tháng 4/2026" (not its first day); "" when it has none.
 * What the plan form shows and reads back. */
void plan_date_text(const struct plan *p, char *buf, size_t n);

/* A plan's years as documents write them: "2026" for a one-year plan,
 * "2026–2030" for several. */
void plan_years_text(const struct plan *p, char *buf, size_t n);
void plans_free(struct plan *p, int n);

#endif
