/* The written periodic report (issue 17 item 4): the clerk's text for each
 * part of the outline, per plan and reporting period. */
#ifndef CCHC_WRITTEN_H
#define CCHC_WRITTEN_H

#include <stdint.h>

#include "core/period.h"

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
 * db_error. */
char *written_load(struct db *db, int64_t plan, int year, enum period_kind k,
    enum written_part p, int64_t section);

#endif
