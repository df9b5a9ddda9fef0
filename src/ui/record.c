/* One record in full: every field of a target or a task, long text
 * wrapped, scrolling when it does not fit. */
#include "ui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/history.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"
#include "ui/screen.h"
#include "ui/screens.h"

#define LABEL_COLS 22

/* Which record a record view shows, for its history. */
struct record_ref {
	const char *table;
	int64_t id;
};


static int
add(struct screen *s, const char *label, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
add(struct screen *s, const char *label, const char *fmt, ...)
{
	struct field *grown = realloc(s->fields, (s->nfields + 1) * sizeof *grown);
	va_list ap;
	char *value;
	int n;

	if (grown == NULL)
		return -1;
	s->fields = grown;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (value = malloc((size_t)n + 1)) == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(value, (size_t)n + 1, fmt, ap);
	va_end(ap);
	grown[s->nfields].label = strdup(label);
	grown[s->nfields].value = value;
	s->nfields++;
	return grown[s->nfields - 1].label && value ? 0 : -1;
}

static void
draw(struct app *app, struct screen *s, int y, int rows, int cols)
{
	int value_cols = cols - 2 - LABEL_COLS, line = 0;

	if (value_cols < 10)
		value_cols = 10;
	for (int i = 0; i < s->nfields; i++) {
		int skip = s->scroll - line, top = line - s->scroll, n;

		if (skip < 0)
			skip = 0;
		if (top < 0)
			top = 0;
		n = draw_wrapped(y + top, 1 + LABEL_COLS, *s->fields[i].value ? s->fields[i].value : "—",
		    value_cols, skip, rows - top, A_NORMAL);
		if (line >= s->scroll && line - s->scroll < rows)
			draw_text(y + line - s->scroll, 1, s->fields[i].label, LABEL_COLS - 1, A_BOLD);
		line += n > 0 ? n : 1;
	}
	s->lines = line;
	/* The page size for PgUp/PgDn. */
	s->list.page = rows;
}

static void
show_history(struct app *app, struct screen *s, enum action a)
{
	struct record_ref *r = s->data;

	if (r != NULL)
		app_push(app, history_view_new(app, r->table, r->id));
}

static const struct binding bindings[] = {
	{ ACT_HISTORY, show_history, true },
	{ ACT_BACK, screen_back, true },
	{ ACT_PAGE_UP, screen_scroll_text, true },
	{ ACT_PAGE_DOWN, screen_scroll_text, true },
	{ ACT_UP, screen_scroll_text, false },
	{ ACT_DOWN, screen_scroll_text, false },
	{ ACT_HOME, screen_scroll_text, false },
	{ ACT_END, screen_scroll_text, false },
};

static void
free_ref(struct screen *s)
{
	free(s->data);
	s->data = NULL;
}

const struct screen_type target_record_type = {
	N_("Target"), bindings, sizeof bindings / sizeof bindings[0], draw, NULL, free_ref, NULL, NULL,
};

const struct screen_type task_record_type = {
	N_("Task"), bindings, sizeof bindings / sizeof bindings[0], draw, NULL, free_ref, NULL, NULL,
};

/* The history view is a record view too, one field per change; it has no
 * history of its own. */
const struct screen_type history_view_type = {
	N_("History"), bindings + 1, sizeof bindings / sizeof bindings[0] - 1, draw, NULL, NULL,
	NULL, NULL,
};

static struct screen *
record_new(const struct screen_type *type, const char *table, int64_t id)
{
	struct screen *s = screen_new_data(type, sizeof (struct record_ref));
	struct record_ref *r = s != NULL ? s->data : NULL;

	if (s != NULL)
		s->offers = screen_text_offers;
	if (r != NULL) {
		r->table = table;
		r->id = id;
	}
	return s;
}

struct screen *
history_view_new(struct app *app, const char *table, int64_t id)
{
	struct history_query q = { .table = table, .id = id };
	struct history_entry *h;
	struct screen *s = screen_new(&history_view_type);
	int n, rc = 0;

	if (s == NULL)
		return NULL;
	s->offers = screen_text_offers;
	if (history_list(app->db, &q, &h, &n) != 0) {
		app_fail_db(app);
		screen_free(s);
		return NULL;
	}
	if (n == 0)
		rc |= add(s, _("History"), "%s", _("No change recorded."));
	for (int i = n - 1; i >= 0 && rc == 0; i--) {
		struct history_change *c;
		char subject[512];
		int nc;

		/* The operator goes with the text, which wraps, not in the label
		 * column, which would cut the name. */
		history_subject(app->db, &h[i], subject, sizeof subject);
		rc |= add(s, h[i].local, "%s%s%s %s", h[i].operator, *h[i].operator ? ": " : "",
		    history_action_label(h[i].action), subject);
		if (history_changes(app->db, &h[i], &c, &nc) != 0)
			continue;
		for (int k = 0; k < nc && rc == 0; k++)
			rc |= add(s, "", "  %s: %s → %s", history_field_label(c[k].field),
			    c[k].before ? c[k].before : "—", c[k].after ? c[k].after : "—");
		history_changes_free(c, nc);
	}
	history_free(h, n);
	if (rc != 0) {
		screen_free(s);
		return NULL;
	}
	return s;
}

static const char *
section_title(const struct app *app, int64_t id)
{
	int i = app_section_index(app, id);

	return i >= 0 ? app->sections[i].title : "";
}

static const char *
kind_label(enum target_kind k)
{
	switch (k) {
	case TARGET_RATE:
		return _("rate (%)");
	case TARGET_COUNT:
		return _("count");
	case TARGET_REDUCTION:
		return _("reduction (%)");
	case TARGET_RANK:
		return _("rank");
	default:
		return _("yes/no");
	}
}

static int
add_measure(struct screen *s, const struct target *t)
{
	const struct measure *m = &t->result.measure;
	char a[32], b[32], result[64];
	int rc = 0;

	if (m->has_numerator || m->has_denominator) {
		number_format_2(m->numerator, a, sizeof a);
		number_format_2(m->denominator, b, sizeof b);
		/* The counted things in brackets, when the target names them. */
		rc |= add(s, _("Numerator"), *t->numerator_label ? "%s (%s)" : "%s%s",
		    m->has_numerator ? a : "—", t->numerator_label);
		rc |= add(s, _("Denominator"), *t->denominator_label ? "%s (%s)" : "%s%s",
		    m->has_denominator ? b : "—", t->denominator_label);
	}
	if (m->has_value) {
		number_format_2(m->value, a, sizeof a);
		rc |= add(s, _("Value entered"), "%s", a);
	}
	target_result_text(t, result, sizeof result);
	rc |= add(s, _("Achieved"), "%s", result);
	return rc;
}

struct screen *
target_record_new(struct app *app, const struct target *t)
{
	struct screen *s = record_new(&target_record_type, "target", t->id);
	char plan[64], period[64], num[32], verdict[96];
	int rc = 0;

	if (s == NULL)
		return NULL;
	report_target_planned(t, plan, sizeof plan);
	report_period_label(app->year, app->period, period, sizeof period);
	rc |= add(s, _("Section"), "%s", section_title(app, t->section_id));
	rc |= add(s, _("Target"), "%s", t->text);
	rc |= add(s, _("Kind"), "%s", kind_label(t->rule.kind));
	rc |= add(s, _("Planned"), "%s", plan);
	if (t->rule.has_baseline) {
		number_format_2(t->rule.baseline, num, sizeof num);
		rc |= add(s, _("Baseline"), "%s", num);
	}
	if (t->rule.kind == TARGET_RATE) {
		rc |= add(s, _("Numerator is"), "%s", t->numerator_label);
		rc |= add(s, _("Denominator is"), "%s", t->denominator_label);
	}
	rc |= add(s, _("Lead unit"), "%s", t->lead_unit);
	rc |= add(s, _("Period"), "%s", period);
	if (t->has_result) {
		rc |= add_measure(s, t);
		rc |= add(s, _("Evidence"), "%s", t->result.evidence);
		rc |= add(s, _("Note"), "%s", t->result.note);
	}
	report_verdict_text(t, verdict, sizeof verdict);
	rc |= add(s, _("Verdict"), "%s", verdict);
	if (rc != 0) {
		screen_free(s);
		return NULL;
	}
	return s;
}

struct screen *
task_record_new(struct app *app, const struct task *t)
{
	struct screen *s = record_new(&task_record_type, "task", t->id);
	char date[11];
	int rc = 0;

	if (s == NULL)
		return NULL;
	rc |= add(s, _("Section"), "%s", section_title(app, t->section_id));
	rc |= add(s, _("No."), "%s", t->tt);
	rc |= add(s, _("Task"), "%s", t->description);
	for (int i = 0; i < t->nproducts; i++) {
		const struct product *p = &t->products[i];
		char label[64];

		date_iso_to_vn(p->due_date, date);
		snprintf(label, sizeof label, _("Product %d"), i + 1);
		rc |= add(s, label, "%s", p->name);
		rc |= add(s, _("  deadline"), "%s%s%s", p->deadline_text,
		    *date ? " → " : "", *date ? date : _(" → no date: enter one by hand"));
	}
	rc |= add(s, _("Lead unit"), "%s", t->lead_unit);
	rc |= add(s, _("Cooperating units"), "%s", t->cooperators);
	rc |= add(s, _("Monitoring unit"), "%s", t->monitor_unit);
	date_iso_to_vn(t->due_date, date);
	rc |= add(s, _("Due"), "%s", date);
	rc |= add(s, _("Status"), "%s", report_status_label(t->status));
	date_iso_to_vn(t->completion_date, date);
	rc |= add(s, _("Completed on"), "%s", date);
	rc |= add(s, _("Evidence no."), "%s", t->evidence_number);
	date_iso_to_vn(t->evidence_date, date);
	rc |= add(s, _("Evidence date"), "%s", date);
	rc |= add(s, _("Evidence summary"), "%s", t->evidence);
	rc |= add(s, _("Note"), "%s", t->note);
	if (*t->review != '\0')
		rc |= add(s, _("Needs review"), "%s", t->review);
	if (*t->raw_cells != '\0')
		rc |= add(s, _("Cells as imported"), "%s", t->raw_cells);
	if (rc != 0) {
		screen_free(s);
		return NULL;
	}
	return s;
}
