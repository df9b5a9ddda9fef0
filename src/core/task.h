/* Tasks (nhiệm vụ) of a plan's appendix, with their products, deadlines and
 * units. */
#ifndef CCHC_TASK_H
#define CCHC_TASK_H

#include <stdint.h>

#include "core/model.h"

struct db;

/* Inserts t with its products and cooperating units; inside the caller's
 * transaction.  Each product's due date and deadline kind are derived from
 * its deadline text, the plan's first year filling a missing year.
 * ord 0 means "after the last of its section".  The id, or -1. */
int64_t task_insert(struct db *db, const struct task *t,
    const int64_t *cooperators, int ncooperators, int plan_year);

/* The tasks of a plan (section 0: all) in section then plan order, with
 * products, units and status as of today. */
int task_list(struct db *db, int64_t plan, int64_t section, struct task **out, int *n);
void tasks_free(struct task *t, int n);

/* Status from progress, completion date, due date (ISO, "" for none) and
 * today.  A task is overdue once its last product's due date has passed
 * without it being done; done late when completed after that date. */
enum task_status task_status_of(enum task_progress p, const char *completion,
    const char *due, struct date today);

const char *task_progress_code(enum task_progress p);
bool task_progress_parse(const char *s, enum task_progress *out);

#endif
