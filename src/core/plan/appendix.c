#include "core/plan/appendix.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "core/plan/section.h"
#include "core/plan/task.h"
#include "core/plan/unit.h"
#include "core/plan/unit_match.h"
#include "core/plan/validate.h"
#include "core/store/db.h"
#include "core/text/array.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

/* The columns of the appendix, in the order plans print them. */
enum column {
	COL_TT,
	COL_TASK,
	COL_PRODUCT,
	COL_DEADLINE,
	COL_LEAD,
	COL_COOPERATORS,
	COL_MONITOR,
	NCOLUMNS
};

/* The unit columns, as roles of a task. */
enum role { ROLE_LEAD, ROLE_COOPERATORS, ROLE_MONITOR, NROLES };

static const enum column role_column[NROLES] = { COL_LEAD, COL_COOPERATORS, COL_MONITOR };

/* The header is looked for in this many rows at the top. */
#define HEADER_ROWS 10

/* What a header cell says, by words of its folded title; the first
 * entry that fits decides ("Theo dõi, kiểm tra, đôn đốc" before the
 * others, "thực hiện" alone last). */
static const struct {
	enum column col;
	const char *words;
	bool whole;		/* the title must be exactly these words */
} header_words[] = {
	{ COL_TT, " tt ", true },
	{ COL_TT, " stt ", true },
	{ COL_TT, " so tt ", true },
	{ COL_TT, " so thu tu ", true },
	{ COL_MONITOR, " theo doi ", false },
	{ COL_MONITOR, " don doc ", false },
	{ COL_MONITOR, " giam sat ", false },
	{ COL_COOPERATORS, " phoi hop ", false },
	{ COL_LEAD, " chu tri ", false },
	{ COL_DEADLINE, " thoi gian ", false },
	{ COL_DEADLINE, " thoi han ", false },
	{ COL_DEADLINE, " tien do ", false },
	{ COL_PRODUCT, " san pham ", false },
	{ COL_PRODUCT, " ket qua ", false },
	{ COL_TASK, " nhiem vu ", false },
	{ COL_TASK, " noi dung ", false },
	{ COL_TASK, " giai phap ", false },
	{ COL_LEAD, " thuc hien ", false },
	{ COL_LEAD, " don vi ", false },
};

/* The unit cells of a task as written, joined across the rows that add
 * to it; resolved into units once the whole table is read. */
struct raw_units {
	char *cell[NROLES];
	int line[NROLES];
};

struct parser {
	struct db *db;
	struct appendix *a;
	struct unit_matcher units;
	struct unit *unit_names;	/* for messages */
	int nunit_names;
	struct section *section_names;
	int nsection_names;
	int col[NCOLUMNS];		/* cell index of each column, or -1 */
	int width;			/* the header's cells */
	int section;			/* the current one, or -1 */
	int task;			/* the task rows add to, or -1 */
	int last_tt;			/* the last plain TT number in the section */
	const struct import_row *as_read;	/* the row being read, before realign() */
	struct raw_units *raw;		/* by task */
	int section_cap, task_cap, raw_cap, unknown_cap;
};

/* ---- small helpers -------------------------------------------------- */

static const char *
cell(const struct parser *p, const struct import_row *r, enum column c)
{
	return import_cell(r, p->col[c]);
}

/* *s becomes *s + sep + more (or more, when *s is empty).  0 or -1. */
static int
append(char **s, const char *sep, const char *more)
{
	size_t a = strlen(*s), b = strlen(sep), c = strlen(more);
	char *grown;

	if (c == 0)
		return 0;
	if (a == 0)
		b = 0;
	if ((grown = realloc(*s, a + b + c + 1)) == NULL)
		return -1;
	memcpy(grown + a, sep, b);
	memcpy(grown + a + b, more, c + 1);
	*s = grown;
	return 0;
}

static bool
starts_lower(const char *s)
{
	ucs4_t uc;

	return u8_next(&uc, (const uint8_t *)s) != NULL && uc_is_property_lowercase(uc);
}

static bool
same_folded(const char *a, const char *b)
{
	char *fa = text_fold(a), *fb = text_fold(b);
	bool same = fa != NULL && fb != NULL && strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
}

/* The value of a Roman numeral (I..XXXIX) written alone, with an optional
 * '.' or ')' after it; 0 when s is not one. */
static int
roman(const char *s, size_t len)
{
	static const char *const ones[] = { "", "I", "II", "III", "IV", "V", "VI", "VII",
		"VIII", "IX" };
	static const char *const tens[] = { "", "X", "XX", "XXX" };

	if (len > 0 && (s[len - 1] == '.' || s[len - 1] == ')'))
		len--;
	for (int t = 0; t < 4; t++) {
		size_t tl = strlen(tens[t]);

		for (int o = 0; o < 10; o++)
			if ((t || o) && tl + strlen(ones[o]) == len && strncmp(s, tens[t], tl) == 0 &&
			    strncmp(s + tl, ones[o], len - tl) == 0)
				return 10 * t + o;
	}
	return 0;
}

/* A plain TT number ("3", "03", "3.", "3)"), or 0. */
static int
tt_number(const char *tt)
{
	size_t n = strspn(tt, "0123456789");

	if (n == 0 || n > 4 || (tt[n] != '\0' && strcmp(tt + n, ".") != 0 && strcmp(tt + n, ")") != 0))
		return 0;
	return atoi(tt);
}

static const char *
section_name(const struct parser *p, int64_t id)
{
	for (int i = 0; i < p->nsection_names; i++)
		if (p->section_names[i].id == id)
			return p->section_names[i].title;
	return "?";
}

