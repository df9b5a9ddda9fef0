#include "ui/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/section.h"
#include "core/plan/target.h"
#include "core/plan/task.h"
#include "core/text/i18n.h"
#include "ui/app.h"
#include "ui/screens.h"

struct screen *
screen_new(const struct screen_type *type)
{
	struct screen *s = calloc(1, sizeof *s);

	if (s != NULL)
		s->type = type;
	return s;
}

struct screen *
screen_open(struct app *app, const struct screen_type *type)
{
	struct screen *s = screen_new(type);

	if (s != NULL)
		type->load(app, s);
	return s;
}

void
screen_free(struct screen *s)
{
	if (s == NULL)
		return;
	if (s->type->free != NULL)
		s->type->free(s);
	targets_free(s->targets, s->ntargets);
	tasks_free(s->tasks, s->ntasks);
	for (int i = 0; i < s->nfields; i++) {
		free(s->fields[i].label);
		free(s->fields[i].value);
	}
	free(s->fields);
	free(s->rows);
	free(s);
}

bool
list_move(struct list *l, enum action a)
{
	int page = l->page > 1 ? l->page - 1 : 1;

	switch (a) {
	case ACT_UP:
	case ACT_ARROW_UP:
		l->selected--;
		break;
	case ACT_DOWN:
		l->selected++;
		break;
	case ACT_PAGE_UP:
		l->selected -= page;
		l->top -= page;
		break;
	case ACT_PAGE_DOWN:
		l->selected += page;
		l->top += page;
		break;
	case ACT_HOME:
		l->selected = 0;
		break;
	case ACT_END:
		l->selected = l->count - 1;
		break;
	default:
		return false;
	}
	if (l->selected >= l->count)
		l->selected = l->count - 1;
	if (l->selected < 0)
		l->selected = 0;
	return true;
}

void
list_scroll(struct list *l, int rows)
{
	l->page = rows;
	if (l->top > l->count - rows)
		l->top = l->count - rows;
	if (l->top < 0)
		l->top = 0;
	if (l->selected < l->top)
		l->top = l->selected;
	if (l->selected >= l->top + rows)
		l->top = l->selected - rows + 1;
}

void
screen_list_action(struct app *app, struct screen *s, enum action a)
{
	list_move(&s->list, a);
}

bool
screen_text_offers(const struct screen *s, enum action a)
{
	if (a == ACT_PAGE_UP)
		return s->scroll > 0;
	if (a == ACT_PAGE_DOWN)
		return s->scroll < s->lines - s->list.page;
	return true;
}

void
screen_scroll_text(struct app *app, struct screen *s, enum action a)
{
	int page = s->list.page > 1 ? s->list.page - 1 : 1, max = s->lines - s->list.page;

	switch (a) {
	case ACT_UP:
		s->scroll--;
		break;
	case ACT_DOWN:
		s->scroll++;
		break;
	case ACT_PAGE_UP:
		s->scroll -= page;
		break;
	case ACT_PAGE_DOWN:
		s->scroll += page;
		break;
	case ACT_HOME:
		s->scroll = 0;
		break;
	case ACT_END:
		s->scroll = max;
		break;
	default:
		break;
	}
	if (s->scroll > max)
		s->scroll = max;
	if (s->scroll < 0)
		s->scroll = 0;
}

void
screen_back(struct app *app, struct screen *s, enum action a)
{
	app_pop(app);
}

void
screen_change_section(struct app *app, struct screen *s, enum action a)
{
	int n = app->nsections;

	s->section = (s->section + (a == ACT_NEXT_SECTION ? 1 : n - 1)) % n;
	s->list.selected = s->list.top = 0;
	s->type->load(app, s);
}

void
screen_search(struct app *app, struct screen *s, enum action a)
{
	app_search_start(app);
}

void
screen_next_match(struct app *app, struct screen *s, enum action a)
{
	int section = s->section, row = s->list.selected;

	if (app->search.query[0] == '\0')
		app_message(app, COLOR_WARN, "%s", _("Search first with /"));
	else if (!app_search_next(app, s, s->list.selected + 1))
		app_message(app, COLOR_WARN, _("/%s (no match)"), app->search.query);
	/* Come round past the list's last match: a search of the whole plan
	 * goes on into the next list (from the dashboard, n stayed in the
	 * targets). */
	else if (s->plan_search != 0 && (s->section < section ||
	    (s->section == section && s->list.selected <= row)))
		dashboard_search_on(app, s);
}

void
screen_undo(struct app *app, struct screen *s, enum action a)
{
	app_undo(app, s);
}

struct screen *
screen_new_data(const struct screen_type *type, size_t size)
{
	struct screen *s = screen_new(type);

	if (s != NULL && (s->data = calloc(1, size)) == NULL) {
		screen_free(s);
		return NULL;
	}
	return s;
}

void
list_fit(struct list *l, int n)
{
	l->count = n;
	if (l->selected >= n)
		l->selected = n ? n - 1 : 0;
}

int
screen_view(struct screen *s, int n, bool (*keep)(struct screen *, int),
    int (*cmp)(const void *, const void *))
{
	int *rows = malloc((n ? n : 1) * sizeof *rows), count = 0;

	if (rows == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (keep == NULL || keep(s, i))
			rows[count++] = i;
	if (cmp != NULL)
		qsort(rows, count, sizeof *rows, cmp);
	free(s->rows);
	s->rows = rows;
	s->nrows = count;
	list_fit(&s->list, count);
	return 0;
}

void
screen_note_row(struct app *app, const char *const *parts, int n)
{
	/* Kept until the next draw, which sets the note again. */
	static char note[1024];
	size_t len = 0;

	note[0] = '\0';
	for (int i = 0; i < n && len + 1 < sizeof note; i++) {
		if (parts[i] == NULL || *parts[i] == '\0')
			continue;
		snprintf(note + len, sizeof note - len, "%s%s", len > 0 ? " · " : "", parts[i]);
		len = strlen(note);
	}
	for (char *c = note; *c != '\0'; c++)
		if (*c == '\n')
			*c = ' ';
	app->note = note;
}
