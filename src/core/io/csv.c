#include "core/io/csv.h"

#include <stdlib.h>
#include <string.h>

#include "core/text/array.h"
#include "core/text/text.h"

/* Lines looked at to choose the delimiter. */
#define SNIFF_LINES 20

static bool
line_break(const char *p)
{
	return *p == '\n' || *p == '\r';
}

/* Steps over one line break (LF, CRLF or a lone CR); the next byte. */
static const char *
skip_break(const char *p)
{
	if (*p == '\r' && p[1] == '\n')
		return p + 2;
	return p + 1;
}

char
csv_delimiter(const char *text)
{
	int commas = 0, semicolons = 0, lines = 0;
	bool quoted = false;

	for (const char *p = text; *p != '\0' && lines < SNIFF_LINES; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*p == '\t')
			return '\t';
		else if (*p == ',')
			commas++;
		else if (*p == ';')
			semicolons++;
		else if (*p == '\n')
			lines++;
	}
	return semicolons > commas ? ';' : ',';
}

void
csv_init(struct csv *r, const char *text, char delim)
{
	memset(r, 0, sizeof *r);
	r->p = text;
	r->delim = delim;
	r->line = 1;
}

void
csv_free(struct csv *r)
{
	free(r->cell);
	free(r->offset);
	free(r->buf);
	memset(r, 0, sizeof *r);
}

static int
put(struct csv *r, char c)
{
	if (r->len + 1 >= r->cap) {
		size_t want = r->cap ? 2 * r->cap : 256;
		char *grown = realloc(r->buf, want);

		if (grown == NULL)
			return -1;
		r->buf = grown;
		r->cap = want;
	}
	r->buf[r->len++] = c;
	return 0;
}

/* Copies one character of cell text at *p into the buffer: a no-break
 * space as a space, a line break (inside quotes) as a space. */
static int
put_char(struct csv *r, const char **p)
{
	if ((unsigned char)(*p)[0] == 0xC2 && (unsigned char)(*p)[1] == 0xA0) {
		*p += 2;
		return put(r, ' ');
	}
	if (line_break(*p)) {
		*p = skip_break(*p);
		r->line++;
		return put(r, ' ');
	}
	return put(r, *(*p)++);
}

/* A quoted cell from just after its opening quote: true when the closing
 * quote was found (and *p is past it). */
static bool
read_quoted(struct csv *r, const char **p, int *rc)
{
	while (**p != '\0' && *rc == 0) {
		if (**p == '"' && (*p)[1] == '"') {
			*p += 2;
			*rc = put(r, '"');
		} else if (**p == '"') {
			(*p)++;
			return true;
		} else {
			*rc = put_char(r, p);
		}
	}
	return false;
}

/* Unquoted text up to the delimiter, a line break or the end. */
static int
read_plain(struct csv *r, const char **p)
{
	int rc = 0;

	while (**p != '\0' && **p != r->delim && !line_break(*p) && rc == 0)
		rc = put_char(r, p);
	return rc;
}

/* One cell from *p; its text is appended to buf. */
static int
read_cell(struct csv *r, const char **p)
{
	const char *start = *p + strspn(*p, " ");
	size_t len = r->len;
	int line = r->line, rc = 0;

	if (*start != '"')
		return read_plain(r, p);
	*p = start + 1;
	if (read_quoted(r, p, &rc))
		return rc == 0 ? read_plain(r, p) : rc;
	if (rc != 0)
		return rc;
	/* Never closed: the quote was a plain character after all. */
	r->unbalanced = true;
	r->len = len;
	r->line = line;
	*p = start;
	return read_plain(r, p);
}

int
csv_next(struct csv *r)
{
	const char *p = r->p;

	if (*p == '\0')
		return 0;
	r->record_line = r->line;
	r->unbalanced = false;
	r->ncells = 0;
	r->len = 0;
	for (;;) {
		size_t start = r->len;

		if (read_cell(r, &p) != 0 || put(r, '\0') != 0 ||
		    array_reserve(&r->offset, r->ncells, &r->cellcap, sizeof *r->offset) != 0)
			return -1;
		r->offset[r->ncells++] = start;
		if (*p != r->delim)
			break;
		p++;
	}
	if (line_break(p)) {
		p = skip_break(p);
		r->line++;
	}
	r->p = p;
	/* buf may have moved while growing: the pointers are made last. */
	free(r->cell);
	if ((r->cell = malloc((size_t)r->ncells * sizeof *r->cell)) == NULL)
		return -1;
	for (int i = 0; i < r->ncells; i++)
		r->cell[i] = text_trim(r->buf + r->offset[i]);
	return 1;
}

void
csv_put(FILE *fp, const char *s, char delim)
{
	size_t n = strlen(s);

	if (strchr(s, delim) == NULL && strpbrk(s, "\"\n\r") == NULL &&
	    (n == 0 || (s[0] != ' ' && s[n - 1] != ' '))) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			putc('"', fp);
		putc(*s, fp);
	}
	putc('"', fp);
}
