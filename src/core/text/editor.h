/* The state of a text field: a buffer, a cursor and the edits on them.
 *
 * The text is UTF-8 in NFC at all times.  Whatever arrives (a code point from
 * wget_wch, a pasted string, decomposed or not) is composed with the letter
 * before the cursor as it comes, so "â" then U+0301 gives "ấ" and one
 * Backspace removes one whole letter, as input methods that correct a word by
 * Backspace-and-retype expect.  The cursor always sits on a grapheme
 * boundary; offsets are in bytes, widths in display columns.  No drawing
 * here: the UI draws editor_text() (with editor_scroll() or text_wrap()).
 *
 * Functions returning int give 0 on success and -1 with errno set on failure:
 * ENOMEM, ENOSPC (the text would exceed the maximum length; nothing changed)
 * or EINVAL (not a Unicode scalar value, a range outside the text). */
#ifndef CCHC_EDITOR_H
#define CCHC_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct editor;

/* A new empty field, or NULL when memory ran out.  A multi-line field keeps
 * '\n'; a single-line one turns newlines and tabs into spaces.  Both drop
 * other control characters and invalid UTF-8.  max_chars limits the text to
 * that many letters (grapheme clusters); 0 for no limit. */
struct editor	*editor_new(bool multiline, size_t max_chars);
void		 editor_free(struct editor *ed);

/* Replaces the text (cleaned and normalised as input is, but never cut to
 * the maximum length), puts the cursor at the end and marks it saved. */
int		 editor_set_text(struct editor *ed, const char *s);
/* The text, NUL-terminated; valid until the next change. */
const char	*editor_text(const struct editor *ed);
size_t		 editor_length(const struct editor *ed);

/* True when the text differs from the one last set or marked saved. */
bool		 editor_changed(const struct editor *ed);
int		 editor_mark_saved(struct editor *ed);

/* The cursor as a byte offset, and as the display column from the start of
 * its line (the whole text for a single-line field). */
size_t		 editor_cursor(const struct editor *ed);
int		 editor_cursor_col(const struct editor *ed);
/* Moves the cursor to byte offset at, back to the start of the letter it
 * falls in; past the end means the end. */
void		 editor_set_cursor(struct editor *ed, size_t at);

/* Insert at the cursor and move the cursor after the insertion.  A typed
 * code point that would exceed the maximum length is refused (ENOSPC); a
 * pasted string is cut to the letters that fit, and refused only when none
 * does. */
int		 editor_insert(struct editor *ed, uint32_t cp);
int		 editor_insert_text(struct editor *ed, const char *s);

/* Backspace and Delete remove one letter; at the start / end they do
 * nothing and succeed. */
int		 editor_backspace(struct editor *ed);
int		 editor_delete(struct editor *ed);

/* One letter left / right; false when already at the start / end. */
bool		 editor_left(struct editor *ed);
bool		 editor_right(struct editor *ed);
/* Ctrl-Left / Ctrl-Right (Alt-b / Alt-f): to the start of the word before
 * the cursor, to the end of the word after it, words being what Ctrl-W
 * deletes (runs of non-spaces); false when already at the start / end. */
bool		 editor_word_left(struct editor *ed);
bool		 editor_word_right(struct editor *ed);
/* Start / end of the cursor's line ('\n'-separated). */
void		 editor_home(struct editor *ed);
void		 editor_end(struct editor *ed);

/* Ctrl-U and Ctrl-K: delete from the start of the line to the cursor, from
 * the cursor to the end of the line.  When that is empty they delete the
 * newline there instead, joining two lines. */
int		 editor_kill_start(struct editor *ed);
int		 editor_kill_end(struct editor *ed);
/* Ctrl-W: delete the spaces before the cursor, then the run of non-spaces
 * before those. */
int		 editor_kill_word(struct editor *ed);

/* Multi-line fields drawn text_wrap()ped to width columns: the cursor's
 * visual row and column (at most width - 1: a cursor after a full row shows
 * on its last column), and moving one visual row up / down keeping the
 * column as near as the letters allow.  Up / down return false on the
 * first / last row. */
void		 editor_locate(const struct editor *ed, int width,
		     int *row, int *col);
bool		 editor_up(struct editor *ed, int width);
bool		 editor_down(struct editor *ed, int width);

/* Single-line fields width columns wide: the byte offset of the first
 * letter to show, so that the cursor (and the letter under it, when it fits)
 * is visible.  Moves as little as it can from prev, the offset last shown,
 * except that it shows more text on the left when the end would leave
 * room. */
size_t		 editor_scroll(const struct editor *ed, int width, size_t prev);

/* For the Telex/VNI engine: [*start, *end) is the run of letters (with their
 * marks) just before the cursor; *end is the cursor.  editor_replace()
 * replaces [start, end) by s and puts the cursor after it. */
void		 editor_word_before(const struct editor *ed, size_t *start,
		     size_t *end);
int		 editor_replace(struct editor *ed, size_t start, size_t end,
		     const char *s);

#endif
