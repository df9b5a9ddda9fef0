# Shared by the end-to-end tests: run the real cchc in a detached tmux
# session at 80x24 on a temporary database, send keys, read the screen.
# Every test sets its own locale, language, time zone and "today".
set -eu

if [ -z "${TMUX_BIN:-}" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "tmux not found: skipping" >&2
	exit 77
fi
: "${CCHC_BIN:?CCHC_BIN must name the cchc binary}"
SQLITE3_SHELL=${SQLITE3_SHELL:-sqlite3}

work=$(mktemp -d "${TMPDIR:-/tmp}/cchc-e2e.XXXXXX")
sock="$work/tmux.sock"
db="$work/test.db"
unset TMUX
export LANG=C.UTF-8 LC_ALL= LANGUAGE= TZ=UTC CCHC_TODAY=2025-10-15 CCHC_LANG= CCHC_OPERATOR=test
# The user's configuration file (config.h) is the test's own.
export XDG_CONFIG_HOME="$work/config"
# Files for people (saved reports) go to the documents folder: the work
# folder, never the real home.
export XDG_DOCUMENTS_DIR="$work"
unset CCHC_PRINT_COMMAND
unset NO_COLOR

cleanup() {
	"$TMUX_BIN" -S "$sock" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

tm() {
	"$TMUX_BIN" -S "$sock" "$@"
}

fail() {
	echo "FAIL: $*" >&2
	echo "--- screen ---" >&2
	tm capture-pane -p -t t 1>&2 2>/dev/null || true
	exit 1
}

# print_command PROGRAM: the print command of the configuration file, read
# at each print.
print_command() {
	mkdir -p "$XDG_CONFIG_HOME/cchc"
	printf 'print_command = %s\n' "$1" > "$XDG_CONFIG_HOME/cchc/config"
}

# start [ENV=VALUE...] [-- cchc arguments]: cchc on $db in an 80x24 pane
# that stays after cchc exits, so its exit status can be read.
start() {
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ $# -gt 0 ] && shift
	term=${TERM_UNDER_TEST:-xterm-256color}
	# tmux encodes the keys it sends for its default-terminal: make that
	# the TERM cchc runs under, so Home is Home.
	echo "set -g default-terminal $term" > "$work/tmux.conf"
	tm -f "$work/tmux.conf" new-session -d -s t -x "${COLS:-80}" -y "${ROWS:-24}" \
		"env LANG=$LANG LC_ALL= CCHC_LANG= NO_COLOR= CCHC_OPERATOR=$CCHC_OPERATOR XDG_CONFIG_HOME=$XDG_CONFIG_HOME TZ=$TZ CCHC_TODAY=$CCHC_TODAY TERM=$term \
		CCHC_DATADIR=${CCHC_DATADIR:-} CCHC_LOCALEDIR=${CCHC_LOCALEDIR:-} $envs \
		$CCHC_BIN --db $db $*; echo EXIT:\$?; sleep 600"
}

# stop: ends the tmux server and waits until it is gone, so the next
# start gets a new one.
stop() {
	tm kill-server 2>/dev/null || true
	i=0
	while [ -S "$sock" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	rm -f "$sock"
}

screen() {
	tm capture-pane -p -t t
}

# How long a wait may take, in tenths of a second: 10 s, times
# CCHC_WAIT_SCALE under the sanitizers (which make cchc several times
# slower).  A wait ends as soon as the screen is right, so only a failing
# test takes the whole time.
waits=$((100 * ${CCHC_WAIT_SCALE:-1}))

# wait_for TEXT: until TEXT is on the screen (fixed string).
wait_for() {
	i=0
	while [ $i -lt $waits ]; do
		if screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	fail "\"$1\" never appeared"
}

# wait_gone TEXT: until TEXT has left the screen.
wait_gone() {
	i=0
	while [ $i -lt $waits ]; do
		if ! screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	fail "\"$1\" never went away"
}

expect_not() {
	if screen | grep -qF -- "$1"; then
		fail "\"$1\" should not be on the screen"
	fi
}

send() {
	tm send-keys -t t "$@"
}

# line N: the Nth line of the screen (1-based).
line() {
	screen | sed -n "${1}p"
}

# keybar: the key bar, the last two lines of the screen.
keybar() {
	screen | tail -n 2
}

sql() {
	"$SQLITE3_SHELL" "$db" "$1"
}

# expect_sql QUERY EXPECTED
expect_sql() {
	got=$(sql "$1")
	[ "$got" = "$2" ] || fail "query \"$1\" gave \"$got\", expected \"$2\""
}

# sipas_round: the shipped questionnaire and a round of six forms through
# SQL (forms are typed on the fast-entry screen, see sipas.sh): answer
# (form number x question id) mod 6, so 0 (no answer) included; gender on
# forms 1-5, age group on all, service on none.  Prints the round's ID.
sipas_round() {
	CCHC_LANG=en "$CCHC_BIN" --db "$db" sipas import "$CCHC_DATADIR/sipas-questionnaire.tsv" \
		> /dev/null || fail "sipas import failed"
	sql "INSERT INTO sipas_round (questionnaire_id, name, folded, date_from, date_to, service, unit_id)
	VALUES ((SELECT max(id) FROM sipas_questionnaire), 'Đợt 1 năm 2025', 'dot 1 nam 2025',
	'2025-09-01', '2025-09-30', 'Hộ tịch, chứng thực',
	(SELECT min(id) FROM unit WHERE name LIKE 'Trung tâm%'));
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6)
	INSERT INTO sipas_form (round_id, number) SELECT (SELECT max(id) FROM sipas_round), i FROM n;
INSERT INTO sipas_answer (form_id, question_id, value)
	SELECT f.id, q.id, (f.number * q.id) % 6 FROM sipas_form f, sipas_question q
	WHERE f.round_id = (SELECT max(id) FROM sipas_round);
INSERT INTO sipas_respondent (form_id, field_id, value)
	SELECT f.id, d.id, f.number % 2 + 1 FROM sipas_form f, sipas_field d
	WHERE d.code = 'gioi_tinh' AND f.number < 6 AND f.round_id = (SELECT max(id) FROM sipas_round);
INSERT INTO sipas_respondent (form_id, field_id, value)
	SELECT f.id, d.id, f.number % 4 + 1 FROM sipas_form f, sipas_field d
	WHERE d.code = 'nhom_tuoi' AND f.round_id = (SELECT max(id) FROM sipas_round);
SELECT max(id) FROM sipas_round"
}
