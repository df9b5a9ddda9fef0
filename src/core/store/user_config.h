/* The user's configuration file: what the user decides on this machine,
 * never what a database says.
 *
 * $XDG_CONFIG_HOME/cchc/config, else ~/.config/cchc/config: UTF-8 text,
 * one "key = value" a line; blank lines and lines starting with # are
 * ignored; blanks around the key and the value are dropped.  Keys:
 *   print_command   the program (and its arguments, split at blanks) that
 *                   prints a report's text from its standard input;
 *                   default lp.  $CCHC_PRINT_COMMAND overrides it.
 * A database travels on USB sticks and by e-mail, so the programs cchc
 * runs are chosen here and nowhere else. */
#ifndef CCHC_USER_CONFIG_H
#define CCHC_USER_CONFIG_H

/* The value of key in the configuration file (malloc'd), or NULL when the
 * file or the key is missing.  The last line with the key wins. */
char *config_get(const char *key);

#endif
