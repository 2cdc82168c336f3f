#!/usr/bin/env bash
# Closing-note numbers for the real API through the DevHost (Release): cold start (worker launch -> first 200,
# as logged by the DevHost) and GET /api/users/fav-movies req/s with a valid auth cookie at 16 clients.
# Needs Azurite on 127.0.0.1:10002 (scripts/run or scripts/test start one). Uses tables of its own.
# Usage: bench/fav-movies.sh   (BENCH_SECONDS=10 BENCH_PORT=7398 to change)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet build bench/DevHostBench -c Release -v q -nologo >/dev/null
. "$root/bench/lib/funcauth-devhost.sh"
start_funcauth_devhost "${BENCH_PORT:-7398}" bench
jar="$(mktemp)"
grep -E "DevHost ready on|Cold start" "$log"
body='{"email":"bench-'"$suffix"'@example.test","password":"benchmark password"}'
curl -s -o /dev/null -c "$jar" -H 'Content-Type: application/json' -d "$body" "$base/api/auth/register"
curl -s -o /dev/null -c "$jar" -H 'Content-Type: application/json' -d "$body" "$base/api/auth/login"
cookie="auth-cookie=$(awk '$6 == "auth-cookie" { print $7 }' "$jar")"
rm -f "$jar"
dotnet bench/DevHostBench/bin/Release/net10.0/DevHostBench.dll --url "$base/api/users/fav-movies" --cookie "$cookie" \
  --clients 16 --seconds "${BENCH_SECONDS:-10}" --warmup 3
