/* The records of a plan, as plain structs the UI draws.
 *
 * Ids are SQLite rowids (0 means "none").  Strings are malloc'd NFC UTF-8,
 * never NULL once loaded ("" for empty); each list type has its free
 * function.  Dates are ISO text, "" when unset. */
#ifndef CCHC_MODEL_H
#define CCHC_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/plan/evaluate.h"
#include "core/text/date.h"

struct office {
	char *name;
	char *kind;		/* "xa", "phuong" or "so" */
	char *province;
};

struct section {
	int64_t id;
	char *code;
	int ord;
	char *title;
	char *short_title;
};

struct unit {
	int64_t id;
	char *name;
	char *short_name;
};

struct plan {
	int64_t id;
	char *number;		/* as printed: "149/KH-UBND" */
	char *title;
	char *issuer;
	char *signer;
	char issue_date[11];
	bool issue_date_month;	/* the date is a month: issue_date its first day */
	int year_from, year_to;
};

enum period_kind {
	PERIOD_Q1,		/* quý I */
	PERIOD_H1,		/* 6 tháng */
	PERIOD_M9,		/* 9 tháng */
	PERIOD_YEAR,		/* năm */
};
#define PERIOD_KINDS 4

struct period {
	int64_t id;
	int year;
	enum period_kind kind;
	struct date start, end;
};

struct result {
	int64_t id;
	struct measure measure;
	char *evidence;
	char *note;
};

struct target {
	int64_t id;
	int64_t plan_id, section_id;
	int ord;
	char *text;
	struct target_rule rule;	/* value resolved for the period's phase */
	char *numerator_label;
	char *denominator_label;
	int64_t lead_unit_id;
	char *lead_unit;		/* name, "" if none */
	/* When it is judged: its own horizon when has_horizon, else its
	 * kind's (target_kind_horizon). */
	bool has_horizon;
	enum target_horizon horizon;
	/* For the period the list was loaded for: */
	bool final;		/* the verdict is the period's last word */
	bool has_result;
	struct result result;
	enum verdict verdict;
};

enum task_progress {
	PROGRESS_NOT_STARTED,
	PROGRESS_IN_PROGRESS,
	PROGRESS_DONE,
};

/* What a user reads off a task, derived from progress, dates and today. */
enum task_status {
	STATUS_NOT_STARTED,
	STATUS_IN_PROGRESS,
	STATUS_DONE_ON_TIME,
	STATUS_DONE_LATE,
	STATUS_OVERDUE,
};

struct product {
	int64_t id;
	char *name;
	char *deadline_text;
	char *deadline_kind;	/* deadline.c's kinds, by name */
	char due_date[11];	/* "" when the deadline gives no date */
	bool due_manual;	/* due_date set by hand, not from the text */
};

struct task {
	int64_t id;
	int64_t plan_id, section_id;
	int ord;
	char *tt;
	char *description;
	int64_t lead_unit_id, monitor_unit_id;
	char *lead_unit;
	char *monitor_unit;
	char *cooperators;	/* names joined by "; " */
	enum task_progress progress;
	char completion_date[11];
	/* The document that proves the progress. */
	char *evidence_number;	/* e.g. "120/BC-UBND" */
	char evidence_date[11];	/* "" when not given */
	char *evidence;		/* its summary */
	char *note;
	/* Why an import kept the task for review ("" when it needs none; a
	 * save from the form clears it), and the cells of its row as read
	 * (kept). */
	char *review;
	char *raw_cells;
	int nproducts;
	struct product *products;
	char due_date[11];	/* latest due date of the products, "" if none */
	enum task_status status;
};

#endif
