/* The task appendix (phụ lục phân công nhiệm vụ) pasted from a plan.
 *
 * Plans end with a table of tasks, copied by users out of Word or Excel,
 * so it arrives as tab- or comma-separated text in one of several
 * encodings (encoding.h, csv.h):
 *
 *   TT  Nhiệm vụ  Sản phẩm  Thời gian hoàn thành  Chủ trì  Phối hợp  Theo dõi
 *   I   Công tác chỉ đạo, điều hành
 *   1   Ban hành Kế hoạch...  Kế hoạch  Trước ngày 15/5/2026  Phòng VHXH ...
 *                             Báo cáo   Tháng 11/2026 ...
 *
 * Real tables are irregular, and the parser takes what they do (as
 * the appendices of real commune plans show): a row with a Roman numeral
 * opens a section, matched to the seven by its title whatever its number
 * (stray cells on it are ignored); a row with empty TT and task adds a
 * product and deadline to the task above; TT may be missing or skip
 * numbers; a task cut by a page break goes on in a row with empty TT whose
 * text starts in lower case; rows may have fewer cells than the header;
 * a unit cell may name several units, written any way the unit is known
 * (unit_match.h).  The columns are found by the header's titles; without
 * a header they are taken in the order above.
 *
 * Parsing writes nothing: it gives the sections, tasks, products (with
 * deadlines parsed by deadline_parse) and units, a warning for each line
 * that needed a guess and an error for each that cannot be taken, all with
 * their line numbers, and the names that match no unit.  Writing then
 * puts it all in one transaction, or nothing.
 *
 * A row that cannot be read completely does not stop the table: its task
 * is kept, marked for review with the reason and the row's cells as read
 * (a task cell lost at a page break, a deadline date that does not exist,
 * a cell the forms would refuse).  The same rules as the forms' apply,
 * since writing goes through task_insert. */
#ifndef CCHC_APPENDIX_H
#define CCHC_APPENDIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/io/encoding.h"
#include "core/io/import.h"
#include "core/plan/deadline.h"

struct db;
struct err;

struct appendix_product {
	int line;
	char *name;			/* "" when the row gives none */
	char *deadline_text;		/* as written */
	struct deadline deadline;	/* parsed with the plan's year */
};

struct appendix_unit {
	char *text;			/* as written; "" when none */
	int64_t id;			/* the unit; 0 when unknown or none */
	int unknown;			/* index into unknowns, or -1 */
};

struct appendix_task {
	int line;
	int section;			/* index into sections */
	char *tt;			/* as written ("" when missing) */
	char *description;
	struct appendix_unit lead, monitor;
	struct appendix_unit *cooperators;
	int ncooperators;
	struct appendix_product *products;
	int nproducts;
	char *review;			/* why it needs review; NULL when it does not */
	bool no_text;			/* its task cell was empty */
	char *raw;			/* its rows' cells as read, "a | b | c" a row */
};

struct appendix_section {
	int line;
	int64_t id;			/* 0: the heading is no section (an error) */
	char *heading;			/* the title as written */
	int ntasks, nproducts;
};

/* A name in a unit cell that matches no unit of the office. */
struct appendix_unknown {
	char *name;			/* as first written */
	int line;			/* where first written */
	int uses;
	/* Set by the caller before writing: the unit this name means (it
	 * becomes one of its aliases); 0 to create a unit of this name when
	 * writing with create_units. */
	int64_t map_to;
};

struct appendix {
	enum encoding encoding;
	char delim;
	int plan_year, last_year;
	struct appendix_section *sections;
	int nsections;
	struct appendix_task *tasks;
	int ntasks;
	int nproducts;
	struct appendix_unknown *unknowns;
	int nunknowns;
	int nreview;			/* tasks marked for review */
	struct import_log log;		/* warnings and errors, by line */
};

/* Parses data (len bytes, any supported encoding) into *a; plan_year is
 * the year of deadlines written without one, last_year the plan's last
 * (a deadline after it, or before plan_year, is warned of).  0 when the text was read
 * (a->log.nerrors tells whether it can be written); -1 with db_error when
 * the bytes are not text (naming the line), memory ran out or the
 * database failed.  appendix_free(a) in both cases. */
int appendix_parse(struct db *db, const char *data, size_t len, int plan_year, int last_year,
    struct appendix *a);
/* The same from a file; messages name it. */
int appendix_parse_file(struct db *db, const char *path, int plan_year, int last_year,
    struct appendix *a);

/* Adds the tasks of a to plan in one transaction: first the unknown
 * units, each made an alias of its map_to unit or, with create_units,
 * created; then the tasks after those the plan's sections already have.
 * Refused (-1, db_error) when a has errors or, without create_units, a
 * name left unmapped; a failing task is named by its line.  With dry_run
 * everything is written and checked the same, then rolled back: its
 * answer is the real import's. */
int appendix_write(struct db *db, const struct appendix *a, int64_t plan, bool create_units,
    bool dry_run);

/* Fixing a task kept for review in the preview, before writing.
 * appendix_skip leaves task i out.  appendix_merge_up adds task i to the
 * task above it in its section (its text, when it has one, products,
 * units); -1 when there is none.  appendix_fix gives task i the TT and
 * text typed (NFC; field_text's rules): 0, or -1 with e (field -1: the
 * caller knows its form's field); the task is then no longer for review. */
void appendix_skip(struct appendix *a, int i);
int appendix_merge_up(struct appendix *a, int i);
int appendix_fix(struct appendix *a, int i, const char *tt, const char *text, struct err *e);

void appendix_free(struct appendix *a);

#endif
