#include "core/plan/target_import.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/section.h"
#include "core/plan/target.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/array.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

/* ---- reading a rule from text ----------------------------------------- */

/* Tokens of folded text: words, numbers ("98", "99,5"), '%', '/', and
 * other punctuation. */
enum tok_type { T_WORD, T_NUM, T_PERCENT, T_SLASH, T_OTHER };

struct tok {
	enum tok_type type;
	const char *s;
	size_t len;
	double value;		/* T_NUM */
	bool lead_zero;		/* T_NUM written "02" */
};

/* A text longer than this many tokens is read up to there. */
#define MAX_TOKENS 256

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Folded text has ASCII letters; other bytes of a word are letters of
 * other scripts or symbols, kept in words too. */
static bool
letter(char c)
{
	return (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80;
}

static int
tokenize(const char *s, struct tok *t)
{
	int n = 0;

	while (*s != '\0' && n < MAX_TOKENS) {
		const char *start = s;
		struct tok *k = &t[n];

		if (*s == ' ') {
			s++;
			continue;
		}
		memset(k, 0, sizeof *k);
		if (digit(*s)) {
			char buf[64];

			while (digit(*s) || ((*s == ',' || *s == '.') && digit(s[1])))
				s++;
			k->type = T_NUM;
			k->lead_zero = start[0] == '0' && digit(start[1]);
			snprintf(buf, sizeof buf, "%.*s", (int)(s - start), start);
			if (!number_parse(buf, &k->value))
				k->value = atof(buf);
		} else if (letter(*s)) {
			while (letter(*s))
				s++;
			k->type = T_WORD;
		} else {
			k->type = *s == '%' ? T_PERCENT : *s == '/' ? T_SLASH : T_OTHER;
			s++;
		}
		k->s = start;
		k->len = (size_t)(s - start);
		n++;
	}
	return n;
}

static bool
is_word(const struct tok *t, int n, int i, const char *w)
{
	return i >= 0 && i < n && t[i].type == T_WORD && strlen(w) == t[i].len &&
	    memcmp(t[i].s, w, t[i].len) == 0;
}

/* Words before a figure that give its comparator, nearest first:
 * "đạt trên 99%" is > 99.  Two-word phrases are matched on their last
 * word's position. */
static const struct {
	const char *first, *second;	/* first NULL: one word */
	enum comparator cmp;
} before_words[] = {
	{ "toi", "thieu", CMP_GE },
	{ "it", "nhat", CMP_GE },
	{ "toi", "da", CMP_LE },
	{ "khong", "qua", CMP_LE },
	{ "vuot", "qua", CMP_GT },
	{ NULL, "tren", CMP_GT },
	{ NULL, "hon", CMP_GT },
	{ NULL, "duoi", CMP_LT },
	{ NULL, "dat", CMP_GE },
	{ NULL, "tu", CMP_GE },
};

/* The comparator the words just before token i (up to 3) or "trở
 * lên"/"trở xuống" just after give; false when none. */
static bool
comparator_near(const struct tok *t, int n, int i, enum comparator *cmp)
{
	for (int j = i - 1; j >= 0 && j >= i - 3; j--)
		for (size_t k = 0; k < sizeof before_words / sizeof before_words[0]; k++)
			if (is_word(t, n, j, before_words[k].second) &&
			    (before_words[k].first == NULL || is_word(t, n, j - 1, before_words[k].first))) {
				*cmp = before_words[k].cmp;
				return true;
			}
	for (int j = i + 1; j < n && j <= i + 4; j++)
		if (is_word(t, n, j, "tro") && (is_word(t, n, j + 1, "len") || is_word(t, n, j + 1, "xuong"))) {
			*cmp = is_word(t, n, j + 1, "len") ? CMP_GE : CMP_LE;
			return true;
		}
	return false;
}

/* "xếp hạng thứ 35 (trở lên)", "top 10": the rank. */
static bool
read_rank(const struct tok *t, int n, struct target_rule *rule)
{
	bool ranked = false;

	for (int i = 0; i + 1 < n; i++)
		ranked = ranked || (is_word(t, n, i, "xep") && is_word(t, n, i + 1, "hang"));
	for (int i = 0; i + 1 < n; i++) {
		bool thu = is_word(t, n, i, "thu") && (ranked || is_word(t, n, i + 2, "tro"));

		if ((thu || is_word(t, n, i, "top")) && t[i + 1].type == T_NUM && t[i + 1].value >= 1) {
			rule->kind = TARGET_RANK;
			rule->cmp = CMP_LE;
			rule->value = t[i + 1].value;
			return true;
		}
	}
	return false;
}

/* The first percentage: a rate, or a reduction when "giảm" comes before
 * it.  READING_NO_COMPARATOR when no word says how it compares (100%
 * can only mean "all"). */
static bool
read_percent(const struct tok *t, int n, struct target_rule *rule, enum target_reading *how)
{
	for (int i = 0; i + 1 < n; i++) {
		if (t[i].type != T_NUM || t[i + 1].type != T_PERCENT)
			continue;
		rule->kind = TARGET_RATE;
		for (int j = 0; j < i; j++)
			if (is_word(t, n, j, "giam"))
				rule->kind = TARGET_REDUCTION;
		rule->value = t[i].value;
		rule->cmp = CMP_GE;
		*how = comparator_near(t, n, i, &rule->cmp) || t[i].value == 100 ?
		    READING_FULL : READING_NO_COMPARATOR;
		return true;
	}
	return false;
}

/* Words around a number that make it something other than a count. */
static const char *const not_count_before[] = {
	"so", "thu", "nam", "quy", "thang", "ngay", "dinh", "hoach", "thi", "luat",
	"dieu", "khoan", "muc", "chuong", "phu", "luc", "top", "giai", "doan",
};
static const char *const not_count_after[] = {
	"thang", "ngay", "nam", "quy", "tuan", "gio", "phut", "lan", "diem",
};

static bool
in_list(const struct tok *t, int n, int i, const char *const *list, size_t len)
{
	for (size_t k = 0; k < len; k++)
		if (is_word(t, n, i, list[k]))
			return true;
	return false;
}

/* Counts past this are figures of another kind (money, people). */
#define MAX_COUNT 1e6

/* A number that counts things: "02 sáng kiến", "04 cuộc trở lên". */
static bool
read_count(const struct tok *t, int n, struct target_rule *rule)
{
	for (int i = 0; i < n; i++) {
		const struct tok *k = &t[i];

		if (k->type != T_NUM || k->value > MAX_COUNT || k->value != floor(k->value) ||
		    (i > 0 && t[i - 1].type == T_SLASH) ||
		    (i + 1 < n && t[i + 1].type != T_WORD) || i + 1 == n ||
		    (k->len == 4 && k->value >= 1900 && k->value <= 2100) ||
		    in_list(t, n, i - 1, not_count_before, sizeof not_count_before / sizeof *not_count_before) ||
		    in_list(t, n, i + 1, not_count_after, sizeof not_count_after / sizeof *not_count_after))
			continue;
		rule->kind = TARGET_COUNT;
		rule->cmp = CMP_GE;
		rule->value = k->value;
		comparator_near(t, n, i, &rule->cmp);
		return true;
	}
	return false;
}

enum target_reading
target_read_text(const char *text, struct target_rule *rule)
{
	char *folded = text_fold(text);
	struct tok *t = calloc(MAX_TOKENS, sizeof *t);
	enum target_reading how = READING_FULL;
	int n;

	memset(rule, 0, sizeof *rule);
	rule->kind = TARGET_YESNO;
	rule->cmp = CMP_EQ;
	rule->value = 1;
	if (folded == NULL || t == NULL) {
		free(folded);
		free(t);
		return READING_YESNO;
	}
	n = tokenize(folded, t);
	if (!read_rank(t, n, rule) && !read_percent(t, n, rule, &how) && !read_count(t, n, rule)) {
		rule->kind = TARGET_YESNO;
		rule->cmp = CMP_EQ;
		rule->value = 1;
		how = READING_YESNO;
	}
	free(t);
	free(folded);
	return how;
}

/* ---- the list ------------------------------------------------------- */

struct reader {
	struct db *db;
	struct target_import *ti;
	struct section *sections;
	int nsections;
	int64_t section;	/* the current one, 0 before any, -1 none named */
	int cap;
};

#define warn(r, line, ...) import_note(&(r)->ti->log, (line), false, __VA_ARGS__)
#define refuse(r, line, ...) import_note(&(r)->ti->log, (line), true, __VA_ARGS__)

static const char *
title_of(const struct reader *r, int64_t id)
{
	for (int i = 0; i < r->nsections; i++)
		if (r->sections[i].id == id)
			return r->sections[i].title;
	return "?";
}

/* A header row: "Lĩnh vực", "Chỉ tiêu"... */
static bool
header(const struct import_row *row)
{
	char *a = text_fold(import_cell(row, 0)), *b = text_fold(import_cell(row, 1));
	bool yes = a != NULL && b != NULL && (strstr(b, "chi tieu") != NULL ||
	    strstr(a, "linh vuc") != NULL || strcmp(a, "nhom") == 0);

	free(a);
	free(b);
	return yes;
}

/* The section a row's first cell names; 0 (and the row refused) when it
 * names none.  -1 on a database error. */
static int64_t
section_of(struct reader *r, const struct import_row *row, const char *cell)
{
	bool guessed;
	int64_t id = import_section(r->db, cell, &guessed);

	if (id == 0)
		refuse(r, row->line, _("\"%s\" is none of the seven sections"), cell);
	else if (id > 0 && guessed)
		warn(r, row->line, _("\"%s\" taken as the section \"%s\""), cell, title_of(r, id));
	return id;
}

static int
add_row(struct reader *r, const struct import_row *row, const char *text)
{
	struct target_import *ti = r->ti;
	struct target_import_row *t;
	struct err e;
	char v[32];

	if (array_reserve(&ti->rows, ti->nrows, &r->cap, sizeof *ti->rows) != 0)
		return -1;
	t = &ti->rows[ti->nrows];
	memset(t, 0, sizeof *t);
	if ((t->text = strdup(text)) == NULL)
		return -1;
	ti->nrows++;
	t->line = row->line;
	t->section_id = r->section > 0 ? r->section : 0;
	t->reading = target_read_text(text, &t->rule);
	number_format(t->rule.value, v, sizeof v);
	if (t->reading == READING_YESNO)
		warn(r, row->line, _("no figure in the text: taken as a yes/no target"));
	else if (t->reading == READING_NO_COMPARATOR)
		warn(r, row->line, _("no word says how %s compares (tối thiểu, trên, đạt...): taken "
		    "as at least %s"), v, v);
	if (target_check_value(t->rule.kind, t->rule.value, &e, 0) != 0)
		refuse(r, row->line, "%s", e.msg);
	if (r->section == 0)
		refuse(r, row->line, _("a target before any section: write the section in the "
		    "first cell"));
	return 0;
}

static int
read_row(struct reader *r, const struct import_row *row)
{
	const char *first = import_cell(row, 0), *text = import_cell(row, 1);
	int64_t id;

	if (row->ncells == 1) {
		/* One cell: a section's title alone, or a target under the
		 * section above. */
		bool guessed;

		if ((id = import_section(r->db, first, &guessed)) < 0)
			return -1;
		if (id > 0 && !guessed) {
			r->section = id;
			return 0;
		}
		warn(r, row->line, _("one cell: taken as a target of the section above"));
		return add_row(r, row, first);
	}
	for (int i = 2; i < row->ncells; i++)
		if (*row->cell[i] != '\0') {
			warn(r, row->line, _("cells after the second ignored (\"%s\")"), row->cell[i]);
			break;
		}
	if (*first != '\0') {
		if ((id = section_of(r, row, first)) < 0)
			return -1;
		/* A section that names none was refused: its targets need no
		 * error of their own. */
		r->section = id > 0 ? id : -1;
	}
	if (*text == '\0')
		return 0;
	return add_row(r, row, text);
}

static int
parse_table(struct db *db, const struct import_table *t, struct target_import *ti)
{
	struct reader r = { .db = db, .ti = ti };
	int rc = 0, i = 0;

	ti->encoding = t->encoding;
	ti->delim = t->delim;
	/* Failures below are out of memory unless the database said why. */
	db_clear_error(db);
	if (section_list(db, &r.sections, &r.nsections) != 0)
		return -1;
	if (t->nrows > 0 && header(&t->row[0]))
		i = 1;
	for (; i < t->nrows && rc == 0; i++)
		rc = read_row(&r, &t->row[i]);
	if (rc == 0 && ti->nrows == 0)
		refuse(&r, 1, _("no target found: write one per row, its section first"));
	sections_free(r.sections, r.nsections);
	import_log_sort(&ti->log);
	if (rc == 0 && ti->log.oom)
		rc = -1;
	if (rc != 0 && *db_error(db) == '\0')
		db_fail(db, "%s", strerror(ENOMEM));
	return rc;
}

int
target_import_parse(struct db *db, const char *data, size_t len, struct target_import *ti)
{
	struct import_table t;
	int rc;

	memset(ti, 0, sizeof *ti);
	if (import_table_read(db, data, len, &t) != 0)
		return -1;
	rc = parse_table(db, &t, ti);
	import_table_free(&t);
	return rc;
}

int
target_import_parse_file(struct db *db, const char *path, struct target_import *ti)
{
	struct import_table t;
	int rc;

	memset(ti, 0, sizeof *ti);
	if (import_table_read_file(db, path, &t) != 0)
		return -1;
	rc = parse_table(db, &t, ti);
	import_table_free(&t);
	return rc;
}

int
target_import_write(struct db *db, const struct target_import *ti, int64_t plan, bool dry_run)
{
	if (ti->log.nerrors > 0)
		return db_fail(db, _("the list has %d errors: nothing was written"), ti->log.nerrors);
	if (db_begin(db) != 0)
		return -1;
	for (int i = 0; i < ti->nrows; i++) {
		const struct target_import_row *row = &ti->rows[i];
		struct target_input t = { 0 };

		t.plan_id = plan;
		t.section_id = row->section_id;
		t.text = row->text;
		t.rule = row->rule;
		t.numerator_label = t.denominator_label = "";
		if (target_insert(db, &t) < 0) {
			char msg[DB_ERROR_MAX];

			snprintf(msg, sizeof msg, "%s", db_error(db));
			db_rollback(db);
			return db_fail(db, _("line %d: %s"), row->line, msg);
		}
	}
	if (dry_run) {
		db_rollback(db);
		return 0;
	}
	if (db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

void
target_import_free(struct target_import *ti)
{
	for (int i = 0; i < ti->nrows; i++)
		free(ti->rows[i].text);
	free(ti->rows);
	import_log_free(&ti->log);
	memset(ti, 0, sizeof *ti);
}
