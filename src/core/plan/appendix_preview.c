/* The lines of an appendix preview, for the screen and the command line
 * alike (appendix_preview.h). */
#include "core/plan/appendix_preview.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/deadline.h"
#include "core/plan/section.h"
#include "core/plan/unit.h"
#include "core/store/db.h"
#include "core/text/array.h"
#include "core/text/i18n.h"

int
preview_add(struct preview_lines *p, int indent, enum preview_style style, int task,
    const char *fmt, ...)
{
	va_list ap;
	char *text = NULL;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || (text = malloc((size_t)len + 1)) == NULL ||
	    array_reserve(&p->lines, p->n, &p->cap, sizeof *p->lines) != 0) {
		free(text);
		return -1;
	}
	va_start(ap, fmt);
	vsnprintf(text, (size_t)len + 1, fmt, ap);
	va_end(ap);
	p->lines[p->n++] = (struct preview_line){ indent, style, task, text };
	return 0;
}

int
preview_log(struct preview_lines *p, const struct import_log *log)
{
	int rc = 0;

	if (log->n == 0)
		return 0;
	rc |= preview_add(p, 0, PREVIEW_HEADING, -1, _("Warnings and errors (%d):"), log->n);
	for (int i = 0; i < log->n; i++)
		rc |= preview_add(p, 2, log->msg[i].error ? PREVIEW_BAD : PREVIEW_WARN, -1,
		    "%s %d: %s: %s", _("line"), log->msg[i].line,
		    log->msg[i].error ? _("error") : _("warning"), log->msg[i].text);
	return rc;
}

/* The unit's name, or what was written when it is not known. */
static const char *
unit_text(struct db *db, const struct appendix_unit *u, char **owned)
{
	*owned = u->id ? unit_name(db, u->id) : NULL;
	return *owned != NULL ? *owned : u->text;
}

/* "Lead: A · Cooperating: B; C · Monitoring: D" */
static int
add_units(struct preview_lines *p, struct db *db, const struct appendix_task *t, int task)
{
	char *line = NULL, *owned;
	size_t len = 0;
	FILE *f = open_memstream(&line, &len);
	int rc = 0;

	if (f == NULL)
		return -1;
	if (*t->lead.text != '\0') {
		fprintf(f, "%s: %s", _("Lead"), unit_text(db, &t->lead, &owned));
		free(owned);
	}
	for (int i = 0; i < t->ncooperators; i++) {
		if (i == 0)
			fprintf(f, "%s%s: ", ftell(f) ? " · " : "", _("Cooperating"));
		fprintf(f, "%s%s", i ? "; " : "", unit_text(db, &t->cooperators[i], &owned));
		free(owned);
	}
	if (*t->monitor.text != '\0') {
		fprintf(f, "%s%s: %s", ftell(f) ? " · " : "", _("Monitoring"),
		    unit_text(db, &t->monitor, &owned));
		free(owned);
	}
	if (fclose(f) != 0 || line == NULL)
		rc = -1;
	else if (*line != '\0')
		rc = preview_add(p, 7, PREVIEW_DIM, task, "%s", line);
	free(line);
	return rc;
}

/* The tasks kept for review, first: why, and their cells as read. */
static int
add_review(struct preview_lines *p, const struct appendix *a)
{
	int rc = 0;

	if (a->nreview == 0)
		return 0;
	rc |= preview_add(p, 0, PREVIEW_HEADING, -1,
	    _("For review (%d) — imported marked (cần xem lại):"),
	    a->nreview);
	for (int i = 0; i < a->ntasks; i++) {
		const struct appendix_task *t = &a->tasks[i];

		if (t->review == NULL)
			continue;
		rc |= preview_add(p, 2, PREVIEW_WARN, i, "%s %d: %s", _("line"), t->line, t->review);
		for (const char *s = t->raw, *nl; *s != '\0'; s = *nl ? nl + 1 : nl) {
			nl = s + strcspn(s, "\n");
			rc |= preview_add(p, 6, PREVIEW_DIM, i, "%.*s", (int)(nl - s), s);
		}
	}
	rc |= preview_add(p, 0, PREVIEW_NORMAL, -1, "%s", "");
	return rc;
}

