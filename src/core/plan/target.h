/* Targets (chỉ tiêu) of a plan, with their result for a period. */
#ifndef CCHC_TARGET_H
#define CCHC_TARGET_H

#include <stdbool.h>
#include <stdint.h>

#include "core/plan/model.h"

struct db;
struct err;
struct trash;

/* The fields of a target's form, for field errors. */
enum target_field {
	TF_SECTION,
	TF_TEXT,
	TF_KIND,
	TF_COMPARATOR,
	TF_VALUE,
	TF_BASELINE,
	TF_NUMERATOR_LABEL,
	TF_DENOMINATOR_LABEL,
	TF_LEAD_UNIT,
	TF_PHASE_VALUES,
	TF_HORIZON,
};

/* What a save writes of a target.  The strings are the caller's, read
 * during the call only. */
struct target_input {
	int64_t id;		/* 0: a new target */
	int64_t plan_id, section_id;
	int ord;
	const char *text;
	struct target_rule rule;
	const char *numerator_label, *denominator_label;
	int64_t lead_unit_id;
	/* Values by phase and by reporting period as text (phase.h), NULL to
	 * leave them. */
	const char *phase_values;
	bool has_horizon;
	enum target_horizon horizon;
};

/* t as loaded, to save again; its values by phase are left as they are. */
struct target_input target_input_of(const struct target *t);

/* Inserts in (in->id 0) or updates target in->id, in one transaction:
 * plan (on insert), section, text, rule, labels, lead unit; sets *id (when
 * id is not NULL) to the target's id.  ord 0 means "after the last of its
 * section", as does a move to another section.  The text is required, the
 * section and the lead unit (when not 0) must exist, the value must suit
 * the kind (target_check_value), a baseline is not negative.  0, or -1
 * with err naming the field (-1 for a database error). */
int target_save(struct db *db, const struct target_input *in, int64_t *id,
    struct err *err);

/* Deletes a target with its phase values and results; *undo as in
 * trash.h.  0 or -1. */
int target_delete(struct db *db, int64_t id, struct trash **undo);

/* Whether v can be a value of a target of kind k: a rate or a reduction
 * 0..100, a count not negative, a rank a whole number from 1, yes/no 0 or
 * 1.  0, or -1 with e (field) saying so. */
int target_check_value(enum target_kind k, double v, struct err *e, int field);

/* A figure of a target of kind k as typed (its planned value, a result's
 * value): a yes/no as "có" / "không" (number_parse_yesno) stored as 1 or
 * 0; a rate or a reduction with or without '%' ("90%"); else a number.
 * Blank text gives *has false, refused when required.  Range checks are
 * target_check_value's.  0, or -1 with e naming label. */
int target_read_value(enum target_kind k, const char *text, bool required, double *out,
    bool *has, struct err *e, int field, const char *label);

/* A target's planned value of kind k as the plan writes it: a figure as
 * target_read_value takes it, or a phrase that also says how it compares
 * ("tối thiểu 80%", "trên 90%", "từ 90% trở lên", "04 cuộc trở lên"), read
 * as the importer reads a target's text; then *cmp is the phrase's.  0, or
 * -1 with e naming label and saying what to write. */
int target_read_planned(enum target_kind k, const char *text, double *out, enum comparator *cmp,
    struct err *e, int field, const char *label);

/* Inserts t inside the caller's transaction (the loaders'), with
 * target_save's checks.  The id, or -1 with the message in db_error(). */
int64_t target_insert(struct db *db, const struct target_input *in);

/* The targets of a plan (section 0: all), in section then plan order, each
 * with its value for the period's phase, its result for the period and the
 * verdict. */
int target_list(struct db *db, int64_t plan, int64_t section,
    int year, enum period_kind period, struct target **out, int *n);
void targets_free(struct target *t, int n);

#endif
