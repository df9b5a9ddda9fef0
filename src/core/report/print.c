#include "core/report/print.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/io/run.h"
#include "core/store/db.h"
#include "core/store/user_config.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

#define MAX_ARGS 32

/* A printer's name as CUPS allows it (letters, digits, _ . @ + -, at most
 * 127 bytes), not starting with '-': the name comes from the database,
 * and must stay one harmless argument of lp. */
static bool
printer_name_ok(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 127 || *name == '-')
		return false;
	return strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_.@+-") == n;
}

/* The print command's words (split at blanks: there is no shell to
 * interpret quotes), the printer and the file. */
static int
build_argv(char *command, const char *printer, const char *path, char **argv)
{
	int n = 0;

	for (char *w = strtok(command, " \t"); w != NULL && n < MAX_ARGS - 4;
	    w = strtok(NULL, " \t"))
		argv[n++] = w;
	if (n == 0)
		return 0;
	if (printer != NULL && *printer != '\0') {
		argv[n++] = "-d";
		argv[n++] = (char *)printer;
	}
	argv[n++] = (char *)path;
	argv[n] = NULL;
	return n;
}

/* After "request id is QUEUE-12 (1 file(s))": whether lpstat calls the
 * queue disabled (stopped).  Asked in the C locale, so its words can be
 * read. */
static bool
queue_stopped(const char *said, char *queue, size_t n)
{
	const char *id = strstr(said, "request id is ");
	char *dash, *argv[] = { "lpstat", "-p", queue, NULL }, state[512];
	size_t len;

	if (id == NULL)
		return false;
	id += strlen("request id is ");
	len = strcspn(id, " \n");
	if (len >= n)
		return false;
	memcpy(queue, id, len);
	queue[len] = '\0';
	if ((dash = strrchr(queue, '-')) == NULL)
		return false;
	*dash = '\0';
	return run_program(argv, "", 0, true, state, sizeof state) == 0 &&
	    strstr(state, "disabled") != NULL;
}

/* Whether lp's words (in the C locale) say there is nothing to print on:
 * no default printer (CUPS words it "No default destination" or "no
 * default destination available"), or no CUPS service to ask. */
static bool
no_printer(const char *said)
{
	static const char *const words[] = {
		"no default destination", "scheduler not responding", "unable to connect",
	};
	char *folded = strdup(said);
	bool found = false;

	for (char *c = folded; c != NULL && *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	for (size_t i = 0; folded != NULL && i < sizeof words / sizeof *words; i++)
		found = found || strstr(folded, words[i]) != NULL;
	free(folded);
	return found;
}

/* The print command: $CCHC_PRINT_COMMAND, else print_command in the user's
 * configuration file, else lp; never the database, which only names the
 * printer.  NULL when out of memory. */
static char *
print_command(void)
{
	const char *env = getenv("CCHC_PRINT_COMMAND");
	char *command = env != NULL && *env != '\0' ? strdup(env) : config_get("print_command");

	if (command != NULL && *text_trim(command) == '\0') {
		free(command);
		command = NULL;
	}
	return command != NULL ? command : strdup("lp");
}

int
print_pdf(struct db *db, const char *path, const char *printer)
{
	char *command = print_command();
	char *setting = db_setting_get(db, "printer");
	char *argv[MAX_ARGS], said[1024], queue[256], *nl;
	int rc;

	if (printer == NULL || *printer == '\0')
		printer = setting != NULL ? text_trim(setting) : NULL;
	if (command == NULL) {
		rc = db_fail(db, "%s", strerror(ENOMEM));
		goto out;
	}
	if (printer != NULL && *printer != '\0' && !printer_name_ok(printer)) {
		rc = db_fail(db, _("the printer's name \"%s\" is not one CUPS allows (letters, "
		    "digits, _ . @ + -): change the setting printer"), printer);
		goto out;
	}
	if (build_argv(command, printer, path, argv) == 0) {
		rc = db_fail(db, "%s", _("the print command is empty: set print_command in "
		    "~/.config/cchc/config, or remove it to use lp"));
		goto out;
	}
	/* lp's messages are read, so it speaks English; the user gets ours. */
	rc = run_program(argv, "", 0, true, said, sizeof said);
	if ((nl = strchr(said, '\n')) != NULL && rc != 0)
		*nl = '\0';
	if (rc == 127)
		rc = db_fail(db, _("cannot print: %s is not installed (install the Debian package "
		    "cups-client, or save the report as PDF and print it elsewhere)"), argv[0]);
	else if (rc == 126)
		rc = db_fail(db, _("cannot run %s: not executable"), argv[0]);
	else if (rc < 0)
		rc = db_fail(db, _("cannot start the print command %s: %s"), argv[0], strerror(errno));
	else if (rc != 0 && no_printer(said)) {
		db_fail(db, "%s", _("there is no default printer: make one the default in "
		    "the system's printer settings, or name one (--printer NAME); or save the report "
		    "as PDF"));
		rc = -2;
	}
	else if (rc != 0 && strstr(said, "does not exist") != NULL)
		rc = db_fail(db, _("there is no printer called %s: name another "
		    "(lpstat -e lists them), or save the report as PDF"), printer != NULL ? printer : "");
	else if (rc != 0 && strstr(said, "not accepting jobs") != NULL)
		rc = db_fail(db, _("the printer %s refuses jobs (its queue is stopped): start it "
		    "(cupsaccept), choose another printer, or save the report as PDF"), printer != NULL && *printer != '\0' ? printer : _("by default"));
	else if (rc != 0)
		rc = db_fail(db, _("%s failed (status %d): %s; save the report as PDF and print it "
		    "elsewhere"), argv[0], rc, *said != '\0' ? said : _("no message"));
	else if (queue_stopped(said, queue, sizeof queue))
		rc = db_fail(db, _("the printer %s is stopped: the report waits in its queue until "
		    "it is started (cupsenable %s); or choose another printer"),
		    queue, queue);
out:
	free(command);
	free(setting);
	return rc;
}
