/* The report builder: the kinds' names and labels, the model a report is
 * (sections of paragraphs and tables of typed cells) and how it is added
 * to, the data a report is built from, the frame every report shares (title,
 * office, place and date, the span of data) and report_build, which hands
 * the body to the kind's own file (report_<kind>.c, through report_build.h).
 * The writers (report_text.c, report_html.c, …) read the model only. */
#include "core/report/report_build.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/plan/unit.h"
#include "core/store/db.h"
#include "core/store/office.h"
#include "core/text/i18n.h"
#include "core/text/number.h"
#include "core/text/text.h"

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

char *
report_dup(struct builder *b, const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		b->oom = true;
	return d;
}

char *
report_dupf(struct builder *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = text_vprintf(fmt, ap);
	va_end(ap);
	if (s == NULL)
		b->oom = true;
	return s;
}

struct report_section *
report_add_section(struct builder *b, const char *heading)
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
	v->heading = report_dup(b, heading);
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

void
report_add_paragraph(struct builder *b, struct report_section *s, const char *text)
{
	struct report_block *p = add_block(b, s, REPORT_PARAGRAPH);

	if (p != NULL)
		p->text = report_dup(b, text);
}

struct report_table *
report_add_table(struct builder *b, struct report_section *s, const struct column_spec *spec, int n)
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
		t->columns[i].title = report_dup(b, _(spec[i].title));
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
void
report_add_row(struct builder *b, struct report_table *t, const char *const *cells, bool strong)
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
		c[i] = report_dup(b, cells[i]);
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
void
report_task_number(const struct source *src, const struct task *t, char *buf, size_t n)
{
	int s = section_index(src, t->section_id);

	snprintf(buf, n, "%s%s%s", section_numeral(s + 1), *t->tt ? "." : "", t->tt);
}

void
report_task_status_text(const struct task *t, char *buf, size_t n)
{
	struct date d;
	bool done = t->status == STATUS_DONE_ON_TIME || t->status == STATUS_DONE_LATE;

	/* A task finished after the report's cut-off was still in progress
	 * then (task_as_of): its date would contradict its status. */
	if (done && date_parse_iso(t->completion_date, &d)) {
		char vn[11];

		date_format_vn(d, vn);
		snprintf(buf, n, "%s %s", report_status_label(t->status), vn);
	} else {
		snprintf(buf, n, "%s", report_status_label(t->status));
	}
}

bool
report_task_open(const struct task *t)
{
	return t->status == STATUS_NOT_STARTED || t->status == STATUS_IN_PROGRESS;
}