static const char *
unit_name_of(const struct parser *p, int64_t id)
{
	for (int i = 0; i < p->nunit_names; i++)
		if (p->unit_names[i].id == id)
			return p->unit_names[i].name;
	return "?";
}

#define warn(p, line, ...) import_note(&(p)->a->log, (line), false, __VA_ARGS__)
#define refuse(p, line, ...) import_note(&(p)->a->log, (line), true, __VA_ARGS__)

/* Marks task t for review because of why (at line): the first reason
 * leads, the others follow it.  0 or -1. */
static int
mark(struct parser *p, struct appendix_task *t, int line, const char *why)
{
	warn(p, line, _("kept for review: %s"), why);
	if (t->review == NULL) {
		p->a->nreview++;
		return (t->review = strdup(why)) == NULL ? -1 : 0;
	}
	return append(&t->review, "; ", why);
}

/* Adds row r's cells, as read, to t's: "a | b | c", a row a line. */
static int
keep_raw(struct appendix_task *t, const struct import_row *r)
{
	char *row = strdup("");
	int rc = 0;

	for (int i = 0; i < r->ncells && row != NULL && rc == 0; i++)
		rc = append(&row, " | ", *r->cell[i] != '\0' ? r->cell[i] : "-");
	if (row == NULL || rc != 0 || append(&t->raw, "\n", row) != 0)
		rc = -1;
	free(row);
	return rc;
}

/* ---- the header ------------------------------------------------------- */

