/* cchc report KIND --period 2025-9T [--unit U] --format txt|html|csv
 *     [--width 80|132] [--encoding utf8-bom|utf8|cp1258] [-o FILE]
 * cchc report sipas --round ID --format ...
 * cchc report written --period 2026-6T --format ...
 *
 * The reports of the screens without the UI, for scripts and for sending
 * up: the period report is the office's "Báo cáo kết quả thực hiện CCHC";
 * par is the PAR INDEX self-assessment sheet of the period's year; sipas
 * the results of a survey round (the IDs `cchc sipas rounds` lists). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/io/file_out.h"
#include "core/plan/calendar.h"
#include "core/plan/plan.h"
#include "core/plan/unit.h"
#include "core/report/pdf.h"
#include "core/report/report.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/store/paths.h"
#include "core/text/i18n.h"
#include "core/text/number.h"

struct report_args {
	enum report_kind kind;
	int year;
	enum period_kind period;
	const char *unit;
	long long round;
	struct report_output out;
	const char *sent;	/* calendar: the period's report was sent that day */
};

static int
parse_args(const struct args *args, struct report_args *a)
{
	const struct command *c = args->command;
	const char *period = args_value(args, "period"), *round = args_value(args, "round");
	struct err e;

	memset(a, 0, sizeof *a);
	report_output_init(&a->out);
	if (report_output_args(&a->out, args, &e) != 0)
		return args_usage_error(c, "%s", e.msg);
	a->unit = args_value(args, "unit");
	a->sent = args_value(args, "sent");
	if (round != NULL && !number_parse_whole(round, 1, LLONG_MAX, &a->round))
		return args_usage_error(c, _("--round takes the number of a survey round, not %s"),
		    round);
	if (report_output_check(&a->out, &e) != 0)
		return args_usage_error(c, "%s", e.msg);
	if (args->noperands == 0)
		return args_usage_error(c, "%s", _("which report? dashboard, units, overdue, period, par, "
		    "written or sipas"));
	if (!report_kind_parse(args->operands[0], &a->kind))
		return args_usage_error(c, _("no report called %s (dashboard, units, overdue, period, "
		    "par, written or sipas)"), args->operands[0]);
	if (args->noperands > 1)
		return args_usage_error(c, _("one report at a time: %s is too many"),
		    args->operands[1]);
	if (a->kind == REPORT_APPENDIX)
		return args_usage_error(c, "%s", _("the appendix is written by cchc export appendix "
		    "--plan ID --format ..."));
	/* A survey round is not of a period: it has its own days. */
	if (a->kind == REPORT_SIPAS) {
		if (round == NULL)
			return args_usage_error(c, "%s", _("report sipas: --round ID is required"));
		if (period != NULL)
			return args_usage_error(c, "%s", _("report sipas: --period does not apply (a "
			    "round has its own days)"));
		if (a->unit != NULL)
			return args_usage_error(c, "%s", _("report sipas: --unit does not apply"));
		return 0;
	}
	if (round != NULL)
		return args_usage_error(c, "%s", _("--round belongs to the sipas report"));
	if (a->sent != NULL && (a->kind != REPORT_CALENDAR || period == NULL))
		return args_usage_error(c, "%s", _("--sent belongs to the calendar report, with the "
		    "--period sent"));
	if (a->kind == REPORT_CALENDAR && a->unit != NULL)
		return args_usage_error(c, "%s", _("report calendar: --unit does not apply"));
	/* The calendar is of this year unless told. */
	if (a->kind == REPORT_CALENDAR && period == NULL) {
		a->year = date_today().year;
		a->period = PERIOD_YEAR;
		return 0;
	}
	if (period == NULL)
		return args_usage_error(c, "%s", _("--period is required (2025-Q1, 2025-6T, 2025-9T or "
		    "2025-N)"));
	if (!report_period_parse(period, &a->year, &a->period))
		return args_usage_error(c, _("not a period: %s (write 2025-Q1, 2025-6T, 2025-9T or "
		    "2025-N)"), period);
	return 0;
}

static int
write_report(struct db *db, const struct report *r, const struct report_output *o, FILE *fp)
{
	switch (o->format) {
	case FORMAT_HTML:
		return report_write_html(r, fp);
	case FORMAT_CSV:
		return report_write_csv(db, r, o->encoding, fp);
	default:
		return report_write_text(r, o->width, fp);
	}
}

void
report_output_init(struct report_output *o)
{
	memset(o, 0, sizeof *o);
	o->format = FORMAT_TXT;
	o->width = REPORT_WIDTH_NARROW;
	o->encoding = REPORT_UTF8_BOM;
}

