/* The built-in Vietnamese typing engine: Telex and VNI, as Unikey does them.
 *
 * On a console with no input method every text field passes its keys
 * through here.  The engine keeps no state: it looks at the word before the
 * cursor (NFC UTF-8) and one typed key, and says what the word becomes.  The
 * whole word is re-evaluated on every key, so a tone typed early moves to the
 * right vowel when the word grows ("hoà" + n -> "hoàn"), and a repeated key
 * is recognised from the word itself ("á" + s -> "as", "đ" + d -> "dd").
 *
 * Letters that cannot make a Vietnamese syllable are left as typed ("class",
 * "TTHC"), and a word that stops being Vietnamese gets its keys back
 * ("windows", not "ưindows").  Abbreviations with no vowel still take đ
 * anywhere ("HDDND" -> "HĐND"). */
#ifndef CCHC_TELEX_H
#define CCHC_TELEX_H

#include <stdbool.h>
#include <stddef.h>

enum telex_mode { INPUT_OFF, INPUT_TELEX, INPUT_VNI };

/* Where the tone goes in oa, oe, uy with no final consonant: old style hòa,
 * khỏe, thủy (Unikey's default) or new style hoà, khoẻ, thuỷ. */
enum tone_style { TONE_OLD, TONE_NEW };

/* Room enough for any word the engine produces, with its NUL. */
#define TELEX_OUT_MAX 128

/* Given the word before the cursor (NFC UTF-8, as found by
 * telex_word_start()) and one typed key, computes the new word.  Returns true
 * when the engine consumed the key: out then holds the word that replaces
 * the old one (the key included).  Returns false when the key should be
 * inserted as it is: a non-letter key, a word the engine does not touch, or
 * a result that would be plain word + key; out is then left alone.  An out
 * shorter than the result also gives false; TELEX_OUT_MAX always fits. */
bool	telex_apply(enum telex_mode mode, enum tone_style style,
	    const char *word, char key, char *out, size_t outsz);

/* Byte offset where the word before byte offset cursor starts in line: back
 * over letters (any script, so that foreign words are seen whole and left
 * alone) and, in VNI mode, digits, which are keys there. */
size_t	telex_word_start(enum telex_mode mode, const char *line,
	    size_t cursor);

#endif
