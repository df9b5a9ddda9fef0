#include "core/number.h"
#include "core/report.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/assessment.h"
#include "core/calendar.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/office.h"
#include "core/period.h"
#include "core/plan.h"
#include "core/section.h"
#include "core/sipas.h"
#include "core/summary.h"
#include "core/target.h"
#include "core/task.h"
#include "core/text.h"
#include "core/unit.h"
#include "core/written.h"

static const char *const kind_names[REPORT_KINDS] = {
	"dashboard", "units", "overdue", "period", "par", "sipas", "calendar", "written",
	"appendix",
};

const char *
report_kind_name(enum report_kind k)
{
	return kind_names[k];
}

bool
report_kind_parse(const char *s, enum report_kind *out)
{
	for (int k = 0; k < REPORT_KINDS; k++) {
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (enum report_kind)k;
			return true;
		}
	}
	return false;
}

bool
report_period_parse(const char *s, int *year, enum period_kind *k)
{
	/* The suffixes as offices say them: quý I, 6 tháng, 9 tháng, năm. */
	static const char *const suffixes[PERIOD_KINDS] = { "q1", "6t", "9t", "n" };

	if (strlen(s) < 6 || s[4] != '-')
		return false;
	for (int i = 0; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	for (int i = 0; i < PERIOD_KINDS; i++) {
		if (strcasecmp(s + 5, suffixes[i]) == 0) {
			*year = atoi(s);
			*k = (enum period_kind)i;
			return *year >= 1990 && *year <= 2200;
		}
	}
	return false;
}

const char *const report_period_names[PERIOD_KINDS] = {
	N_("Q1"), N_("6 months"), N_("9 months"), N_("Year"),
};

void
report_period_label(int year, enum period_kind k, char *buf, size_t n)
{
	snprintf(buf, n, "%s/%d", _(report_period_names[k]), year);
}

void
report_file_name(const struct report *r, char *buf, size_t n)
{
	/* Short: the titles make file names too long to read in a list. */
	static const char *const names[REPORT_KINDS] = {
		/* TRANSLATORS: file names of the reports (made ASCII). */
		N_("summary"), N_("by unit"), N_("overdue tasks"), N_("report"), N_("PAR INDEX"),
		N_("SIPAS survey"), N_("report calendar"), N_("CCHC report"), N_("appendix"),
	};
	char words[256], period[64];
	char *slug;

	_Static_assert(sizeof names / sizeof names[0] == REPORT_KINDS, "a file name for each report");
	if (r->kind == REPORT_PAR || r->kind == REPORT_SIPAS || r->kind == REPORT_CALENDAR ||
	    r->kind == REPORT_APPENDIX)
		snprintf(period, sizeof period, "%d", r->year);
	else
		report_period_label(r->year, r->period, period, sizeof period);
	snprintf(words, sizeof words, "%s %s", _(names[r->kind]), period);
	slug = text_slug(words);
	snprintf(buf, n, "%s", slug != NULL && *slug != '\0' ? slug : report_kind_name(r->kind));
	free(slug);
}

const char *
report_verdict_label(enum verdict v)
{
	switch (v) {
	case VERDICT_MET:
		return _("Met");
	case VERDICT_NOT_MET:
		return _("Not met");
	case VERDICT_IN_PROGRESS:
		return _("In progress");
	default:
		return _("Unknown");
	}
}

const char *
report_status_label(enum task_status s)
{
	switch (s) {
	case STATUS_IN_PROGRESS:
		return _("In progress");
	case STATUS_DONE_ON_TIME:
		return _("Done on time");
	case STATUS_DONE_LATE:
		return _("Done late");
	case STATUS_OVERDUE:
		return _("Overdue");
	default:
		return _("Not started");
	}
}

/* ---- Building the model ---- */

/* What a report is built from, loaded once. */
struct source {
	struct db *db;
	struct plan plan;
	struct section *sections;
	int nsections;
	struct target *targets;
	int ntargets;
	struct task *tasks;
	int ntasks;
	int64_t unit;		/* the filter, 0: none */
	int64_t round;		/* the survey round of REPORT_SIPAS */
	int64_t compare;	/* REPORT_SIPAS: a round to compare with, 0: none */
	int64_t set;		/* REPORT_PAR: the criteria set, 0: the year's */
	int year;
	enum period_kind period;
	char soon[11];		/* the last day that is "due soon", ISO */
	struct date span_start, span_end;	/* the data the report counts */
	struct date as_of;	/* tasks' statuses as on this day */
};

/* Adds to the report and remembers that memory ran out, so that the
 * builders read straight and fail once at the end. */
struct builder {
	struct report *r;
	bool oom;
};

struct column_spec {
	const char *title;	/* msgid */
	int width, share;
	enum report_align align;
	enum report_type type;	/* REPORT_TEXT when not given */
};

static char *
dup(struct builder *b, const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		b->oom = true;
	return d;
}

static char *
dupf(struct builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static char *
dupf(struct builder *b, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (s = malloc(n + 1)) == NULL) {
		b->oom = true;
		return NULL;
	}
	va_start(ap, fmt);
	vsnprintf(s, n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static struct report_section *
add_section(struct builder *b, const char *heading)
{
	struct report *r = b->r;
	struct report_section *v;

	if ((v = realloc(r->sections, (r->nsections + 1) * sizeof *v)) == NULL) {
		b->oom = true;
		return NULL;
	}
	r->sections = v;
	v = &r->sections[r->nsections++];
	memset(v, 0, sizeof *v);
	v->heading = dup(b, heading);
	return v;
}

static struct report_block *
add_block(struct builder *b, struct report_section *s, enum report_block_kind kind)
{
	struct report_block *v;

	if (s == NULL)
		return NULL;
	if ((v = realloc(s->blocks, (s->nblocks + 1) * sizeof *v)) == NULL) {
		b->oom = true;
		return NULL;
	}
	s->blocks = v;
	v = &s->blocks[s->nblocks++];
	memset(v, 0, sizeof *v);
	v->kind = kind;
	return v;
}

static void
add_paragraph(struct builder *b, struct report_section *s, const char *text)
{
	struct report_block *p = add_block(b, s, REPORT_PARAGRAPH);

	if (p != NULL)
		p->text = dup(b, text);
}

static struct report_table *
add_table(struct builder *b, struct report_section *s, const struct column_spec *spec, int n)
{
	struct report_block *p = add_block(b, s, REPORT_TABLE);
	struct report_table *t;

	if (p == NULL)
		return NULL;
	t = &p->table;
	if ((t->columns = calloc(n, sizeof *t->columns)) == NULL) {
		b->oom = true;
		return NULL;
	}
	t->ncolumns = n;
	for (int i = 0; i < n; i++) {
		t->columns[i].title = dup(b, _(spec[i].title));
		t->columns[i].width = spec[i].width;
		t->columns[i].share = spec[i].share;
		t->columns[i].align = spec[i].align;
		t->columns[i].type = spec[i].type;
	}
	return t;
}

/* What a cell of a column of type says, read from the text it shows: a
 * figure that does not read as one ("97/98", "—", "rank ≥ 3") stays
 * text. */
static struct report_value
cell_value(enum report_type type, const char *text)
{
	struct report_value v = { .type = REPORT_TEXT };
	size_t len = strlen(text);
	char num[64];

	switch (type) {
	case REPORT_CODE:
		if (*text != '\0')
			v.type = REPORT_CODE;
		break;
	case REPORT_NUMBER:
	case REPORT_RATE:
		/* "+2,5%": a change. */
		if (*text == '+' && text[1] != '\0' && text[1] != '-') {
			text++;
			len--;
		}
		/* "1,5*": a figure marked (a score set by hand). */
		if (len > 1 && len < sizeof num && text[len - 1] == '*') {
			memcpy(num, text, len - 1);
			num[len - 1] = '\0';
			if (number_parse(num, &v.number)) {
				v.type = REPORT_NUMBER;
				v.marked = true;
			}
		} else if (len > 1 && len < sizeof num && text[len - 1] == '%') {
			memcpy(num, text, len - 1);
			num[len - 1] = '\0';
			if (number_parse(num, &v.number))
				v.type = REPORT_RATE;
		} else if (number_parse(text, &v.number)) {
			v.type = REPORT_NUMBER;
		}
		break;
	case REPORT_DATE:
		/* "Quý IV/2025\n31/12/2025": a deadline as written over its
		 * date, which a workbook keeps as a date. */
		if (date_parse_vn(strrchr(text, '\n') ? strrchr(text, '\n') + 1 : text, &v.date))
			v.type = REPORT_DATE;
		break;
	default:
		break;
	}
	return v;
}

/* Appends a row of t->ncolumns cells (copied). */
static void
add_row(struct builder *b, struct report_table *t, const char *const *cells, bool strong)
{
	char **c;
	bool *st;
	struct report_value *v;

	if (t == NULL)
		return;
	c = realloc(t->cells, (size_t)(t->nrows + 1) * t->ncolumns * sizeof *c);
	if (c == NULL) {
		b->oom = true;
		return;
	}
	t->cells = c;
	if ((st = realloc(t->strong, (t->nrows + 1) * sizeof *st)) == NULL) {
		b->oom = true;
		return;
	}
	t->strong = st;
	v = realloc(t->values, (size_t)(t->nrows + 1) * t->ncolumns * sizeof *v);
	if (v == NULL) {
		b->oom = true;
		return;
	}
	t->values = v;
	st[t->nrows] = strong;
	c += (size_t)t->nrows * t->ncolumns;
	v += (size_t)t->nrows * t->ncolumns;
	for (int i = 0; i < t->ncolumns; i++) {
		c[i] = dup(b, cells[i]);
		v[i] = cell_value(t->columns[i].type, cells[i]);
		/* A figure is never cut: its fixed column grows to hold it (a
		 * date under the words of a deadline: the date; the words wrap). */
		const char *figure = strrchr(cells[i], '\n') ? strrchr(cells[i], '\n') + 1 : cells[i];

		if (v[i].type != REPORT_TEXT && v[i].type != REPORT_CODE && t->columns[i].width > 0 &&
		    text_width(figure) > t->columns[i].width)
			t->columns[i].width = text_width(figure);
	}
	t->nrows++;
}

/* The index of a section in src->sections, -1 if none. */
static int
section_index(const struct source *src, int64_t id)
{
	for (int i = 0; i < src->nsections; i++)
		if (src->sections[i].id == id)
			return i;
	return -1;
}

/* "III.2": the section's numeral and the task's TT. */
static void
task_number(const struct source *src, const struct task *t, char *buf, size_t n)
{
	int s = section_index(src, t->section_id);

	snprintf(buf, n, "%s%s%s", section_numeral(s + 1), *t->tt ? "." : "", t->tt);
}

static void
task_status_text(const struct task *t, char *buf, size_t n)
{
	struct date d;

	if (date_parse_iso(t->completion_date, &d)) {
		char vn[11];

		date_format_vn(d, vn);
		snprintf(buf, n, "%s %s", report_status_label(t->status), vn);
	} else {
		snprintf(buf, n, "%s", report_status_label(t->status));
	}
}

static bool
task_open(const struct task *t)
{
	return t->status == STATUS_NOT_STARTED || t->status == STATUS_IN_PROGRESS;
}

static bool
task_due_soon(const struct source *src, const struct task *t)
{
	return task_open(t) && *t->due_date != '\0' && strcmp(t->due_date, src->soon) <= 0;
}

/* Comparators as people write them. */
static const char *
comparator_text(enum comparator c)
{
	static const char *const text[] = { ">", "≥", "<", "≤", "=" };

	return text[c];
}

void
report_target_planned(const struct target *t, char *buf, size_t n)
{
	char num[32];

	number_format_2(t->rule.value, num, sizeof num);
	switch (t->rule.kind) {
	case TARGET_YESNO:
		snprintf(buf, n, "%s", t->rule.value != 0 ? _("Yes") : _("No"));
		break;
	case TARGET_RATE:
	case TARGET_REDUCTION:
		snprintf(buf, n, "%s %s%%", comparator_text(t->rule.cmp), num);
		break;
	case TARGET_RANK:
		snprintf(buf, n, _("rank %s %s"), comparator_text(t->rule.cmp), num);
		break;
	default:
		snprintf(buf, n, "%s %s", comparator_text(t->rule.cmp), num);
		break;
	}
}

/* The figures entered: "97/98" for a rate given as a fraction, else the
 * value ("Yes" for yes/no). */
void
report_target_entered(const struct target *t, char *buf, size_t n)
{
	const struct measure *m = &t->result.measure;
	char a[32], b[32];

	buf[0] = '\0';
	if (!t->has_result)
		return;
	if (m->has_numerator && m->has_denominator) {
		number_format_2(m->numerator, a, sizeof a);
		number_format_2(m->denominator, b, sizeof b);
		snprintf(buf, n, "%s/%s", a, b);
	} else if (m->has_value && t->rule.kind == TARGET_YESNO) {
		snprintf(buf, n, "%s", m->value != 0 ? _("Yes") : _("No"));
	} else if (m->has_value) {
		number_format_2(m->value, a, sizeof a);
		snprintf(buf, n, "%s%s", a, t->rule.kind == TARGET_RATE ||
		    (t->rule.kind == TARGET_REDUCTION && !t->rule.has_baseline) ? "%" : "");
	}
}

void
report_verdict_text(const struct target *t, char *buf, size_t n)
{
	double achieved;
	char a[32], p[32];

	if (t->verdict != VERDICT_IN_PROGRESS ||
	    !evaluate_achieved(&t->rule, &t->result.measure, &achieved)) {
		snprintf(buf, n, "%s", report_verdict_label(t->verdict));
		return;
	}
	number_format_2(achieved, a, sizeof a);
	number_format_2(t->rule.value, p, sizeof p);
	snprintf(buf, n, "%s/%s · %s", a, p, report_verdict_label(t->verdict));
}

/* The rate achieved, for the targets measured in percent. */
static void
target_rate(const struct target *t, char *buf, size_t n)
{
	double achieved;

	buf[0] = '\0';
	if ((t->rule.kind == TARGET_RATE || t->rule.kind == TARGET_REDUCTION) && t->has_result &&
	    evaluate_achieved(&t->rule, &t->result.measure, &achieved))
		number_format_percent(achieved, false, buf, n);
}

static bool
task_involves(const struct task *t, int64_t unit,
    const int64_t *coop, int ncoop)
{
	if (t->lead_unit_id == unit)
		return true;
	for (int i = 0; i < ncoop; i++)
		if (coop[i] == unit)
			return true;
	return false;
}

/* Keeps the tasks the filter's unit leads or cooperates on and the
 * targets it leads. */
static int
apply_unit_filter(struct source *src)
{
	int kept = 0;

	for (int i = 0; i < src->ntasks; i++) {
		int64_t *coop;
		int ncoop;
		bool keep;

		if (task_cooperator_ids(src->db, src->tasks[i].id, &coop, &ncoop) != 0)
			return -1;
		keep = task_involves(&src->tasks[i], src->unit, coop, ncoop);
		free(coop);
		if (keep) {
			struct task tmp = src->tasks[kept];

			src->tasks[kept++] = src->tasks[i];
			src->tasks[i] = tmp;
		}
	}
	/* tasks_free() frees an array: the dropped ones are moved to one. */
	if (kept < src->ntasks) {
		struct task *dropped = malloc((src->ntasks - kept) * sizeof *dropped);

		if (dropped == NULL)
			return db_fail(src->db, _("out of memory"));
		memcpy(dropped, src->tasks + kept, (src->ntasks - kept) * sizeof *dropped);
		tasks_free(dropped, src->ntasks - kept);
		src->ntasks = kept;
	}
	kept = 0;
	for (int i = 0; i < src->ntargets; i++) {
		if (src->targets[i].lead_unit_id == src->unit) {
			struct target tmp = src->targets[kept];

			src->targets[kept++] = src->targets[i];
			src->targets[i] = tmp;
		}
	}
	if (kept < src->ntargets) {
		struct target *dropped = malloc((src->ntargets - kept) * sizeof *dropped);

		if (dropped == NULL)
			return db_fail(src->db, _("out of memory"));
		memcpy(dropped, src->targets + kept, (src->ntargets - kept) * sizeof *dropped);
		targets_free(dropped, src->ntargets - kept);
		src->ntargets = kept;
	}
	return 0;
}

/* Loads what kind is built from: for the PAR sheet and the survey, only
 * the plan (0: none), which gives the signer. */
static int
source_load(struct db *db, enum report_kind kind, int64_t plan, int year,
    enum period_kind period, int64_t unit, struct source *src)
{
	src->db = db;
	src->unit = unit;
	src->year = year;
	src->period = period;
	src->as_of = date_today();
	date_format_iso(date_add_days(src->as_of, REPORT_SOON_DAYS), src->soon);
	if (plan == 0 && (kind == REPORT_SIPAS || kind == REPORT_PAR))
		return 0;
	switch (plan_get(db, plan, &src->plan)) {
	case 1:
		break;
	case 0:
		return db_fail(db, _("no such plan"));
	default:
		return -1;
	}
	if (kind == REPORT_PAR || kind == REPORT_SIPAS)
		return 0;
	/* The appendix is the plan as written: every task, no period. */
	if (kind == REPORT_APPENDIX)
		return section_list(db, &src->sections, &src->nsections) != 0 ||
		    task_list(db, plan, 0, &src->tasks, &src->ntasks) != 0 ? -1 : 0;
	period_span(year, period, period_calendar_setting(db), src->plan.issue_date,
	    &src->span_start, &src->span_end);
	src->as_of = period_as_of(src->span_end, src->as_of);
	date_format_iso(date_add_days(src->as_of, REPORT_SOON_DAYS), src->soon);
	if (section_list(db, &src->sections, &src->nsections) != 0 ||
	    target_list(db, plan, 0, year, period, &src->targets, &src->ntargets) != 0 ||
	    task_list(db, plan, 0, &src->tasks, &src->ntasks) != 0)
		return -1;
	for (int i = 0; i < src->ntasks; i++)
		task_as_of(&src->tasks[i], src->as_of);
	return unit != 0 ? apply_unit_filter(src) : 0;
}

static void
source_free(struct source *src)
{
	if (src->plan.title != NULL)
		plan_free(&src->plan);
	sections_free(src->sections, src->nsections);
	targets_free(src->targets, src->ntargets);
	tasks_free(src->tasks, src->ntasks);
}

/* ---- The kinds ---- */

static int
build_dashboard(struct builder *b, struct source *src)
{
	static const struct column_spec target_cols[] = {
		{ N_("Section"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Targets"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Met"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Not met"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Ongoing"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Unknown"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	static const struct column_spec task_cols[] = {
		{ N_("Section"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Tasks"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Done"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Overdue"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Due soon"), 8, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	struct section_summary *sum = calloc(src->nsections + 1, sizeof *sum), total;
	struct report_table *targets, *tasks;
	struct report_section *s;
	char period[64], today[11], *text;

	if (sum == NULL) {
		b->oom = true;
		return 0;
	}
	if (summary_by_section(src->db, src->plan.id, src->year, src->period, src->as_of,
	    REPORT_SOON_DAYS,
	    src->sections, src->nsections, sum, &total) != 0) {
		free(sum);
		return -1;
	}
	report_period_label(src->year, src->period, period, sizeof period);
	date_format_vn(src->as_of, today);
	s = add_section(b, "");
	text = dupf(b, _("Targets are judged for the period %s, tasks as of %s; a task is due "
	    "soon when it is not done and due within %d days."), period, today, REPORT_SOON_DAYS);
	add_paragraph(b, s, text);
	free(text);
	targets = add_table(b, add_section(b, _("Targets")), target_cols, 6);
	tasks = add_table(b, add_section(b, _("Tasks")), task_cols, 5);
	for (int i = 0; i <= src->nsections; i++) {
		const struct section_summary *c = i < src->nsections ? &sum[i] : &total;
		char name[512], v[9][16];
		const int n[9] = { c->targets, c->met, c->not_met, c->in_progress, c->unknown,
		    c->tasks, c->done, c->overdue, c->due_soon };

		if (i < src->nsections)
			snprintf(name, sizeof name, "%s. %s", section_numeral(i + 1), src->sections[i].title);
		else
			snprintf(name, sizeof name, "%s", _("All sections"));
		for (int j = 0; j < 9; j++)
			snprintf(v[j], sizeof v[j], "%d", n[j]);
		add_row(b, targets, (const char *[]){ name, v[0], v[1], v[2], v[3], v[4] },
		    i == src->nsections);
		add_row(b, tasks, (const char *[]){ name, v[5], v[6], v[7], v[8] }, i == src->nsections);
	}
	free(sum);
	return 0;
}

static const struct column_spec target_columns[] = {
	{ N_("No."), 3, 0, REPORT_RIGHT, REPORT_CODE },
	{ N_("Target"), 0, 1, REPORT_LEFT, REPORT_TEXT },
	{ N_("Planned"), 9, 0, REPORT_LEFT, REPORT_TEXT },
	{ N_("Result"), 9, 0, REPORT_RIGHT, REPORT_NUMBER },
	{ N_("Rate"), 7, 0, REPORT_RIGHT, REPORT_NUMBER },
	{ N_("Verdict"), 9, 0, REPORT_LEFT, REPORT_TEXT },
};
#define TARGET_COLUMNS 6

static void
add_target_row(struct builder *b, struct report_table *t, int no, const struct target *g)
{
	char num[16], planned[64], entered[64], rate[48], verdict[96];

	snprintf(num, sizeof num, "%d", no);
	report_verdict_text(g, verdict, sizeof verdict);
	report_target_planned(g, planned, sizeof planned);
	report_target_entered(g, entered, sizeof entered);
	target_rate(g, rate, sizeof rate);
	add_row(b, t, (const char *[]){ num, g->text, planned, entered, rate, verdict }, false);
}

/* Per unit: its share of the tasks. */
struct unit_load {
	const struct unit *unit;
	int ntasks, overdue;
	char *lead, *coop;	/* per task: the unit leads / cooperates */
};

static int
unit_load_cmp(const void *a, const void *b)
{
	const struct unit_load *x = a, *y = b;

	/* Units with overdue tasks first; otherwise the units' order. */
	if ((x->overdue > 0) != (y->overdue > 0))
		return x->overdue > 0 ? -1 : 1;
	return x->unit < y->unit ? -1 : x->unit > y->unit;
}

static void
add_unit_section(struct builder *b, struct source *src, const struct unit_load *u)
{
	static const struct column_spec cols[] = {
		{ N_("Role"), 10, 0, REPORT_LEFT, REPORT_TEXT },
		{ N_("No."), 6, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Task"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Status"), 11, 0, REPORT_LEFT, REPORT_TEXT },
	};
	struct report_section *s;
	struct report_table *t = NULL;
	char *heading;

	heading = dupf(b, _("%s: %d tasks, %d overdue"), u->unit->name, u->ntasks, u->overdue);
	s = add_section(b, heading != NULL ? heading : "");
	free(heading);
	/* The tasks it leads, then those it cooperates on. */
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < src->ntasks; i++) {
			const struct task *k = &src->tasks[i];
			char tt[32], due[256], status[64];

			if (!(pass == 0 ? u->lead[i] : u->coop[i]))
				continue;
			if (t == NULL)
				t = add_table(b, s, cols, 5);
			task_number(src, k, tt, sizeof tt);
			task_due_text(k, due, sizeof due);
			task_status_text(k, status, sizeof status);
			add_row(b, t, (const char *[]){ pass == 0 ? _("Leads") : _("Cooperates"),
			    tt, k->description, due, status }, false);
		}
	}
	if (t == NULL)
		add_paragraph(b, s, _("Nothing assigned."));
}

static int
build_units(struct builder *b, struct source *src)
{
	struct unit *units;
	struct unit_load *load;
	int nunits, rc = -1;

	if (unit_list(src->db, &units, &nunits) != 0)
		return -1;
	if ((load = calloc(nunits ? nunits : 1, sizeof *load)) == NULL) {
		units_free(units, nunits);
		b->oom = true;
		return 0;
	}
	for (int u = 0; u < nunits; u++) {
		load[u].unit = &units[u];
		load[u].lead = calloc(src->ntasks + 1, 1);
		load[u].coop = calloc(src->ntasks + 1, 1);
		if (load[u].lead == NULL || load[u].coop == NULL) {
			b->oom = true;
			goto out;
		}
	}
	for (int i = 0; i < src->ntasks; i++) {
		int64_t *coop;
		int ncoop;

		if (task_cooperator_ids(src->db, src->tasks[i].id, &coop, &ncoop) != 0)
			goto out;
		for (int u = 0; u < nunits; u++) {
			bool lead = src->tasks[i].lead_unit_id == units[u].id;
			bool in = task_involves(&src->tasks[i], units[u].id, coop, ncoop);

			load[u].lead[i] = lead;
			load[u].coop[i] = in && !lead;
			load[u].ntasks += in;
			load[u].overdue += in && src->tasks[i].status == STATUS_OVERDUE;
		}
		free(coop);
	}
	qsort(load, nunits, sizeof *load, unit_load_cmp);
	for (int u = 0; u < nunits; u++)
		/* The units with tasks, or the one asked for even without. */
		if (src->unit != 0 ? load[u].unit->id == src->unit : load[u].ntasks > 0)
			add_unit_section(b, src, &load[u]);
	rc = 0;
out:
	for (int u = 0; u < nunits; u++) {
		free(load[u].lead);
		free(load[u].coop);
	}
	free(load);
	units_free(units, nunits);
	return rc;
}

static int
by_due_date(const void *a, const void *b)
{
	const struct task *const *x = a, *const *y = b;
	int c = strcmp((*x)->due_date, (*y)->due_date);

	return c != 0 ? c : (*x < *y ? -1 : *x > *y);
}

/* One section of the overdue report: the overdue tasks, or those due
 * soon, by due date, with the days late or left. */
static void
add_deadline_section(struct builder *b, struct source *src, bool overdue)
{
	const struct column_spec cols[] = {
		{ N_("No."), 6, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Task"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Lead unit"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ overdue ? N_("Days late") : N_("Days left"), 7, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	const struct task **v = calloc(src->ntasks + 1, sizeof *v);
	struct report_section *s;
	struct report_table *t;
	char *heading;
	int n = 0;

	if (v == NULL) {
		b->oom = true;
		return;
	}
	for (int i = 0; i < src->ntasks; i++)
		if (overdue ? src->tasks[i].status == STATUS_OVERDUE : task_due_soon(src, &src->tasks[i]))
			v[n++] = &src->tasks[i];
	qsort(v, n, sizeof *v, by_due_date);
	if (overdue)
		heading = dupf(b, _("Overdue (%d)"), n);
	else
		heading = dupf(b, _("Due within %d days (%d)"), REPORT_SOON_DAYS, n);
	s = add_section(b, heading != NULL ? heading : "");
	free(heading);
	if (n == 0)
		add_paragraph(b, s, _("None."));
	t = n > 0 ? add_table(b, s, cols, 5) : NULL;
	for (int i = 0; i < n; i++) {
		char tt[32], due[256], days[24];
		struct date d;

		task_number(src, v[i], tt, sizeof tt);
		task_due_text(v[i], due, sizeof due);
		date_parse_iso(v[i]->due_date, &d);
		snprintf(days, sizeof days, "%ld", labs(date_to_days(src->as_of) - date_to_days(d)));
		add_row(b, t, (const char *[]){ tt, v[i]->description, v[i]->lead_unit, due, days },
		    false);
	}
	free(v);
}

static int
build_overdue(struct builder *b, struct source *src)
{
	add_deadline_section(b, src, true);
	add_deadline_section(b, src, false);
	return 0;
}

static void
add_period_summary(struct builder *b, struct source *src)
{
	int met = 0, not_met = 0, going = 0, done = 0, late = 0, overdue = 0, soon = 0;
	char *text;

	for (int i = 0; i < src->ntargets; i++) {
		met += src->targets[i].verdict == VERDICT_MET;
		not_met += src->targets[i].verdict == VERDICT_NOT_MET;
		going += src->targets[i].verdict == VERDICT_IN_PROGRESS;
	}
	for (int i = 0; i < src->ntasks; i++) {
		const struct task *t = &src->tasks[i];

		done += !task_open(t) && t->status != STATUS_OVERDUE;
		late += t->status == STATUS_DONE_LATE;
		overdue += t->status == STATUS_OVERDUE;
		soon += task_due_soon(src, t);
	}
	text = dupf(b, _("Targets: %d in all; %d met, %d not met, %d in progress, %d not yet known.\n"
	    "Tasks: %d in all; %d done (%d of them late), %d overdue, %d due within %d days."),
	    src->ntargets, met, not_met, going, src->ntargets - met - not_met - going,
	    src->ntasks, done, late, overdue, soon, REPORT_SOON_DAYS);
	add_paragraph(b, add_section(b, ""), text);
	free(text);
}

/* Text put together line by line; NULL (and b->oom) when memory ran out. */
static FILE *
lines_open(struct builder *b, char **text, size_t *len)
{
	FILE *fp = open_memstream(text, len);

	if (fp == NULL)
		b->oom = true;
	return fp;
}

static char *
lines_close(struct builder *b, FILE *fp, char **text)
{
	if (fp == NULL)
		return NULL;
	if (fclose(fp) != 0) {
		b->oom = true;
		free(*text);
		return NULL;
	}
	return *text;
}

/* A document as cited: "12/KH-UBND, 05/01/2025: Kế hoạch CCHC năm 2025",
 * of number, ISO date and summary only the parts given. */
static void
put_document(FILE *fp, const char *number, const char *iso, const char *summary)
{
	char vn[11] = "";
	struct date d;

	if (date_parse_iso(iso, &d))
		date_format_vn(d, vn);
	fprintf(fp, "%s%s%s%s%s", number, *number && *vn ? ", " : "", vn,
	    (*number || *vn) && *summary ? ": " : "", summary);
}

/* The document a task's progress cites. */
static char *
task_evidence_text(struct builder *b, const struct task *k)
{
	char *text = NULL;
	size_t len;
	FILE *fp = lines_open(b, &text, &len);

	if (fp != NULL)
		put_document(fp, k->evidence_number, k->evidence_date, k->evidence);
	return lines_close(b, fp, &text);
}

static int
build_period(struct builder *b, struct source *src)
{
	static const struct column_spec task_cols[] = {
		{ N_("No."), 3, 0, REPORT_RIGHT, REPORT_CODE },
		{ N_("Task"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Lead unit"), 11, 0, REPORT_LEFT, REPORT_TEXT },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Status"), 11, 0, REPORT_LEFT, REPORT_TEXT },
		{ N_("Evidence"), 0, 2, REPORT_LEFT, REPORT_TEXT },
	};

	add_period_summary(b, src);
	for (int i = 0; i < src->nsections; i++) {
		const struct section *sec = &src->sections[i];
		struct report_table *targets = NULL, *tasks = NULL;
		struct report_section *s;
		char *heading = dupf(b, "%s. %s", section_numeral(i + 1), sec->title);
		int no = 0;

		s = add_section(b, heading != NULL ? heading : "");
		free(heading);
		for (int j = 0; j < src->ntargets; j++) {
			if (src->targets[j].section_id != sec->id)
				continue;
			if (targets == NULL) {
				add_paragraph(b, s, _("Targets"));
				targets = add_table(b, s, target_columns, TARGET_COLUMNS);
			}
			add_target_row(b, targets, ++no, &src->targets[j]);
		}
		for (int j = 0; j < src->ntasks; j++) {
			const struct task *k = &src->tasks[j];
			char due[256], status[64], *evidence;

			if (k->section_id != sec->id)
				continue;
			if (tasks == NULL) {
				add_paragraph(b, s, _("Tasks"));
				tasks = add_table(b, s, task_cols, 6);
			}
			task_due_text(k, due, sizeof due);
			task_status_text(k, status, sizeof status);
			evidence = task_evidence_text(b, k);
			add_row(b, tasks, (const char *[]){ k->tt, k->description, k->lead_unit,
			    due, status, evidence }, false);
			free(evidence);
		}
		if (targets == NULL && tasks == NULL)
			add_paragraph(b, s, _("Nothing planned in this section."));
	}
	return 0;
}

/* A criterion's or a question's title after two no-break spaces a level:
 * text wrapping keeps them and HTML does not collapse them. */
static char *
indented(struct builder *b, int depth, const char *title)
{
	size_t pad = 4 * (size_t)depth, len = strlen(title);
	char *s = malloc(pad + len + 1);

	if (s == NULL) {
		b->oom = true;
		return NULL;
	}
	for (size_t i = 0; i < pad; i += 2)
		memcpy(s + i, "\xC2\xA0", 2);
	memcpy(s + pad, title, len + 1);
	return s;
}

/* A figure with at most two decimals, "" when there is none. */
static void
figure(bool has, double v, char *buf, size_t n)
{
	buf[0] = '\0';
	if (has)
		number_format_2(v, buf, n);
}

/* The documents cited for a leaf, one a line, each after a dash when
 * there are several. */
static char *
evidence_text(struct builder *b, const struct par_line *l)
{
	char *text = NULL;
	size_t len;
	FILE *fp = lines_open(b, &text, &len);

	for (int k = 0; fp != NULL && k < l->nevidence; k++) {
		const struct par_evidence *e = &l->evidence[k];

		fprintf(fp, "%s%s", k > 0 ? "\n" : "", l->nevidence > 1 ? "- " : "");
		put_document(fp, e->number, e->date, e->summary);
	}
	return lines_close(b, fp, &text);
}

/* The totals, the index and its band, as `cchc score` words them. */
static void
add_par_totals(struct builder *b, const struct assessment *a)
{
	char *text = NULL, pts[32], max[32], idx[32];
	size_t len;
	FILE *fp = lines_open(b, &text, &len);

	if (fp == NULL)
		return;
	number_format_2(a->self.points, pts, sizeof pts);
	number_format_2(a->self.max, max, sizeof max);
	number_format_2(a->self.index, idx, sizeof idx);
	fprintf(fp, _("Total: %s of %s"), pts, max);
	if (!a->survey_held)
		fprintf(fp, "\n%s", _("No survey held: the appraised part is scaled to 100."));
	fputc('\n', fp);
	fprintf(fp, _("Index: %s (band %s)"), idx, a->self.band ? a->self.band : "");
	if (a->has_appraised) {
		number_format_2(a->appraised.points, pts, sizeof pts);
		number_format_2(a->appraised.max, max, sizeof max);
		number_format_2(a->appraised.index, idx, sizeof idx);
		fputc('\n', fp);
		fprintf(fp, _("Appraised: %s of %s"), pts, max);
		fputc('\n', fp);
		fprintf(fp, _("Appraised index: %s (band %s)"), idx,
		    a->appraised.band ? a->appraised.band : "");
	}
	text = lines_close(b, fp, &text);
	add_paragraph(b, add_section(b, ""), text);
	free(text);
}

/* What a round of appraisal made of the points under node i (all the
 * leaves when i is -1): each leaf's figure of that round, round 2 over
 * round 1, else the self-assessed points it left alone.  False when the
 * round appraised none of them. */
static bool
round_sum(const struct assessment *a, int i, int round, double *sum)
{
	const struct criteria_set *s = &a->set;
	bool any = false;

	*sum = 0;
	for (int k = i + 1; k < s->n && (i < 0 || s->nodes[k].depth > s->nodes[i].depth); k++) {
		const struct par_line *l = &a->lines[k];

		if (!s->nodes[k].leaf)
			continue;
		any |= round == 1 ? l->has_r1 : l->has_r2;
		*sum += round == 2 && l->has_r2 ? l->r2 : l->has_r1 ? l->r1 : l->points;
	}
	return any;
}

/* round_sum as the sheet prints it, "" when the round appraised none. */
static void
round_figure(const struct assessment *a, int i, int round, char *buf, size_t n)
{
	double sum;
	bool any = round_sum(a, i, round, &sum);

	figure(any, sum, buf, n);
}

/* A criterion's explanation (giải trình) and, when its self score was set
 * by hand, why. */
static char *
explanation_text(struct builder *b, const struct par_line *l)
{
	char *text = NULL;
	size_t len;
	FILE *fp = lines_open(b, &text, &len);

	if (fp == NULL)
		return NULL;
	fputs(l->explanation != NULL ? l->explanation : "", fp);
	if (l->has_override) {
		if (l->explanation != NULL && *l->explanation != '\0')
			fputc('\n', fp);
		fprintf(fp, _("* Self score set by hand: %s"), l->reason != NULL ? l->reason : "");
	}
	return lines_close(b, fp, &text);
}

/* Beside last year's assessment, when there is one (scored with last
 * year's set, else with this one): per criterion and the index, the points
 * now, then and the change. */
static int
add_par_compare(struct builder *b, struct db *db, const struct assessment *a, int64_t set)
{
	static const struct column_spec cols[] = {
		{ N_("Code"), 4, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Criterion"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Now"), 6, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Before"), 6, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Change"), 6, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	struct assessment prev;
	struct par_compare *rows;
	struct report_table *t;
	int64_t prev_set = criteria_find(db, a->year - 1);
	char *heading;
	int n;

	if (prev_set < 0 || assessment_load(db, prev_set != 0 ? prev_set : set, a->year - 1,
	    &prev) != 0)
		return -1;
	if (prev.id == 0) {
		assessment_free(&prev);
		return 0;
	}
	if (assessment_compare(a, &prev, &rows, &n) != 0) {
		assessment_free(&prev);
		return db_fail(db, _("out of memory"));
	}
	heading = dupf(b, _("Compared with %d"), prev.year);
	t = add_table(b, add_section(b, heading != NULL ? heading : ""), cols, 5);
	free(heading);
	for (int i = 0; i < n; i++) {
		char now[32], before[32], change[32];

		figure(true, rows[i].now, now, sizeof now);
		figure(rows[i].has_before, rows[i].before, before, sizeof before);
		figure(rows[i].has_before, rows[i].difference, change, sizeof change);
		add_row(b, t, (const char *[]){ rows[i].title != NULL ? rows[i].code : "",
		    rows[i].title != NULL ? rows[i].title : _("Index"), now, before, change },
		    rows[i].title == NULL);
	}
	free(rows);
	assessment_free(&prev);
	return 0;
}

/* The PAR INDEX self-assessment sheet of the year: the assessment as
 * assessment.c computes it, the criteria in the set's order, as the sheet
 * sent to the province carries it: evidence, explanation, the self score
 * (marked * when set by hand), the two rounds of appraisal, per criterion,
 * per area and in total. */
static int
build_par(struct builder *b, struct source *src)
{
	static const struct column_spec cols[] = {
		/* Figures' columns as narrow as their figures (they grow to
		 * fit one): the words need the room. */
		{ N_("Code"), 4, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Criterion"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Max"), 4, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Self"), 5, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Round 1"), 5, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Round 2"), 5, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Evidence"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Explanation"), 0, 2, REPORT_LEFT, REPORT_TEXT },
	};
	struct assessment a;
	struct report_section *sheet;
	struct report_table *t;
	char heading[64], max[32], total[32], r1[32], r2[32];
	int64_t set = src->set != 0 ? src->set : criteria_find(src->db, src->year);
	bool marked = false;
	int rc;

	if (set < 0)
		return -1;
	if (set == 0)
		return db_fail(src->db, _("no criteria set for %d: import one first "
		    "(cchc score --import FILE, or cchc score --template for the commune "
		    "template)"), src->year);
	if (assessment_load(src->db, set, src->year, &a) != 0)
		return -1;
	snprintf(heading, sizeof heading, _("Self-assessment of %d"), a.year);
	b->r->subtitle = dupf(b, "%s · %s", heading, a.set.name);
	sheet = add_section(b, "");
	t = add_table(b, sheet, cols, 8);
	for (int i = 0; i < a.set.n; i++) {
		const struct par_node *c = &a.set.nodes[i];
		const struct par_line *l = &a.lines[i];
		char self[40];
		char *title = indented(b, c->depth, c->title), *evidence = evidence_text(b, l);
		char *explanation = explanation_text(b, l);

		figure(true, c->max, max, sizeof max);
		figure(!c->leaf || l->has_self || l->has_override, l->points, self, sizeof self);
		if (c->leaf && l->has_override) {
			strcat(self, "*");
			marked = true;
		}
		if (c->leaf) {
			figure(l->has_r1, l->r1, r1, sizeof r1);
			figure(l->has_r2, l->r2, r2, sizeof r2);
		} else {
			round_figure(&a, i, 1, r1, sizeof r1);
			round_figure(&a, i, 2, r2, sizeof r2);
		}
		/* A top-level criterion is the sum of its own: bold. */
		add_row(b, t, (const char *[]){ c->code, title, max, self, r1, r2, evidence,
		    explanation }, c->depth == 0);
		free(title);
		free(evidence);
		free(explanation);
	}
	figure(true, a.max, max, sizeof max);
	figure(true, a.total, total, sizeof total);
	round_figure(&a, -1, 1, r1, sizeof r1);
	round_figure(&a, -1, 2, r2, sizeof r2);
	add_row(b, t, (const char *[]){ "", _("Total"), max, total, r1, r2, "", "" }, true);
	if (marked)
		add_paragraph(b, sheet,
		    _("* The self score was set by hand; the reason is under Explanation."));
	add_par_totals(b, &a);
	rc = add_par_compare(b, src->db, &a, set);
	assessment_free(&a);
	return rc;
}

/* A share or an index as the report prints it ("87,5%"), "—" when there
 * is none (nobody answered). */
static void
percent_text(bool has, double v, char *buf, size_t n)
{
	if (has)
		number_format_percent(sipas_round2(v), false, buf, n);
	else
		snprintf(buf, n, "—");
}

static void
share_text(const struct sipas_tally *t, char *buf, size_t n)
{
	double v = 0;
	bool has = sipas_share(t, &v);

	percent_text(has, v, buf, n);
}

/* What the round is: questionnaire, days, what it covers, forms, and
 * which answers count as satisfied. */
static void
add_sipas_head(struct builder *b, const struct sipas_round *r,
    const struct sipas_questionnaire *q, int forms)
{
	char *text = NULL, from[11] = "", to[11] = "";
	size_t len;
	FILE *fp = lines_open(b, &text, &len);
	struct date d;

	if (fp == NULL)
		return;
	if (date_parse_iso(r->date_from, &d))
		date_format_vn(d, from);
	if (date_parse_iso(r->date_to, &d))
		date_format_vn(d, to);
	fprintf(fp, _("Questionnaire: %s"), q->name);
	if (*from || *to) {
		fputc('\n', fp);
		fprintf(fp, _("Days: %s – %s"), from, to);
	}
	if (*r->service || *r->unit) {
		fputc('\n', fp);
		fprintf(fp, _("Covers: %s%s%s"), r->service, *r->service && *r->unit ? "; " : "",
		    r->unit);
	}
	fputc('\n', fp);
	fprintf(fp, _("Forms entered: %d"), forms);
	fputc('\n', fp);
	fputs(_("Satisfied: the answers"), fp);
	for (int i = 0, k = 0; i < q->nscale; i++)
		if (q->scale[i].satisfied)
			fprintf(fp, "%s%d %s", k++ > 0 ? ", " : " ", q->scale[i].value,
			    q->scale[i].label);
	fprintf(fp, "%s", _(", among those who answered (0, no answer, left out)."));
	text = lines_close(b, fp, &text);
	add_paragraph(b, add_section(b, ""), text);
	free(text);
}

/* Per element and question: the share satisfied and the answers; then
 * the overall index and its formula. */
static void
add_sipas_results(struct builder *b, const struct sipas_questionnaire *q,
    const struct sipas_results *res)
{
	static const struct column_spec cols[] = {
		{ N_("Code"), 5, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Element / question"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Satisfied"), 9, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Answers"), 7, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	struct report_section *s = add_section(b, "");
	struct report_table *t = add_table(b, s, cols, 4);
	char share[32], count[16], *text = NULL;
	size_t len;
	FILE *fp;

	for (int e = 0; e < q->nelements; e++) {
		const struct sipas_element *el = &q->elements[e];

		share_text(&res->elements[e], share, sizeof share);
		snprintf(count, sizeof count, "%d", res->elements[e].answered);
		add_row(b, t, (const char *[]){ el->code, el->title, share, count }, true);
		for (int i = el->first; i < el->first + el->nquestions; i++) {
			char *question = indented(b, 1, q->questions[i].text);

			share_text(&res->questions[i], share, sizeof share);
			snprintf(count, sizeof count, "%d", res->questions[i].answered);
			add_row(b, t, (const char *[]){ q->questions[i].code, question, share, count },
			    false);
			free(question);
		}
	}
	percent_text(res->has_index, res->index, share, sizeof share);
	if ((fp = lines_open(b, &text, &len)) == NULL)
		return;
	fprintf(fp, _("Overall index: %s"), share);
	fputc('\n', fp);
	fprintf(fp, _("Formula: %s."), sipas_formula_text(q->formula));
	text = lines_close(b, fp, &text);
	add_paragraph(b, s, text);
	free(text);
}

/* One table per respondent field: per option, the forms, the element
 * shares and the index. */
static int
add_sipas_breakdowns(struct builder *b, struct db *db, const struct sipas_questionnaire *q,
    int64_t round)
{
	struct column_spec cols[SIPAS_MAX_QUESTIONS + 3] = {
		{ N_("Option"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Forms"), 5, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	int n = 2 + q->nelements + 1;

	for (int e = 0; e < q->nelements; e++)
		cols[2 + e] = (struct column_spec){ "", 6, 0, REPORT_RIGHT, REPORT_NUMBER };
	cols[n - 1] = (struct column_spec){ N_("Index"), 7, 0, REPORT_RIGHT, REPORT_NUMBER };
	for (int f = 0; f < q->nfields; f++) {
		const struct sipas_field *fl = &q->fields[f];
		char *heading = dupf(b, _("Breakdown by %s"), fl->name);
		struct report_table *t = add_table(b, add_section(b, heading != NULL ? heading : ""),
		    cols, n);

		free(heading);
		/* The elements' columns by their codes. */
		for (int e = 0; t != NULL && e < q->nelements; e++) {
			free(t->columns[2 + e].title);
			t->columns[2 + e].title = dupf(b, _("El. %s"), q->elements[e].code);
		}
		for (int o = 0; o <= fl->noptions; o++) {
			/* The options, then the forms that do not say. */
			int value = o < fl->noptions ? fl->options[o].value : 0;
			char cells[SIPAS_MAX_QUESTIONS + 3][32];
			const char *row[SIPAS_MAX_QUESTIONS + 3];
			struct sipas_results res;

			if (sipas_results(db, q, round, f, value, &res) != 0)
				return -1;
			if (value == 0 && res.forms == 0)
				continue;
			row[0] = value != 0 ? fl->options[o].label : _("Not given");
			snprintf(cells[1], sizeof cells[1], "%d", res.forms);
			for (int e = 0; e < q->nelements; e++)
				share_text(&res.elements[e], cells[2 + e], sizeof cells[0]);
			percent_text(res.has_index, res.index, cells[n - 1], sizeof cells[0]);
			for (int i = 1; i < n; i++)
				row[i] = cells[i];
			add_row(b, t, row, false);
		}
	}
	return 0;
}

/* The element shares and the index beside those of round other
 * (elements matched by code) and the change, of the printed figures so
 * that the columns add up. */
static int
add_sipas_compare(struct builder *b, struct db *db, const struct sipas_questionnaire *q,
    const struct sipas_results *mine, int64_t other)
{
	static const struct column_spec cols[] = {
		{ N_("Code"), 5, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Element"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("This round"), 9, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Compared"), 9, 0, REPORT_RIGHT, REPORT_NUMBER },
		{ N_("Change"), 9, 0, REPORT_RIGHT, REPORT_NUMBER },
	};
	struct sipas_questionnaire oq;
	struct sipas_results res;
	struct sipas_round r;
	struct report_table *t;
	char *heading;

	switch (sipas_round_get(db, other, &r)) {
	case 1:
		break;
	case 0:
		return db_fail(db, _("no survey round %lld"), (long long)other);
	default:
		return -1;
	}
	if (sipas_questionnaire_load(db, r.questionnaire_id, &oq) != 0) {
		sipas_round_free(&r);
		return -1;
	}
	if (sipas_results(db, &oq, other, -1, 0, &res) != 0) {
		sipas_questionnaire_free(&oq);
		sipas_round_free(&r);
		return -1;
	}
	heading = dupf(b, _("Compared with %s (%d forms)"), r.name, res.forms);
	t = add_table(b, add_section(b, heading != NULL ? heading : ""), cols, 5);
	free(heading);
	for (int e = 0; e <= q->nelements; e++) {
		bool has_a, has_b = false;
		double a = 0, bv = 0;
		char ca[32], cb[32], cd[32];
		int k;

		if (e < q->nelements) {
			has_a = sipas_share(&mine->elements[e], &a);
			for (k = 0; k < oq.nelements && strcmp(oq.elements[k].code,
			    q->elements[e].code) != 0; k++)
				continue;
			has_b = k < oq.nelements && sipas_share(&res.elements[k], &bv);
		} else {
			has_a = mine->has_index;
			a = mine->index;
			has_b = res.has_index;
			bv = res.index;
		}
		percent_text(has_a, a, ca, sizeof ca);
		percent_text(has_b, bv, cb, sizeof cb);
		if (has_a && has_b)
			number_format_percent(sipas_round2(a) - sipas_round2(bv), true, cd, sizeof cd);
		else
			snprintf(cd, sizeof cd, "—");
		if (e < q->nelements)
			add_row(b, t, (const char *[]){ q->elements[e].code, q->elements[e].title, ca,
			    cb, cd }, false);
		else
			add_row(b, t, (const char *[]){ "", _("Overall index"), ca, cb, cd }, true);
	}
	sipas_questionnaire_free(&oq);
	sipas_round_free(&r);
	return 0;
}

/* The results of a SIPAS survey round, as sipas.c tallies them. */
static int
build_sipas(struct builder *b, struct source *src)
{
	struct sipas_questionnaire q;
	struct sipas_results res;
	struct sipas_round r;
	struct date d;
	int rc;

	if (src->round <= 0)
		return db_fail(src->db, "%s",
		    _("the SIPAS report is of one survey round: say which"));
	switch (sipas_round_get(src->db, src->round, &r)) {
	case 1:
		break;
	case 0:
		return db_fail(src->db, _("no survey round %lld"), (long long)src->round);
	default:
		return -1;
	}
	if (sipas_questionnaire_load(src->db, r.questionnaire_id, &q) != 0) {
		sipas_round_free(&r);
		return -1;
	}
	/* The report's year: the round's, for the name it is saved under. */
	if (date_parse_iso(r.date_from, &d))
		b->r->year = d.year;
	b->r->subtitle = dup(b, r.name);
	if ((rc = sipas_results(src->db, &q, r.id, -1, 0, &res)) == 0) {
		add_sipas_head(b, &r, &q, res.forms);
		add_sipas_results(b, &q, &res);
		rc = add_sipas_breakdowns(b, src->db, &q, r.id);
	}
	if (rc == 0 && src->compare != 0)
		rc = add_sipas_compare(b, src->db, &q, &res, src->compare);
	sipas_questionnaire_free(&q);
	sipas_round_free(&r);
	return rc;
}

/* A part of the written report under its heading: the clerk's text, or
 * when never saved the sentences computed from section draft's data (0:
 * none); an empty part keeps its heading. */
static int
add_written_part(struct builder *b, struct source *src, const char *heading,
    enum written_part p, int64_t section, int64_t draft)
{
	struct report_section *s = add_section(b, heading != NULL ? heading : "");
	bool saved = false;
	char *text = written_load(src->db, src->plan.id, src->year, src->period, p, section,
	    &saved);

	if (text == NULL)
		return -1;
	if (draft != 0 && !saved) {
		free(text);
		if ((text = written_area_text(src->targets, src->ntargets, src->tasks, src->ntasks,
		    draft)) == NULL) {
			b->oom = true;
			return 0;
		}
	}
	if (*text != '\0')
		add_paragraph(b, s, text);
	free(text);
	return 0;
}

/* The office's written report of the period (issue 17): the outline's
 * parts I to V, then the targets and the tasks as appendices. */
static int
build_written(struct builder *b, struct source *src)
{
	static const struct column_spec task_cols[] = {
		{ N_("No."), 6, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Task"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Lead unit"), 11, 0, REPORT_LEFT, REPORT_TEXT },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Status"), 11, 0, REPORT_LEFT, REPORT_TEXT },
	};
	static const enum written_part assessment[] = {
		WRITTEN_STRENGTHS, WRITTEN_WEAKNESSES, WRITTEN_CAUSES,
	};
	struct report_table *t = NULL;
	char *heading;
	int rc = 0, no = 0, area = 0;
	int64_t direction = 0;

	for (int i = 0; i < src->nsections; i++)
		if (strcmp(src->sections[i].code, WRITTEN_DIRECTION_SECTION) == 0)
			direction = src->sections[i].id;
	heading = dupf(b, "I. %s", written_part_label(WRITTEN_DIRECTION));
	rc |= add_written_part(b, src, heading, WRITTEN_DIRECTION, 0, direction);
	free(heading);
	heading = dupf(b, "II. %s", written_part_label(WRITTEN_AREA));
	add_section(b, heading != NULL ? heading : "");
	free(heading);
	for (int i = 0; i < src->nsections && rc == 0; i++) {
		if (src->sections[i].id == direction)
			continue;
		heading = dupf(b, "%d. %s", ++area, src->sections[i].title);
		rc |= add_written_part(b, src, heading, WRITTEN_AREA, src->sections[i].id,
		    src->sections[i].id);
		free(heading);
	}
	add_section(b, _("III. General assessment"));
	for (int i = 0; i < 3 && rc == 0; i++) {
		heading = dupf(b, "%d. %s", i + 1, written_part_label(assessment[i]));
		rc |= add_written_part(b, src, heading, assessment[i], 0, 0);
		free(heading);
	}
	heading = dupf(b, "IV. %s", written_part_label(WRITTEN_NEXT));
	rc |= rc == 0 ? add_written_part(b, src, heading, WRITTEN_NEXT, 0, 0) : 0;
	free(heading);
	heading = dupf(b, "V. %s", written_part_label(WRITTEN_PROPOSALS));
	rc |= rc == 0 ? add_written_part(b, src, heading, WRITTEN_PROPOSALS, 0, 0) : 0;
	free(heading);
	if (rc != 0)
		return -1;
	if (src->ntargets > 0)
		t = add_table(b, add_section(b, _("Appendix I. Results of the targets")),
		    target_columns, TARGET_COLUMNS);
	for (int i = 0; i < src->ntargets; i++)
		add_target_row(b, t, ++no, &src->targets[i]);
	t = NULL;
	if (src->ntasks > 0)
		t = add_table(b, add_section(b, _("Appendix II. Results of the tasks")), task_cols, 5);
	for (int i = 0; i < src->ntasks; i++) {
		const struct task *k = &src->tasks[i];
		char tt[32], due[256], status[64];

		task_number(src, k, tt, sizeof tt);
		task_due_text(k, due, sizeof due);
		task_status_text(k, status, sizeof status);
		add_row(b, t, (const char *[]){ tt, k->description, k->lead_unit, due, status }, false);
	}
	return 0;
}

/* A task's product as its row shows it: the name, the deadline as
 * written, the due date read from it (or set by hand). */
static void
add_product_row(struct builder *b, struct report_table *t, const char *tt, const char *task,
    const struct product *p, const struct task *k)
{
	char due[11] = "";
	struct date d;

	if (p != NULL && date_parse_iso(p->due_date, &d))
		date_format_vn(d, due);
	add_row(b, t, (const char *[]){ tt, task, p != NULL ? p->name : "",
	    p != NULL ? p->deadline_text : "", due, k != NULL ? k->lead_unit : "",
	    k != NULL ? k->cooperators : "", k != NULL ? k->monitor_unit : "" }, false);
}

/* The appendix as `cchc export appendix` writes it (and the importer
 * reads it), in one table: a row per section, task and further product;
 * TT as written, the deadline as written beside the date it gives. */
static int
build_appendix(struct builder *b, struct source *src)
{
	static const struct column_spec cols[] = {
		{ N_("No."), 5, 0, REPORT_LEFT, REPORT_CODE },
		{ N_("Task"), 0, 3, REPORT_LEFT, REPORT_TEXT },
		{ N_("Product"), 0, 2, REPORT_LEFT, REPORT_TEXT },
		{ N_("Deadline"), 0, 2, REPORT_LEFT, REPORT_TEXT },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Lead unit"), 0, 2, REPORT_LEFT, REPORT_TEXT },
		{ N_("Cooperating units"), 0, 2, REPORT_LEFT, REPORT_TEXT },
		{ N_("Monitoring"), 0, 2, REPORT_LEFT, REPORT_TEXT },
	};
	struct report_table *t = add_table(b, add_section(b, ""), cols, 8);
	int numeral = 0, k = 0;

	/* task_list gives the tasks in the sections' order. */
	for (int i = 0; i < src->nsections; i++) {
		const struct section *sec = &src->sections[i];

		if (k == src->ntasks || src->tasks[k].section_id != sec->id)
			continue;
		add_row(b, t, (const char *[]){ section_numeral(++numeral), sec->title, "", "", "", "", "",
		    "" }, true);
		for (; k < src->ntasks && src->tasks[k].section_id == sec->id; k++) {
			const struct task *task = &src->tasks[k];

			add_product_row(b, t, task->tt, task->description,
			    task->nproducts > 0 ? &task->products[0] : NULL, task);
			for (int p = 1; p < task->nproducts; p++)
				add_product_row(b, t, "", "", &task->products[p], NULL);
		}
	}
	return 0;
}

/* ---- The report's frame ---- */

static const char *const titles[REPORT_KINDS] = {
	N_("Summary by section"),
	N_("Tasks by unit"),
	N_("Overdue and due-soon tasks"),
	N_("Report on the results of administrative reform"),
	N_("PAR INDEX self-assessment"),
	N_("Results of the satisfaction survey (SIPAS)"),
	N_("Report calendar"),
	N_("Written report"),
	N_("Task appendix"),
};

/* The written report's title names its period as offices do: "Báo cáo
 * kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026". */
static char *
written_title(struct builder *b, const struct source *src)
{
	switch (src->period) {
	case PERIOD_Q1:
		return dupf(b, _("Report on the results of administrative reform work in Q1 %d"),
		    src->year);
	case PERIOD_H1:
		return dupf(b, _("Report on the results of administrative reform work in the first "
		    "6 months of %d"), src->year);
	case PERIOD_M9:
		return dupf(b, _("Report on the results of administrative reform work in the first "
		    "9 months of %d"), src->year);
	default:
		return dupf(b, _("Report on the results of administrative reform work in %d"),
		    src->year);
	}
}

/* The place of the place-date line: the setting "report_place", else the
 * office's name after its kind ("UBND xã Tân Đoàn" -> "Tân Đoàn"). */
static char *
office_place(struct builder *b, struct db *db, const char *office)
{
	static const char *const kinds[] = { " xã ", " phường ", " thị trấn ", " Xã ", " Phường " };
	char *set = db_setting_get(db, "report_place");
	const char *p;

	if (set != NULL && *set != '\0')
		return set;
	free(set);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if ((p = strstr(office, kinds[i])) != NULL)
			return dup(b, p + strlen(kinds[i]));
	return dup(b, office);
}

/* A setting, or def when it is not set.  The document's frame is in
 * Vietnamese whatever the interface language: it is the official form. */
static char *
setting_or(struct builder *b, struct db *db, const char *key, const char *def)
{
	char *set = db_setting_get(db, key);

	if (set != NULL && *set != '\0')
		return set;
	free(set);
	return dup(b, def);
}

static void
set_frame(struct builder *b, struct source *src, struct db *db, const struct office *o)
{
	struct report *r = b->r;
	char period[64];
	char *unit = NULL;

	r->title = r->kind == REPORT_WRITTEN ? written_title(b, src) : dup(b, _(titles[r->kind]));
	r->office = dup(b, o != NULL ? o->name : src->plan.issuer);
	r->place = office_place(b, db, r->office != NULL ? r->office : "");
	r->signer = dup(b, src->plan.signer);
	r->number = setting_or(b, db, "report_number", "      /BC-UBND");
	r->signature = setting_or(b, db, "report_signature", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
	/* The PAR sheet and the survey say what they are themselves. */
	if (r->kind == REPORT_PAR || r->kind == REPORT_SIPAS)
		return;
	if (r->kind == REPORT_APPENDIX) {
		r->subtitle = dup(b, src->plan.title);
		r->year = src->plan.year_from;
		return;
	}
	report_period_label(src->year, src->period, period, sizeof period);
	if (src->unit != 0 && (unit = unit_name(db, src->unit)) == NULL)
		b->oom = true;
	if (unit != NULL)
		r->subtitle = dupf(b, _("Period: %s · %s · Unit: %s"), period, src->plan.title, unit);
	else
		r->subtitle = dupf(b, _("Period: %s · %s"), period, src->plan.title);
	free(unit);
}

/* The periodic reports of the period's year: the data each counts, when it
 * is due, and whether it was sent, is late or how long is left. */
static int
build_calendar(struct builder *b, struct source *src)
{
	static const struct column_spec cols[] = {
		{ N_("Report"), 0, 1, REPORT_LEFT, REPORT_TEXT },
		{ N_("Data from"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Data to"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("Due"), 10, 0, REPORT_LEFT, REPORT_DATE },
		{ N_("State"), 0, 1, REPORT_LEFT, REPORT_TEXT },
	};
	struct report_due v[PERIOD_KINDS];
	struct report_table *t;

	if (calendar_year(src->db, src->year, src->plan.issue_date, v) != 0)
		return -1;
	t = add_table(b, add_section(b, ""), cols, 5);
	for (int k = 0; k < PERIOD_KINDS; k++) {
		char name[64], from[11], to[11], due[11], state[96];
		long left = date_to_days(v[k].due) - date_to_days(b->r->today);

		report_period_label(v[k].year, v[k].kind, name, sizeof name);
		date_format_vn(v[k].span_start, from);
		date_format_vn(v[k].span_end, to);
		date_format_vn(v[k].due, due);
		if (v[k].sent) {
			char on[11];

			date_format_vn(v[k].sent_on, on);
			snprintf(state, sizeof state, _("Sent on %s"), on);
		} else if (left < 0) {
			snprintf(state, sizeof state, ngettext("Overdue by %ld day",
			    "Overdue by %ld days", (unsigned long)-left), -left);
		} else {
			snprintf(state, sizeof state, ngettext("%ld day left", "%ld days left",
			    (unsigned long)left), left);
		}
		add_row(b, t, (const char *[]){ name, from, to, due, state }, false);
	}
	return 0;
}

/* The span of data, first in a periodic report: "Số liệu tính từ ngày
 * 15/12/2024 đến ngày 14/6/2025", days and months as offices write them. */
static void
add_span(struct builder *b, const struct source *src)
{
	char *text = dupf(b, _("Data from %d/%d/%d to %d/%d/%d."),
	    src->span_start.day, src->span_start.month, src->span_start.year,
	    src->span_end.day, src->span_end.month, src->span_end.year);

	add_paragraph(b, add_section(b, ""), text);
	free(text);
}

/* Builds kind from src's arguments (plan, year, period, unit, round). */
static int
build_report(struct db *db, enum report_kind kind, int64_t plan, struct source *args,
    struct report **out)
{
	static int (*const build[REPORT_KINDS])(struct builder *, struct source *) = {
		build_dashboard, build_units, build_overdue, build_period, build_par, build_sipas,
		build_calendar, build_written, build_appendix,
	};
	struct builder b = { NULL, false };
	struct source src;
	struct office o;
	int has_office, rc = -1;

	*out = NULL;
	memset(&src, 0, sizeof src);
	src.round = args->round;
	src.compare = args->compare;
	src.set = args->set;
	if (kind == REPORT_DASHBOARD && args->unit != 0)
		return db_fail(db, _("the dashboard report is for the whole office: give no unit"));
	if (kind == REPORT_PAR && args->unit != 0)
		return db_fail(db, _("the PAR INDEX sheet is for the whole office: give no unit"));
	if (kind == REPORT_WRITTEN && args->unit != 0)
		return db_fail(db, _("the written report is for the whole office: give no unit"));
	if ((b.r = calloc(1, sizeof *b.r)) == NULL)
		return db_fail(db, _("out of memory"));
	b.r->kind = kind;
	b.r->year = args->year;
	b.r->period = args->period;
	b.r->today = date_today();
	if ((has_office = office_get(db, &o)) < 0 ||
	    source_load(db, kind, plan, args->year, args->period, args->unit, &src) != 0)
		goto out;
	set_frame(&b, &src, db, has_office ? &o : NULL);
	if (kind != REPORT_PAR && kind != REPORT_SIPAS && kind != REPORT_CALENDAR &&
	    kind != REPORT_APPENDIX)
		add_span(&b, &src);
	rc = build[kind](&b, &src);
	if (rc == 0 && b.oom)
		rc = db_fail(db, _("out of memory"));
out:
	source_free(&src);
	if (has_office > 0)
		office_free(&o);
	if (rc != 0) {
		report_free(b.r);
		return -1;
	}
	*out = b.r;
	return 0;
}

int
report_build(struct db *db, enum report_kind kind, int64_t plan, int year,
    enum period_kind period, int64_t unit, struct report **out)
{
	struct source args = { .year = year, .period = period, .unit = unit };

	return build_report(db, kind, plan, &args, out);
}

int
report_build_par(struct db *db, int64_t plan, int year, int64_t set, struct report **out)
{
	struct source args = { .year = year, .period = PERIOD_YEAR, .set = set };

	return build_report(db, REPORT_PAR, plan, &args, out);
}

int
report_build_appendix(struct db *db, int64_t plan, struct report **out)
{
	struct source args = { .year = date_today().year, .period = PERIOD_YEAR };

	return build_report(db, REPORT_APPENDIX, plan, &args, out);
}

int
report_build_sipas(struct db *db, int64_t plan, int64_t round, int64_t compare,
    struct report **out)
{
	struct source args = { .year = date_today().year, .period = PERIOD_YEAR, .round = round,
	    .compare = compare };

	return build_report(db, REPORT_SIPAS, plan, &args, out);
}

static void
table_free(struct report_table *t)
{
	for (int i = 0; i < t->ncolumns; i++)
		free(t->columns[i].title);
	if (t->cells != NULL)
		for (size_t i = 0; i < (size_t)t->nrows * t->ncolumns; i++)
			free(t->cells[i]);
	free(t->columns);
	free(t->cells);
	free(t->strong);
	free(t->values);
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	for (int i = 0; i < r->nsections; i++) {
		struct report_section *s = &r->sections[i];

		for (int j = 0; j < s->nblocks; j++) {
			free(s->blocks[j].text);
			table_free(&s->blocks[j].table);
		}
		free(s->blocks);
		free(s->heading);
	}
	free(r->sections);
	free(r->title);
	free(r->subtitle);
	free(r->office);
	free(r->place);
	free(r->signer);
	free(r->number);
	free(r->signature);
	free(r);
}
