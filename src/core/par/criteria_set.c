/* Saving a criteria set's header: its year, level, name, total and
 * bands (written and read back as text), and deleting a set.  The import
 * (criteria_file.c) writes the header and bands through the same checks. */
#include "core/par/criteria_store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/array.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

static const char *const levels[] = { "xa", "phuong", "so" };

bool
criteria_level_valid(const char *s)
{
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		if (strcmp(s, levels[i]) == 0)
			return true;
	return false;
}

/* Band ord of set; inside the caller's transaction.  0 or -1. */
int
criteria_insert_band(struct db *db, int64_t set, int ord, const char *label, double min)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO par_band (set_id, ord, label, min) "
	    "VALUES (?, ?, ?, ?)");

	if (st != NULL) {
		sqlite3_bind_int64(st, 1, set);
		sqlite3_bind_int(st, 2, ord);
		db_bind_text(st, 3, label);
		sqlite3_bind_double(st, 4, min);
	}
	return db_step_write(db, st, "par_band");
}

char *
criteria_bands_text(const struct criteria_set *s)
{
	char *text = NULL, num[32];
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	if (fp == NULL)
		return NULL;
	for (int i = 0; i < s->nbands; i++) {
		number_format(s->bands[i].min, num, sizeof num);
		fprintf(fp, "%s%s %s", i > 0 ? "; " : "", s->bands[i].label, num);
	}
	if (fclose(fp) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* The bands of "A 90; B 80; C 70; D 0" into *out (labels NFC): highest
 * first, each from 0 to 100, the last from 0 so that every index has
 * one.  0, or -1 with e on SETF_BANDS. */
static int
parse_bands(char *text, struct par_band **out, int *n, struct err *e)
{
	const char *label = _("Classification");
	int cap = 0;
	char *item, *save = NULL;

	*out = NULL;
	*n = 0;
	for (item = strtok_r(text, ";", &save); item != NULL; item = strtok_r(NULL, ";", &save)) {
		char *sp;
		double min;

		if (*text_trim(item) == '\0')
			continue;
		if ((sp = strrchr(item, ' ')) == NULL || !number_parse(sp + 1, &min))
			return err_set(e, SETF_BANDS, _("%s: \"%s\" is not a band and the index "
			    "it starts at, as in \"A 90\""), label, item);
		*sp = '\0';
		if (*text_trim(item) == '\0' || min < 0 || min > 100 ||
		    (*n > 0 && min >= (*out)[*n - 1].min))
			return err_set(e, SETF_BANDS, _("%s: the bands go from the highest "
			    "down, each starting between 0 and 100"), label);
		if (array_reserve(out, *n, &cap, sizeof **out) != 0 ||
		    ((*out)[*n].label = text_nfc(item)) == NULL)
			return err_set(e, -1, _("out of memory"));
		(*out)[(*n)++].min = min;
	}
	if (*n == 0 || (*out)[*n - 1].min != 0)
		return err_set(e, SETF_BANDS, _("%s: the last band must start at 0"), label);
	return 0;
}

/* The header's checks and writes; inside the caller's transaction. */
static int
store_set(struct db *db, const struct criteria_set_input *s, const char *bands_text,
    struct err *e)
{
	struct par_band *bands = NULL;
	char *name = NULL, *folded = NULL, *note = NULL, *copy = strdup(bands_text);
	sqlite3_stmt *st = NULL;
	int nbands = 0, rc = -1;

	if (copy == NULL)
		return err_set(e, -1, _("out of memory"));
	if ((name = field_text(s->name, e, SETF_NAME, _("Name"))) == NULL ||
	    (note = field_text(s->note, e, SETF_NOTE, _("Note"))) == NULL)
		goto out;
	if ((folded = text_fold(name)) == NULL) {
		err_set(e, -1, _("out of memory"));
		goto out;
	}
	if (*folded == '\0') {
		err_set(e, SETF_NAME, _("%s is required"), _("Name"));
		goto out;
	}
	if (validate_range(s->year, 1990, 2200, e, SETF_YEAR, _("Year")) != 0 ||
	    validate_range(s->total, 0.01, 1000, e, SETF_TOTAL, _("Total points")) != 0)
		goto out;
	if (!criteria_level_valid(s->level)) {
		err_set(e, SETF_LEVEL, _("Choose the level"));
		goto out;
	}
	if (parse_bands(copy, &bands, &nbands, e) != 0)
		goto out;
	if ((st = db_prepare(db, "UPDATE par_set SET name = ?, folded = ?, year = ?, level = ?, "
	    "total = ?, note = ? WHERE id = ?")) == NULL)
		goto fail_db;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, folded);
	sqlite3_bind_int(st, 3, s->year);
	db_bind_text(st, 4, s->level);
	sqlite3_bind_double(st, 5, s->total);
	db_bind_text(st, 6, note);
	sqlite3_bind_int64(st, 7, s->id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail_sql(db, "par_set");
		goto fail_db;
	}
	if (sqlite3_changes(db_sqlite(db)) == 0) {
		err_set(e, -1, _("The criteria set no longer exists"));
		goto out;
	}
	sqlite3_finalize(st);
	if ((st = db_prepare(db, "DELETE FROM par_band WHERE set_id = ?")) == NULL)
		goto fail_db;
	sqlite3_bind_int64(st, 1, s->id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail_sql(db, "par_band");
		goto fail_db;
	}
	for (int i = 0; i < nbands; i++)
		if (criteria_insert_band(db, s->id, i + 1, bands[i].label, bands[i].min) != 0)
			goto fail_db;
	rc = 0;
	goto out;
fail_db:
	err_db(e, db);
out:
	sqlite3_finalize(st);
	for (int i = 0; i < nbands; i++)
		free(bands[i].label);
	free(bands);
	free(name);
	free(folded);
	free(note);
	free(copy);
	return rc;
}

struct criteria_set_input
criteria_set_input_of(const struct criteria_set *s)
{
	return (struct criteria_set_input){
		.id = s->id, .year = s->year, .level = s->level, .name = s->name,
		.total = s->total, .note = s->note,
	};
}

int
criteria_set_save(struct db *db, const struct criteria_set_input *in, const char *bands,
    struct err *err)
{
	if (field_begin(db, err) != 0)
		return -1;
	return field_commit(db, store_set(db, in, bands, err), err);
}

bool
criteria_source_valid(const char *source)
{
	static const char *const prefixes[] = { "tasks_on_time", "tasks_done", "sipas" };

	if (*source == '\0' || strcmp(source, "targets_met") == 0)
		return true;
	if (strncmp(source, "target:", 7) == 0)
		return source[7] != '\0';
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		size_t len = strlen(prefixes[i]);

		if (strncmp(source, prefixes[i], len) == 0 &&
		    (source[len] == '\0' || (source[len] == ':' && source[len + 1] != '\0')))
			return true;
	}
	return false;
}

int
criteria_set_delete(struct db *db, int64_t id)
{
	return db_write_id(db, "DELETE FROM par_set WHERE id = ?", id, 0, "par_set");
}
