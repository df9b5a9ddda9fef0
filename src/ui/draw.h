/* Drawing text by display columns.  Text arrives as NFC UTF-8 from the
 * core; it is drawn as wide characters, one cell per letter with its marks,
 * and cut by columns, never by bytes or wchar_t count. */
#ifndef CCHC_UI_DRAW_H
#define CCHC_UI_DRAW_H

#include <curses.h>
#include <stdbool.h>

enum color {
	COLOR_NORMAL,
	COLOR_BAR,		/* title and key bars */
	COLOR_GOOD,		/* met, done */
	COLOR_BAD,		/* not met, overdue */
	COLOR_WARN,		/* due soon, messages */
	COLOR_COUNT
};

/* Sets up colors unless the terminal has none or NO_COLOR is set. */
void draw_init_colors(void);

/* The attribute for a color: a color pair, or bold/reverse when there
 * are no colors. */
attr_t draw_attr(enum color c);

/* Draws s at (y, x) in exactly cols columns: cut at a letter boundary when
 * too wide, padded with spaces when short.  Returns the columns of s drawn. */
int draw_text(int y, int x, const char *s, int cols, attr_t attr);
/* A table cell: s in cols - 1 columns and a space that keeps it apart
 * from the next cell (in the same attribute, so a selected row is whole). */
void draw_cell(int y, int x, const char *s, int cols, attr_t attr);
/* Same as draw_text, aligned to the right of the cols columns. */
void draw_text_right(int y, int x, const char *s, int cols, attr_t attr);

/* Draws s wrapped to cols columns from row y, skipping the first `skip`
 * wrapped lines and drawing at most `rows`.  Returns the number of wrapped
 * lines s takes in all. */
int draw_wrapped(int y, int x, const char *s, int cols, int skip, int rows, attr_t attr);


#endif
