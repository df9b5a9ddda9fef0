#include "ui/search.h"

#include <curses.h>
#include <stdio.h>

#include "core/text/editor.h"
#include "ui/actions.h"
#include "ui/form.h"

/* Wide enough that no editing key means "up a line". */
#define LINE_WIDTH 1000

int
search_start(struct search *s)
{
	if (s->line == NULL) {
		if ((s->line = form_create("/")) == NULL)
			return -1;
		if (form_add_text(s->line, "/", 0, "", false) != 0) {
			search_free(s);
			return -1;
		}
	}
	if (editor_set_text(s->line->fields[0].ed, "") != 0)
		return -1;
	s->line->fields[0].word_floor = 0;
	s->typing = true;
	s->query[0] = '\0';
	return 0;
}

enum search_outcome
search_key(struct search *s, int key)
{
	if (action_has_key(ACT_CANCEL, key)) {
		s->typing = false;
		s->query[0] = '\0';
		return SEARCH_DROPPED;
	}
	if (action_has_key(ACT_OPEN, key)) {
		s->typing = false;
		return SEARCH_KEPT;
	}
	switch (form_take_key(s->line, key, LINE_WIDTH)) {
	case FORM_EDITED:
	case FORM_PASTED:
		/* A query past the buffer is cut: it still finds what its
		 * start does. */
		snprintf(s->query, sizeof s->query, "%s", form_text(s->line, 0));
		return SEARCH_CHANGED;
	default:
		return SEARCH_IGNORED;
	}
}

size_t
search_cursor(const struct search *s)
{
	size_t c = editor_cursor(s->line->fields[0].ed);

	return c < sizeof s->query ? c : sizeof s->query - 1;
}

void
search_free(struct search *s)
{
	form_destroy(s->line);
	s->line = NULL;
}
