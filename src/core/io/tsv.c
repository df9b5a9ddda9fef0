#include "core/io/tsv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/file.h"
#include "core/text/text.h"

int
tsv_open(struct tsv *t, const char *path, const char **why)
{
	memset(t, 0, sizeof *t);
	if ((t->fp = file_open_read(path, why)) == NULL)
		return -1;
	return 0;
}

void
tsv_close(struct tsv *t)
{
	if (t->fp != NULL)
		fclose(t->fp);
	free(t->line);
	memset(t, 0, sizeof *t);
}

static void
split(struct tsv *t, char *s)
{
	t->nfields = 0;
	for (;;) {
		char *tab = strchr(s, '\t');

		if (tab != NULL)
			*tab = '\0';
		if (t->nfields < TSV_MAX_FIELDS)
			t->field[t->nfields++] = text_trim(s);
		if (tab == NULL)
			break;
		s = tab + 1;
	}
}

int
tsv_next(struct tsv *t)
{
	ssize_t len;

	while ((len = getline(&t->line, &t->cap, t->fp)) >= 0) {
		char *s = t->line;

		t->lineno++;
		while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
			s[--len] = '\0';
		if (t->lineno == 1 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3;
		if (!text_valid_utf8(s)) {
			errno = EILSEQ;
			return -1;
		}
		if (*s == '#' || strspn(s, " \t") == strlen(s))
			continue;
		split(t, s);
		return 1;
	}
	return ferror(t->fp) ? -1 : 0;
}

const char *
tsv_field(const struct tsv *t, int i)
{
	return i < t->nfields ? t->field[i] : "";
}
