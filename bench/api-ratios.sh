#!/usr/bin/env bash
# The docs/performance.md ratios that need a warm server, in one run: FuncAuth and the one-function sample side by
# side, each behind its own DevHost (Release build output, the same for both), on loopback.
#  1. latency: N rounds of sequential requests, one of each per round, interleaved: sample GET hello, FuncAuth GET
#     fav-movies (Bearer token), FuncAuth POST refresh-tokens (token mode, rotating); curl's time_total per request
#     (a new connection each, alike for all), medians and p95, ratios against the sample's hello and fav-movies.
#  2. capacity: successful logins/s and fav-movies/s at 4 clients (bench/DevHostBench), alternated twice.
#  3. memory: each worker's peak resident set (VmHWM) after step 1 (the same number of requests each).
# Loopback only; starts an in-memory Azurite when none listens on 127.0.0.1:10002 and stops what it started, by PID.
# Usage: bench/api-ratios.sh   (ROUNDS=200 BENCH_SECONDS=10 to change)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${ROUNDS:-200}"
seconds="${BENCH_SECONDS:-10}"
work="$(mktemp -d)"
pids=()
# shellcheck source=../scripts/lib/azurite.sh
. "$root/scripts/lib/azurite.sh"
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  stop_azurite
  rm -rf "$work"
}
trap cleanup EXIT
ensure_azurite "$root" --in-memory
for project in FuncAuth/FuncAuth.csproj samples/DevHostSample FuncAuth.DevHost bench/DevHostBench; do
  dotnet build "$project" -c Release -v q -nologo >/dev/null
done

suffix="$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
start() { # app port
  TableStorage=UseDevelopmentStorage=true Tables__Users="ratiousers$suffix" Tables__Sessions="ratiosessions$suffix" \
    Auth__SigningKey="$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
    dotnet FuncAuth.DevHost/bin/Release/net10.0/FuncAuth.DevHost.dll --app "$1" --port "$2" --no-local-settings \
    >"$work/host-$2.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 1500); do grep -qs "DevHost ready on" "$work/host-$2.log" && return 0; sleep 0.02; done
  echo "api-ratios: the DevHost on port $2 did not get ready" >&2; cat "$work/host-$2.log" >&2; exit 1
}
start samples/DevHostSample/bin/Release/net10.0 7431
start FuncAuth/bin/Release/net10.0 7432
sample="http://127.0.0.1:7431" api="http://127.0.0.1:7432"

post() { curl -s -H 'Content-Type: application/json' -d "$2" "$api$1"; }
for i in 1 2 3 4; do
  echo "{\"email\":\"ratio-$i-$suffix@example.test\",\"password\":\"ratio benchmark password $i\"}" >>"$work/logins"
  post /api/auth/register "$(sed -n "${i}p" "$work/logins")" >/dev/null
done
login="$(post '/api/auth/login?useCookies=false' "$(head -1 "$work/logins")")"
access="$(jq -r .accessToken <<<"$login")"
refresh="$(jq -r .refreshToken <<<"$login")"

timed() { curl -s -o "$work/body" -w '%{http_code} %{time_total}\n' "$@"; }
for round in $(seq 1 "$rounds"); do
  timed "$sample/api/hello" >>"$work/hello"
  timed -H "Authorization: Bearer $access" "$api/api/users/fav-movies" >>"$work/fav-movies"
  timed -H 'Content-Type: application/json' -d "{\"refreshToken\":\"$refresh\"}" "$api/api/auth/refresh-tokens?useCookies=false" >>"$work/refresh"
  refresh="$(jq -r .refreshToken "$work/body")"
done
stat() { # file -> "median p95" in ms, over the second half (the first half is the warm-up)
  tail -n "$((rounds / 2))" "$1" | cut -d' ' -f2 | sort -n |
    awk '{ a[NR] = $1 * 1000 } END { printf "%.2f %.2f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[int(NR * 0.95 + 0.999)] }'
}
for name in hello fav-movies refresh; do
  echo "$name: statuses $(cut -d' ' -f1 "$work/$name" | sort | uniq -c | xargs); median, p95 ms (last $((rounds / 2))): $(stat "$work/$name")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
read -r hello_p50 hello_p95 <<<"$(stat "$work/hello")"
read -r fav_p50 fav_p95 <<<"$(stat "$work/fav-movies")"
read -r refresh_p50 refresh_p95 <<<"$(stat "$work/refresh")"
echo "latency ratio fav-movies / hello: median $(ratio "$fav_p50" "$hello_p50")x, p95 $(ratio "$fav_p95" "$hello_p95")x"
echo "latency ratio refresh / fav-movies: median $(ratio "$refresh_p50" "$fav_p50")x, p95 $(ratio "$refresh_p95" "$fav_p95")x"

worker_of() { pgrep -P "$1" -f "$2" | head -1; }
peak() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
sample_mib="$(peak "$(worker_of "${pids[0]}" DevHostSample.dll)")"
api_mib="$(peak "$(worker_of "${pids[1]}" FuncAuth.dll)")"
echo "worker peak RSS (VmHWM) after the latency rounds: FuncAuth $api_mib MiB, sample $sample_mib MiB, ratio $(ratio "$api_mib" "$sample_mib")x"

bench() { dotnet bench/DevHostBench/bin/Release/net10.0/DevHostBench.dll --clients 4 --seconds "$seconds" --warmup 2 "$@"; }
for round in 1 2; do
  logins="$(bench --url "$api/api/auth/login" --method POST --bodies "$work/logins" | grep -oP 'req/s=\K[0-9.]+')"
  favs="$(bench --url "$api/api/users/fav-movies" --cookie "auth-cookie=$access" | grep -oP 'req/s=\K[0-9.]+')"
  echo "capacity round $round at 4 clients: logins/s $logins, fav-movies/s $favs," \
    "ratio $(awk -v a="$logins" -v b="$favs" 'BEGIN { printf "%.4f", a / b }')x (one login costs $(ratio "$favs" "$logins") fav-movies)"
done
