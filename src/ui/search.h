/* Typing a search on a list ('/'): the query and what each key does to
 * it, without the terminal.  The query is typed like a form's field (the
 * same line editor, Telex/VNI, Ctrl-U...).  The list jumps to the first
 * match as the query grows; Enter keeps it (n finds the next), Esc drops
 * it. */
#ifndef CCHC_UI_SEARCH_H
#define CCHC_UI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct form;

struct search {
	bool typing;		/* keys go to the query */
	char query[128];	/* as typed; "" none */
	struct form *line;	/* the prompt: a one-field form */
};

enum search_outcome {
	SEARCH_IGNORED,		/* a key that does nothing to the query */
	SEARCH_CHANGED,		/* the query changed: look again */
	SEARCH_KEPT,		/* Enter: the query stays for 'n' */
	SEARCH_DROPPED,		/* Esc: no query */
};

/* 0, or -1 when memory ran out (then no search is typed). */
int search_start(struct search *s);
enum search_outcome search_key(struct search *s, int key);
/* The bytes of the query before the cursor. */
size_t search_cursor(const struct search *s);
void search_free(struct search *s);

#endif
