/* The form of a task: its products with their deadlines (read as they are
 * typed), its units and its progress. */
#include "ui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/deadline.h"
#include "core/plan/task.h"
#include "core/plan/validate.h"
#include "core/text/editor.h"
#include "core/text/i18n.h"
#include "core/text/text.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/screens.h"

/* Empty product rows offered after the task's own, and the most shown. */
#define SPARE_PRODUCTS 2
#define MAX_PRODUCTS 8
/* Field numbers for the hand-entered due dates (not the core's). */
#define KF_MANUAL_DUE 1000

struct task_edit {
	struct task task;	/* ids and plan; strings belong to the list */
	int fsection, ftt, fdesc, flead, fcoop, fmonitor, fprogress, fdone;
	int fevnumber, fevdate, fevidence, fnote;
	int nslots;
	int fname[MAX_PRODUCTS], fdeadline[MAX_PRODUCTS], fmanual[MAX_PRODUCTS];
	int64_t *section_ids;
	const char **section_names;
	char warnings[512], done[600];	/* what a save that went through lacks */
	char offered[11];	/* the completion date the form offered, or "" */
};

static void
free_edit(void *p)
{
	struct task_edit *e = p;

	if (e == NULL)
		return;
	free(e->section_ids);
	free(e->section_names);
	free(e);
}

static void
changed(struct app *app, struct form *f, int field)
{
	struct task_edit *e = f->record;

	for (int i = 0; i < e->nslots; i++) {
		struct deadline d;
		const char *text = form_text(f, e->fdeadline[i]);
		char *hint = f->fields[e->fdeadline[i]].hint;

		hint[0] = '\0';
		if (*text != '\0' && deadline_parse(text, app->plan.year_from, &d))
			deadline_describe(&d, hint, sizeof f->fields[0].hint);
	}
	/* Done is most often done today: the date is offered, to change;
	 * taken back, untouched, when the progress leaves "done" again (a
	 * stray key on the choice would otherwise leave a date the save
	 * refuses). */
	if (field == e->fprogress && form_choice(f, field) == PROGRESS_DONE &&
	    *form_text(f, e->fdone) == '\0') {
		date_format_vn(date_today(), e->offered);
		editor_set_text(f->fields[e->fdone].ed, e->offered);
	} else if (field == e->fprogress && *e->offered != '\0') {
		if (strcmp(form_text(f, e->fdone), e->offered) == 0)
			editor_set_text(f->fields[e->fdone].ed, "");
		e->offered[0] = '\0';
	}
}

/* The cooperating units: names separated by ';' (names may hold commas). */
static int
read_cooperators(struct app *app, struct form *f, int field, int64_t **ids, int *n,
    struct err *err)
{
	char *copy = strdup(form_text(f, field)), *save = NULL;
	int cap = 0, rc = 0;

	*ids = NULL;
	*n = 0;
	if (copy == NULL)
		return err_set(err, -1, "%s", _("Out of memory"));
	for (char *name = strtok_r(copy, ";", &save); name && rc == 0; name = strtok_r(NULL, ";", &save)) {
		int64_t id;

		if (*text_trim(name) == '\0')
			continue;
		rc = form_unit_id(app, name, KF_COOPERATORS, f->fields[field].label, &id, err);
		if (rc == 0 && *n == cap) {
			int64_t *grown = realloc(*ids, (cap = cap ? 2 * cap : 8) * sizeof *grown);

			if (grown == NULL)
				rc = err_set(err, -1, "%s", _("Out of memory"));
			else
				*ids = grown;
		}
		if (rc == 0)
			(*ids)[(*n)++] = id;
	}
	free(copy);
	return rc;
}

static int
read_products(struct form *f, struct task_edit *e, struct product_input *p, int *n,
    struct err *err)
{
	*n = 0;
	for (int i = 0; i < e->nslots; i++) {
		const char *name = form_text(f, e->fname[i]), *deadline = form_text(f, e->fdeadline[i]);
		const char *manual = form_text(f, e->fmanual[i]);
		struct product_input *pr = &p[*n];

		if (*name == '\0' && *deadline == '\0' && *manual == '\0')
			continue;
		memset(pr, 0, sizeof *pr);
		pr->name = name;
		pr->deadline_text = deadline;
		if (validate_deadline(deadline, err, KF_PRODUCT + 2 * i + 1,
		    f->fields[e->fdeadline[i]].label) != 0 ||
		    validate_date(manual, pr->due_date, err, KF_MANUAL_DUE + i,
		    f->fields[e->fmanual[i]].label) != 0)
			return -1;
		pr->due_manual = *manual != '\0';
		(*n)++;
	}
	return 0;
}

