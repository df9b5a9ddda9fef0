#!/bin/sh
# The commands' usage is said once, in their entries (src/cli/*.c):
# `cchc --help` and `cchc COMMAND --help` print every entry's synopsis, the
# manual page's COMMANDS lists the same synopses and no other, and every
# option an entry declares is in its synopsis, and no other.
set -eu
: "${CCHC_BIN:?CCHC_BIN must name the cchc binary}"
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/cchc-usage.XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0
fail() {
	echo "FAIL: $*" >&2
	status=1
}

CCHC_LANG=en LANG=C.UTF-8 "$CCHC_BIN" --help > "$work/help" || fail "--help: exit $?"
sed -n 's/^  cchc //p' "$work/help" | sort > "$work/help.synopses"
[ -s "$work/help.synopses" ] || fail "--help lists no command"

# The manual: the line after each .TP of the COMMANDS section, its fonts
# and escapes taken off.
sed -n '/^\.SH COMMANDS/,/^\.SH /p' "$top/man/cchc.1" |
	awk 'tp { print; tp = 0 } /^\.TP/ { tp = 1 }' |
	sed -e 's/\\f[BIR]//g' -e 's/\\-/-/g' | sort > "$work/man.synopses"
if ! cmp -s "$work/help.synopses" "$work/man.synopses"; then
	fail "the manual's COMMANDS and --help differ (< --help, > man):"
	diff "$work/help.synopses" "$work/man.synopses" >&2 || true
fi

# Each command's entry (const struct command cmd_NAME in src/cli) declares
# its options, one a line: { "long", 'l' or 0, "METAVARIABLE" or NULL
# (a flag), repeatable }, the shared output options through the macro
# REPORT_OUTPUT_OPTIONS of cli.h.  One line per option: command, long,
# short (- for none), metavariable (- for a flag), repeatable.
awk '
function option(line,    f) {
	sub(/^[ \t]*\{ /, "", line)
	sub(/ \},?[ \t\\]*$/, "", line)
	gsub(/["\047]/, "", line)
	split(line, f, ", ")
	return f[1] " " (f[2] == "0" ? "-" : f[2]) " " (f[3] == "NULL" ? "-" : f[3]) " " f[4]
}
FILENAME ~ /cli\.h$/ && /^#define REPORT_OUTPUT_OPTIONS/ { macro = 1; next }
macro && /^\t\{ "/ { shared[++nshared] = option($0) }
macro && !/\\$/ { macro = 0 }
/^const struct command cmd_[a-z_]* = \{/ { entry = 1; name = ""; next }
entry && /^\};/ { entry = 0; if (name == "") print "? ? ? ? " FILENAME }
entry && /\.name = "/ { name = $0; sub(/.*\.name = "/, "", name); sub(/".*/, "", name) }
entry && /^\t*REPORT_OUTPUT_OPTIONS/ { for (i = 1; i <= nshared; i++) print name, shared[i] }
entry && /^\t*\{ "/ { print name, option($0) }
' "$top/src/cli/cli.h" "$top"/src/cli/*.c > "$work/options"
[ -s "$work/options" ] || fail "no option found in the entries of src/cli"
! grep '^?' "$work/options" >&2 || fail "an entry without a name"

# Every option of an entry is in its synopsis, with its metavariable (a
# repeatable one followed by "..."), and every option the synopsis names
# is one of the entry's.
while read -r name long short meta repeat; do
	synopsis=$(grep "^$name " "$work/help.synopses" | head -n 1)
	[ -n "$synopsis" ] || { fail "$name: not in --help"; continue; }
	if [ "$meta" = - ]; then
		case " $synopsis " in
		*" --$long "* | *"[--$long "* | *"--$long]"* | *"--$long|"*) continue ;;
		esac
	else
		case "$synopsis" in
		*"--$long $meta"* | *"-$short $meta"*)
			[ "$repeat" = false ] && continue
			case "$synopsis" in *"--$long $meta]..."* | *"--$long $meta..."*) continue ;; esac ;;
		esac
	fi
	[ "$meta" = - ] && meta= || meta=" $meta"
	fail "$name: option --$long$meta is not in its synopsis: $synopsis"
done < "$work/options"
sed 's/ .*//' "$work/help.synopses" | sort -u | while read -r name; do
	synopsis=$(grep "^$name " "$work/help.synopses")
	printf '%s\n' "$synopsis" | grep -oE -- '(^|[ [])--?[a-z][a-z-]*' | sed 's/^[ [[]*//' |
	sort -u | while read -r word; do
		case $word in
		--*) grep -q "^$name ${word#--} " "$work/options" ;;
		*) grep -q "^$name [^ ]* ${word#-} " "$work/options" ;;
		esac || echo "FAIL: $name: the synopsis names $word, which its entry lacks" >&2
	done
	# `cchc COMMAND --help` prints the same synopsis, on stdout.
	got=$(CCHC_LANG=en LANG=C.UTF-8 "$CCHC_BIN" "$name" --help) || fail "$name --help: exit $?"
	[ "$got" = "usage: cchc $synopsis" ] || fail "$name --help: \"$got\", not \"usage: cchc $synopsis\""
done 2> "$work/reverse"
[ ! -s "$work/reverse" ] || { cat "$work/reverse" >&2; status=1; }
exit $status
