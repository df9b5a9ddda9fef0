/* Running another program: never through a shell (execvp), input given on
 * its standard input, what it says collected. */
#ifndef CCHC_RUN_H
#define CCHC_RUN_H

#include <stdbool.h>
#include <stddef.h>

/* Runs argv with len bytes of in on its standard input; its output
 * (stdout and stderr together) goes into out, NUL-terminated, cut at
 * outsz.  c_locale runs it in the C locale, for messages that are read.
 * The exit status (127: not found, 126: not executable), or -1 when it
 * could not be started (errno). */
int run_program(char *const *argv, const char *in, size_t len, bool c_locale, char *out,
    size_t outsz);

#endif
