/* Tab-separated text files: the shipped data and the exchange formats.
 * UTF-8, one record a line, '#' starts a comment line, blank lines are
 * skipped, a UTF-8 BOM and CR line ends are accepted. */
#ifndef CCHC_TSV_H
#define CCHC_TSV_H

#include <stdio.h>

#define TSV_MAX_FIELDS 16

struct tsv {
	FILE *fp;
	char *line;
	size_t cap;
	int lineno;			/* of the record last read */
	int nfields;
	char *field[TSV_MAX_FIELDS];	/* point into line; trimmed, NFC not implied */
};

/* 0, or -1 with *why the reason (file_open_read). */
int tsv_open(struct tsv *t, const char *path, const char **why);
void tsv_close(struct tsv *t);
/* 1 for a record, 0 at the end, -1 on a read error or a line that is
 * not valid UTF-8 (t->lineno tells which). */
int tsv_next(struct tsv *t);
/* Field i, or "" when the line is shorter. */
const char *tsv_field(const struct tsv *t, int i);

#endif