bool
report_task_due_soon(const struct source *src, const struct task *t)
{
	return report_task_open(t) && *t->due_date != '\0' && strcmp(t->due_date, src->soon) <= 0;
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

bool
report_task_involves(const struct task *t, int64_t unit,
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
		keep = report_task_involves(&src->tasks[i], src->unit, coop, ncoop);
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

const struct column_spec report_target_columns[] = {
	{ N_("No."), 3, 0, REPORT_RIGHT, REPORT_CODE },
	{ N_("Target"), 0, 1, REPORT_LEFT, REPORT_TEXT },
	{ N_("Planned"), 9, 0, REPORT_LEFT, REPORT_TEXT },
	{ N_("Result"), 9, 0, REPORT_RIGHT, REPORT_NUMBER },
	{ N_("Rate"), 7, 0, REPORT_RIGHT, REPORT_NUMBER },
	{ N_("Verdict"), 9, 0, REPORT_LEFT, REPORT_TEXT },
};

void
report_add_target_row(struct builder *b, struct report_table *t, int no, const struct target *g)
{
	char num[16], planned[64], entered[64], rate[48], verdict[96];

	snprintf(num, sizeof num, "%d", no);
	report_verdict_text(g, verdict, sizeof verdict);
	report_target_planned(g, planned, sizeof planned);
	report_target_entered(g, entered, sizeof entered);
	target_rate(g, rate, sizeof rate);
	report_add_row(b, t, (const char *[]){ num, g->text, planned, entered, rate, verdict }, false);
}

/* Text put together line by line; NULL (and b->oom) when memory ran out. */
FILE *
report_lines_open(struct builder *b, char **text, size_t *len)
{
	FILE *fp = open_memstream(text, len);

	if (fp == NULL)
		b->oom = true;
	return fp;
}

char *
report_lines_close(struct builder *b, FILE *fp, char **text)
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
void
report_put_document(FILE *fp, const char *number, const char *iso, const char *summary)
{
	char vn[11] = "";
	struct date d;

	if (date_parse_iso(iso, &d))
		date_format_vn(d, vn);
	fprintf(fp, "%s%s%s%s%s", number, *number && *vn ? ", " : "", vn,
	    (*number || *vn) && *summary ? ": " : "", summary);
}

/* A criterion's or a question's title after two no-break spaces a level:
 * text wrapping keeps them and HTML does not collapse them. */
char *
report_indented(struct builder *b, int depth, const char *title)
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
		return report_dupf(b, _("Report on the results of administrative reform work in Q1 %d"),
		    src->year);
	case PERIOD_H1:
		return report_dupf(b, _("Report on the results of administrative reform work in the first "
		    "6 months of %d"), src->year);
	case PERIOD_M9:
		return report_dupf(b, _("Report on the results of administrative reform work in the first "
		    "9 months of %d"), src->year);
	default:
		return report_dupf(b, _("Report on the results of administrative reform work in %d"),
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
			return report_dup(b, p + strlen(kinds[i]));
	return report_dup(b, office);
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
	return report_dup(b, def);
}

static void
set_frame(struct builder *b, struct source *src, struct db *db, const struct office *o)
{
	struct report *r = b->r;
	char period[64];
	char *unit = NULL;

	r->title = r->kind == REPORT_WRITTEN ? written_title(b, src) : report_dup(b, _(titles[r->kind]));
	r->office = report_dup(b, o != NULL ? o->name : src->plan.issuer);
	r->place = office_place(b, db, r->office != NULL ? r->office : "");
	r->signer = report_dup(b, src->plan.signer);
	r->number = setting_or(b, db, "report_number", "      /BC-UBND");
	r->signature = setting_or(b, db, "report_signature", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
	/* The PAR sheet and the survey say what they are themselves. */
	if (r->kind == REPORT_PAR || r->kind == REPORT_SIPAS)
		return;
	if (r->kind == REPORT_APPENDIX) {
		r->subtitle = report_dup(b, src->plan.title);
		r->year = src->plan.year_from;
		return;
	}
	report_period_label(src->year, src->period, period, sizeof period);
	if (src->unit != 0 && (unit = unit_name(db, src->unit)) == NULL)
		b->oom = true;
	if (unit != NULL)
		r->subtitle = report_dupf(b, _("Period: %s · %s · Unit: %s"), period, src->plan.title, unit);
	else
		r->subtitle = report_dupf(b, _("Period: %s · %s"), period, src->plan.title);
	free(unit);
}

/* The span of data, first in a periodic report: "Số liệu tính từ ngày
 * 15/12/2024 đến ngày 14/6/2025", days and months as offices write them. */
static void
add_span(struct builder *b, const struct source *src)
{
	char *text = report_dupf(b, _("Data from %d/%d/%d to %d/%d/%d."),
	    src->span_start.day, src->span_start.month, src->span_start.year,
	    src->span_end.day, src->span_end.month, src->span_end.year);

	report_add_paragraph(b, report_add_section(b, ""), text);
	free(text);
}

/* Builds kind from src's arguments (plan, year, period, unit, round). */
static int
build_report(struct db *db, enum report_kind kind, int64_t plan, struct source *args,
    struct report **out)
{
	static int (*const build[REPORT_KINDS])(struct builder *, struct source *) = {
		report_dashboard, report_units, report_overdue, report_period, report_par, report_sipas,
		report_calendar, report_written, report_appendix,
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