static int
add_unknowns(struct preview_lines *p, const struct appendix *a)
{
	int rc = 0;

	if (a->nunknowns == 0)
		return 0;
	rc |= preview_add(p, 0, PREVIEW_HEADING, -1, "%s", _("Units not known:"));
	for (int i = 0; i < a->nunknowns; i++)
		rc |= preview_add(p, 2, PREVIEW_WARN, -1, ngettext("\"%s\" (line %d, %d time)",
		    "\"%s\" (line %d, %d times)", a->unknowns[i].uses), a->unknowns[i].name,
		    a->unknowns[i].line, a->unknowns[i].uses);
	rc |= preview_add(p, 0, PREVIEW_NORMAL, -1, "%s", "");
	return rc;
}

static int
add_task(struct preview_lines *p, struct db *db, const struct appendix *a, int i)
{
	const struct appendix_task *t = &a->tasks[i];
	int rc;

	rc = preview_add(p, 2, t->review != NULL ? PREVIEW_WARN : PREVIEW_NORMAL, i, "%-4s %s%s",
	    *t->tt ? t->tt : "-", t->description, t->review != NULL ? _(" (for review)") : "");
	rc |= add_units(p, db, t, i);
	for (int k = 0; k < t->nproducts; k++) {
		const struct appendix_product *pr = &t->products[k];
		char due[160] = "";

		if (*pr->deadline_text != '\0')
			deadline_describe(&pr->deadline, due, sizeof due);
		rc |= preview_add(p, 7, PREVIEW_NORMAL, i, "- %s%s%s%s%s",
		    *pr->name ? pr->name : _("(no product named)"), *pr->deadline_text ? ": " : "",
		    pr->deadline_text, *due ? " " : "", due);
	}
	return rc;
}

static const char *
section_title(const struct section *s, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (s[i].id == id)
			return s[i].title;
	return _("(no section)");
}

int
appendix_preview(struct db *db, const struct appendix *a, struct preview_lines *p)
{
	char sections[48], tasks[48], products[48];
	struct section *secs;
	int nsecs, rc = 0;

	if (section_list(db, &secs, &nsecs) != 0)
		return -1;
	snprintf(sections, sizeof sections, ngettext("%d section", "%d sections", a->nsections),
	    a->nsections);
	snprintf(tasks, sizeof tasks, ngettext("%d task", "%d tasks", a->ntasks), a->ntasks);
	snprintf(products, sizeof products, ngettext("%d product", "%d products", a->nproducts),
	    a->nproducts);
	rc |= preview_add(p, 0, PREVIEW_HEADING, -1, "%s: %s, %s, %s", encoding_name(a->encoding),
	    sections, tasks, products);
	rc |= preview_add(p, 0, PREVIEW_NORMAL, -1, "%s", "");
	rc |= add_review(p, a);
	if (a->log.n > 0) {
		rc |= preview_log(p, &a->log);
		rc |= preview_add(p, 0, PREVIEW_NORMAL, -1, "%s", "");
	}
	rc |= add_unknowns(p, a);
	for (int s = 0; s < a->nsections; s++) {
		if (s > 0)
			rc |= preview_add(p, 0, PREVIEW_NORMAL, -1, "%s", "");
		rc |= preview_add(p, 0, PREVIEW_HEADING, -1, _("%s (line %d)"),
		    section_title(secs, nsecs, a->sections[s].id), a->sections[s].line);
		for (int i = 0; i < a->ntasks; i++)
			if (a->tasks[i].section == s)
				rc |= add_task(p, db, a, i);
	}
	sections_free(secs, nsecs);
	return rc != 0 ? db_fail(db, "%s", _("Out of memory")) : 0;
}

void
preview_lines_free(struct preview_lines *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->lines[i].text);
	free(p->lines);
	*p = (struct preview_lines){ 0 };
}
