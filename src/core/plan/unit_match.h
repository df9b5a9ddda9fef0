/* Which unit of the office a name in a pasted table means.
 *
 * Plans spell one unit many ways ("Phòng VHXH", "Phòng Văn hóa - Xã hội",
 * "Phòng Văn hoá – xã hội xã").  A name is compared with every spelling the
 * database knows (unit_alias: names, short names, aliases), in three steps:
 *   1. folded (no marks, no case, đ -> d), as unit_find() does;
 *   2. word by word, punctuation ignored ("-", "–", "&", ".") and a
 *      trailing "xã" or "phường" dropped;
 *   3. by initials: a word of one side may stand for the initials of
 *      several words of the other ("VHXH" for "Văn hóa - Xã hội",
 *      "PVHCC" for "Phục vụ hành chính công", "HĐND" for "Hội đồng nhân
 *      dân").  This is a guess, reported as such, and refused when it
 *      fits spellings of two different units.
 * A cell may name several units, separated by ';' or ','; but unit names
 * can hold a comma ("Các phòng, đơn vị"), so the whole cell is tried
 * first and neighbouring pieces are joined back when together they name
 * a unit. */
#ifndef CCHC_UNIT_MATCH_H
#define CCHC_UNIT_MATCH_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct err;

enum unit_match_how {
	UNIT_MATCH_NONE,	/* no unit has this name */
	UNIT_MATCH_EXACT,	/* steps 1 and 2 */
	UNIT_MATCH_INITIALS,	/* step 3: a guess */
	UNIT_MATCH_AMBIGUOUS,	/* step 3 fits two units: none taken */
};

struct unit_spelling;

/* The spellings of every unit, loaded once for a whole table. */
struct unit_matcher {
	struct unit_spelling *spelling;
	int n;
};

/* A name as written in a cell and what it matched. */
struct unit_ref {
	char *text;			/* NFC, trimmed */
	enum unit_match_how how;
	int64_t id;			/* the unit (AMBIGUOUS: a candidate); 0 for NONE */
	int64_t other;			/* AMBIGUOUS: another candidate */
};

/* Loads the spellings; 0 or -1 (db_error). */
int unit_matcher_load(struct db *db, struct unit_matcher *m);
void unit_matcher_free(struct unit_matcher *m);

/* What name (one unit's name) matches; *id (and *other when ambiguous)
 * set as in unit_ref.  -1 only when memory ran out. */
int unit_match(const struct unit_matcher *m, const char *name, struct unit_ref *out);

/* The units a cell names, in order, each as a unit_ref (unknown names
 * included, with how NONE).  *out newly allocated (NULL when the cell is
 * blank).  0, or -1 when memory ran out. */
int unit_match_cell(const struct unit_matcher *m, const char *cell, struct unit_ref **out, int *n);
void unit_refs_free(struct unit_ref *r, int n);

/* The unit one name typed in a form or given to a command means, by the
 * same steps as an import's cells: its id (an initials match included,
 * as the importer takes it); 0 with e (translated, naming label; field -1)
 * when no unit or two fit; -1 with e on a database error. */
int64_t unit_resolve(struct db *db, const char *name, const char *label, struct err *e);

#endif
