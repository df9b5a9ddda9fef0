#include "core/io/run.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int
run_program(char *const *argv, const char *in, size_t len, bool c_locale, char *out,
    size_t outsz)
{
	int fin[2], res[2], status = -1;
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	size_t got = 0;
	ssize_t k;
	pid_t pid;

	if (pipe(fin) != 0)
		return -1;
	if (pipe(res) != 0) {
		close(fin[0]);
		close(fin[1]);
		return -1;
	}
	if ((pid = fork()) < 0) {
		close(fin[0]);
		close(fin[1]);
		close(res[0]);
		close(res[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fin[0], 0);
		dup2(res[1], 1);
		dup2(res[1], 2);
		close(fin[0]);
		close(fin[1]);
		close(res[0]);
		close(res[1]);
		if (c_locale)
			setenv("LC_ALL", "C", 1);
		execvp(argv[0], argv);
		_exit(errno == ENOENT ? 127 : 126);
	}
	close(fin[0]);
	close(res[1]);
	/* A command that stops reading must not kill us with SIGPIPE. */
	sigaction(SIGPIPE, &ign, &old);
	while (len > 0 && (k = write(fin[1], in, len)) > 0) {
		in += k;
		len -= k;
	}
	close(fin[1]);
	sigaction(SIGPIPE, &old, NULL);
	/* Read to the end, keeping what fits: a program blocked on a full
	 * pipe would never exit. */
	for (;;) {
		char spill[512];

		if (got + 1 < outsz)
			k = read(res[0], out + got, outsz - 1 - got);
		else
			k = read(res[0], spill, sizeof spill);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		if (got + 1 < outsz)
			got += k;
	}
	out[got] = '\0';
	close(res[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		continue;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
