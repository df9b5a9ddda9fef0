/* Targets (chỉ tiêu) imported from a simple list: a section and the
 * target's text on each row, tab- or comma-separated, in any encoding
 * encoding.h reads:
 *
 *   Lĩnh vực                       Chỉ tiêu
 *   Cải cách thủ tục hành chính    Trên 99% hồ sơ được giải quyết đúng hạn
 *                                  Tối thiểu 98% TTHC được công khai      (same section)
 *   Chỉ đạo, điều hành             Xây dựng 02 sáng kiến về CCHC
 *
 * A blank section cell means the section above; a row with a section and
 * no text only sets the section.  The kind, comparator and value of each
 * target are read from its text where it says them (target_read_text);
 * as with the appendix (appendix.h), parsing writes nothing and reports,
 * by line, what it had to guess or cannot take, and writing puts every
 * target in one transaction. */
#ifndef CCHC_TARGET_IMPORT_H
#define CCHC_TARGET_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/io/import.h"
#include "core/plan/evaluate.h"

/* How much of a rule the text said. */
enum target_reading {
	READING_FULL,		/* kind, comparator and value all written */
	READING_NO_COMPARATOR,	/* a figure with no comparator: >= taken */
	READING_YESNO,		/* no figure: yes/no, = 1 */
};

/* Reads a target's rule from its text (NFC or not, any case):
 *   "tối thiểu 98%", "đạt 80%"            rate >= 98, >= 80
 *   "trên 99%" / "dưới 5%" / "tối đa 10%"  rate > 99, < 5, <= 10
 *   "cắt giảm tối thiểu 30% thời gian"    reduction >= 30
 *   "02 sáng kiến", "04 cuộc trở lên"     count >= 2, >= 4
 *   "xếp hạng thứ 35 trở lên"             rank <= 35
 *   anything else                         yes/no = 1
 * Years, dates, document numbers ("Nghị định 61", "149/KH-UBND") and
 * durations ("06 tháng") are not counts.  Fills *rule (no baseline). */
enum target_reading target_read_text(const char *text, struct target_rule *rule);

struct target_import_row {
	int line;
	int64_t section_id;		/* 0 when it names no section (an error) */
	char *text;			/* NFC, trimmed */
	struct target_rule rule;
	enum target_reading reading;
};

struct target_import {
	enum encoding encoding;
	char delim;
	struct target_import_row *rows;
	int nrows;
	struct import_log log;
};

/* Parses data (len bytes) into *ti: 0 when read (ti->log.nerrors tells
 * whether it can be written), -1 with db_error when the bytes are not
 * text (naming the line) or on failure.  target_import_free(ti) in both
 * cases. */
int target_import_parse(struct db *db, const char *data, size_t len, struct target_import *ti);
int target_import_parse_file(struct db *db, const char *path, struct target_import *ti);

/* Adds the targets to plan in one transaction, each after those its
 * section has.  Refused (-1, db_error) when ti has errors.  With
 * dry_run it is written and checked the same, then rolled back. */
int target_import_write(struct db *db, const struct target_import *ti, int64_t plan,
    bool dry_run);

void target_import_free(struct target_import *ti);

#endif
