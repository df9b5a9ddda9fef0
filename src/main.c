/* cchc: arguments, locale and language, the database, then the UI. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/plan/plan_file.h"
#include "core/store/db.h"
#include "core/store/err.h"
#include "core/store/paths.h"
#include "core/text/date.h"
#include "core/text/i18n.h"
#include "options.h"
#include "ui/app.h"

/* Sets the locale and the message language.  gettext ignores LANGUAGE under
 * the C locale, and many machines have only C.UTF-8, so a locale that is
 * not UTF-8 is replaced by C.UTF-8 and LANGUAGE is set from our own choice:
 * Vietnamese then works wherever C.UTF-8 does.  Returns false when the
 * fallback was needed. */
static bool
setup_locale(const char *lang)
{
	bool native = true;
	const char *set;

	setenv("LANGUAGE", lang, 1);
	/* Only the two categories cchc uses: characters (ncursesw, widths) and
	 * messages.  Numbers, dates and sorting are cchc's own (number.c,
	 * date.c, sort keys) and expect C's: under vi_VN's LC_NUMERIC printf
	 * writes a decimal comma, and reports printed "33,330000%".  Each
	 * category is also a file to map at start where the locale is not in
	 * locale-archive, as C.UTF-8 is not. */
	set = setlocale(LC_CTYPE, "");
	if (set == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		native = false;
		setlocale(LC_CTYPE, "C.UTF-8");
	}
	set = native ? setlocale(LC_MESSAGES, "") : NULL;
	if (set == NULL || strcmp(set, "C") == 0 || strcmp(set, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	bindtextdomain(PACKAGE, paths_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	return native;
}

static int
set_today(const char *s)
{
	struct date d;

	if (s == NULL || *s == '\0')
		return 0;
	if (!date_parse_iso(s, &d) && !date_parse_vn(s, &d)) {
		fprintf(stderr, _("%s: not a date: %s (use YYYY-MM-DD or dd/mm/yyyy)\n"), PACKAGE, s);
		return 2;
	}
	date_set_today(d);
	return 0;
}

static struct db *
open_database(const struct options *o, char *path, size_t n)
{
	struct db *db;
	struct err e;

	if (o->db != NULL)
		snprintf(path, n, "%s", o->db);
	else if (paths_default_db(path, n, &e) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, e.msg);
		return NULL;
	}
	if ((db = db_open(path, &e)) == NULL) {
		fprintf(stderr, "%s: %s\n", PACKAGE, e.msg);
		return NULL;
	}
	/* A new database gets the sections and, so that a newcomer sees a
	 * real plan, the sample plan. */
	if (db_created(db) && reference_load(db, paths_datadir(), true) != 0) {
		err_db(&e, db);
		fprintf(stderr, _("%s: cannot load the sample data: %s\n"), PACKAGE, e.msg);
		db_close(db);
		remove(path);
		return NULL;
	}
	return db;
}

int
main(int argc, char **argv)
{
	struct options o;
	struct args args = { 0 };
	struct db *db;
	char path[4096];
	bool utf8 = setup_locale(options_language(argc, argv));
	int rc;

	if ((rc = options_parse(argc, argv, &o)) != 0)
		return rc;
	if (o.help) {
		options_usage(stdout);
		return 0;
	}
	if (o.version) {
		printf("%s %s\n", PACKAGE, PACKAGE_VERSION);
		return 0;
	}
	if ((rc = set_today(o.today)) != 0)
		return rc;
	if (o.cmd_argc > 0) {
		/* The command's usage needs no database. */
		const struct command *c = cli_find(o.cmd_argv[0]);

		switch (args_parse(c, o.cmd_argc, o.cmd_argv, &args)) {
		case ARGS_HELP:
			args_usage(c, stdout);
			return 0;
		case ARGS_ERROR:
			return 2;
		case ARGS_RUN:
			break;
		}
	}
	if ((db = open_database(&o, path, sizeof path)) == NULL) {
		args_free(&args);
		return 1;
	}
	if (o.cmd_argc > 0) {
		rc = args.command->run(db, &args);
		args_free(&args);
	} else {
		rc = app_run(db, path, utf8, o.exit_after_draw);
	}
	db_close(db);
	return rc;
}
