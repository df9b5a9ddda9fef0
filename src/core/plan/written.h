/* The written periodic report (issue 17 item 4): the clerk's text for each
 * part of the outline, per plan and reporting period. */
#ifndef CCHC_WRITTEN_H
#define CCHC_WRITTEN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/plan/model.h"
#include "core/plan/period.h"

struct db;

/* The outline's parts, in the order of the document. */
enum written_part {
	WRITTEN_DIRECTION,	/* I. công tác chỉ đạo, điều hành */
	WRITTEN_AREA,		/* II. one per area (section) */
	WRITTEN_STRENGTHS,	/* III. ưu điểm */
	WRITTEN_WEAKNESSES,	/* III. tồn tại, hạn chế */
	WRITTEN_CAUSES,		/* III. nguyên nhân */
	WRITTEN_NEXT,		/* IV. phương hướng, nhiệm vụ kỳ tới */
	WRITTEN_PROPOSALS,	/* V. đề xuất, kiến nghị */
	WRITTEN_NPARTS
};

/* The part's code in the database. */
const char *written_part_code(enum written_part p);

/* Saves one part's text (section: the area of WRITTEN_AREA, else 0) in one
 * transaction, with one UPSERT that touches no other part and writes nothing
 * when the text is unchanged.  Sets *changed (may be NULL) to whether a row
 * was written.  0, or -1 with db_error. */
int written_save(struct db *db, int64_t plan, int year, enum period_kind k,
    enum written_part p, int64_t section, const char *body, int *changed);

/* The part's text, malloc'd ("" when never saved), or NULL on error with
 * db_error.  *saved (may be NULL): whether the part was ever saved, so that
 * an area the clerk emptied stays empty. */
char *written_load(struct db *db, int64_t plan, int year, enum period_kind k,
    enum written_part p, int64_t section, bool *saved);

/* The part's name in the interface language ("Strengths"); WRITTEN_AREA's
 * is part II's, each area being named by its section. */
const char *written_part_label(enum written_part p);

/* The sentences an area's text starts from, one a line, in the interface
 * language: tasks completed, those overdue, targets met.  From the
 * section's targets as judged for the period and its tasks as of the
 * period's cut-off, the same the period report shows (report.c loads them;
 * written_area_draft does for the screens).  malloc'd, NULL when memory
 * ran out. */
char *written_area_text(const struct target *targets, int ntargets,
    const struct task *tasks, int ntasks, int64_t section);

/* written_area_text for a plan's section in a period, loaded as a report
 * of the period loads its data.  malloc'd, or NULL with db_error. */
char *written_area_draft(struct db *db, int64_t plan, int year, enum period_kind k,
    int64_t section);

/* The code of the section of direction (sections.tsv): its sentences start
 * part I, and part II has the other areas. */
#define WRITTEN_DIRECTION_SECTION "chi_dao"

/* The text the document prints: the saved one, or for an area (and part I)
 * never saved its draft.  malloc'd, or NULL with db_error. */
char *written_text(struct db *db, int64_t plan, int year, enum period_kind k,
    enum written_part p, int64_t section);

/* The period before (year, k): Q1 follows the year before. */
void written_previous(int year, enum period_kind k, int *py, enum period_kind *pk);

#endif
