/* Tasks (nhiệm vụ) of a plan's appendix, with their products, deadlines and
 * units. */
#ifndef CCHC_TASK_H
#define CCHC_TASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/plan/model.h"

struct db;
struct err;
struct trash;

/* The fields of a task's form, for field errors.  Product i's name is
 * KF_PRODUCT + 2 * i, its deadline KF_PRODUCT + 2 * i + 1. */
enum task_field {
	KF_SECTION,
	KF_TT,
	KF_DESCRIPTION,
	KF_LEAD,
	KF_COOPERATORS,
	KF_MONITOR,
	KF_PROGRESS,
	KF_COMPLETION,
	KF_EVIDENCE_NUMBER,
	KF_EVIDENCE_DATE,
	KF_EVIDENCE,
	KF_NOTE,
	KF_PRODUCT,
};

/* What a save writes of a product: its row is matched by order. */
struct product_input {
	const char *name;
	const char *deadline_text;
	char due_date[11];	/* kept when due_manual: ISO or "" */
	bool due_manual;
};

/* What a save writes of a task.  The strings are the caller's, read during
 * the call only; NULL reads as "". */
struct task_input {
	int64_t id;		/* 0: a new task */
	int64_t plan_id, section_id;
	int ord;
	const char *tt;
	const char *description;
	int64_t lead_unit_id, monitor_unit_id;
	enum task_progress progress;
	char completion_date[11];
	const char *evidence_number;
	char evidence_date[11];
	const char *evidence;
	const char *note;
	const char *review;
	const char *raw_cells;	/* written on insert only */
	int nproducts;
	const struct product_input *products;
};

/* t as loaded, to save again, with its products in products (room for
 * t->nproducts). */
struct task_input task_input_of(const struct task *t, struct product_input *products);

/* Inserts in (in->id 0) or updates task in->id, in one transaction, with
 * its products and cooperating units (both replaced wholesale; a blank
 * product is left out), and sets *id (when id is not NULL) to the task's
 * id.  Each product's deadline kind comes from its
 * deadline text, and so does its due date unless due_manual is set (then
 * due_date, ISO or "", is kept); plan_year fills a missing year.  ord 0
 * means "after the last of its section", as does a move to another
 * section.  The description is required; the section and units must
 * exist, the lead unit not also cooperate; a done task needs its
 * completion date, which no other task has and which is not after today;
 * nor is the evidence document's date.
 * 0, or -1 with err naming the field (-1 for a database error). */
int task_save(struct db *db, const struct task_input *in, const int64_t *cooperators,
    int ncooperators, int plan_year, int64_t *id, struct err *err);

/* Sets task id's progress and completion date (ISO; "" unless done) in
 * one transaction, with task_save's checks on them: what one key in the
 * task list does.  0, or -1 with err. */
int task_set_progress(struct db *db, int64_t id, enum task_progress p, const char *completion,
    struct err *err);

/* A task's deadline as the plan writes it ("Quý II/2026", "Thường xuyên
 * trong năm"), from the product that falls due last (else the first),
 * with its date on a line of its own (a report's column is as narrow as
 * a date) where the text does not write one and a date is known
 * ("Quý II/2026\n30/06/2026"); the
 * date alone when the text is blank.  For reports (cells wrap at '\n'). */
void task_due_text(const struct task *t, char *buf, size_t n);
/* The same within cols columns, for a list's column: the text as written
 * when it fits, else by rule the kind's word ("Thường xuyên", "Định kỳ",
 * "Có điều kiện" for one counted from an event) or the date; only a text
 * of no kind and no date is left for the caller to cut. */
void task_due_short(const struct task *t, int cols, char *buf, size_t n);

/* What a task saves with but probably should not: no lead unit, a
 * deadline outside the plan's years year_from..year_to (the importer's
 * rule, deadline_outside_warning).  The warnings joined by "; " into buf,
 * translated, and true; false when there is none.  The save goes
 * through either way: the plan may well say so. */
bool task_warnings(const struct task_input *t, int year_from, int year_to, char *buf, size_t n);

/* The rules on what a unit reports of a task (progress, completion date,
 * evidence date), as task_save applies them: for the update sheets.  0, or
 * -1 with e set. */
int task_check_fill(const struct task_input *t, struct err *e);

/* Deletes a task with its products and cooperators; *undo as in trash.h.
 * 0 or -1. */
int task_delete(struct db *db, int64_t id, struct trash **undo);

/* The cooperating units of a task, in order: *ids newly allocated (NULL
 * when none).  0 or -1. */
int task_cooperator_ids(struct db *db, int64_t task, int64_t **ids, int *n);

/* Inserts t inside the caller's transaction (the loaders'), with
 * task_save's checks.  The id, or -1 with the message in db_error(). */
int64_t task_insert(struct db *db, const struct task_input *in,
    const int64_t *cooperators, int ncooperators, int plan_year);

/* The tasks of a plan (section 0: all) in section then plan order, with
 * products, units and status as of today. */
int task_list(struct db *db, int64_t plan, int64_t section, struct task **out, int *n);
void tasks_free(struct task *t, int n);

/* What the counts (summary.h) need of a task: no text, unit names or
 * products, whose reading was most of a start's work on a large plan. */
struct task_state {
	int64_t id;
	int64_t section_id;
	int64_t lead_unit_id;	/* 0: none */
	enum task_status status;	/* as of the day asked, as task_as_of */
	char due_date[11];	/* ISO, "" for none: its last product's */
};

/* The states of a plan's tasks as of day, in no particular order: *out
 * newly allocated (free it).  0, or -1 with db_error. */
int task_states(struct db *db, int64_t plan, struct date day, struct task_state **out, int *n);

/* Status from progress, completion date, due date (ISO, "" for none) and
 * today.  A task is overdue once its last product's due date has passed
 * without it being done; done late when completed after that date. */
enum task_status task_status_of(enum task_progress p, const char *completion,
    const char *due, struct date today);

/* Sets t->status as on day (a report's cut-off): a task finished after day
 * was still in progress then. */
void task_as_of(struct task *t, struct date day);

const char *task_progress_code(enum task_progress p);
bool task_progress_parse(const char *s, enum task_progress *out);

#endif
