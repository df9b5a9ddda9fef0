/* Vietnamese text: normalisation, display width, folding and sort keys.
 *
 * All text in cchc is UTF-8 in NFC.  Input can arrive decomposed (the X "vn"
 * layout, pasted text), so everything that enters the database or the screen
 * goes through text_nfc() first.  Widths are display columns, never bytes or
 * code points.  Folding and sort keys are computed here, in C, and stored in
 * indexed columns so the database needs no custom collation and stays usable
 * from the sqlite3 shell. */
#ifndef CCHC_TEXT_H
#define CCHC_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* printf into a newly allocated string; NULL when memory ran out. */
char *text_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *text_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* True when s is well-formed UTF-8. */
bool text_valid_utf8(const char *s);

/* A newly allocated NFC copy of s, or NULL when s is not valid UTF-8 or
 * memory ran out.  Caller frees. */
char *text_nfc(const char *s);

/* Lower case, no diacritics, đ -> d, NFC input or not:
 * "Đặng Văn Cải" -> "dang van cai".  Runs of white space become one space
 * and the ends are trimmed.  Newly allocated; NULL on invalid UTF-8. */
char *text_fold(const char *s);

/* A file name from a title, in ASCII so any system and e-mail keeps it:
 * folded (text_fold), letters and digits kept, every other run turned into
 * one '-': "Báo cáo 9 tháng/2025" -> "bao-cao-9-thang-2025".  Newly
 * allocated; NULL on invalid UTF-8 or no memory; "" when nothing is kept. */
char *text_slug(const char *s);

/* A key that sorts s in Vietnamese order with a plain byte comparison
 * (memcmp / SQLite BINARY): letters first in the order
 * a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, case and tones
 * only as later differences (tones: none, huyền, hỏi, ngã, sắc, nặng).
 * Digits sort before letters.  The key is printable ASCII so it can be
 * looked at in the sqlite3 shell.  Newly allocated; NULL on invalid UTF-8. */
char *text_sort_key(const char *s);

/* True when needle_folded (already folded) occurs in text_fold(hay). */
bool text_contains_folded(const char *hay, const char *needle_folded);

/* Display columns of s (wcwidth rules; combining marks 0, wide CJK 2,
 * control characters 0). */
int text_width(const char *s);
/* The same for the n bytes at s (whole characters). */
int text_width_n(const char *s, size_t n);

/* The number of bytes of s that fit in cols display columns without cutting
 * a letter (grapheme cluster) in two. */
size_t text_fit(const char *s, int cols);

/* Byte offset of the next / previous grapheme boundary from byte offset at
 * (at itself if it is the end / start). */
size_t text_next_grapheme(const char *s, size_t at);
size_t text_prev_grapheme(const char *s, size_t at);

/* Word wrap for display: breaks s into lines of at most cols columns,
 * at spaces where it can, inside a word (between letters) only when the word
 * alone is wider than cols.  Calls line(start, len, ctx) for each line, in
 * order; explicit '\n' starts a new line.  Returns the number of lines. */
int text_wrap(const char *s, int cols,
    void (*line)(const char *start, size_t len, void *ctx), void *ctx);

/* Trims leading and trailing white space in place; returns s. */
char *text_trim(char *s);

#endif
