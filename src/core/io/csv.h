/* Delimited text: tables copied out of Word or Excel, and the files cchc
 * writes for them.
 *
 * Reading takes text already decoded (encoding.h) and separated by tabs,
 * commas or semicolons.  A cell that starts with '"' is quoted the way
 * Excel and RFC 4180 quote ("" is a quote; delimiters and line breaks
 * inside are text); a line break inside a cell becomes a space, since a
 * table cell is one line of text here.  A quote that is never closed is
 * taken as a plain character, so one stray '"' in a pasted table cannot
 * swallow the rest of the file.  Cells are trimmed and no-break spaces
 * (Word puts them around dashes) read as spaces. */
#ifndef CCHC_CSV_H
#define CCHC_CSV_H

#include <stdbool.h>
#include <stdio.h>

struct csv {
	const char *p;		/* the next byte to read */
	char delim;
	int line;		/* the line p is on, from 1 */
	int record_line;	/* where the record last read starts */
	bool unbalanced;	/* it had a quote never closed (read as text) */
	int ncells;
	char **cell;		/* the record's cells, trimmed */
	int cellcap;
	size_t *offset;		/* where each cell starts in buf */
	char *buf;
	size_t len, cap;
};

/* The delimiter of text: a tab when a line of its first lines holds one
 * outside quotes (Word and Excel copy tabs), else ',' or ';', whichever
 * those lines have more of (Excel's CSV uses ';' where the decimal point
 * is a comma). */
char csv_delimiter(const char *text);

/* Starts reading text (NUL-terminated, kept by the caller) split by delim. */
void csv_init(struct csv *r, const char *text, char delim);
/* Reads the next record, blank lines included (one empty cell): 1; 0 at
 * the end; -1 when memory ran out. */
int csv_next(struct csv *r);
void csv_free(struct csv *r);

/* Writes s as one cell, quoted when it holds the delimiter, a quote or a
 * line break, or starts or ends with a blank (which reading would trim). */
void csv_put(FILE *fp, const char *s, char delim);

#endif
