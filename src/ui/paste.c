/* A screen that takes pasted text as it is: rows copied from Word or
 * Excel, whose tabs and line ends would move between fields in a form.
 * Every key that makes text goes in (Tab a tab, Enter a line end) so that
 * a paste works without bracketed paste too (the Linux console has none);
 * Backspace takes back the last letter; F2 hands the text over, Esc
 * leaves with nothing. */
#include "ui/paste.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/text/i18n.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/screen.h"

struct paste {
	char *hint;
	paste_done_fn done;
	void *ctx;
	char *text;
	size_t len, cap;
	int lines;		/* line ends received */
	bool told;		/* the status line says nothing is written */
	bool after_cr;		/* a CR came last: its LF is the same line end */
};

static void
paste_free(struct screen *s)
{
	struct paste *p = s->data;

	if (p == NULL)
		return;
	free(p->hint);
	free(p->text);
	free(p);
	s->data = NULL;
}

/* Appends the UTF-8 of code point c.  false when memory ran out. */
static bool
append(struct paste *p, ucs4_t c)
{
	uint8_t buf[6];
	int n = u8_uctomb(buf, c, sizeof buf);

	if (n <= 0)
		return true;
	if (p->len + n + 1 > p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 4096;
		char *t;

		while (cap < p->len + n + 1)
			cap *= 2;
		if ((t = realloc(p->text, cap)) == NULL)
			return false;
		p->text = t;
		p->cap = cap;
	}
	memcpy(p->text + p->len, buf, n);
	p->len += n;
	p->text[p->len] = '\0';
	p->lines += c == '\n';
	return true;
}

/* Removes the last letter (a whole UTF-8 sequence). */
static void
take_back(struct paste *p)
{
	const uint8_t *start = (const uint8_t *)p->text, *prev;
	ucs4_t c;

	if (p->len == 0 || (prev = u8_prev(&c, start + p->len, start)) == NULL)
		return;
	p->lines -= c == '\n';
	p->len = prev - start;
	p->text[p->len] = '\0';
}

static bool
key(struct app *app, struct screen *s, int k)
{
	struct paste *p = s->data;
	bool cr = false;

	switch (k) {
	case KEYFN(KEY_PASTE_START):
	case KEYFN(KEY_PASTE_END):
		return true;
	case KEYFN(KEY_BACKSPACE):
	case 127:
	case 8:
		take_back(p);
		p->after_cr = false;
		return true;
	case '\n':
		/* The LF of a CR LF: the CR made the line end already. */
		if (p->after_cr) {
			p->after_cr = false;
			return true;
		}
		break;
	case '\r':
		/* Terminals paste line ends as CR. */
		cr = true;
		k = '\n';
		break;
	case KEYFN(KEY_ENTER):
		k = '\n';
		break;
	default:
		if (k != '\t' && (k < ' ' || k >= (1 << 24)))
			return false;	/* F2, Esc, F1 and the like */
	}
	p->after_cr = cr;
	if (!append(p, (ucs4_t)k))
		app_message(app, COLOR_BAD, "%s", _("Out of memory"));
	return true;
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct paste *p = s->data;
	const char *from = p->text ? p->text : "", *e = from + p->len;
	char count[160];
	int n = p->lines + (p->len > 0 && from[p->len - 1] != '\n');

	if (!p->told) {
		/* Shown once, over what the form that opened it said. */
		p->told = true;
		app_message(app, COLOR_WARN, "%s", _("Nothing is written yet."));
	}
	draw_wrapped(y, 1, p->hint, cols - 2, 0, 2, A_BOLD);
	snprintf(count, sizeof count, ngettext("Received: %d line, %zu bytes",
	    "Received: %d lines, %zu bytes", n), n, p->len);
	draw_text(y + 2, 1, count, cols - 1, draw_attr(COLOR_WARN));
	/* The last lines received, the newest at the bottom, a tab shown as
	 * a column rule. */
	if (e > from && e[-1] == '\n')
		e--;
	for (int row = rows - 1; row >= 3 && e != NULL; row--) {
		const char *b = e;
		char *line;

		while (b > from && b[-1] != '\n')
			b--;
		if ((line = strndup(b, e - b)) == NULL)
			return;
		for (char *t = line; (t = strchr(t, '\t')) != NULL;)
			*t = '|';
		draw_text(y + row, 1, line, cols - 1, A_NORMAL);
		free(line);
		e = b > from ? b - 1 : NULL;
	}
}

static void
hand_over(struct app *app, struct screen *s, enum action a)
{
	struct paste *p = s->data;

	if (p->len == 0) {
		app_message(app, COLOR_WARN, "%s", _("Nothing pasted yet."));
		return;
	}
	p->done(app, s, p->text, p->len, p->ctx);
}

static const struct binding bindings[] = {
	{ ACT_SAVE, hand_over, true },
	{ ACT_BACK, screen_back, true },
};

const struct screen_type paste_type = {
	N_("Paste"), bindings, sizeof bindings / sizeof bindings[0], draw, NULL, paste_free,
	key, NULL,
};

struct screen *
paste_new(const char *hint, paste_done_fn done, void *ctx)
{
	struct screen *s = screen_new_data(&paste_type, sizeof (struct paste));
	struct paste *p = s != NULL ? s->data : NULL;

	if (p == NULL || (p->hint = strdup(hint)) == NULL) {
		screen_free(s);
		return NULL;
	}
	p->done = done;
	p->ctx = ctx;
	return s;
}
