#include "ui/draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text/text.h"

static bool have_colors;

void
draw_init_colors(void)
{
	const char *no_color = getenv("NO_COLOR");

	/* https://no-color.org: any non-empty value turns color off. */
	if ((no_color != NULL && *no_color != '\0') || !has_colors())
		return;
	start_color();
	use_default_colors();
	init_pair(COLOR_BAR, COLOR_WHITE, COLOR_BLUE);
	init_pair(COLOR_GOOD, COLOR_GREEN, -1);
	init_pair(COLOR_BAD, COLOR_RED, -1);
	init_pair(COLOR_WARN, COLOR_YELLOW, -1);
	have_colors = true;
}

attr_t
draw_attr(enum color c)
{
	if (c == COLOR_NORMAL)
		return A_NORMAL;
	if (have_colors)
		return COLOR_PAIR(c) | (c == COLOR_BAR ? A_BOLD : 0);
	return c == COLOR_BAR ? A_REVERSE : c == COLOR_BAD ? A_BOLD : A_NORMAL;
}

/* Converts UTF-8 to a wide string (locale is UTF-8 by then).  *heap is
 * set when the result had to be allocated. */
static wchar_t *
widen(const char *s, wchar_t *buf, size_t n, wchar_t **heap)
{
	size_t len = mbstowcs(NULL, s, 0);

	*heap = NULL;
	if (len == (size_t)-1)
		return NULL;
	if (len >= n) {
		if ((*heap = malloc((len + 1) * sizeof **heap)) == NULL)
			return NULL;
		buf = *heap;
	}
	mbstowcs(buf, s, len + 1);
	return buf;
}

/* Draws up to cols columns of w at the cursor; returns columns used.
 * A letter and the combining marks after it go into one cchar_t. */
static int
put_wide(const wchar_t *w, int cols, attr_t attr)
{
	int used = 0;

	while (*w != L'\0') {
		wchar_t cell[CCHARW_MAX + 1];
		int width = wcwidth(*w), k = 0;
		cchar_t cc;

		if (width < 0) {	/* control character: show nothing */
			w++;
			continue;
		}
		if (width == 0) {	/* a stray mark with no letter before it */
			w++;
			continue;
		}
		if (used + width > cols)
			break;
		cell[k++] = *w++;
		while (*w != L'\0' && wcwidth(*w) == 0) {
			if (k < CCHARW_MAX)
				cell[k++] = *w;
			w++;
		}
		cell[k] = L'\0';
		setcchar(&cc, cell, attr, PAIR_NUMBER(attr), NULL);
		add_wch(&cc);
		used += width;
	}
	return used;
}

int
draw_text(int y, int x, const char *s, int cols, attr_t attr)
{
	wchar_t buf[512], *heap, *w;
	int used = 0;

	if (cols <= 0)
		return 0;
	move(y, x);
	attrset(attr);
	if ((w = widen(s, buf, sizeof buf / sizeof buf[0], &heap)) != NULL)
		used = put_wide(w, cols, attr);
	free(heap);
	for (int i = used; i < cols; i++)
		addch(' ');
	attrset(A_NORMAL);
	return used;
}

void
draw_cell(int y, int x, const char *s, int cols, attr_t attr)
{
	if (cols <= 1) {
		draw_text(y, x, "", cols, attr);
		return;
	}
	draw_text(y, x, s, cols - 1, attr);
	draw_text(y, x + cols - 1, "", 1, attr);
}

void
draw_text_right(int y, int x, const char *s, int cols, attr_t attr)
{
	int w = text_width(s);

	if (w >= cols) {
		draw_text(y, x, s, cols, attr);
		return;
	}
	draw_text(y, x, "", cols - w, attr);
	draw_text(y, x + cols - w, s, w, attr);
}

struct wrap_draw {
	int y, x, cols, skip, rows, line;
	attr_t attr;
};

static void
draw_line(const char *start, size_t len, void *ctx)
{
	struct wrap_draw *d = ctx;
	int row = d->line++ - d->skip;
	char *copy;

	if (row < 0 || row >= d->rows)
		return;
	if ((copy = strndup(start, len)) == NULL)
		return;
	draw_text(d->y + row, d->x, copy, d->cols, d->attr);
	free(copy);
}

int
draw_wrapped(int y, int x, const char *s, int cols, int skip, int rows, attr_t attr)
{
	struct wrap_draw d = { y, x, cols, skip, rows, 0, attr };

	if (cols <= 0)
		return 0;
	text_wrap(s, cols, draw_line, &d);
	return d.line;
}