int
report_output_args(struct report_output *o, const struct args *a, struct err *e)
{
	static const char *const formats[] = { "txt", "html", "csv", "pdf", "xlsx" };
	static const char *const encodings[] = { "utf8-bom", "utf8", "cp1258" };
	const char *format = args_value(a, "format"), *width = args_value(a, "width");
	const char *encoding = args_value(a, "encoding");
	size_t i;

	if (format != NULL) {
		for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
			if (strcmp(format, formats[i]) == 0)
				break;
		if (i == sizeof formats / sizeof formats[0]) {
			return err_set(e, -1, _("--format takes txt, html, csv, pdf or xlsx, not %s"),
			    format);
		}
		o->format = (enum report_format)i;
	}
	if (width != NULL) {
		if (strcmp(width, "80") == 0)
			o->width = REPORT_WIDTH_NARROW;
		else if (strcmp(width, "132") == 0)
			o->width = REPORT_WIDTH_WIDE;
		else {
			return err_set(e, -1, _("--width takes 80 or 132, not %s"), width);
		}
	}
	if (encoding != NULL) {
		for (i = 0; i < sizeof encodings / sizeof encodings[0]; i++)
			if (strcmp(encoding, encodings[i]) == 0)
				break;
		if (i == sizeof encodings / sizeof encodings[0]) {
			return err_set(e, -1, _("--encoding takes utf8-bom, utf8 or cp1258, not %s"),
			    encoding);
		}
		o->encoding = (enum report_encoding)i;
	}
	if (args_has(a, "output"))
		o->output = args_value(a, "output");
	o->print |= args_has(a, "print");
	if (args_has(a, "printer"))
		o->printer = args_value(a, "printer");
	return 0;
}

int
report_output_check(const struct report_output *o, struct err *e)
{
	const char *why = NULL;

	if (o->printer != NULL && !o->print)
		why = _("--printer goes with --print");
	else if (o->print && o->output != NULL)
		why = _("--print sends the report to the printer: -o does not apply");
	else if (o->print && o->format != FORMAT_TXT && o->format != FORMAT_PDF)
		why = _("--print prints the PDF: --format does not apply");
	/* A workbook is a zip archive written to a file by name. */
	else if (o->format == FORMAT_XLSX && (o->output == NULL || strcmp(o->output, "-") == 0))
		why = _("--format xlsx writes a file: give it with -o FILE.xlsx");
	if (why == NULL)
		return 0;
	return err_set(e, -1, "%s", why);
}

/* -o FOLDER: the file in it named as the preview proposes
 * (report_file_name), told on stdout since the user did not choose it;
 * else -o as given. */
static const char *
output_path(const struct report *r, const struct report_output *o, char *buf, size_t n)
{
	static const char *const extensions[] = { ".txt", ".html", ".csv", ".pdf", ".xlsx" };
	struct stat st;
	char name[128];

	if (o->output == NULL || stat(o->output, &st) != 0 || !S_ISDIR(st.st_mode))
		return o->output;
	report_file_name(r, name, sizeof name - 8);
	strcat(name, extensions[o->format]);
	if (paths_join(buf, n, o->output, name) != 0)
		return o->output;
	printf("%s\n", buf);
	return buf;
}

/* Writes the report to o->output through a temporary file renamed at the
 * end (file_out.h), so that a failed export never leaves half a file in
 * place of a good one. */
int
report_output_save(struct db *db, const struct report *r, const struct report_output *given)
{
	struct report_output named = *given;
	const struct report_output *o = &named;
	char path[4200];
	struct out_file out;
	FILE *fp;
	int rc;

	named.output = output_path(r, given, path, sizeof path);

	if (o->print) {
		if (pdf_print(db, r, o->width > REPORT_WIDTH_NARROW, o->printer) != 0) {
			cli_fail_db(db);
			return 1;
		}
		return 0;
	}
	if (o->format == FORMAT_PDF) {
		/* A PDF is a file: cchc-pdf writes it, never to a terminal. */
		if (o->output == NULL || strcmp(o->output, "-") == 0) {
			fprintf(stderr, "%s: %s\n", PACKAGE, _("a PDF needs a file: give -o FILE"));
			return 2;
		}
		if (pdf_write(db, r, o->width > REPORT_WIDTH_NARROW, o->output) != 0) {
			cli_fail_db(db);
			return 1;
		}
		return 0;
	}
	if (o->output == NULL || strcmp(o->output, "-") == 0) {
		rc = write_report(db, r, o, stdout);
		if (rc != 0 && o->format == FORMAT_CSV)
			cli_fail_db(db);
		else if (rc != 0 || fflush(stdout) != 0)
			fprintf(stderr, "%s: %s\n", PACKAGE, strerror(errno));
		return rc != 0 ? 1 : 0;
	}
	if (o->format == FORMAT_XLSX) {
		if (report_write_xlsx(db, r, o->output) != 0) {
			cli_fail_db(db);
			return 1;
		}
		return 0;
	}
	if ((fp = out_open(&out, o->output, OUT_SHARED)) == NULL) {
		fprintf(stderr, "%s: %s\n", PACKAGE, out.err.msg);
		return 1;
	}
	rc = write_report(db, r, o, fp);
	if (rc != 0 && o->format == FORMAT_CSV)
		cli_fail_db(db);
	else if (rc != 0)
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, o->output, out_strerror(errno));
	if (rc != 0)
		out_abort(&out);
	else if ((rc = out_commit(&out)) != 0)
		fprintf(stderr, "%s: %s\n", PACKAGE, out.err.msg);
	return rc != 0 ? 1 : 0;
}

