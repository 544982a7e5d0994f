#!/usr/bin/env bash
# Smoke test of the desktop program in a real X11 window. The script builds
# the binary, starts Xvfb on a free display and starts the program on a
# temporary data file with the sample data. It waits for the window, takes a
# screenshot, and fails if the program exited or the screenshot is blank or
# nearly uniform.
#
# Usage: scripts/smoke.sh
#
# After the window closes, the headless counts command must open the data
# file and find the sample events.
#
# Environment:
#   SMOKE_OUT      folder for the screenshots and the program's log
#                  (default: bin/smoke)
#   SMOKE_LANG     LANG for the program (default: lt_LT.UTF-8)
#   SMOKE_TIMEOUT  seconds to wait for the window (default: 90)
#   SMOKE_ARGS     extra arguments for the program (default: none)
#   SMOKE_BINARY   a program binary to test instead of building one, such as
#                  the one inside the package that make package writes
#
# Needs Xvfb, xwininfo (x11-utils) and ImageMagick (make deps installs them).
# Only the processes this script starts are stopped, by their PIDs.
set -euo pipefail

cd "$(dirname "$0")/.."

out=${SMOKE_OUT:-bin/smoke}
timeout=${SMOKE_TIMEOUT:-90}
lang=${SMOKE_LANG:-lt_LT.UTF-8}
read -r -a extra_args <<<"${SMOKE_ARGS:-}"
binary=${SMOKE_BINARY:-}
window_name=Partneryst # matches "Partnerystė" without relying on the locale of grep

log() { printf 'smoke: %s\n' "$*"; }
fail() {
	printf 'smoke: FAIL: %s\n' "$*" >&2
	exit 1
}

for tool in Xvfb xwininfo /usr/bin/import /usr/bin/convert; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool not found: run make deps"
done

mkdir -p "$out"
workdir=$(mktemp -d)
xvfb_pid=
app_pid=

# cleanup stops the program, then Xvfb, by the PIDs recorded when they
# started, and removes the temporary data folder.
cleanup() {
	stop_process "$app_pid" program
	stop_process "$xvfb_pid" Xvfb
	rm -rf "$workdir"
}
trap cleanup EXIT

# stop_process sends SIGTERM to one PID, waits up to 5 s for it to exit, and
# sends SIGKILL if it has not.
stop_process() {
	local pid=$1 name=$2
	[ -n "$pid" ] || return 0
	kill -0 "$pid" 2>/dev/null || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq 50); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		log "$name (pid $pid) did not exit after SIGTERM: sending SIGKILL"
		kill -KILL "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
	log "stopped $name (pid $pid)"
}

if [ -z "$binary" ]; then
	binary=bin/partneryste
	log "building $binary"
	start=$SECONDS
	go build -tags x11 -o "$binary" .
	log "built in $((SECONDS - start)) s"
fi
[ -x "$binary" ] || fail "$binary is not an executable file"

# Xvfb picks a display that no other server uses and writes its number to
# the file given by -displayfd, so parallel runs never collide.
display_file=$workdir/display
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$display_file" 2>"$out/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
	[ -s "$display_file" ] && break
	kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb exited at start; see $out/xvfb.log"
	sleep 0.1
done
[ -s "$display_file" ] || fail "Xvfb reported no display within 10 s"
export DISPLAY=":$(tr -d '[:space:]' <"$display_file")"
log "Xvfb running on display $DISPLAY (pid $xvfb_pid)"

# The program's Fyne preferences (such as the language chosen in Settings)
# go to a temporary config folder, so the user's own settings neither change
# the screenshot nor are changed by it.
data=$workdir/data/partneryste.db
export XDG_CONFIG_HOME=$workdir/config
LANG=$lang LC_ALL='' LANGUAGE='' "$binary" -data "$data" -sample "${extra_args[@]}" >"$out/program.log" 2>&1 &
app_pid=$!
log "program started (pid $app_pid) with -data $data -sample ${extra_args[*]}"

window_id=
start=$SECONDS
while [ $((SECONDS - start)) -lt "$timeout" ]; do
	if ! kill -0 "$app_pid" 2>/dev/null; then
		wait "$app_pid" && status=0 || status=$?
		app_pid=
		tail -n 30 "$out/program.log" >&2 || true
		fail "program exited with status $status before its window appeared; log: $out/program.log"
	fi
	window_id=$(xwininfo -root -tree 2>/dev/null | awk -v name="$window_name" 'index($0, "\"" name) { print $1; exit }')
	[ -n "$window_id" ] && break
	sleep 0.5
done
[ -n "$window_id" ] || fail "no window named $window_name… within $timeout s; log: $out/program.log"
log "window $window_id appeared after $((SECONDS - start)) s"

# The first frames can still be empty while the GL context starts, so take
# screenshots until one shows enough detail, for at most 20 s.
shot=$out/screenshot.png
window_shot=$out/window.png
deviation=0
colours=0
start=$SECONDS
while [ $((SECONDS - start)) -lt 20 ]; do
	kill -0 "$app_pid" 2>/dev/null || fail "program exited after its window appeared; log: $out/program.log"
	/usr/bin/import -window root "$shot"
	deviation=$(/usr/bin/convert "$shot" -format '%[fx:standard_deviation]' info:)
	colours=$(/usr/bin/convert "$shot" -format '%k' info:)
	# A window with text has hundreds of colours from anti-aliasing, but a
	# blank or single-colour one has a few.
	if awk -v d="$deviation" -v c="$colours" 'BEGIN { exit !(d > 0.02 && c >= 64) }'; then
		break
	fi
	sleep 1
done
log "screenshot $shot: standard deviation $deviation, $colours colours"
awk -v d="$deviation" -v c="$colours" 'BEGIN { exit !(d > 0.02 && c >= 64) }' ||
	fail "screenshot is blank or nearly uniform (standard deviation $deviation, $colours colours)"
/usr/bin/import -window "$window_id" "$window_shot"
log "window screenshot $window_shot: $(/usr/bin/convert "$window_shot" -format '%wx%h' info:)"

kill -0 "$app_pid" 2>/dev/null || fail "program exited while the screenshot was taken; log: $out/program.log"
stop_process "$app_pid" program
app_pid=

# The headless counts command opens the same file: it fails if the window
# left the file locked, and shows whether -sample saved any records.
counts=$("$binary" counts -json -data "$data") || fail "counts on the data file failed after the program closed"
log "records after the run: $counts"
case $counts in
*'"events":0,'* | *'"events":0}'*) fail "no events in the data file: -sample loaded nothing" ;;
esac

if [ -s "$out/program.log" ]; then
	log "program log (last 10 lines):"
	tail -n 10 "$out/program.log" | sed 's/^/  | /'
fi
log "PASS"
