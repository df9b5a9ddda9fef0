#include "core/store/user_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text/text.h"

static FILE *
open_config(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char path[4096];
	int len;

	/* XDG: a relative XDG_CONFIG_HOME is invalid and ignored. */
	if (xdg != NULL && *xdg == '/')
		len = snprintf(path, sizeof path, "%s/cchc/config", xdg);
	else if (home != NULL && *home != '\0')
		len = snprintf(path, sizeof path, "%s/.config/cchc/config", home);
	else
		return NULL;
	if (len < 0 || (size_t)len >= sizeof path)
		return NULL;
	return fopen(path, "r");
}

char *
config_get(const char *key)
{
	FILE *fp = open_config();
	char line[4096], *value = NULL;

	if (fp == NULL)
		return NULL;
	while (fgets(line, sizeof line, fp) != NULL) {
		char *eq = strchr(line, '='), *k = text_trim(line);

		if (*k == '#' || eq == NULL)
			continue;
		*eq = '\0';
		if (strcmp(text_trim(k), key) != 0)
			continue;
		free(value);
		value = strdup(text_trim(eq + 1));
	}
	fclose(fp);
	return value;
}
