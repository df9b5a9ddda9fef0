/* The seven sections every plan, report and criteria set is organised by.
 * Plans number them differently, so they are matched by title. */
#ifndef CCHC_SECTION_H
#define CCHC_SECTION_H

#include <stdint.h>

#include "core/plan/model.h"

struct db;

/* All sections in their order; 0 or -1. */
int section_list(struct db *db, struct section **out, int *n);
void sections_free(struct section *s, int n);

/* The section whose code, title or an alias matches text (folded, so case
 * and marks do not matter); 0 when none, -1 on error. */
int64_t section_find(struct db *db, const char *text);

/* The Roman numeral plans number a section by ("III" for ord 3); "" past
 * XII. */
const char *section_numeral(int ord);

/* Loads sections.tsv (code, order, title, short title, aliases) into an
 * empty section table; inside the caller's transaction. */
int section_load(struct db *db, const char *path);

#endif
