/* Reports: the office's summaries as a document, ready to be written out.
 *
 * A report is built once from the core's data (report_build) into a plain
 * model: a title, the office, the period, and sections that hold
 * paragraphs and tables (columns with widths and alignment, rows of cells,
 * every cell NFC text, and what it is: a number, a rate, a date, a code or
 * words).  The writers turn the same model into paginated text
 * (report_text.c), an HTML document (report_html.c), CSV (report_csv.c) or
 * an Excel workbook (xlsx/xlsx.c, loaded when used), so that what is
 * printed, saved and exported agrees. */
#ifndef CCHC_REPORT_H
#define CCHC_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/plan/model.h"
#include "core/text/date.h"

struct db;
struct err;

enum report_kind {
	REPORT_DASHBOARD,	/* by section: targets met, tasks done/overdue */
	REPORT_UNITS,		/* per unit: what it leads and cooperates on */
	REPORT_OVERDUE,		/* overdue and due-soon tasks across the plan */
	REPORT_PERIOD,		/* "Báo cáo kết quả thực hiện CCHC" of a period */
	REPORT_PAR,		/* the PAR INDEX self-assessment sheet of a year */
	REPORT_SIPAS,		/* the results of a SIPAS survey round */
	REPORT_CALENDAR,	/* the periodic reports of a year: spans, due dates */
	REPORT_WRITTEN,		/* the office's written report of a period (written.h) */
	REPORT_APPENDIX,	/* a plan's task appendix (`cchc export appendix`) */
};
#define REPORT_KINDS 9

/* Tasks not done and due within this many days are "due soon". */
#define REPORT_SOON_DAYS 14

enum report_align {
	REPORT_LEFT,
	REPORT_RIGHT,
	REPORT_CENTER,
};

/* What a cell is, for the writers that keep types (a workbook).  The
 * value is read from the cell's text, so that it is exactly what every
 * other format shows. */
enum report_type {
	REPORT_TEXT,		/* words, or a figure given as words ("97/98") */
	REPORT_CODE,		/* "1.2", "III.4": text however numeric it looks */
	REPORT_NUMBER,		/* a column of figures: numbers, or rates "87,5%" */
	REPORT_RATE,		/* a cell only: number is the percentage (87.5) */
	REPORT_DATE,		/* a column of dd/mm/yyyy dates */
};

struct report_value {
	enum report_type type;	/* REPORT_TEXT for a cell its column cannot read */
	double number;		/* REPORT_NUMBER, REPORT_RATE */
	bool marked;		/* REPORT_NUMBER shown with a '*' after it */
	struct date date;	/* REPORT_DATE */
};

struct report_column {
	char *title;
	/* Display columns of a fixed column; 0 for one that shares the room
	 * left, in proportion to share. */
	int width;
	int share;
	enum report_align align;
	enum report_type type;
};

struct report_table {
	int ncolumns;
	struct report_column *columns;
	int nrows;
	char **cells;		/* nrows * ncolumns, row after row; never NULL */
	struct report_value *values;	/* the same cells typed */
	bool *strong;		/* per row: a total, drawn bold where it can be */
};

enum report_block_kind {
	REPORT_PARAGRAPH,
	REPORT_TABLE,
};

struct report_block {
	enum report_block_kind kind;
	char *text;			/* REPORT_PARAGRAPH */
	struct report_table table;	/* REPORT_TABLE */
};

struct report_section {
	char *heading;			/* "" for none */
	int nblocks;
	struct report_block *blocks;
};

struct report {
	enum report_kind kind;
	char *title;		/* "Tasks by unit" */
	char *subtitle;		/* period, plan (and unit) */
	char *office;		/* "UBND xã Tân Đoàn" */
	char *place;		/* "Tân Đoàn", for the place-date line */
	char *signer;		/* the plan's signer, "" if none */
	char *number;		/* the document number after "Số:" */
	char *signature;	/* above the signer: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" */
	int year;
	enum period_kind period;
	struct date today;
	int nsections;
	struct report_section *sections;
};

/* "dashboard", "units", "overdue", "period", "par", "sipas", "calendar",
 * "written", "appendix": names for the command line and for files. */
const char *report_kind_name(enum report_kind k);
bool report_kind_parse(const char *s, enum report_kind *out);

/* A period as written on the command line: YEAR-Q1, YEAR-6T, YEAR-9T,
 * YEAR-N (any case).  False for anything else. */
bool report_period_parse(const char *s, int *year, enum period_kind *k);
/* The periods' names as msgids ("Q1" ... "Year"), for choices. */
extern const char *const report_period_names[PERIOD_KINDS];
/* "9 months/2025" in the interface language. */
void report_period_label(int year, enum period_kind k, char *buf, size_t n);

