#include "ui/search.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "ui/actions.h"

void
search_start(struct search *s)
{
	s->typing = true;
	s->query[0] = '\0';
}

enum search_outcome
search_key(struct search *s, int key)
{
	size_t len = strlen(s->query);

	if (action_has_key(ACT_CANCEL, key)) {
		s->typing = false;
		s->query[0] = '\0';
		return SEARCH_DROPPED;
	}
	if (action_has_key(ACT_OPEN, key)) {
		s->typing = false;
		return SEARCH_KEPT;
	}
	if (key == KEYFN(KEY_BACKSPACE) || key == 127 || key == 8) {
		s->query[text_prev_grapheme(s->query, len)] = '\0';
		return SEARCH_CHANGED;
	}
	if (key >= ' ' && key < (1 << 24)) {
		char mb[8];
		int n = wctomb(mb, (wchar_t)key);

		if (n > 0 && len + (size_t)n < sizeof s->query) {
			memcpy(s->query + len, mb, (size_t)n);
			s->query[len + n] = '\0';
		}
		return SEARCH_CHANGED;
	}
	return SEARCH_IGNORED;
}
