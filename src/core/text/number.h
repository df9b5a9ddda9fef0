/* Numbers as an office types them.
 *
 * Vietnamese writes the decimal comma and groups thousands with dots
 * ("1.234,5"); keyboards and spreadsheets also give the decimal dot
 * ("99.5").  The forms accept both, whatever the locale. */
#ifndef CCHC_NUMBER_H
#define CCHC_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

/* Parses s into *out: surrounding blanks, an optional '-', digits with a
 * decimal comma or dot ("99,5", "99.5"), and dots grouping thousands
 * ("1.234", "1.234.567", "1.234,5").  Without a comma, dots are groups
 * when every part after the first is exactly three digits and the first is
 * one to three digits not starting with 0: "1.234" is 1234, while "0.125"
 * and "12.5" are decimals.  False for anything else ("", "abc", "1,2,3",
 * "12abc", "1..2", inf, nan, more than 64 characters). */
bool number_parse(const char *s, double *out);

/* A percentage as typed: a number (number_parse) then '%', blanks
 * allowed around it ("90%", "99,5 %").  False without the sign, so a
 * plain figure stays a numerator. */
bool number_parse_percent(const char *s, double *out);

/* Yes or no as offices write it in a table: "có" / "không" (also without
 * diacritics, "co" / "khong"), "x" for yes (a ticked cell), "yes" / "no",
 * "1" / "0"; case and diacritics do not matter.  False for anything
 * else. */
bool number_parse_yesno(const char *s, bool *yes);

/* Parses s, decimal digits alone (an optional '-' first), into *out when
 * the value lies from min to max.  False for anything else, an overflow
 * included: strtoll's clamping would turn 99999999999999999999 into
 * another number. */
bool number_parse_whole(const char *s, long long min, long long max, long long *out);

/* Writes v with no needless decimals ("100", "99.5", "-0.25"; at most six
 * decimals) and the locale's decimal point into buf of size bytes. */
void number_format(double v, char *buf, size_t size);
/* The same with at most two decimals (99,5; 98; 33,33): what screens and
 * reports show. */
void number_format_2(double v, char *buf, size_t size);
/* number_format_2 of a figure there may not be: "" when has is false. */
void number_format_opt(bool has, double v, char *buf, size_t size);
/* A rate or an index in percent as every screen and report shows it: two
 * decimals at most, then '%' ("87,5%", "80%", "-2,25%"); with sign, a '+'
 * before a figure above 0 (a change). */
void number_format_percent(double v, bool sign, char *buf, size_t size);

#endif
