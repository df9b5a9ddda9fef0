/* ncurses' get_wch does not recover from a byte that is not UTF-8: it goes
 * on waiting to complete the character and swallows what is typed next, so
 * one stray byte (a terminal set to another encoding, a binary paste)
 * silences the keyboard.  The bytes are therefore read with wgetch and
 * decoded here: a byte that cannot start or continue a character is
 * dropped on its own, and a byte that ended a broken sequence is read
 * again as the start of the next key. */
#include "ui/input.h"

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>
#include <unistr.h>

#include "ui/actions.h"

int
input_read(WINDOW *w)
{
	uint8_t bytes[4];
	size_t n = 0;
	int c = wgetch(w);

	if (c == ERR)
		return INPUT_NONE;
	if (c >= KEY_MIN)
		return KEYFN(c);
	for (;;) {
		ucs4_t uc;
		int r;

		bytes[n++] = (uint8_t)c;
		if ((r = u8_mbtoucr(&uc, bytes, n)) > 0)
			return (int)uc;
		if (r == -1) {
			/* The last byte may begin the next character. */
			if (n > 1)
				ungetch(c);
			return INPUT_INVALID;
		}
		/* Incomplete: the rest of a character comes with it. */
		if ((c = wgetch(w)) == ERR)
			return INPUT_INVALID;
		if (c >= KEY_MIN) {
			ungetch(c);
			return INPUT_INVALID;
		}
	}
}

bool
input_pending(void)
{
	/* ncurses reads the terminal a byte at a time, so what it has not
	 * read is still in the descriptor. */
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) > 0 && (p.revents & POLLIN) != 0;
}
