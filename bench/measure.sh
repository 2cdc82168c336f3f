#!/usr/bin/env bash
# Closing-note numbers: cold start (worker launch -> first 200, as logged by the DevHost) and req/s at 16 clients.
# Usage: bench/measure.sh [app-dir] [path] [cookie]
#   defaults: the Release DevHostSample and /api/hello; for FuncAuth: bench/measure.sh FuncAuth/bin/Release/net10.0 /api/users/fav-movies "access=..."
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet build FuncAuth.DevHost -c Release -v q -nologo >/dev/null
dotnet build samples/DevHostSample -c Release -v q -nologo >/dev/null
dotnet build bench/DevHostBench -c Release -v q -nologo >/dev/null
app="${1:-samples/DevHostSample/bin/Release/net10.0}"
path="${2:-/api/hello}"
cookie="${3:-}"
port="${BENCH_PORT:-7399}"
log="$(mktemp)"
dotnet FuncAuth.DevHost/bin/Release/net10.0/FuncAuth.DevHost.dll --app "$app" --port "$port" >"$log" 2>&1 &
host_pid=$!
trap 'kill -TERM "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null; rm -f "$log"' EXIT
# The first request is sent as soon as Kestrel listens; the DevHost holds it until the worker is ready.
for _ in $(seq 1 300); do
  curl -s -o /dev/null -b "$cookie" "http://127.0.0.1:$port$path" && break
  sleep 0.02
done
grep -E "DevHost ready on|Cold start" "$log"
dotnet bench/DevHostBench/bin/Release/net10.0/DevHostBench.dll --url "http://127.0.0.1:$port$path" --cookie "$cookie" --clients 16 --seconds "${BENCH_SECONDS:-10}" --warmup 3
