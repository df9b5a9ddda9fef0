#include "core/print.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/config.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/report.h"
#include "core/text.h"

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
 * interpret quotes) and lp's options: the printer, and the page layout of
 * the report's width. */
static int
build_argv(char *command, const char *printer, int width, char **argv)
{
	static char *const narrow[] = { "-o", "cpi=11", "-o", "lpi=6" };
	static char *const wide[] = { "-o", "landscape", "-o", "cpi=13", "-o", "lpi=6" };
	const char *base;
	int n = 0;

	for (char *w = strtok(command, " \t"); w != NULL && n < MAX_ARGS - 10;
	    w = strtok(NULL, " \t"))
		argv[n++] = w;
	if (n == 0)
		return 0;
	base = strrchr(argv[0], '/') != NULL ? strrchr(argv[0], '/') + 1 : argv[0];
	if (printer != NULL && *printer != '\0') {
		argv[n++] = "-d";
		argv[n++] = (char *)printer;
	}
	/* Only lp is known to take these. */
	if (strcmp(base, "lp") == 0) {
		if (width > REPORT_WIDTH_NARROW)
			for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
				argv[n++] = wide[i];
		else
			for (size_t i = 0; i < sizeof narrow / sizeof narrow[0]; i++)
				argv[n++] = narrow[i];
	}
	argv[n] = NULL;
	return n;
}

/* Runs argv with text on its standard input; its output (stdout and
 * stderr together) goes into out.  The exit status, or -1. */
static int
run(char **argv, const char *text, size_t len, char *out, size_t outsz)
{
	int in[2], res[2], status = -1;
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	size_t got = 0;
	ssize_t k;
	pid_t pid;

	if (pipe(in) != 0)
		return -1;
	if (pipe(res) != 0) {
		close(in[0]);
		close(in[1]);
		return -1;
	}
	if ((pid = fork()) < 0) {
		close(in[0]);
		close(in[1]);
		close(res[0]);
		close(res[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(res[1], 1);
		dup2(res[1], 2);
		close(in[0]);
		close(in[1]);
		close(res[0]);
		close(res[1]);
		execvp(argv[0], argv);
		_exit(errno == ENOENT ? 127 : 126);
	}
	close(in[0]);
	close(res[1]);
	/* A command that stops reading must not kill us with SIGPIPE. */
	sigaction(SIGPIPE, &ign, &old);
	while (len > 0 && (k = write(in[1], text, len)) > 0) {
		text += k;
		len -= k;
	}
	close(in[1]);
	sigaction(SIGPIPE, &old, NULL);
	while (got + 1 < outsz && (k = read(res[0], out + got, outsz - 1 - got)) > 0)
		got += k;
	out[got] = '\0';
	close(res[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		continue;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The program and its arguments into argv (pointing into *command, which
 * the caller frees): the program from $CCHC_PRINT_COMMAND or the
 * configuration file, never from the database, which only names the
 * printer.  The number of words, or -1 with db_error. */
static int
resolve_argv(struct db *db, char **command, char **printer, int width, char **argv)
{
	const char *env = getenv("CCHC_PRINT_COMMAND"), *name = NULL;

	*command = env != NULL && *env != '\0' ? strdup(env) : config_get("print_command");
	if (*command != NULL && *text_trim(*command) == '\0') {
		free(*command);
		*command = NULL;
	}
	if (*command == NULL && (*command = strdup("lp")) == NULL)
		return db_fail(db, "%s", strerror(ENOMEM));
	if ((*printer = db_setting_get(db, "printer")) != NULL)
		name = text_trim(*printer);
	if (name != NULL && *name != '\0' && !printer_name_ok(name))
		return db_fail(db, _("the printer's name \"%s\" is not one CUPS allows (letters, "
		    "digits, _ . @ + -): change the setting printer"), name);
	return build_argv(*command, name, width, argv);
}

int
print_text(struct db *db, const char *text, size_t len, int width)
{
	char *command = NULL, *printer = NULL;
	char *argv[MAX_ARGS], said[1024], *nl;
	int rc;

	if ((rc = resolve_argv(db, &command, &printer, width, argv)) <= 0) {
		rc = -1;
		goto out;
	}
	rc = run(argv, text, len, said, sizeof said);
	if ((nl = strchr(said, '\n')) != NULL)
		*nl = '\0';
	if (rc == 127)
		rc = db_fail(db, _("cannot run %s: not installed (install cups-client, or set "
		    "print_command in ~/.config/cchc/config)"), argv[0]);
	else if (rc == 126)
		rc = db_fail(db, _("cannot run %s: not executable"), argv[0]);
	else if (rc < 0)
		rc = db_fail(db, _("cannot start the print command %s: %s"), argv[0], strerror(errno));
	else if (rc != 0)
		rc = db_fail(db, _("%s failed (status %d): %s"), argv[0], rc,
		    *said != '\0' ? said : _("no message"));
out:
	free(command);
	free(printer);
	return rc;
}
