#include "config.h"

#include "options.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text/i18n.h"

void
options_usage(FILE *fp)
{
	fprintf(fp, _("Usage: %s [OPTION]...\n"
	    "Plan, track, score and report administrative reform (CCHC) work.\n"
	    "\n"
	    "  --db FILE        use the database FILE (default: $CCHC_DB, else\n"
	    "                   $XDG_DATA_HOME/cchc/cchc.db)\n"
	    "  --lang vi|en     language of the interface (default: vi)\n"
	    "  --today DATE     take DATE (YYYY-MM-DD or dd/mm/yyyy) as today\n"
	    "  -h, --help       show this help and exit\n"
	    "  -V, --version    show the version and exit\n"
	    "  --exit-after-draw  draw the first screen and exit (for benchmarks)\n"
	    "\n"
	    "Exit status: 0 ok, 1 runtime error, 2 usage error.\n"), PACKAGE);
	cli_usage(fp);
}

/* The language is read before gettext is set up, so this runs first and
 * only looks for --lang; full parsing (with translated messages) follows. */
const char *
options_language(int argc, char **argv)
{
	const char *lang = getenv("CCHC_LANG");

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[i + 1];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
	}
	/* Anything but English is Vietnamese here: the message that rejects
	 * a bad --lang is then in the default language. */
	return lang != NULL && strcmp(lang, "en") == 0 ? "en" : "vi";
}

int
options_parse(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'l' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "exit-after-draw", no_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof *o);
	o->lang = getenv("CCHC_LANG");
	o->today = getenv("CCHC_TODAY");
	opterr = 0;
	/* "+": stop at the first argument that is not an option, the
	 * command, whose own options follow it. */
	while ((c = getopt_long(argc, argv, "+:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->db = optarg;
			break;
		case 'l':
			o->lang = optarg;
			break;
		case 't':
			o->today = optarg;
			break;
		case 'h':
			o->help = true;
			break;
		case 'V':
			o->version = true;
			break;
		case 'x':
			o->exit_after_draw = true;
			break;
		case ':':
			fprintf(stderr, _("%s: option %s needs a value\n"), PACKAGE, argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, _("%s: unknown option %s (see --help)\n"), PACKAGE, argv[optind - 1]);
			return 2;
		}
	}
	if (optind < argc) {
		if (cli_find(argv[optind]) == NULL) {
			fprintf(stderr, _("%s: unknown command %s (see --help)\n"), PACKAGE, argv[optind]);
			return 2;
		}
		o->cmd_argc = argc - optind;
		o->cmd_argv = argv + optind;
	}
	if (o->lang == NULL || *o->lang == '\0')
		o->lang = "vi";
	if (strcmp(o->lang, "vi") != 0 && strcmp(o->lang, "en") != 0) {
		fprintf(stderr, _("%s: --lang takes vi or en, not %s\n"), PACKAGE, o->lang);
		return 2;
	}
	return 0;
}
