/* SIPAS: the results of a round, the report laid out for the screen's
 * width and scrolled, with the round before it on the same questionnaire
 * beside it; P previews it to print or save. */
#include "ui/app.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sipas/sipas.h"
#include "core/store/db.h"
#include "core/text/i18n.h"
#include "ui/screen.h"
#include "ui/screens.h"
#include "ui/sipas.h"

struct results_view {
	int64_t round, compare;
	int width;		/* the report was laid out for */
	char *text;
	char **lines;
	int nlines;
};

static void
results_free(struct screen *s)
{
	struct results_view *v = s->data;

	if (v == NULL)
		return;
	free(v->text);
	free(v->lines);
	free(v);
	s->data = NULL;
}

/* Lays the report out for width columns and splits it into lines. */
static int
results_layout(struct app *app, struct results_view *v, int width)
{
	size_t size = 0;
	FILE *fp;
	int n = 0;

	free(v->text);
	free(v->lines);
	v->text = NULL;
	v->lines = NULL;
	v->nlines = 0;
	v->width = width;
	if ((fp = open_memstream(&v->text, &size)) == NULL)
		return -1;
	if (sipas_report(app->db, v->round, v->compare, width, fp) != 0) {
		fclose(fp);
		app_fail_db(app);
		return -1;
	}
	fclose(fp);
	for (char *p = v->text; *p; p++)
		n += *p == '\n';
	if ((v->lines = calloc((size_t)n + 1, sizeof *v->lines)) == NULL)
		return -1;
	for (char *p = v->text, *nl; *p && (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		*nl = '\0';
		v->lines[v->nlines++] = p;
	}
	return 0;
}

static void
results_draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	struct results_view *v = s->data;

	if (v->width != cols - 2)
		results_layout(app, v, cols - 2);
	s->list.count = v->nlines;
	list_scroll(&s->list, rows);
	for (int r = 0; r < rows && s->list.top + r < v->nlines; r++) {
		int i = s->list.top + r;

		draw_text(y + r, 1, v->lines[i], cols - 2, i == s->list.selected ? A_REVERSE : A_NORMAL);
	}
}

static int
results_load(struct app *app, struct screen *s)
{
	struct results_view *v = s->data;

	return results_layout(app, v, v->width);
}

/* The round's results as a report to print or save. */
static void
results_preview(struct app *app, struct screen *s, enum action a)
{
	struct results_view *v = s->data;

	app_push(app, report_screen_new_round(app, "sipas", v->round, v->compare));
}

static const struct binding results_bindings[] = {
	{ ACT_REPORT, results_preview, true },
	{ ACT_BACK, screen_back, true },
	LIST_MOVE_BINDINGS(true),
};

const struct screen_type results_type = {
	N_("Survey results"), results_bindings, sizeof results_bindings / sizeof results_bindings[0],
	results_draw, results_load, results_free, NULL, NULL,
};

struct screen *
sipas_results_new(struct app *app, int64_t round, int64_t compare)
{
	struct screen *s = screen_new_data(&results_type, sizeof (struct results_view));
	struct results_view *v;

	if (s == NULL)
		return NULL;
	v = s->data;
	v->round = round;
	v->compare = compare;
	if (results_layout(app, v, COLS - 2) != 0) {
		screen_free(s);
		return NULL;
	}
	return s;
}
