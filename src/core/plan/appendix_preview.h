/* The preview of a task appendix (appendix.h) before it is written, as
 * lines: the same for the import screen and for cchc import, which differ
 * only in how they show a line's style.
 *
 * In order: the counts, the tasks kept for review (why, and their cells
 * as read), the warnings and errors by line, the unit names that match no
 * unit, then section by section the tasks with their units and products
 * (with the deadline as written and the date it gives).  Every line of a
 * task carries its index, so the screen can act on the task a line shows. */
#ifndef CCHC_APPENDIX_PREVIEW_H
#define CCHC_APPENDIX_PREVIEW_H

#include "core/io/import.h"
#include "core/plan/appendix.h"

struct db;

enum preview_style { PREVIEW_HEADING, PREVIEW_NORMAL, PREVIEW_DIM, PREVIEW_WARN, PREVIEW_BAD };

struct preview_line {
	int indent;			/* columns before the text */
	enum preview_style style;
	int task;			/* the index in a->tasks it shows, or -1 */
	char *text;
};

struct preview_lines {
	struct preview_line *lines;
	int n, cap;
};

/* Appends the lines of a to p (units and sections named from db); 0, or
 * -1 when memory ran out or the database failed.  preview_lines_free(p)
 * in both cases. */
int appendix_preview(struct db *db, const struct appendix *a, struct preview_lines *p);
/* Appends the warnings and errors of log under a heading ("line 7:
 * warning: ..."), when there are any; 0 or -1 (memory). */
int preview_log(struct preview_lines *p, const struct import_log *log);
/* Appends one line, printf-style; 0 or -1 (memory). */
int preview_add(struct preview_lines *p, int indent, enum preview_style style, int task,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Frees the lines; p is then empty, ready for new ones. */
void preview_lines_free(struct preview_lines *p);

#endif
