/* F1: every key of the screen it was opened from, from the action table. */
#include "ui/app.h"

#include <stdio.h>

#include "core/i18n.h"
#include "ui/screen.h"
#include "ui/screens.h"

static void
draw_action(int y, enum action a)
{
	const struct action_def *d = action_def(a);

	draw_text(y, 2, _(d->key_label), 14, A_BOLD);
	draw_text(y, 17, _(d->label), 40, A_NORMAL);
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	const struct screen_type *t = s->below->type;
	char line[256];
	int row = 0;

	snprintf(line, sizeof line, _("Keys of the screen \"%s\""), _(t->title));
	draw_text(y, 1, line, cols - 1, A_BOLD);
	for (int i = 0; i < t->nbindings && row + 2 < rows; i++)
		draw_action(y + 2 + row++, t->bindings[i].action);
	for (int i = 0; i < nglobal_actions && row + 2 < rows; i++)
		draw_action(y + 2 + row++, global_actions[i]);
}

static const struct binding bindings[] = {
	{ ACT_BACK, screen_back, true },
};

const struct screen_type help_type = {
	N_("Help"), bindings, sizeof bindings / sizeof bindings[0], draw, NULL, NULL, NULL, NULL,
};

struct screen *
help_new(struct app *app, const struct screen *about)
{
	return screen_new(&help_type);
}
