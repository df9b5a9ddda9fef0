/* Typing a search on a list ('/'): the query and what each key does to
 * it, without the terminal.  The list jumps to the first match as the
 * query grows; Enter keeps it (n finds the next), Esc drops it. */
#ifndef CCHC_UI_SEARCH_H
#define CCHC_UI_SEARCH_H

#include <stdbool.h>

struct search {
	bool typing;		/* keys go to the query */
	char query[128];	/* as typed; "" none */
};

enum search_outcome {
	SEARCH_IGNORED,		/* a key that does nothing to the query */
	SEARCH_CHANGED,		/* the query changed: look again */
	SEARCH_KEPT,		/* Enter: the query stays for 'n' */
	SEARCH_DROPPED,		/* Esc: no query */
};

void search_start(struct search *s);
enum search_outcome search_key(struct search *s, int key);

#endif
