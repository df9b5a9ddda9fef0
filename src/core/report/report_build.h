/* What the report builder (report.c) shares with the files that build
 * each kind of report (report_dashboard.c, report_par.c, …): the data a
 * report is built from, the builder that adds to the model, and the
 * helpers that word tasks and targets alike in every kind.  Private to
 * the report module: the rest of the program reads report.h. */
#ifndef CCHC_REPORT_BUILD_H
#define CCHC_REPORT_BUILD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/plan/period.h"
#include "core/plan/plan.h"
#include "core/plan/section.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/report/report.h"

/* What a report is built from, loaded once. */
struct source {
	struct db *db;
	struct plan plan;
	struct section *sections;
	int nsections;
	struct target *targets;
	int ntargets;
	struct task *tasks;
	int ntasks;
	int64_t unit;		/* the filter, 0: none */
	int64_t round;		/* the survey round of REPORT_SIPAS */
	int64_t compare;	/* REPORT_SIPAS: a round to compare with, 0: none */
	int64_t set;		/* REPORT_PAR: the criteria set, 0: the year's */
	int year;
	enum period_kind period;
	char soon[11];		/* the last day that is "due soon", ISO */
	struct date span_start, span_end;	/* the data the report counts */
	struct date as_of;	/* tasks' statuses as on this day */
};

/* Adds to the report and remembers that memory ran out, so that the
 * builders read straight and fail once at the end. */
struct builder {
	struct report *r;
	bool oom;
};

struct column_spec {
	const char *title;	/* msgid */
	int width, share;
	enum report_align align;
	enum report_type type;	/* REPORT_TEXT when not given */
};

/* ---- Adding to the model (report.c) ---- */

char *report_dup(struct builder *b, const char *s);
char *report_dupf(struct builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
struct report_section *report_add_section(struct builder *b, const char *heading);
void report_add_paragraph(struct builder *b, struct report_section *s, const char *text);
struct report_table *report_add_table(struct builder *b, struct report_section *s,
    const struct column_spec *spec, int n);
/* Appends a row of t->ncolumns cells (copied). */
void report_add_row(struct builder *b, struct report_table *t, const char *const *cells,
    bool strong);
/* Text put together line by line; NULL (and b->oom) when memory ran out. */
FILE *report_lines_open(struct builder *b, char **text, size_t *len);
char *report_lines_close(struct builder *b, FILE *fp, char **text);
/* A document as cited: "12/KH-UBND, 05/01/2025: Kế hoạch CCHC năm 2025". */
void report_put_document(FILE *fp, const char *number, const char *iso, const char *summary);
/* A title after two no-break spaces a level. */
char *report_indented(struct builder *b, int depth, const char *title);

/* ---- Tasks and targets as every kind words them (report.c) ---- */

/* "III.2": the section's numeral and the task's TT. */
void report_task_number(const struct source *src, const struct task *t, char *buf, size_t n);
void report_task_status_text(const struct task *t, char *buf, size_t n);
bool report_task_open(const struct task *t);
bool report_task_due_soon(const struct source *src, const struct task *t);
bool report_task_involves(const struct task *t, int64_t unit, const int64_t *coop, int ncoop);

/* The targets' table of the period and the written reports. */
#define REPORT_TARGET_COLUMNS 6
extern const struct column_spec report_target_columns[REPORT_TARGET_COLUMNS];
void report_add_target_row(struct builder *b, struct report_table *t, int no,
    const struct target *g);

/* ---- The kinds, one a file (report_<kind>.c) ---- */

int report_dashboard(struct builder *b, struct source *src);
int report_units(struct builder *b, struct source *src);
int report_overdue(struct builder *b, struct source *src);
int report_period(struct builder *b, struct source *src);
int report_par(struct builder *b, struct source *src);
int report_sipas(struct builder *b, struct source *src);
int report_calendar(struct builder *b, struct source *src);
int report_written(struct builder *b, struct source *src);
int report_appendix(struct builder *b, struct source *src);

#endif
