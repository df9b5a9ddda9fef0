/* Update sheets: one workbook per unit with the tasks it leads or
 * cooperates on, sent out before a periodic report and read back with the
 * unit's answers (issue 18).
 *
 * The core prepares a sheet as plain data (struct sheet_book) and the
 * module cchc-xlsx.so writes it; reading a workbook back, the module only
 * turns the visible sheet into a grid of cell texts, and the core maps the
 * grid to the records.  A sheet saved as CSV by Excel or LibreOffice gives
 * the same grid.
 *
 * The grid's layout: a hidden identity row (one cell, so that a column
 * deleted does not shift it: SHEET_MAGIC, the version, the sheet's token,
 * plan, period and unit, separated by spaces), then the office heading, the title
 * and the unit, then a hidden row of column codes above the header row,
 * then one row per task.  The first two columns, hidden, hold the task's
 * id and the stamp of the values the sheet was made with: a record whose
 * stamp has changed since was changed in cchc.
 *
 * Below the tasks, when the unit leads targets, a blank row, then a second
 * hidden row of codes (its first "target_id") above the targets' header
 * row, then one row per target with the period's result: the same hidden
 * id and stamp, the figures the unit fills.  One worksheet, so a CSV saved
 * from it carries both. */
#ifndef CCHC_SHEET_H
#define CCHC_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/plan/model.h"

struct db;

#define SHEET_MAGIC "cchc-sheet"
#define SHEET_VERSION "1"

/* The columns, in order. */
enum sheet_column {
	SC_ID,			/* hidden: the task's id */
	SC_STAMP,		/* hidden: its values when the sheet was made */
	SC_TT,
	SC_TASK,
	SC_ROLE,		/* lead or cooperating */
	SC_DUE,
	SC_STATUS,		/* as of the day the sheet was made */
	/* The unit fills these (unlocked): */
	SC_PROGRESS,
	SC_COMPLETION,
	SC_EVIDENCE_NUMBER,
	SC_EVIDENCE_DATE,
	SC_EVIDENCE,
	SC_NOTE,
	SC_COLUMNS
};
#define SHEET_FIRST_FILLED SC_PROGRESS

/* A column's code (in the hidden row, language-free) and heading. */
const char *sheet_column_code(enum sheet_column c);
const char *sheet_column_heading(enum sheet_column c);

/* The target block's columns, by their place in the grid (4 and 10 stay
 * empty so that the figures and the evidence fall in the task columns of a
 * fitting width). */
enum sheet_target_column {
	ST_ID = 0,
	ST_STAMP = 1,
	ST_TT = 2,
	ST_TARGET = 3,
	ST_PLANNED = 5,
	ST_RESULT = 6,		/* the period's result when sent, with the verdict */
	/* The unit fills these (unlocked): */
	ST_NUMERATOR = 7,
	ST_DENOMINATOR = 8,
	ST_VALUE = 9,
	ST_EVIDENCE = 11,
	ST_NOTE = 12,
	ST_COLUMNS = SC_COLUMNS
};
/* A target column's heading ("" for the empty ones). */
const char *sheet_target_heading(int c);

/* What the unit fills for a task, as stored: progress, ISO dates, text. */
struct sheet_values {
	enum task_progress progress;
	char completion[11];
	char *evidence_number;
	char evidence_date[11];
	char *evidence;
	char *note;
};

/* A stamp of the values: 'k' and 16 hex digits (the letter keeps a
 * spreadsheet from reading it as a number). */
#define SHEET_STAMP_SIZE 18
void sheet_stamp(const struct sheet_values *v, char out[SHEET_STAMP_SIZE]);

/* What the unit fills for a target: the period's result. */
struct sheet_result {
	struct measure m;
	char *evidence;
	char *note;
};
void sheet_result_stamp(const struct sheet_result *v, char out[SHEET_STAMP_SIZE]);

struct sheet_target_row {
	int64_t target_id;
	char stamp[SHEET_STAMP_SIZE];
	int tt;			/* its number in the sheet */
	char *text;
	enum target_kind kind;
	char planned[64];
	char result[192];	/* "97/98 · Achieved", "" when none */
	struct sheet_result v;
};

struct sheet_row {
	int64_t task_id;
	char stamp[SHEET_STAMP_SIZE];
	char *tt, *description;
	bool lead;
	char due[11];		/* "" when none */
	enum task_status status;
	struct sheet_values v;
};

/* One unit's workbook, ready for the writer: every text in the interface
 * language. */
