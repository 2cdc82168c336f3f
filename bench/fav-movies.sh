#!/usr/bin/env bash
# Closing-note numbers for the real API through the DevHost (Release): cold start (worker launch -> first 200,
# as logged by the DevHost) and GET /api/users/fav-movies req/s with a valid auth cookie at 16 clients.
# Needs Azurite on 127.0.0.1:10002 (scripts/run or scripts/test start one). Uses tables of its own.
# Usage: bench/fav-movies.sh   (BENCH_SECONDS=10 BENCH_PORT=7398 to change)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet build FuncAuth/FuncAuth.csproj -c Release -v q -nologo >/dev/null
dotnet build FuncAuth.DevHost -c Release -v q -nologo >/dev/null
dotnet build bench/DevHostBench -c Release -v q -nologo >/dev/null
port="${BENCH_PORT:-7398}"
base="http://127.0.0.1:$port"
suffix="$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
log="$(mktemp)"
jar="$(mktemp)"
TableStorage=UseDevelopmentStorage=true Tables__Users="benchusers$suffix" Tables__Sessions="benchsessions$suffix" \
  Auth__SigningKey="$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
  dotnet FuncAuth.DevHost/bin/Release/net10.0/FuncAuth.DevHost.dll --app FuncAuth/bin/Release/net10.0 --port "$port" >"$log" 2>&1 &
host_pid=$!
trap 'kill -TERM "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null; rm -f "$log" "$jar"' EXIT
# The first request goes out as soon as Kestrel listens; the DevHost holds it until the worker is ready.
for _ in $(seq 1 300); do
  curl -s -o /dev/null "$base/api/health" && break
  sleep 0.02
done
grep -E "DevHost ready on|Cold start" "$log"
body='{"email":"bench-'"$suffix"'@example.test","password":"benchmark password"}'
curl -s -o /dev/null -c "$jar" -H 'Content-Type: application/json' -d "$body" "$base/api/auth/register"
curl -s -o /dev/null -c "$jar" -H 'Content-Type: application/json' -d "$body" "$base/api/auth/login"
cookie="auth-cookie=$(awk '$6 == "auth-cookie" { print $7 }' "$jar")"
dotnet bench/DevHostBench/bin/Release/net10.0/DevHostBench.dll --url "$base/api/users/fav-movies" --cookie "$cookie" \
  --clients 16 --seconds "${BENCH_SECONDS:-10}" --warmup 3
