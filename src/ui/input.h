/* Reading the keyboard: one key at a time, as the screens take them. */
#ifndef CCHC_UI_INPUT_H
#define CCHC_UI_INPUT_H

#include <curses.h>

/* What input_read returns besides keys. */
#define INPUT_NONE (-1)		/* nothing came (a timeout) */
#define INPUT_INVALID (-2)	/* a byte that is not UTF-8, dropped */

/* The next key of w: KEYFN(code) for a function key (KEY_RESIZE too),
 * else the character's code point; INPUT_NONE or INPUT_INVALID. */
int input_read(WINDOW *w);

/* True when more bytes wait on the terminal: a paste or typing ahead.
 * Drawing after each of them would make a 100 KB paste take half a
 * minute; the screen is drawn once they have been read. */
bool input_pending(void);

#endif