static int
save_task(struct app *app, struct form *f, struct err *err)
{
	struct task_edit *e = f->record;
	struct product_input products[MAX_PRODUCTS];
	struct task_input t = { .id = e->task.id, .plan_id = e->task.plan_id, .ord = e->task.ord };
	int64_t *coops = NULL;
	int ncoops = 0, rc = -1;

	t.section_id = e->section_ids[form_choice(f, e->fsection)];
	t.tt = form_text(f, e->ftt);
	t.description = form_text(f, e->fdesc);
	/* Saved from the form, the task has been looked at: no longer for
	 * review (its cells as imported stay on the record). */
	t.review = "";
	t.progress = (enum task_progress)form_choice(f, e->fprogress);
	t.evidence_number = form_text(f, e->fevnumber);
	t.evidence = form_text(f, e->fevidence);
	t.note = form_text(f, e->fnote);
	if (read_products(f, e, products, &t.nproducts, err) != 0 ||
	    validate_date(form_text(f, e->fdone), t.completion_date, err, KF_COMPLETION,
	    f->fields[e->fdone].label) != 0 ||
	    validate_date(form_text(f, e->fevdate), t.evidence_date, err, KF_EVIDENCE_DATE,
	    f->fields[e->fevdate].label) != 0 ||
	    form_unit_id(app, form_text(f, e->flead), KF_LEAD, f->fields[e->flead].label,
	    &t.lead_unit_id, err) != 0 ||
	    form_unit_id(app, form_text(f, e->fmonitor), KF_MONITOR, f->fields[e->fmonitor].label,
	    &t.monitor_unit_id, err) != 0 ||
	    read_cooperators(app, f, e->fcoop, &coops, &ncoops, err) != 0)
		goto out;
	t.products = products;
	rc = task_save(app->db, &t, coops, ncoops, app->plan.year_from, NULL, err);
	/* Saved all the same: the clerk may mend it later. */
	if (rc == 0 && task_warnings(&t, app->plan.year_from, app->plan.year_to, e->warnings,
	    sizeof e->warnings - 64)) {
		snprintf(e->done, sizeof e->done, _("Saved, but: %s"), e->warnings);
		f->done = e->done;
		f->done_warns = true;
	}
out:
	free(coops);
	return rc;
}

static void
add_products(struct form *f, struct task_edit *e, const struct task *t)
{
	int have = t ? t->nproducts : 0;

	e->nslots = have + SPARE_PRODUCTS;
	if (e->nslots > MAX_PRODUCTS)
		e->nslots = MAX_PRODUCTS;
	for (int i = 0; i < e->nslots; i++) {
		const struct product *p = i < have ? &t->products[i] : NULL;
		char label[64], due[11] = "";

		snprintf(label, sizeof label, _("Product %d"), i + 1);
		e->fname[i] = form_add_text(f, label, KF_PRODUCT + 2 * i, p ? p->name : NULL, false);
		e->fdeadline[i] = form_add_text(f, _("  deadline"), KF_PRODUCT + 2 * i + 1,
		    p ? p->deadline_text : NULL, false);
		if (p != NULL && p->due_manual)
			date_iso_to_vn(p->due_date, due);
		e->fmanual[i] = form_add_text(f, _("  due date by hand"), KF_MANUAL_DUE + i, due, false);
		form_set_note(f, e->fmanual[i], _("Due date dd/mm/yyyy when the deadline gives none; empty: from the deadline"));
	}
}

struct screen *
task_form_new(struct app *app, const struct task *t, int section)
{
	struct task_edit *e = calloc(1, sizeof *e);
	char title[512];
	struct screen *s;
	struct form *f;
	char done[11] = "", evdate[11] = "";
	int sel = 0;

	if (e == NULL || (e->section_ids = calloc(app->nsections, sizeof *e->section_ids)) == NULL ||
	    (e->section_names = calloc(app->nsections, sizeof *e->section_names)) == NULL) {
		free_edit(e);
		return NULL;
	}
	if (t != NULL)
		e->task = *t;
	else
		e->task.plan_id = app->plan.id;
	for (int i = 0; i < app->nsections; i++) {
		e->section_ids[i] = app->sections[i].id;
		e->section_names[i] = app->sections[i].short_title;
		if (t != NULL ? app->sections[i].id == t->section_id : i == section)
			sel = i;
	}
	/* The form opens below the task's text: the title names it. */
	if (t != NULL)
		snprintf(title, sizeof title, _("Edit the task %s: %s"), t->tt, t->description);
	if ((s = form_new(t ? title : _("New task"), save_task, e, free_edit)) == NULL)
		return NULL;
	f = form_of(s);
	/* A unit typed that no one has entered yet is offered to add. */
	f->add_units = true;
	f->changed = changed;
	e->fsection = form_add_choice(f, _("Section"), KF_SECTION, e->section_names, app->nsections, sel);
	e->ftt = form_add_text(f, _("No."), KF_TT, t ? t->tt : NULL, false);
	e->fdesc = form_add_text(f, _("Task"), KF_DESCRIPTION, t ? t->description : NULL, true);
	add_products(f, e, t);
	e->flead = form_add_unit(f, _("Lead unit"), KF_LEAD, t ? t->lead_unit : NULL, false);
	e->fcoop = form_add_unit(f, _("Cooperating units"), KF_COOPERATORS, t ? t->cooperators : NULL, true);
	e->fmonitor = form_add_unit(f, _("Monitoring unit"), KF_MONITOR, t ? t->monitor_unit : NULL, false);
	e->fprogress = form_add_choice(f, _("Progress"), KF_PROGRESS, task_progress_labels, 3,
	    t ? (int)t->progress : 0);
	if (t != NULL) {
		date_iso_to_vn(t->completion_date, done);
		date_iso_to_vn(t->evidence_date, evdate);
	}
	e->fdone = form_add_text(f, _("Completed on"), KF_COMPLETION, done, false);
	e->fevnumber = form_add_text(f, _("Evidence no."), KF_EVIDENCE_NUMBER,
	    t ? t->evidence_number : NULL, false);
	e->fevdate = form_add_text(f, _("Evidence date"), KF_EVIDENCE_DATE, evdate, false);
	e->fevidence = form_add_text(f, _("Evidence summary"), KF_EVIDENCE,
	    t ? t->evidence : NULL, false);
	e->fnote = form_add_text(f, _("Note"), KF_NOTE, t ? t->note : NULL, false);
	changed(app, f, 0);
	/* A task is edited most for its progress and what proves it: the
	 * form opens there. */
	if (t != NULL)
		form_open_at(f, e->fprogress);
	return s;
}
