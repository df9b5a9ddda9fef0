#include "core/io/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/io/file.h"
#include "core/store/err.h"
#include "core/text/i18n.h"
#include "core/text/text.h"

static const char utf8_bom[] = "\xEF\xBB\xBF";
static const char utf16le_bom[] = "\xFF\xFE";

const char *
encoding_name(enum encoding e)
{
	switch (e) {
	case ENCODING_UTF8:
		return "UTF-8";
	case ENCODING_UTF8_BOM:
		return _("UTF-8 with BOM");
	case ENCODING_UTF16LE:
		return _("UTF-16LE without BOM");
	case ENCODING_UTF16LE_BOM:
		return _("UTF-16LE (Unicode text)");
	case ENCODING_CP1258:
		return "CP1258 (Windows-1258)";
	}
	return "?";
}

/* Text in UTF-16LE has a zero high byte for every ASCII character (the
 * spaces, tabs, digits and most letters of Vietnamese text: well over half
 * of them) and almost never a zero low byte. */
static bool
looks_utf16le(const unsigned char *s, size_t len)
{
	size_t pairs = len / 2, odd_zero = 0, even_zero = 0;

	if (pairs == 0)
		return false;
	for (size_t i = 0; i < pairs; i++) {
		odd_zero += s[2 * i + 1] == 0;
		even_zero += s[2 * i] == 0;
	}
	return odd_zero * 2 >= pairs && even_zero < odd_zero / 8 + 1;
}

/* Counts the well-formed multi-byte UTF-8 sequences and the bytes that
 * are not part of one. */
static void
count_utf8(const unsigned char *s, size_t len, size_t *good, size_t *bad)
{
	*good = *bad = 0;
	for (size_t i = 0; i < len;) {
		int n;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		n = u8_mblen(s + i, len - i);
		if (n > 1) {
			(*good)++;
			i += (size_t)n;
		} else {
			(*bad)++;
			i++;
		}
	}
}

enum encoding
encoding_detect(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t good, bad;

	if (len >= 3 && memcmp(data, utf8_bom, 3) == 0)
		return ENCODING_UTF8_BOM;
	if (len >= 2 && memcmp(data, utf16le_bom, 2) == 0)
		return ENCODING_UTF16LE_BOM;
	if (looks_utf16le(s, len))
		return ENCODING_UTF16LE;
	count_utf8(s, len, &good, &bad);
	return bad == 0 || good > bad ? ENCODING_UTF8 : ENCODING_CP1258;
}

/* The line (from 1) of byte offset at, counting '\n' units of unit bytes
 * (1, or 2 for UTF-16LE). */
static int
line_at(const char *s, size_t at, size_t unit)
{
	int line = 1;

	for (size_t i = 0; i + unit <= at; i += unit)
		if (s[i] == '\n' && (unit == 1 || s[i + 1] == '\0'))
			line++;
	return line;
}