struct sheet_book {
	char *office;		/* the office's name as reports print it */
	char *title;
	char *unit_line;	/* "Unit: Phòng Văn hóa" */
	char *sheet_name;
	char *identity;		/* the identity cell */
	const char *codes[SC_COLUMNS];
	const char *headings[SC_COLUMNS];
	const char *progress_words[3];
	const char *role_words[2];	/* lead, cooperating */
	const char *status_words[5];	/* enum task_status */
	int64_t plan_id, unit_id;
	char *unit_name;
	int year;
	enum period_kind period;
	char token[33];
	int nrows;
	struct sheet_row *rows;
	/* The targets the unit leads (none: no target block). */
	const char *target_codes[ST_COLUMNS];	/* NULL: an empty column */
	const char *target_headings[ST_COLUMNS];
	const char *yesno_words[2];		/* no, yes */
	int ntargets;
	struct sheet_target_row *targets;
};

/* Builds unit's workbook for the period of plan (the current values,
 * status as of today), with a new token.  0 or -1 (db_error). */
int sheet_book_build(struct db *db, int64_t plan, int year, enum period_kind period,
    int64_t unit, struct sheet_book *b);
void sheet_book_free(struct sheet_book *b);

/* The file name of b: the unit's name and the period without marks,
 * "phong-van-hoa-6-thang-2026.xlsx".  0, or -1 when it does not fit. */
int sheet_file_name(const struct sheet_book *b, char *buf, size_t n);

/* Writes b as an .xlsx at path (through the module) and records the sheet
 * as made, in one transaction.  0 or -1 (db_error). */
int sheet_write(struct db *db, const struct sheet_book *b, const char *path);

/* Writes the sheets of the period for unit (0: every unit with a task of
 * the plan) into dir, telling each file made to done (may be NULL).  The
 * number of sheets written, or -1 (db_error). */
int sheet_export(struct db *db, int64_t plan, int year, enum period_kind period, int64_t unit,
    const char *dir, void (*done)(const char *path, const struct sheet_book *b, void *arg),
    void *arg);

/* ---- reading back ---------------------------------------------------- */

/* A sheet's cells as text, row by row (the module's or the CSV reader's). */
struct sheet_grid {
	int nrows;
	struct sheet_grid_row {
		int ncells;
		char **cells;
	} *rows;
	char *sheet;		/* the worksheet's name, "" for a CSV */
};
void sheet_grid_free(struct sheet_grid *g);
/* Reads a CSV (UTF-8, with or without a BOM; ',' or ';') or an .xlsx
 * (the module) into g.  0 or -1 with the message in err. */
int sheet_grid_read(struct db *db, const char *path, struct sheet_grid *g, char *err,
    size_t errsz);

/* One changed field of a task or a target's result. */
struct sheet_change {
	int column;		/* enum sheet_column, or sheet_target_column */
	const char *heading;
	char *before, *after;	/* as shown */
};

enum sheet_item_state {
	SHEET_APPLY,		/* changed in the sheet only */
	SHEET_CONFLICT,		/* changed in the sheet and in cchc since */
};

/* A task, or a target's result, the answers change. */
struct sheet_item {
	int64_t task_id, unit_id, sheet_id;
	int64_t target_id;		/* a target's result: task_id is 0 */
	int year;			/* the target's: the sheet's period */
	enum period_kind period;
	char *unit, *tt, *description;
	enum sheet_item_state state;
	struct sheet_values now, sheet;	/* in cchc, in the answer (a task) */
	struct sheet_result rnow, rsheet;	/* the same for a target */
	int nchanges;
	struct sheet_change *changes;	/* sheet vs now */
	int take;			/* conflict: 0 undecided, 1 sheet, 2 cchc */
};

/* What a set of answers holds: the items, and the messages of what could
 * not be read (each naming the file, sheet, row and column). */
struct sheet_answers {
	int nitems;
	struct sheet_item *items;
	int nproblems;
	char **problems;
	int nsheets;
	int64_t *sheets;	/* the sheet rows answered, to mark returned */
};

/* Reads path's answers into a (which may already hold others).  0, or -1
 * on a database error (db_error); a file that cannot be read is one of
 * a's problems. */
int sheet_answers_read(struct db *db, const char *path, struct sheet_answers *a);
void sheet_answers_free(struct sheet_answers *a);

/* Writes a's items in one transaction: those to apply, and the conflicts
 * whose take is 1 (the sheet); marks the sheets returned.  The history
 * names the unit: "operator (sheet: UNIT)".  The number of tasks and
 * targets' results changed,
 * or -1 (db_error). */
int sheet_answers_apply(struct db *db, struct sheet_answers *a);

/* ---- who has answered ------------------------------------------------ */

enum sheet_state { SHEET_MISSING, SHEET_OUT, SHEET_BACK };
const char *sheet_state_label(enum sheet_state s);

struct sheet_status {
	int64_t unit_id;
	char *unit;
	enum sheet_state state;
	char made[11], returned[11];	/* ISO days, "" when none */
};
/* Per unit with tasks in plan: its sheet for the period.  0 or -1. */
int sheet_status_list(struct db *db, int64_t plan, int year, enum period_kind period,
    struct sheet_status **out, int *n);
void sheet_status_free(struct sheet_status *s, int n);

#endif
