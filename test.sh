#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian/Ubuntu machine with the .NET 10 SDK.
# Installs the real servers the tests use (redis-server and redis-cli, which builds the test cluster; dovecot-imapd, python3-aiosmtpd, chromium) when missing, then runs
# `dotnet test SyncHub.sln` and ends with one line of totals: "N passed, N failed[, N skipped]" (a test project that
# does not build, or whose test host aborts, counts as one failure).
set -uo pipefail
cd "$(dirname "$0")"

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || need+=(redis-tools)
[ -x /usr/sbin/dovecot ] && [ -e /usr/lib/dovecot/imap ] || need+=(dovecot-imapd)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || need+=(chromium fonts-liberation)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null || {
    echo "Could not install ${need[*]}; install it and run again." >&2
    exit 1
  }
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# One test assembly at a time (-m:1): the suites start real servers, browsers and hub processes, and
# running them all at once on a small machine starves them into timeouts.
dotnet test SyncHub.sln --nologo -m:1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped assemblies < <(grep -E '^(Passed|Failed)! +- Failed: ' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6; n++ } END { printf "%d %d %d %d\n", p, f, s, n }')

# A test host that could not start ("Test Run Aborted") ran nothing: count it as a failure.
aborted=$(grep -c '^Test Run Aborted' "$log" || true)
failed=$((failed + aborted))

# A test project that did not build ran nothing and reports no line above: count each as a failure.
unbuilt=$(grep -E ': error [A-Z]+[0-9]+:' "$log" | grep -oE '\[[^]]+\.csproj\]' | sort -u | wc -l)
if [ "$unbuilt" -gt 0 ]; then
  echo "$unbuilt project(s) did not build; see the errors above." >&2
  [ "$status" -eq 0 ] && status=1
fi
failed=$((failed + unbuilt))

if [ "$assemblies" -eq 0 ]; then
  echo "No test assembly reported results." >&2
  [ "$status" -eq 0 ] && status=1
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
