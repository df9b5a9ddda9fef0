/* The screens and how to open them. */
#ifndef CCHC_UI_SCREENS_H
#define CCHC_UI_SCREENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/plan/deadline.h"
#include "core/plan/model.h"

struct app;
struct screen;

struct screen *dashboard_new(struct app *app);
struct screen *targets_new(struct app *app, int section);
struct screen *tasks_new(struct app *app, int section);
/* The tasks of every section that unit leads or cooperates on. */
struct screen *tasks_of_unit_new(struct app *app, const struct unit *unit);
/* Whether s is a task list showing every section at once. */
bool tasks_all_sections(const struct screen *s);
/* The search typed on the dashboard: opens the targets, else the tasks,
 * at the first match in the whole plan. */
void dashboard_search(struct app *app);
/* n past the last match of s, a list dashboard_search opened: the next
 * list's first match (targets, then tasks, then targets again), so that
 * n goes through the whole plan as / did. */
void dashboard_search_on(struct app *app, struct screen *s);
struct screen *target_record_new(struct app *app, const struct target *t);
struct screen *task_record_new(struct app *app, const struct task *t);
struct screen *help_new(struct app *app, const struct screen *about);
/* The changes of a record ("task", "target"...) and its parts, newest first. */
struct screen *history_view_new(struct app *app, const char *table, int64_t id);
/* Forms: t NULL for a new record in the given section index. */
struct screen *target_form_new(struct app *app, const struct target *t, int section);
struct screen *task_form_new(struct app *app, const struct task *t, int section);
struct screen *result_form_new(struct app *app, const struct target *t);
struct screen *plan_form_new(struct app *app, bool new_plan);
struct screen *office_form_new(struct app *app);
struct screen *units_new(struct app *app);
/* Update sheets (sheets.c): every unit's sheet for the period shown into
 * the documents folder, said on the status line; the form that reads the
 * answers back. */
void sheets_export(struct app *app);
struct screen *sheets_import_new(struct app *app);
struct screen *plans_new(struct app *app);
struct screen *settings_new(struct app *app);
struct screen *operator_form_new(struct app *app);
/* Import a task appendix or a list of targets: file, preview, confirm. */
struct screen *import_new(struct app *app);
struct screen *sipas_new(struct app *app);
/* The PAR INDEX screens (issue 4): the assessment of the year shown, the
 * criteria tree editor and the comparison with the previous year.  The
 * assessment screen leads to the other two. */
struct screen *assessment_new(struct app *app);
struct screen *criteria_editor_new(struct app *app, int64_t set);
/* The print preview of a report kind ("dashboard", "units", "overdue",
 * "period", "par") for unit (0: all): pages, print, save as text, HTML or
 * CSV, filter. */
struct screen *report_screen_new(struct app *app, const char *kind, int64_t unit);
/* The written report of the period shown: its parts, each edited in a
 * page of text (written.c). */
struct screen *written_new(struct app *app);
/* The same for a report of one survey round ("sipas"), with round compare
 * beside it (0: none), as the results screen shows them. */
struct screen *report_screen_new_round(struct app *app, const char *kind, int64_t round,
    int64_t compare);

/* Shared wording. */
/* The kinds of office (and levels of criteria sets): their names (msgids)
 * and the codes stored. */
#define OFFICE_KINDS 3
extern const char *const office_kind_names[OFFICE_KINDS];
extern const char *const office_kind_codes[OFFICE_KINDS];
/* The scoring rules' names (msgids) by enum rule_kind: the codes of the
 * criteria files ("bands") are not for the screen. */
extern const char *const rule_kind_labels[];
/* A task's progress as the clerk sets it (msgids), by enum task_progress. */
extern const char *const task_progress_labels[3];
/* The achieved figure ("99,1%", "2") or "" when there is none. */
void target_result_text(const struct target *t, char *buf, size_t n);
/* ISO date -> dd/mm/yyyy, "" stays "". */
void date_iso_to_vn(const char *iso, char *buf);

#endif