/* The column a header cell names, or -1. */
static int
header_column(const char *title)
{
	char *folded = text_fold(title), *words;
	int col = -1;

	if (folded == NULL)
		return -1;
	/* Words only, padded: " theo doi kiem tra don doc ". */
	if ((words = malloc(strlen(folded) + 3)) != NULL) {
		char *w = words;

		*w++ = ' ';
		for (const char *s = folded; *s != '\0'; s++)
			*w++ = (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ? *s : ' ';
		*w++ = ' ';
		*w = '\0';
		for (w = words; (w = strstr(w, "  ")) != NULL;)
			memmove(w, w + 1, strlen(w));
		for (size_t i = 0; i < sizeof header_words / sizeof header_words[0] && col < 0; i++)
			if (header_words[i].whole ? strcmp(words, header_words[i].words) == 0 :
			    strstr(words, header_words[i].words) != NULL)
				col = (int)header_words[i].col;
		free(words);
	}
	free(folded);
	return col;
}

/* Reads row r as a header into col[]: true when it names the task
 * column and at least two others. */
static bool
read_header(const struct import_row *r, int col[NCOLUMNS])
{
	int found = 0;

	for (int c = 0; c < NCOLUMNS; c++)
		col[c] = -1;
	for (int i = 0; i < r->ncells; i++) {
		int c = header_column(r->cell[i]);

		if (c >= 0 && col[c] < 0) {
			col[c] = i;
			found++;
		}
	}
	return found >= 3 && col[COL_TASK] >= 0;
}

/* Finds the header in the first rows; the index of the first row after
 * it (0 when there is none and the usual order is taken). */
static int
find_header(struct parser *p, const struct import_table *t)
{
	for (int h = 0; h < t->nrows && h < HEADER_ROWS; h++) {
		if (!read_header(&t->row[h], p->col))
			continue;
		p->width = t->row[h].ncells;
		for (int i = 0; i < h; i++)
			warn(p, t->row[i].line, _("above the header row: ignored"));
		if (p->col[COL_TT] < 0)
			warn(p, t->row[h].line, _("no TT column: the tasks are not numbered"));
		return h + 1;
	}
	for (int c = 0; c < NCOLUMNS; c++)
		p->col[c] = c;
	p->width = NCOLUMNS;
	if (t->nrows > 0)
		warn(p, t->row[0].line, _("no header row (TT, Nhiệm vụ, Sản phẩm...): the columns "
		    "are taken in the usual order"));
	return 0;
}

/* A row of column numbers under the header: "(1) (2) (3)...". */
static bool
column_numbers(const struct import_row *r)
{
	int n = 0;

	for (int i = 0; i < r->ncells; i++) {
		const char *s = r->cell[i];
		size_t len = strlen(s);

		if (len == 0)
			continue;
		if (*s == '(' && len > 2 && s[len - 1] == ')') {
			s++;
			len -= 2;
		}
		if (len == 0 || strspn(s, "0123456789") != len)
			return false;
		n++;
	}
	return n >= 3;
}

/* ---- sections --------------------------------------------------------- */

static int
add_section(struct parser *p, int line, int64_t id, const char *heading)
{
	struct appendix *a = p->a;
	struct appendix_section *s;

	if (array_reserve(&a->sections, a->nsections, &p->section_cap, sizeof *a->sections) != 0)
		return -1;
	s = &a->sections[a->nsections];
	memset(s, 0, sizeof *s);
	if ((s->heading = strdup(heading)) == NULL)
		return -1;
	s->line = line;
	s->id = id;
	p->section = a->nsections++;
	return 0;
}

/* Where a section row keeps its numeral and title: numeral in the TT
 * cell and title in the task cell (or the first cell after TT), or both
 * in one cell ("II. Cải cách thủ tục hành chính").  The title's cell
 * index, or -1 when r is no section row. */
static int
section_cells(const struct parser *p, const struct import_row *r, const char **title)
{
	const char *tt = cell(p, r, COL_TT), *text = cell(p, r, COL_TASK);
	int title_col = p->col[COL_TASK];

	if (*tt != '\0' && roman(tt, strlen(tt)) > 0) {
		*title = text;
		for (int i = p->col[COL_TT] + 1; **title == '\0' && i < r->ncells; i++)
			if (*r->cell[i] != '\0') {
				*title = r->cell[i];
				title_col = i;
			}
		return title_col;
	}
	/* The numeral and the title in one cell, TT's or the task's. */
	for (int i = 0; i < 2; i++) {
		int c = p->col[i == 0 ? COL_TT : COL_TASK];
		const char *s = import_cell(r, c);
		size_t n = strspn(s, "IVXLC");

		if (n > 0 && (s[n] == '.' || s[n] == ')') && s[n + 1] == ' ' &&
		    roman(s, n) > 0 && *(i == 0 ? text : tt) == '\0') {
			*title = s + n + 1 + strspn(s + n + 1, " ");
			return c;
		}
	}
	return -1;
}

/* Warns of the cells of a section row other than its numeral and title. */
static void
stray_cells(struct parser *p, const struct import_row *r, int title_col)
{
	for (int i = 0; i < r->ncells; i++)
		if (i != title_col && i != p->col[COL_TT] && *r->cell[i] != '\0')
			warn(p, r->line, _("a section row with more cells: \"%s\" ignored"), r->cell[i]);
}

/* Opens the section that title names (or the one it named before). */
static int
open_section(struct parser *p, const struct import_row *r, const char *title)
{
	bool guessed;
	int64_t id;

	p->task = -1;
	p->last_tt = 0;
	if (*title == '\0') {
		refuse(p, r->line, _("a section row without a title"));
		return add_section(p, r->line, 0, title);
	}
	if ((id = import_section(p->db, title, &guessed)) < 0)
		return -1;
	if (id == 0) {
		refuse(p, r->line, _("\"%s\" is none of the seven sections (sections are matched by "
		    "title, not by number)"), title);
		return add_section(p, r->line, 0, title);
	}
	if (guessed)
		warn(p, r->line, _("\"%s\" taken as the section \"%s\""), title, section_name(p, id));
	for (int i = 0; i < p->a->nsections; i++)
		if (p->a->sections[i].id == id) {
			warn(p, r->line, _("the section \"%s\" comes again: its tasks are added to "
			    "those of line %d"), section_name(p, id), p->a->sections[i].line);
			p->section = i;
			return 0;
		}
	return add_section(p, r->line, id, title);
}

/* A row whose only cell is exactly a section's title, with no numeral:
 * a section row that lost its number. */
static bool
unnumbered_section(struct parser *p, const struct import_row *r, int *rc)
{
	const char *text = cell(p, r, COL_TASK);
	bool guessed;
	int64_t id;

	*rc = 0;
	if (*cell(p, r, COL_TT) != '\0' || *text == '\0' || starts_lower(text))
		return false;
	for (int i = 0; i < r->ncells; i++)
		if (i != p->col[COL_TASK] && *r->cell[i] != '\0')
			return false;
	if ((id = import_section(p->db, text, &guessed)) <= 0 || guessed) {
		*rc = id < 0 ? -1 : 0;
		return false;
	}
	warn(p, r->line, _("\"%s\" has no Roman numeral but is a section's title: taken as a "
	    "section row"), text);
	*rc = open_section(p, r, text);
	return true;
}

/* ---- tasks ------------------------------------------------------------ */

static struct appendix_task *
current(struct parser *p)
{
	return &p->a->tasks[p->task];
}

static int
add_product(struct parser *p, int line, const char *name, const char *deadline)
{
	struct appendix_task *t = current(p);
	struct appendix_product *grown, *pr;

	grown = realloc(t->products, ((size_t)t->nproducts + 1) * sizeof *grown);
	if (grown == NULL)
		return -1;
	t->products = grown;
	pr = &grown[t->nproducts];
	memset(pr, 0, sizeof *pr);
	pr->line = line;
	if ((pr->name = strdup(name)) == NULL)
		return -1;
	t->nproducts++;
	if ((pr->deadline_text = strdup(deadline)) == NULL)
		return -1;
	return 0;
}

/* A unit cell of a row that adds to the task above.  Text starting in
 * lower case carries on a name cut by a page break; other text names
 * more units: cooperators join the list, while a task has one lead and
 * one monitoring unit, so another one is reported and left out. */
static int
add_units(struct parser *p, const struct import_row *r)
{
	struct raw_units *raw = &p->raw[p->task];

	for (int role = 0; role < NROLES; role++) {
		const char *s = cell(p, r, role_column[role]);
		char **have = &raw->cell[role];

		if (*s == '\0' || same_folded(*have, s))
			continue;
		if (**have == '\0')
			raw->line[role] = r->line;
		if (**have == '\0' || starts_lower(s)) {
			if (append(have, " ", s) != 0)
				return -1;
		} else if (role == ROLE_COOPERATORS) {
			if (append(have, "; ", s) != 0)
				return -1;
		} else {
			warn(p, r->line, role == ROLE_LEAD ?
			    _("the lead unit \"%s\" differs from the task's (\"%s\", line %d): left out") :
			    _("the monitoring unit \"%s\" differs from the task's (\"%s\", line %d): left out"),
			    s, *have, current(p)->line);
		}
	}
	return 0;
}

/* A section for tasks that come before any section row. */
static int
need_section(struct parser *p, const struct import_row *r)
{
	if (p->section >= 0)
		return 0;
	refuse(p, r->line, _("a task before the first section row (I, II...): which section "
	    "is it in?"));
	return add_section(p, r->line, 0, "");
}

static void
check_tt(struct parser *p, const struct import_row *r, const char *tt)
{
	int n = tt_number(tt);

	if (p->col[COL_TT] < 0)
		return;
	if (*tt == '\0') {
		warn(p, r->line, _("a task without a number (TT)"));
		return;
	}
	if (n == 0)
		return;
	if (n == p->last_tt)
		warn(p, r->line, _("TT %d comes twice"), n);
	else if (n != p->last_tt + 1 && p->last_tt > 0)
		warn(p, r->line, _("TT jumps from %d to %d"), p->last_tt, n);
	else if (n != 1 && p->last_tt == 0)
		warn(p, r->line, _("the section's tasks start at TT %d"), n);
	p->last_tt = n;
}

static int
new_task(struct parser *p, const struct import_row *r)
{
	struct appendix *a = p->a;
	const char *tt = cell(p, r, COL_TT), *text = cell(p, r, COL_TASK);
	const char *product = cell(p, r, COL_PRODUCT), *deadline = cell(p, r, COL_DEADLINE);
	struct appendix_task *t;

	if (need_section(p, r) != 0)
		return -1;
	if (array_reserve(&a->tasks, a->ntasks, &p->task_cap, sizeof *a->tasks) != 0 ||
	    array_reserve(&p->raw, a->ntasks, &p->raw_cap, sizeof *p->raw) != 0)
		return -1;
	p->task = a->ntasks;
	t = &a->tasks[a->ntasks++];
	memset(t, 0, sizeof *t);
	memset(&p->raw[p->task], 0, sizeof *p->raw);
	t->line = r->line;
	t->section = p->section;
	t->lead.unknown = t->monitor.unknown = -1;
	/* A task cell lost (at a page break, most often) leaves a task
	 * worth keeping: its number, products and units say what it is. */
	if ((t->tt = strdup(tt)) == NULL || (t->description = strdup(*text != '\0' ? text :
	    _("(the task's text is missing)"))) == NULL || (t->raw = strdup("")) == NULL ||
	    keep_raw(t, p->as_read) != 0)
		return -1;
	for (int role = 0; role < NROLES; role++)
		if ((p->raw[p->task].cell[role] = strdup("")) == NULL)
			return -1;
	t->no_text = *text == '\0';
	if (t->no_text && mark(p, t, r->line, _("the Nhiệm vụ cell is empty")) != 0)
		return -1;
	check_tt(p, r, tt);
	if ((*product != '\0' || *deadline != '\0') && add_product(p, r->line, product, deadline) != 0)
		return -1;
	return add_units(p, r);
}

/* The rest of a task cut by a page break: each cell carries on the
 * text of its column. */
static int
page_break(struct parser *p, const struct import_row *r)
{
	struct appendix_task *t = current(p);
	const char *product = cell(p, r, COL_PRODUCT), *deadline = cell(p, r, COL_DEADLINE);

	warn(p, r->line, _("taken as the rest of the task of line %d, cut by a page break"),
	    t->line);
	if (keep_raw(t, p->as_read) != 0 || append(&t->description, " ", cell(p, r, COL_TASK)) != 0)
		return -1;
	if (*product != '\0' && (t->nproducts == 0 || !starts_lower(product))) {
		if (add_product(p, r->line, product, deadline) != 0)
			return -1;
	} else if (*product != '\0' || *deadline != '\0') {
		if (t->nproducts == 0 && add_product(p, r->line, "", "") != 0)
			return -1;
		t = current(p);
		if (append(&t->products[t->nproducts - 1].name, " ", product) != 0 ||
		    append(&t->products[t->nproducts - 1].deadline_text, " ", deadline) != 0)
			return -1;
	}
	return add_units(p, r);
}

/* A row with no TT and no task: another product of the task above, or
 * only units for it. */
static int
more_of_task(struct parser *p, const struct import_row *r)
{
	const char *product = cell(p, r, COL_PRODUCT), *deadline = cell(p, r, COL_DEADLINE);

	if (p->task < 0) {
		refuse(p, r->line, *product != '\0' || *deadline != '\0' ?
		    _("a product with no task above it") : _("units with no task above them"));
		return 0;
	}
	if (keep_raw(current(p), p->as_read) != 0)
		return -1;
	if (*product != '\0' || *deadline != '\0') {
		if (add_product(p, r->line, product, deadline) != 0)
			return -1;
	} else {
		warn(p, r->line, _("only units: added to the task of line %d"), current(p)->line);
	}
	return add_units(p, r);
}

/* Warns of a row that is not as wide as the header. */
static void
check_width(struct parser *p, const struct import_row *r)
{
	if (r->ncells < p->width) {
		warn(p, r->line, _("%d cells where the header has %d: the missing ones are taken "
		    "as empty"), r->ncells, p->width);
		return;
	}
	for (int i = p->width; i < r->ncells; i++)
		if (*r->cell[i] != '\0') {
			warn(p, r->line, _("cells after the last column ignored (\"%s\")"), r->cell[i]);
			return;
		}
}

/* true when s reads as a deadline (a date, a period, "thường xuyên"...). */
static bool
deadline_like(const char *s)
{
	struct deadline d;

	return *s != '\0' && deadline_parse(s, 2000, &d) &&
	    (d.kind != DEADLINE_UNKNOWN || d.doubt != DOUBT_NONE);
}

/* true when s starts with a unit the office knows (exactly or by its
 * initials).  -1 on failure. */
static int
unit_like(struct parser *p, const char *s)
{
	struct unit_ref *refs;
	int n, known;

	if (*s == '\0')
		return 0;
	if (unit_match_cell(&p->units, s, &refs, &n) != 0)
		return -1;
	known = n > 0 && (refs[0].how == UNIT_MATCH_EXACT || refs[0].how == UNIT_MATCH_INITIALS);
	unit_refs_free(refs, n);
	return known;
}

/* A row one cell short whose cells sit one column left of where they
 * belong: a deadline in the product column and a unit in the deadline
 * column.  The dropped cell is the task's when what stands in the task
 * column is short like a product's name, else the product's.  Fills
 * *out (cells pointing into r's, one "" added, at most NCOLUMNS + 1) and
 * returns 1 when r is realigned, 0 when not, -1 on failure. */
static int
realign(struct parser *p, const struct import_row *r, struct import_row *out, char **cells)
{
	static char empty[] = "";
	const char *task = cell(p, r, COL_TASK);
	int at, words = 0, known;

	if (r->ncells >= p->width || r->ncells > NCOLUMNS || *cell(p, r, COL_TT) == '\0' ||
	    p->col[COL_PRODUCT] != p->col[COL_TASK] + 1 ||
	    p->col[COL_DEADLINE] != p->col[COL_PRODUCT] + 1 ||
	    !deadline_like(cell(p, r, COL_PRODUCT)) || deadline_like(cell(p, r, COL_DEADLINE)))
		return 0;
	if ((known = unit_like(p, cell(p, r, COL_DEADLINE))) <= 0)
		return known;
	for (const char *s = task; *s != '\0'; s++)
		words += (s == task || s[-1] == ' ') && *s != ' ';
	at = p->col[words <= 6 ? COL_TASK : COL_PRODUCT];
	*out = *r;
	out->cell = cells;
	out->ncells = r->ncells + 1;
	for (int i = 0, j = 0; i < out->ncells; i++)
		cells[i] = i == at ? empty : r->cell[j++];
	warn(p, r->line, at == p->col[COL_TASK] ?
	    _("the cells are one column left of the header (the Nhiệm vụ cell is missing): "
	    "moved right") : _("the cells are one column left of the header (the Sản phẩm "
	    "cell is missing): moved right"));
	return 1;
}

static int
read_row(struct parser *p, const struct import_row *r)
{
	const char *tt = cell(p, r, COL_TT), *text = cell(p, r, COL_TASK), *title;
	struct import_row moved;
	char *cells[NCOLUMNS + 1];
	int title_col, rc;

	p->as_read = r;
	if (r->unbalanced)
		warn(p, r->line, _("a quote (\") that is never closed: read as a plain character"));
	if (column_numbers(r)) {
		warn(p, r->line, _("a row of column numbers: skipped"));
		return 0;
	}
	if ((title_col = section_cells(p, r, &title)) >= 0) {
		stray_cells(p, r, title_col);
		return open_section(p, r, title);
	}
	if (unnumbered_section(p, r, &rc))
		return rc;
	if (rc != 0)
		return -1;
	if ((rc = realign(p, r, &moved, cells)) < 0)
		return -1;
	if (rc > 0) {
		r = &moved;
		tt = cell(p, r, COL_TT);
		text = cell(p, r, COL_TASK);
	}
	check_width(p, r);
	if (*tt == '\0' && *text == '\0')
		return more_of_task(p, r);
	if (*tt == '\0' && p->task >= 0 && starts_lower(text))
		return page_break(p, r);
	return new_task(p, r);
}

/* ---- units ------------------------------------------------------------ */

static int
unknown_index(struct parser *p, const struct unit_ref *ref, int line)
{
	struct appendix *a = p->a;
	struct appendix_unknown *u;

	for (int i = 0; i < a->nunknowns; i++)
		if (same_folded(a->unknowns[i].name, ref->text)) {
			a->unknowns[i].uses++;
			return i;
		}
	if (array_reserve(&a->unknowns, a->nunknowns, &p->unknown_cap, sizeof *a->unknowns) != 0)
		return -1;
	u = &a->unknowns[a->nunknowns];
	memset(u, 0, sizeof *u);
	if ((u->name = strdup(ref->text)) == NULL)
		return -1;
	u->line = line;
	u->uses = 1;
	return a->nunknowns++;
}

/* Fills u from what a name matched; 0 or -1. */
static int
take_ref(struct parser *p, const struct unit_ref *ref, int line, struct appendix_unit *u)
{
	memset(u, 0, sizeof *u);
	u->unknown = -1;
	if ((u->text = strdup(ref->text)) == NULL)
		return -1;
	switch (ref->how) {
	case UNIT_MATCH_EXACT:
		u->id = ref->id;
		return 0;
	case UNIT_MATCH_INITIALS:
		u->id = ref->id;
		warn(p, line, _("\"%s\" read as the unit \"%s\" (by its initials)"), ref->text,
		    unit_name_of(p, ref->id));
		return 0;
	case UNIT_MATCH_AMBIGUOUS:
		warn(p, line, _("\"%s\" could be \"%s\" or \"%s\": left unknown"), ref->text,
		    unit_name_of(p, ref->id), unit_name_of(p, ref->other));
		break;
	case UNIT_MATCH_NONE:
		break;
	}
	return (u->unknown = unknown_index(p, ref, line)) < 0 ? -1 : 0;
}

static bool
same_unit(const struct appendix_unit *a, const struct appendix_unit *b)
{
	return (a->id != 0 && a->id == b->id) || (a->unknown >= 0 && a->unknown == b->unknown);
}

static void
unit_free(struct appendix_unit *u)
{
	free(u->text);
}

/* Adds a cooperating unit unless the task has it already (or it leads). */
static int
add_cooperator(struct appendix_task *t, struct appendix_unit *u)
{
	struct appendix_unit *grown;

	for (int i = 0; i < t->ncooperators; i++)
		if (same_unit(&t->cooperators[i], u)) {
			unit_free(u);
			return 0;
		}
	if (same_unit(&t->lead, u)) {
		unit_free(u);
		return 0;
	}
	grown = realloc(t->cooperators, ((size_t)t->ncooperators + 1) * sizeof *grown);
	if (grown == NULL) {
		unit_free(u);
		return -1;
	}
	t->cooperators = grown;
	t->cooperators[t->ncooperators++] = *u;
	return 0;
}

/* One unit cell of a task: the lead and the monitoring unit take the
 * first unit named; further lead units cooperate, further monitoring
 * units are reported and left out. */
static int
resolve_role(struct parser *p, struct appendix_task *t, enum role role, const char *text,
    int line)
{
	struct unit_ref *refs;
	int n, rc = 0;

	if (unit_match_cell(&p->units, text, &refs, &n) != 0)
		return -1;
	if (n > 1 && role == ROLE_LEAD)
		warn(p, line, _("several lead units: \"%s\" leads, the others cooperate"),
		    refs[0].text);
	if (n > 1 && role == ROLE_MONITOR)
		warn(p, line, _("several monitoring units: only \"%s\" is kept"), refs[0].text);
	for (int i = 0; i < n && rc == 0; i++) {
		struct appendix_unit u;

		if (role == ROLE_MONITOR && i > 0)
			break;
		if ((rc = take_ref(p, &refs[i], line, &u)) != 0) {
			unit_free(&u);
			break;
		}
		if (i == 0 && role == ROLE_LEAD)
			t->lead = u;
		else if (i == 0 && role == ROLE_MONITOR)
			t->monitor = u;
		else
			rc = add_cooperator(t, &u);
	}
	unit_refs_free(refs, n);
	return rc;
}

static int
resolve_units(struct parser *p)
{
	for (int i = 0; i < p->a->ntasks; i++) {
		struct appendix_task *t = &p->a->tasks[i];
		struct raw_units *raw = &p->raw[i];

		for (int role = 0; role < NROLES; role++)
			if (resolve_role(p, t, (enum role)role, raw->cell[role], raw->line[role]) != 0)
				return -1;
		if (t->lead.text == NULL && (t->lead.text = strdup("")) == NULL)
			return -1;
		if (t->monitor.text == NULL && (t->monitor.text = strdup("")) == NULL)
			return -1;
	}
	return 0;
}

/* ---- the whole table ------------------------------------------------- */

/* Replaces what field_text refuses in *s by what it takes: control
 * characters become spaces, and the text is cut to FIELD_TEXT_MAX bytes
 * (at a character's start). */
static void
tame(char *s)
{
	size_t n = strlen(s);

	for (unsigned char *c = (unsigned char *)s; *c != '\0'; c++)
		if ((*c < 0x20 && *c != '\n' && *c != '\t') || *c == 0x7f)
			*c = ' ';
		else if (*c == 0xc2 && c[1] >= 0x80 && c[1] <= 0x9f)
			c[0] = c[1] = ' ';
	if (n > FIELD_TEXT_MAX) {
		n = FIELD_TEXT_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		s[n] = '\0';
	}
}

/* A text of task t as the forms take it (field_text): if it is refused,
 * t is marked for review with the form's reason and the text tamed. */
static int
formable(struct parser *p, struct appendix_task *t, int line, char *s, const char *label)
{
	struct err e;
	char *ok = field_text(s, &e, -1, label);

	free(ok);
	if (ok != NULL)
		return 0;
	tame(s);
	return mark(p, t, line, e.msg);
}

/* A product's deadline, checked as the task form checks it and read:
 * a date that does not exist is a reason for review (the text is kept
 * in the row's cells only); text read in part, or for a year outside
 * the plan's, is warned of. */
static int
check_deadline(struct parser *p, struct appendix_task *t, struct appendix_product *pr)
{
	struct appendix *a = p->a;
	struct err e;
	char outside[512];

	if (validate_deadline(pr->deadline_text, &e, -1, _("Deadline")) != 0) {
		*pr->deadline_text = '\0';
		if (mark(p, t, pr->line, e.msg) != 0)
			return -1;
	}
	if (!deadline_parse(pr->deadline_text, a->plan_year, &pr->deadline))
		pr->deadline.kind = DEADLINE_UNKNOWN;
	if (pr->deadline.doubt != DOUBT_NONE)
		warn(p, pr->line, _("the deadline \"%s\" is not read (%s): enter the date"),
		    pr->deadline_text, deadline_doubt_text(&pr->deadline));
	else if (pr->deadline.kind == DEADLINE_UNKNOWN && *pr->deadline_text != '\0')
		warn(p, pr->line, _("the deadline \"%s\" gives no date: set it by hand"),
		    pr->deadline_text);
	else if (deadline_outside_warning(pr->deadline_text, a->plan_year, a->last_year, outside,
	    sizeof outside))
		warn(p, pr->line, "%s", outside);
	return 0;
}

static int
finish(struct parser *p)
{
	struct appendix *a = p->a;

	for (int i = 0; i < a->ntasks; i++) {
		struct appendix_task *t = &a->tasks[i];

		a->sections[t->section].ntasks++;
		a->sections[t->section].nproducts += t->nproducts;
		a->nproducts += t->nproducts;
		if (formable(p, t, t->line, t->tt, _("No.")) != 0 ||
		    formable(p, t, t->line, t->description, _("Task")) != 0)
			return -1;
		for (int j = 0; j < t->nproducts; j++) {
			struct appendix_product *pr = &t->products[j];

			if (formable(p, t, pr->line, pr->name, _("Product")) != 0 ||
			    formable(p, t, pr->line, pr->deadline_text, _("Deadline")) != 0 ||
			    check_deadline(p, t, pr) != 0)
				return -1;
		}
		/* Kept as far as a field holds it. */
		tame(t->raw);
	}
	if (a->ntasks == 0)
		refuse(p, 1, _("no task found: is this a plan's task appendix?"));
	import_log_sort(&a->log);
	return 0;
}

static void
parser_free(struct parser *p)
{
	for (int i = 0; i < p->a->ntasks; i++)
		for (int role = 0; role < NROLES; role++)
			free(p->raw[i].cell[role]);
	free(p->raw);
	unit_matcher_free(&p->units);
	units_free(p->unit_names, p->nunit_names);
	sections_free(p->section_names, p->nsection_names);
}

static int
parse_table(struct db *db, const struct import_table *t, struct appendix *a)
{
	struct parser p = { .db = db, .a = a, .section = -1, .task = -1 };
	int rc = -1;

	a->encoding = t->encoding;
	a->delim = t->delim;
	/* Failures below are out of memory unless the database said why. */
	db_clear_error(db);
	if (unit_matcher_load(db, &p.units) != 0 ||
	    unit_list(db, &p.unit_names, &p.nunit_names) != 0 ||
	    section_list(db, &p.section_names, &p.nsection_names) != 0)
		goto out;
	for (int i = find_header(&p, t); i < t->nrows; i++)
		if (read_row(&p, &t->row[i]) != 0)
			goto out;
	if (resolve_units(&p) != 0 || finish(&p) != 0)
		goto out;
	rc = a->log.oom ? -1 : 0;
out:
	parser_free(&p);
	if (rc != 0 && *db_error(db) == '\0')
		db_fail(db, "%s", strerror(ENOMEM));
	return rc;
}

/* a from table t, read or not (read_rc), which is freed when it was. */
static int
parse_read(struct db *db, int read_rc, struct import_table *t, int plan_year, int last_year,
    struct appendix *a)
{
	int rc;

	memset(a, 0, sizeof *a);
	a->plan_year = plan_year;
	a->last_year = last_year;
	if (read_rc != 0)
		return -1;
	rc = parse_table(db, t, a);
	import_table_free(t);
	return rc;
}

int
appendix_parse(struct db *db, const char *data, size_t len, int plan_year, int last_year,
    struct appendix *a)
{
	struct import_table t;

	return parse_read(db, import_table_read(db, data, len, &t), &t, plan_year, last_year, a);
}

int
appendix_parse_file(struct db *db, const char *path, int plan_year, int last_year,
    struct appendix *a)
{
	struct import_table t;

	return parse_read(db, import_table_read_file(db, path, &t), &t, plan_year, last_year, a);
}

static void
task_free(struct appendix_task *t)
{
	free(t->tt);
	free(t->description);
	free(t->review);
	free(t->raw);
	free(t->lead.text);
	free(t->monitor.text);
	for (int j = 0; j < t->ncooperators; j++)
		free(t->cooperators[j].text);
	free(t->cooperators);
	for (int j = 0; j < t->nproducts; j++) {
		free(t->products[j].name);
		free(t->products[j].deadline_text);
	}
	free(t->products);
}

/* Takes task i out of a and frees what is left of it. */
static void
remove_task(struct appendix *a, int i)
{
	struct appendix_task *t = &a->tasks[i];

	a->sections[t->section].ntasks--;
	a->sections[t->section].nproducts -= t->nproducts;
	a->nproducts -= t->nproducts;
	a->nreview -= t->review != NULL;
	task_free(t);
	memmove(t, t + 1, (size_t)(a->ntasks - i - 1) * sizeof *t);
	a->ntasks--;
}

void
appendix_skip(struct appendix *a, int i)
{
	remove_task(a, i);
}

int
appendix_merge_up(struct appendix *a, int i)
{
	struct appendix_task *t = &a->tasks[i], *up;
	struct appendix_product *products;
	struct appendix_unit *coops;

	if (i == 0 || a->tasks[i - 1].section != t->section)
		return -1;
	up = &a->tasks[i - 1];
	products = realloc(up->products, (size_t)(up->nproducts + t->nproducts + 1) *
	    sizeof *products);
	if (products != NULL)
		up->products = products;
	coops = realloc(up->cooperators, (size_t)(up->ncooperators + t->ncooperators + 2) *
	    sizeof *coops);
	if (coops != NULL)
		up->cooperators = coops;
	if (products == NULL || coops == NULL ||
	    (!t->no_text && append(&up->description, " ", t->description) != 0))
		return -1;
	memcpy(up->products + up->nproducts, t->products, (size_t)t->nproducts * sizeof *products);
	/* Moved within the section: the counts stay. */
	up->nproducts += t->nproducts;
	t->nproducts = 0;
	/* Its units: those the task above lacks. */
	for (int k = 0; k < t->ncooperators; k++)
		up->cooperators[up->ncooperators++] = t->cooperators[k];
	t->ncooperators = 0;
	if (*up->lead.text == '\0' && *t->lead.text != '\0') {
		struct appendix_unit swap = up->lead;

		up->lead = t->lead;
		t->lead = swap;
	} else if (*t->lead.text != '\0' && !same_unit(&up->lead, &t->lead)) {
		up->cooperators[up->ncooperators++] = t->lead;
		t->lead.text = NULL;
	}
	if (*up->monitor.text == '\0' && *t->monitor.text != '\0') {
		struct appendix_unit swap = up->monitor;

		up->monitor = t->monitor;
		t->monitor = swap;
	}
	remove_task(a, i);
	return 0;
}

int
appendix_fix(struct appendix *a, int i, const char *tt, const char *text, struct err *e)
{
	struct appendix_task *t = &a->tasks[i];
	char *ntt = field_text(tt, e, -1, _("No.")), *ntext = NULL;

	if (ntt == NULL || (ntext = field_text(text, e, -1, _("Task"))) == NULL ||
	    (*ntext == '\0' && err_set(e, -1, _("%s is required"), _("Task")) != 0)) {
		free(ntt);
		free(ntext);
		return -1;
	}
	free(t->tt);
	free(t->description);
	t->tt = ntt;
	t->description = ntext;
	t->no_text = false;
	if (t->review != NULL) {
		free(t->review);
		t->review = NULL;
		a->nreview--;
	}
	return 0;
}

void
appendix_free(struct appendix *a)
{
	for (int i = 0; i < a->nsections; i++)
		free(a->sections[i].heading);
	free(a->sections);
	for (int i = 0; i < a->ntasks; i++)
		task_free(&a->tasks[i]);
	free(a->tasks);
	for (int i = 0; i < a->nunknowns; i++)
		free(a->unknowns[i].name);
	free(a->unknowns);
	import_log_free(&a->log);
	memset(a, 0, sizeof *a);
}

/* ---- writing ---------------------------------------------------------- */

/* The unit an appendix_unit ends up as, once unknown names have ids. */
static int64_t
unit_id(const struct appendix_unit *u, const int64_t *unknown_ids)
{
	return u->unknown >= 0 ? unknown_ids[u->unknown] : u->id;
}

/* Gives every unknown name its unit: an alias of map_to, or a new unit. */
static int
settle_unknowns(struct db *db, const struct appendix *a, int64_t *ids)
{
	for (int i = 0; i < a->nunknowns; i++) {
		const struct appendix_unknown *u = &a->unknowns[i];

		if (u->map_to != 0) {
			char *name = unit_name(db, u->map_to);

			ids[i] = name == NULL ? -1 : unit_add(db, name, NULL, u->name);
			free(name);
		} else {
			ids[i] = unit_add(db, u->name, "", NULL);
		}
		if (ids[i] < 0)
			return -1;
	}
	return 0;
}

static int
write_task(struct db *db, const struct appendix *a, const struct appendix_task *at,
    int64_t plan, const int64_t *unknown_ids)
{
	struct task_input t = { 0 };
	struct product_input *products = calloc((size_t)at->nproducts + 1, sizeof *products);
	int64_t *coops = calloc((size_t)at->ncooperators + 1, sizeof *coops);
	int rc = -1;

	if (products == NULL || coops == NULL) {
		db_fail(db, "%s", strerror(ENOMEM));
		goto out;
	}
	t.plan_id = plan;
	t.section_id = a->sections[at->section].id;
	t.tt = at->tt;
	t.description = at->description;
	t.lead_unit_id = unit_id(&at->lead, unknown_ids);
	t.monitor_unit_id = unit_id(&at->monitor, unknown_ids);
	t.evidence_number = t.evidence = t.note = "";
	t.review = at->review;
	t.raw_cells = at->review != NULL ? at->raw : NULL;
	t.progress = PROGRESS_NOT_STARTED;
	for (int i = 0; i < at->nproducts; i++) {
		products[i].name = at->products[i].name;
		products[i].deadline_text = at->products[i].deadline_text;
	}
	t.products = products;
	t.nproducts = at->nproducts;
	for (int i = 0; i < at->ncooperators; i++)
		coops[i] = unit_id(&at->cooperators[i], unknown_ids);
	if (task_insert(db, &t, coops, at->ncooperators, a->plan_year) < 0) {
		char msg[DB_ERROR_MAX];

		snprintf(msg, sizeof msg, "%s", db_error(db));
		db_fail(db, _("line %d: %s"), at->line, msg);
		goto out;
	}
	rc = 0;
out:
	free(products);
	free(coops);
	return rc;
}

/* The unknown names left unmapped, for the refusal: "A", "B". */
static void
list_unmapped(const struct appendix *a, char *buf, size_t size)
{
	size_t len = 0;

	*buf = '\0';
	for (int i = 0; i < a->nunknowns && len < size; i++)
		if (a->unknowns[i].map_to == 0)
			len += (size_t)snprintf(buf + len, size - len, "%s\"%s\"", len ? ", " : "",
			    a->unknowns[i].name);
}

int
appendix_write(struct db *db, const struct appendix *a, int64_t plan, bool create_units,
    bool dry_run)
{
	int64_t *ids;
	int rc = -1;

	if (a->log.nerrors > 0)
		return db_fail(db, _("the table has %d errors: nothing was written"), a->log.nerrors);
	if (!create_units) {
		char names[300];

		list_unmapped(a, names, sizeof names);
		if (*names != '\0')
			return db_fail(db, _("units that are not known: %s (create them, or say which "
			    "known unit each one is)"), names);
	}
	if ((ids = calloc((size_t)a->nunknowns + 1, sizeof *ids)) == NULL)
		return db_fail(db, "%s", strerror(ENOMEM));
	if (db_begin(db) != 0)
		goto out;
	if (settle_unknowns(db, a, ids) != 0)
		goto fail;
	for (int i = 0; i < a->ntasks; i++)
		if (write_task(db, a, &a->tasks[i], plan, ids) != 0)
			goto fail;
	if (dry_run) {
		db_rollback(db);
		rc = 0;
		goto out;
	}
	if (db_commit(db) == 0) {
		rc = 0;
		goto out;
	}
fail:
	db_rollback(db);
out:
	free(ids);
	return rc;
}
