/* Receiving pasted rows (paste.c). */
#ifndef CCHC_UI_PASTE_H
#define CCHC_UI_PASTE_H

#include <stddef.h>

struct app;
struct screen;

/* Called on F2 with the text received (UTF-8, '\n' line ends, len > 0)
 * and ctx; the paste screen s is still on top: the callback replaces or
 * keeps it. */
typedef void (*paste_done_fn)(struct app *app, struct screen *s, const char *text, size_t len,
    void *ctx);

/* A paste screen that shows hint above what it receives. */
struct screen *paste_new(const char *hint, paste_done_fn done, void *ctx);

#endif