/* A file name for r without its extension, in ASCII (text_slug) from the
 * report's short name and period in the interface language: "bao-cao-9-
 * thang-2025", "nhiem-vu-qua-han-quy-i-2026"; the yearly sheets take the
 * year alone.  Fits in n bytes (cut there). */
void report_file_name(const struct report *r, char *buf, size_t n);

/* Builds report kind on plan for the period (targets are judged for it,
 * tasks as of today).  unit (0: all) keeps only the tasks the unit leads
 * or cooperates on and the targets it leads; the dashboard and the PAR
 * sheet take no unit.  REPORT_PAR is the assessment of the period's year
 * against the criteria set that applies to it (assessment.h), an error
 * when there is none; the plan only gives it its signer.  REPORT_SIPAS is
 * built by report_build_sipas.  *out newly allocated (report_free).  0 or
 * -1. */
int report_build(struct db *db, enum report_kind kind, int64_t plan, int year,
    enum period_kind period, int64_t unit, struct report **out);
/* Builds REPORT_SIPAS, the results of survey round (sipas.h): per element
 * and question the share satisfied and the answers, the overall index and
 * its formula, the breakdowns by respondent field and, when compare is not
 * 0, the element shares and the index beside those of round compare.
 * plan (0: none) gives the signer.  *out newly allocated (report_free).
 * 0 or -1. */
int report_build_sipas(struct db *db, int64_t plan, int64_t round, int64_t compare,
    struct report **out);
/* Builds REPORT_PAR of year with criteria set (0: the set that applies to
 * the year), plan (0: none) giving the signer: what `cchc score` prints.
 * *out newly allocated (report_free).  0 or -1. */
int report_build_par(struct db *db, int64_t plan, int year, int64_t set, struct report **out);
/* Builds REPORT_APPENDIX, plan's task appendix as the plan prints it: a
 * row per section (its numeral), per task (TT, task, first product, its
 * deadline as written and its due date, the units) and per further
 * product.  Made for 132 columns.  *out newly allocated (report_free).
 * 0 or -1. */
int report_build_appendix(struct db *db, int64_t plan, struct report **out);
void report_free(struct report *r);

/* Wording the reports share with the screens. */
const char *report_verdict_label(enum verdict v);
const char *report_status_label(enum task_status s);
/* The verdict of t as a cell: its label, or for one in progress the figure
 * reached over the planned one: "6/10 · In progress". */
void report_verdict_text(const struct target *t, char *buf, size_t n);
/* A target's planned value ("≥ 90%", "Yes") and its figures entered
 * ("97/98", "" when none), as reports print them. */
void report_target_planned(const struct target *t, char *buf, size_t n);
void report_target_entered(const struct target *t, char *buf, size_t n);

/* Plain text for A4 at width 80 or 132 columns: pages separated by a form
 * feed, each with a header (office, title, page x/y, date); tables in box
 * characters, cells wrapped by display width.  0, or -1 on a write error. */
#define REPORT_WIDTH_NARROW 80
#define REPORT_WIDTH_WIDE 132
int report_write_text(const struct report *r, int width, FILE *fp);
/* The lines of one printed page at width (the header's included). */
int report_page_lines(int width);
/* The display columns of t's columns in a text of width columns (box
 * characters and padding aside): fixed columns keep their width, the
 * others share the rest. */
void report_column_widths(const struct report_table *t, int width, int *w);

/* One self-contained HTML document laid out as an official Vietnamese
 * document, with A4 print CSS.  0, or -1 on a write error. */
int report_write_html(const struct report *r, FILE *fp);

/* The whole model as a byte stream and back, for the program that writes
 * PDFs (pdf.h).  Reading checks every count, length and UTF-8; on failure
 * e says where.  0 or -1. */
int report_write_wire(const struct report *r, FILE *fp);
int report_read_wire(FILE *fp, struct report **out, struct err *e);

enum report_encoding {
	REPORT_UTF8_BOM,	/* what Excel opens correctly on a double click */
	REPORT_UTF8,
	REPORT_CP1258,		/* Windows-1258, base letter + combining tone */
};

/* RFC 4180 CSV (CRLF, fields quoted when they must be), every record
 * padded to the same number of fields.  CP1258: "≥" and "≤" are written
 * ">=" and "<="; any other character that has no CP1258 form is an error
 * that lists them all.  0, or -1 with db_error(db) set. */
int report_write_csv(struct db *db, const struct report *r, enum report_encoding enc, FILE *fp);

/* An Excel workbook (.xlsx) at path, written by a module loaded on first
 * use (report_xlsx.c).  0, or -1 with db_error(db) set (a module missing
 * or of another build included). */
int report_write_xlsx(struct db *db, const struct report *r, const char *path);
/* The entry called entry of that module (loaded once), or NULL with
 * db_error(db) set: the update sheets (sheet.c) live there too. */
void *report_xlsx_entry(struct db *db, const char *entry);

#endif
