/* F1: every key of the screen it was opened from, from the action table;
 * a form's also the keys that edit its fields.  The list scrolls. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text/i18n.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

static void
add_row(struct help_row *rows, int *n, enum action a, const char *heading)
{
	if (rows != NULL)
		rows[*n] = (struct help_row){ a, heading };
	(*n)++;
}

static bool
shown_by_another(const struct screen_type *t, enum action a)
{
	for (int i = 0; i < t->nbindings; i++)
		if (action_shown_by(a, t->bindings[i].action))
			return true;
	return false;
}

int
help_rows(const struct screen_type *t, struct help_row *rows)
{
	int n = 0;

	for (int i = 0; i < t->nbindings; i++)
		if (!shown_by_another(t, t->bindings[i].action))
			add_row(rows, &n, t->bindings[i].action, NULL);
	if (form_screen_type(t)) {
		add_row(rows, &n, ACT_NONE, N_("Editing a field"));
		for (int i = 0; i < nfield_edit_actions; i++)
			add_row(rows, &n, field_edit_actions[i], NULL);
	}
	for (int i = 0; i < nglobal_actions; i++)
		if (screen_offers_global(t, global_actions[i]))
			add_row(rows, &n, global_actions[i], NULL);
	return n;
}

static void
draw_row(int y, int cols, const struct help_row *r)
{
	const struct action_def *d = action_def(r->action);

	if (r->action == ACT_NONE) {
		draw_text(y, 1, _(r->heading), cols - 1, A_BOLD);
		return;
	}
	draw_text(y, 2, _(d->key_label), 14, A_BOLD);
	draw_text(y, 17, _(d->label), cols - 17, A_NORMAL);
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	const struct screen_type *t = s->below->type;
	int n = help_rows(t, NULL), shown = rows - 2;
	struct help_row *list = calloc(n, sizeof *list);
	char line[256];

	if (list == NULL)
		return;
	help_rows(t, list);
	s->lines = n;
	s->list.page = shown > 1 ? shown : 1;
	if (s->scroll > n - shown)
		s->scroll = n - shown;
	if (s->scroll < 0)
		s->scroll = 0;
	snprintf(line, sizeof line, _("Keys of the screen \"%s\""), _(t->title));
	if (n > shown)
		snprintf(line + strlen(line), sizeof line - strlen(line), _(" · %d–%d of %d"),
		    s->scroll + 1, s->scroll + shown < n ? s->scroll + shown : n, n);
	draw_text(y, 1, line, cols - 1, A_BOLD);
	for (int i = 0; i < shown && s->scroll + i < n; i++)
		draw_row(y + 2 + i, cols, &list[s->scroll + i]);
	free(list);
}

static const struct binding bindings[] = {
	{ ACT_BACK, screen_back, true },
	{ ACT_PAGE_DOWN, screen_scroll_text, true },
	{ ACT_PAGE_UP, screen_scroll_text, true },
	{ ACT_UP, screen_scroll_text, false },
	{ ACT_DOWN, screen_scroll_text, false },
	{ ACT_HOME, screen_scroll_text, false },
	{ ACT_END, screen_scroll_text, false },
};

const struct screen_type help_type = {
	N_("Help"), bindings, sizeof bindings / sizeof bindings[0], draw, NULL, NULL, NULL, NULL,
};

struct screen *
help_new(struct app *app, const struct screen *about)
{
	struct screen *s = screen_new(&help_type);

	if (s != NULL)
		s->offers = screen_text_offers;
	return s;
}
