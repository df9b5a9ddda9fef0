#!/bin/sh
# The Vietnamese translation is complete: every source file with
# translatable strings is in po/POTFILES.in, and po/vi.po, merged with the
# strings the sources hold now, has nothing untranslated or fuzzy.  (The
# build's own update-po only runs when asked; this keeps a new string from
# reaching the UI in English unnoticed.)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
for tool in xgettext msgmerge msgattrib; do
	command -v "$tool" > /dev/null || { echo "$tool not found: skipping" >&2; exit 77; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/cchc-po.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$top"

status=0
for f in $(grep -rlE '(^|[^A-Za-z_])(N?_|ngettext)\("' src); do
	if ! grep -qx "$f" po/POTFILES.in; then
		echo "FAIL: $f has translatable strings but is not in po/POTFILES.in" >&2
		status=1
	fi
done

xgettext --language=C --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --from-code=UTF-8 \
	-o "$work/cchc.pot" -f po/POTFILES.in
msgmerge --quiet --no-fuzzy-matching -o "$work/vi.po" po/vi.po "$work/cchc.pot"
for what in untranslated only-fuzzy; do
	msgattrib --"$what" --no-obsolete --no-wrap "$work/vi.po" | grep '^msgid "[^"]' > "$work/$what" || true
	if [ -s "$work/$what" ]; then
		echo "FAIL: po/vi.po, $what:" >&2
		cat "$work/$what" >&2
		status=1
	fi
done
[ "$status" -eq 0 ] && echo "po: vi.po translates every string"
exit "$status"
