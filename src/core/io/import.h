/* What importing any table from an office needs: the table read from a
 * file in whatever encoding it came, a message for each line that needed a
 * guess or cannot be taken, and sections known by their titles.
 *
 * An importer parses first, with nothing written, so that a preview can
 * show what will come in and why; it writes only when no line has an
 * error, all of it in one transaction. */
#ifndef CCHC_IMPORT_H
#define CCHC_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/io/encoding.h"

struct db;

struct import_msg {
	int line;		/* of the file, from 1 */
	bool error;		/* the line cannot be taken: nothing is written */
	char *text;		/* translated, names the cell and the reason */
};

struct import_log {
	struct import_msg *msg;
	int n, cap;
	int nerrors;
	bool oom;		/* a message was lost for want of memory */
};

/* Adds a warning (error false) or an error for line. */
void import_note(struct import_log *log, int line, bool error, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Puts the messages in line order (those of a line in the order noted). */
void import_log_sort(struct import_log *log);
void import_log_free(struct import_log *log);

struct import_row {
	int line;		/* where the row starts */
	int ncells;
	char **cell;		/* NFC, trimmed */
	bool unbalanced;	/* it had a quote never closed */
};

struct import_table {
	enum encoding encoding;
	char delim;		/* '\t', ',' or ';' */
	struct import_row *row;	/* blank rows left out */
	int nrows;
};

/* Decodes data (encoding.h) and reads it as delimited text (csv.h).  0,
 * or -1 with db_error naming the line when the bytes are not text. */
int import_table_read(struct db *db, const char *data, size_t len, struct import_table *t);
/* The same from a file; messages name it. */
int import_table_read_file(struct db *db, const char *path, struct import_table *t);
void import_table_free(struct import_table *t);
/* Cell i of row r, "" past its end or for i < 0. */
const char *import_cell(const struct import_row *r, int i);

/* The section a heading names, matched by title, whatever its number:
 * the heading without its numbering ("II.", "2."), a trailing "(TTHC)"
 * and ':' or '.', and with ';' read as ',', is compared with the
 * sections' codes, titles and aliases (section_find), then word by word.
 * Failing that, a section whose title, short title or an alias the
 * heading contains (or that contains the heading) is a guess: *guessed is
 * set.  The section's id; 0 when none fits (or two fit equally well); -1
 * on a database error. */
int64_t import_section(struct db *db, const char *heading, bool *guessed);

#endif