int
report_output_built(struct db *db, int built, struct report *r, const struct report_output *o)
{
	int rc;

	if (built != 0) {
		cli_fail_db(db);
		return 1;
	}
	rc = report_output_save(db, r, o);
	report_free(r);
	return rc;
}

/* Records that the report of a's period was sent on a->sent. */
static int
mark_sent(struct db *db, const struct report_args *a)
{
	struct date on;

	if (!date_parse_vn(a->sent, &on) && !date_parse_iso(a->sent, &on)) {
		fprintf(stderr, _("%s: --sent: not a date: %s (write 18/6/2026)\n"), PACKAGE, a->sent);
		return -1;
	}
	if (db_claim(db) != 0 || calendar_mark_sent(db, a->year, a->period, on) != 0) {
		cli_fail_db(db);
		return -1;
	}
	return 0;
}

static int
run(struct db *db, const struct args *args)
{
	struct report_args a;
	struct report *r = NULL;
	struct plan plan;
	int64_t unit = 0;
	int rc, has_plan;

	if ((rc = parse_args(args, &a)) != 0)
		return rc;
	if ((has_plan = plan_current(db, &plan)) < 0) {
		cli_fail_db(db);
		return 1;
	}
	if (a.kind == REPORT_SIPAS) {
		/* The plan only signs the survey's report: none is no error. */
		rc = report_build_sipas(db, has_plan ? plan.id : 0, a.round, 0, &r);
		if (has_plan)
			plan_free(&plan);
		goto built;
	}
	if (!has_plan) {
		fprintf(stderr, "%s: %s\n", PACKAGE, _("there is no plan to report on"));
		return 1;
	}
	/* The PAR sheet is of a year whatever the plan: its criteria set
	 * decides. */
	if (a.kind != REPORT_PAR && (a.year < plan.year_from || a.year > plan.year_to)) {
		char years[32];

		plan_years_text(&plan, years, sizeof years);
		fprintf(stderr, _("%s: the period %d is outside the plan's years %s\n"), PACKAGE,
		    a.year, years);
		plan_free(&plan);
		return 2;
	}
	if (a.unit != NULL && (unit = unit_find(db, a.unit)) <= 0) {
		if (unit == 0)
			fprintf(stderr, _("%s: no unit called %s\n"), PACKAGE, a.unit);
		else
			cli_fail_db(db);
		plan_free(&plan);
		return unit == 0 ? 2 : 1;
	}
	if (unit != 0 && a.kind == REPORT_DASHBOARD) {
		fprintf(stderr, "%s: %s\n", PACKAGE,
		    _("--unit does not apply to the dashboard report (it is for the whole office)"));
		plan_free(&plan);
		return 2;
	}
	if (unit != 0 && a.kind == REPORT_PAR) {
		fprintf(stderr, "%s: %s\n", PACKAGE,
		    _("--unit does not apply to the PAR INDEX sheet (it is for the whole office)"));
		plan_free(&plan);
		return 2;
	}
	if (unit != 0 && a.kind == REPORT_WRITTEN) {
		fprintf(stderr, "%s: %s\n", PACKAGE,
		    _("--unit does not apply to the written report (it is for the whole office)"));
		plan_free(&plan);
		return 2;
	}
	if (a.sent != NULL && mark_sent(db, &a) != 0) {
		plan_free(&plan);
		return 1;
	}
	rc = report_build(db, a.kind, plan.id, a.year, a.period, unit, &r);
	plan_free(&plan);
built:
	return report_output_built(db, rc, r, &a.out);
}

const struct command cmd_report = {
	.name = "report",
	.synopsis = N_("report dashboard|units|overdue|period|par|written --period YEAR-Q1|6T|9T|N "
	    "[--unit UNIT] | report calendar [--period YEAR-Q1|6T|9T|N [--sent DATE]] | report sipas "
	    "--round ID; --format txt|html|csv|pdf|xlsx [--width 80|132] "
	    "[--encoding utf8-bom|utf8|cp1258] [-o FILE] [--print [--printer NAME]]"),
	.options = (const struct arg_option[]){
		{ "period", 'p', "YEAR-Q1|6T|9T|N", false },
		{ "unit", 'u', "UNIT", false },
		{ "round", 'r', "ID", false },
		REPORT_OUTPUT_OPTIONS,
		{ "sent", 's', "DATE", false },
		{ NULL, 0, NULL, false },
	},
	.operands = OPERANDS_ANY,
	.run = run,
};
