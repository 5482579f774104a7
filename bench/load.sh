#!/usr/bin/env bash
# Sustained webhook intake load against the real hub (Release build), with its baselines in the same run: a bare ASP.NET
# endpoint that only HSETs the body, Node-RED 4.1 running http in -> redis HSET (installed from the npm registry into a
# cache folder on first use; skipped with a line saying so where Node.js is missing), redis-benchmark running the same
# commands, and a flood of ten times the channel capacity. Needs the .NET 10 SDK, redis-server and redis-benchmark (Debian: apt-get install redis-server redis-tools).
# Extra arguments go to the harness, e.g. ./bench/load.sh --connections 50 --duration 15 --rounds 2 --redis 127.0.0.1:6379
# See bench/README.md. Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in redis-server redis-benchmark; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is not installed: apt-get install -y redis-server redis-tools" >&2; exit 1; }
done

dotnet build -c Release bench/SyncHub.Load --nologo -v q
exec dotnet run -c Release --no-build --project bench/SyncHub.Load -- "$@"