static char *fail(struct err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Fills err; NULL for `return fail(...)`. */
static char *
fail(struct err *err, const char *fmt, ...)
{
	char msg[sizeof err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set(err, -1, "%s", msg);
	return NULL;
}

/* Makes room for more output after E2BIG; false when memory ran out. */
static bool
grow(char **out, size_t *cap, char **op, size_t *outleft)
{
	size_t used = (size_t)(*op - *out);
	char *grown = realloc(*out, *cap * 2);

	if (grown == NULL)
		return false;
	*out = grown;
	*cap *= 2;
	*op = grown + used;
	*outleft = *cap - used - 1;
	return true;
}

/* in (len bytes) converted from the iconv encoding from into UTF-8,
 * NUL-terminated, *outlen bytes before the NUL; *at is where the
 * conversion stopped when it fails (errno tells why). */
static char *
convert(const char *from, const char *in, size_t len, size_t *at, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = 2 * len + 16, inleft = len, outleft = cap - 1;
	char *out, *ip = (char *)in, *op;
	bool done = false;

	*at = 0;
	if (cd == (iconv_t)-1)
		return NULL;
	if ((op = out = malloc(cap)) == NULL) {
		iconv_close(cd);
		return NULL;
	}
	/* Once the input is used up, a last call flushes what iconv holds
	 * back: CP1258 keeps a letter in case a tone mark follows. */
	for (;;) {
		bool flush = inleft == 0;
		size_t r = flush ? iconv(cd, NULL, NULL, &op, &outleft) :
		    iconv(cd, &ip, &inleft, &op, &outleft);

		if (r != (size_t)-1 && flush) {
			done = true;
			break;
		}
		if (r == (size_t)-1 && (errno != E2BIG || !grow(&out, &cap, &op, &outleft)))
			break;
	}
	iconv_close(cd);
	*at = (size_t)(ip - in);
	if (!done) {
		free(out);
		return NULL;
	}
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}

static char *
out_of_memory(struct err *err)
{
	err_set(err, -1, "%s", strerror(ENOMEM));
	return NULL;
}

/* UTF-8 (the BOM already skipped): checked, copied. */
static char *
decode_utf8(const char *s, size_t len, struct err *err)
{
	const char *nul = memchr(s, '\0', len);
	const uint8_t *bad = u8_check((const uint8_t *)s, nul ? (size_t)(nul - s) : len);
	char *out;

	if (bad != NULL)
		return fail(err, _("line %d: not valid UTF-8 (a damaged file, or text in "
		    "another encoding mixed in)"), line_at(s, (size_t)((const char *)bad - s), 1));
	if (nul != NULL)
		return fail(err, _("line %d: a NUL character: this is not a text file"),
		    line_at(s, (size_t)(nul - s), 1));
	if ((out = malloc(len + 1)) == NULL)
		return out_of_memory(err);
	memcpy(out, s, len);
	out[len] = '\0';
	return out;
}

static char *
decode_iconv(const char *from, const char *s, size_t len, size_t unit, struct err *err)
{
	size_t at, outlen;
	char *out = convert(from, s, len, &at, &outlen);

	if (out == NULL) {
		if (errno == ENOMEM)
			return out_of_memory(err);
		if (errno == EINVAL)
			return fail(err, _("line %d: the text ends in the middle of a character"),
			    line_at(s, at, unit));
		return fail(err, unit == 2 ? _("line %d: not valid UTF-16 text") :
		    _("line %d: a byte that is not a CP1258 character: this is not a text file "
		    "in a known encoding"), line_at(s, at, unit));
	}
	/* A NUL inside would cut the text short: a binary file, or a wrong
	 * guess of the encoding. */
	if (strlen(out) < outlen) {
		fail(err, _("line %d: a NUL character: this is not a text file"),
		    line_at(out, strlen(out), 1));
		free(out);
		return NULL;
	}
	return out;
}

char *
encoding_decode(const char *data, size_t len, enum encoding *enc, struct err *err)
{
	enum encoding e = encoding_detect(data, len);
	char *raw = NULL, *nfc;

	if (enc != NULL)
		*enc = e;
	switch (e) {
	case ENCODING_UTF8:
		raw = decode_utf8(data, len, err);
		break;
	case ENCODING_UTF8_BOM:
		raw = decode_utf8(data + 3, len - 3, err);
		break;
	case ENCODING_UTF16LE:
		raw = decode_iconv("UTF-16LE", data, len, 2, err);
		break;
	case ENCODING_UTF16LE_BOM:
		raw = decode_iconv("UTF-16LE", data + 2, len - 2, 2, err);
		break;
	case ENCODING_CP1258:
		raw = decode_iconv("CP1258", data, len, 1, err);
		break;
	}
	if (raw == NULL)
		return NULL;
	if ((nfc = text_nfc(raw)) == NULL)
		out_of_memory(err);
	free(raw);
	return nfc;
}

char *
encoding_read_file(const char *path, enum encoding *enc, struct err *err)
{
	const char *why;
	FILE *fp = file_open_read(path, &why);
	char *data = NULL, *text;
	struct err why_not;
	size_t len = 0, cap = 0, n;

	if (fp == NULL) {
		err_set(err, -1, _("cannot read %s: %s"), path, why);
		return NULL;
	}
	for (;;) {
		if (cap - len < 65536) {
			char *grown = realloc(data, cap = cap ? 2 * cap : 65536);

			if (grown == NULL) {
				free(data);
				fclose(fp);
				err_set(err, -1, _("cannot read %s: %s"), path, strerror(ENOMEM));
				return NULL;
			}
			data = grown;
		}
		if ((n = fread(data + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	if (ferror(fp)) {
		err_set(err, -1, _("cannot read %s: %s"), path, strerror(errno));
		fclose(fp);
		free(data);
		return NULL;
	}
	fclose(fp);
	if ((text = encoding_decode(data, len, enc, &why_not)) == NULL)
		err_set(err, -1, "%s: %s", path, why_not.msg);
	free(data);
	return text;
}
