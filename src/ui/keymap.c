/* Keys to actions: the one lookup every key goes through (after a text
 * field has taken what it types), and the check that no screen gives one
 * key two meanings. */
#include "ui/screen.h"

#include <stdio.h>

#include "core/text/i18n.h"

extern const struct screen_type compare_type;
extern const struct screen_type assessment_type;
extern const struct screen_type criteria_editor_type;
extern const struct screen_type dashboard_type;
extern const struct screen_type form_type;
extern const struct screen_type filter_form_type;
extern const struct screen_type help_type;
extern const struct screen_type preview_type;
extern const struct screen_type paste_type;
extern const struct screen_type plans_type;
extern const struct screen_type target_record_type;
extern const struct screen_type task_record_type;
extern const struct screen_type history_view_type;
extern const struct screen_type report_preview_type;
extern const struct screen_type rounds_type;
extern const struct screen_type forms_type;
extern const struct screen_type entry_type;
extern const struct screen_type correct_type;
extern const struct screen_type results_type;
extern const struct screen_type targets_type;
extern const struct screen_type tasks_type;
extern const struct screen_type units_type;
extern const struct screen_type written_type;
extern const struct screen_type sheet_answers_type;

const struct screen_type *const screen_types[] = {
	&compare_type,
	&assessment_type,
	&criteria_editor_type,
	&dashboard_type,
	&form_type,
	&filter_form_type,
	&help_type,
	&preview_type,
	&paste_type,
	&plans_type,
	&target_record_type,
	&task_record_type,
	&history_view_type,
	&report_preview_type,
	&rounds_type,
	&forms_type,
	&entry_type,
	&correct_type,
	&results_type,
	&targets_type,
	&tasks_type,
	&units_type,
	&written_type,
	&sheet_answers_type,
	NULL,
};

const struct binding *
screen_binding(const struct screen_type *t, int key)
{
	for (int i = 0; i < t->nbindings; i++)
		if (action_has_key(t->bindings[i].action, key))
			return &t->bindings[i];
	return NULL;
}

enum action
global_action(int key)
{
	for (int i = 0; i < nglobal_actions; i++)
		if (action_has_key(global_actions[i], key))
			return global_actions[i];
	return ACT_NONE;
}

bool
screen_offers_global(const struct screen_type *t, enum action a)
{
	const int *keys = action_def(a)->keys;

	for (int k = 0; keys[k] != 0; k++)
		if (screen_binding(t, keys[k]) != NULL)
			return false;
	return true;
}

/* A screen's binding may take a global key (a form's F10 cancels it): it is
 * looked up first.  Two of its own bindings on one key are a mistake: the
 * second would never run and the help would list a key that lies. */
int
screen_type_check(const struct screen_type *t, char *msg, size_t n)
{
	for (int i = 0; i < t->nbindings; i++) {
		const int *keys = action_def(t->bindings[i].action)->keys;

		for (int k = 0; keys[k] != 0; k++) {
			for (int j = i + 1; j < t->nbindings; j++) {
				if (!action_has_key(t->bindings[j].action, keys[k]))
					continue;
				snprintf(msg, n, _("screen \"%s\": key %d is both %s and %s"), _(t->title),
				    keys[k], action_def(t->bindings[i].action)->name,
				    action_def(t->bindings[j].action)->name);
				return -1;
			}
		}
	}
	return 0;
}

int
screen_types_check(char *msg, size_t n)
{
	for (int i = 0; screen_types[i] != NULL; i++)
		if (screen_type_check(screen_types[i], msg, n) != 0)
			return -1;
	return 0;
}
