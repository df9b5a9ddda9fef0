/* Runs a program RUNS times and prints the median wall time (ms) and the
 * median and largest peak resident memory (KiB) of its runs:
 *
 *   drive [-p KEYS] [-s COLSxROWS] RUNS PROGRAM ARGS...
 *   drive RUNS PROGRAM ARGS... -- FLOOR ARGS...
 *
 * Without -p the program's output goes to /dev/null and its input is
 * /dev/null.  With -p it runs on a pseudo-terminal (80x24 by default) that
 * is already in raw mode, KEYS (C escapes \r \e \n) are typed at once, and
 * its output is read and thrown away until it exits: the real path from
 * start through every key to the exit, drawing included.
 *
 * With "--" the two programs run alternately, one of each per round, and
 * a second line gives the floor's figures: a program compared with its
 * floor sees the same moments of a busy machine, as far apart medians
 * taken a minute apart do not. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static size_t
unescape(const char *s, char *out)
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s != '\\' || s[1] == '\0') {
			out[n++] = *s;
			continue;
		}
		s++;
		out[n++] = *s == 'r' ? '\r' : *s == 'n' ? '\n' : *s == 'e' ? '\033' : *s;
	}
	return n;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* One run; returns its status, fills wall ms and peak RSS KiB. */
static int
run(char **argv, const char *keys, size_t nkeys, struct winsize *ws, double *ms, long *rss)
{
	struct rusage ru;
	double t0 = now_ms();
	int status, fd = -1;
	pid_t pid;

	if (keys != NULL) {
		pid = forkpty(&fd, NULL, NULL, ws);
		if (pid == 0) {
			struct termios t;

			tcgetattr(0, &t);
			cfmakeraw(&t);
			tcsetattr(0, TCSANOW, &t);
		}
	} else {
		pid = fork();
		if (pid == 0) {
			int null = open("/dev/null", O_RDWR);

			dup2(null, 0);
			dup2(null, 1);
		}
	}
	if (pid < 0) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	if (fd >= 0) {
		char buf[65536];

		if (write(fd, keys, nkeys) != (ssize_t)nkeys)
			perror("write");
		/* EIO once the child has gone and the pty is closed. */
		while (read(fd, buf, sizeof buf) > 0)
			;
		close(fd);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("wait4");
		exit(1);
	}
	*ms = now_ms() - t0;
	*rss = ru.ru_maxrss;
	return status;
}

int
main(int argc, char **argv)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	char *keys = NULL;
	size_t nkeys = 0;
	double *ms[2], *rssd[2], maxrss[2] = { 0, 0 };
	char **floor_argv = NULL;
	int c, runs;

	while ((c = getopt(argc, argv, "+p:s:")) != -1) {
		if (c == 'p') {
			keys = malloc(strlen(optarg) + 1);
			nkeys = unescape(optarg, keys);
		} else if (c == 's') {
			unsigned short w, h;

			if (sscanf(optarg, "%hux%hu", &w, &h) == 2) {
				ws.ws_col = w;
				ws.ws_row = h;
			}
		} else {
			return 2;
		}
	}
	if (argc - optind < 2 || (runs = atoi(argv[optind])) < 1) {
		fprintf(stderr, "usage: drive [-p KEYS] [-s COLSxROWS] RUNS PROGRAM ARGS... [-- FLOOR ARGS...]\n");
		return 2;
	}
	for (int i = optind + 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			argv[i] = NULL;
			floor_argv = argv + i + 1;
			break;
		}
	}
	if (floor_argv != NULL && (keys != NULL || floor_argv[0] == NULL)) {
		fprintf(stderr, "drive: a floor takes no -p and needs a program\n");
		return 2;
	}
	for (int k = 0; k < 2; k++) {
		ms[k] = calloc((size_t)runs, sizeof *ms[k]);
		rssd[k] = calloc((size_t)runs, sizeof *rssd[k]);
	}
	for (int i = 0; i < runs; i++) {
		for (int k = 0; k < (floor_argv != NULL ? 2 : 1); k++) {
			char **prog = k == 0 ? argv + optind + 1 : floor_argv;
			long rss;
			int st = run(prog, keys, nkeys, &ws, &ms[k][i], &rss);

			if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
				fprintf(stderr, "drive: %s failed (status %d)\n", prog[0], st);
				return 1;
			}
			rssd[k][i] = (double)rss;
			if (rssd[k][i] > maxrss[k])
				maxrss[k] = rssd[k][i];
		}
	}
	for (int k = 0; k < (floor_argv != NULL ? 2 : 1); k++) {
		qsort(ms[k], (size_t)runs, sizeof *ms[k], cmp);
		qsort(rssd[k], (size_t)runs, sizeof *rssd[k], cmp);
		printf("%.2f %.0f %.0f\n", ms[k][runs / 2], rssd[k][runs / 2], maxrss[k]);
	}
	return 0;
}
