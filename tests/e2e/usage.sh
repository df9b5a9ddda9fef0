#!/bin/sh
# The commands' usage is said once, in their entries (src/cli/commands.def):
# `cchc --help` prints every entry's synopsis, the manual page's COMMANDS
# lists the same synopses and no other, and every option a command's
# source accepts (its struct option table) is in its synopsis.
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

# Each command's options: the entries name the function, defined in one
# file of src/cli; its struct option tables name the long options and
# the short letter each stands for.
sed -n 's/^COMMAND("\([^"]*\)", \([a-z_]*\), .*/\1 \2/p' "$top/src/cli/commands.def" |
while read -r name fn; do
	file=$(grep -l "^$fn(" "$top"/src/cli/*.c) || { fail "$name: no $fn in src/cli"; continue; }
	synopsis=$(grep "^$name " "$work/help.synopses" | head -n 1)
	[ -n "$synopsis" ] || { fail "$name: not in --help"; continue; }
	awk '/struct option [a-z_]*\[\] = \{/ { on = 1; next } on && /\};/ { on = 0 }
	    on && /\{ "/ { print }' "$file" |
	sed -n "s/.*{ \"\([^\"]*\)\", [a-z_]*, NULL, '\(.\)' }.*/\1 \2/p; s/.*{ \"\([^\"]*\)\", [a-z_]*, NULL, [0-9A-Z_]* }.*/\1 -/p" |
	while read -r long short; do
		case " $synopsis " in
		*" --$long "* | *"[--$long "* | *"--$long]"* | *"--$long="*) ;;
		*" -$short "* | *"[-$short "*) ;;
		*) echo "FAIL: $name: option --$long is not in its synopsis: $synopsis" >&2; echo x >> "$work/missing" ;;
		esac
	done
done
[ ! -s "$work/missing" ] || status=1
exit $status
