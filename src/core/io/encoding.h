/* Text files as offices have them: the encoding found out and the text
 * turned into NFC UTF-8.
 *
 * Tables copied out of Word or Excel arrive as UTF-8 (with or without a
 * BOM), as UTF-16LE (Excel's "Unicode text", normally with a BOM) or, from
 * older machines, as CP1258 (Windows Vietnamese, which writes most tones as
 * combining marks).  glibc's iconv converts; the result is always NFC,
 * whatever form the source used. */
#ifndef CCHC_ENCODING_H
#define CCHC_ENCODING_H

#include <stddef.h>

struct err;

enum encoding {
	ENCODING_UTF8,
	ENCODING_UTF8_BOM,
	ENCODING_UTF16LE,	/* no BOM: told by its zero high bytes */
	ENCODING_UTF16LE_BOM,	/* Excel's "Unicode text" */
	ENCODING_CP1258,	/* anything else that is not UTF-8 */
};

/* The encoding's name for people ("UTF-8 with BOM"), translated. */
const char *encoding_name(enum encoding e);

/* Which encoding data (len bytes, NULs allowed) is in: a BOM decides; else
 * UTF-16LE when most odd bytes are zero; else UTF-8 when it is valid, or
 * when it holds more well-formed multi-byte sequences than stray bytes
 * (UTF-8 with a few bad bytes, which decoding then refuses, naming the
 * line, rather than reading it as CP1258 and garbling every letter);
 * else CP1258. */
enum encoding encoding_detect(const char *data, size_t len);

/* data (len bytes) as NFC UTF-8 without a BOM, NUL-terminated and newly
 * allocated; *enc (may be NULL) tells the encoding found.  NULL, e
 * filled with a message naming the line, when the bytes are not text in that
 * encoding (a NUL character, a byte CP1258 does not have, malformed
 * UTF-8 or UTF-16), or memory ran out. */
char *encoding_decode(const char *data, size_t len, enum encoding *enc, struct err *e);

/* Reads the file at path and decodes it as encoding_decode() does; the
 * message names the file. */
char *encoding_read_file(const char *path, enum encoding *enc, struct err *e);

#endif
