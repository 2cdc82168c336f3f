#!/usr/bin/env bash
# Cold start of FuncAuth against the one-function sample, through the DevHost, in one run.
# Cold start = from launching the DevHost process (`dotnet FuncAuth.DevHost.dll`, which launches the worker) to the
# first 2xx answer to GET hello (sample) or GET fav-movies with a valid Bearer token (FuncAuth), as seen by curl, which
# polls every 10 ms until Kestrel listens (the DevHost then holds the request until the worker is ready). FuncAuth's
# GET health (its first Table Storage call) is timed as a third case. Runs rotate sample / fav-movies / health, RUNS
# times each (default 5), on fresh processes; prints each run's phases and the medians and ratios.
# Both apps are `dotnet publish -c Release` output: the sample with `-r linux-x64` (no ReadyToRun), FuncAuth as its
# csproj publishes it (linux-x64, ReadyToRun); FUNCAUTH_PUBLISH_ARGS adds arguments to FuncAuth's publish only, e.g.
# FUNCAUTH_PUBLISH_ARGS=-p:PublishReadyToRun=false for the comparison without ReadyToRun.
# Loopback only; starts an in-memory Azurite when none listens on 127.0.0.1:10002 and stops what it started, by PID.
# Usage: bench/cold-start.sh   (RUNS=7 BENCH_PORT=7421 to change)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
port="${BENCH_PORT:-7421}"
work="$(mktemp -d)"
host_pid=""
# shellcheck source=../scripts/lib/azurite.sh
. "$root/scripts/lib/azurite.sh"
cleanup() {
  if [ -n "$host_pid" ]; then kill -TERM "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  stop_azurite
  rm -rf "$work"
}
trap cleanup EXIT
ensure_azurite "$root" --in-memory

dotnet build FuncAuth.DevHost -c Release -v q -nologo >/dev/null
# shellcheck disable=SC2086 # FUNCAUTH_PUBLISH_ARGS is a list of arguments
dotnet publish FuncAuth/FuncAuth.csproj -c Release -v q -nologo -o "$work/funcauth" ${FUNCAUTH_PUBLISH_ARGS:-} >/dev/null
dotnet publish samples/DevHostSample -c Release -r linux-x64 --self-contained false -v q -nologo -o "$work/sample" >/dev/null
echo "FuncAuth ReadyToRun: $(grep -q '<PublishReadyToRun>true' FuncAuth/FuncAuth.csproj && [[ "${FUNCAUTH_PUBLISH_ARGS:-}" != *PublishReadyToRun=false* ]] && echo yes || echo no); sample: no"

key="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
b64url() { base64 | tr -d '\n=' | tr '/+' '_-'; }
mint_token() { # an HS256 access token as FuncAuth issues them (kid "default", default issuer and audience)
  local now header payload signature
  now="$(date +%s)"
  header="$(printf '{"alg":"HS256","kid":"default","typ":"JWT"}' | b64url)"
  payload="$(printf '{"sub":"cold-start","sid":"cold-start","jti":"%s","iat":%s,"nbf":%s,"exp":%s,"iss":"funcauth","aud":"funcauth"}' \
    "$RANDOM$RANDOM" "$now" "$now" "$((now + 600))" | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" |
    openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(printf '%s' "$key" | base64 -d | od -An -tx1 | tr -d ' \n')" -binary | b64url)"
  echo "$header.$payload.$signature"
}

one_run() { # name app path [authorization] -> result="total_ms launch_to_ready_ms launch_to_first_2xx_ms"
  local name="$1" app="$2" path="$3" auth="${4:-}" log="$work/$1.log" started code="000" ended suffix
  suffix="$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  started="$(date +%s%N)"
  TableStorage=UseDevelopmentStorage=true Tables__Users="coldusers$suffix" Tables__Sessions="coldsessions$suffix" \
    Auth__SigningKey="$key" \
    dotnet FuncAuth.DevHost/bin/Release/net10.0/FuncAuth.DevHost.dll --app "$app" --port "$port" --no-local-settings >"$log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 3000); do
    code="$(curl -s -o /dev/null -w '%{http_code}' ${auth:+-H "Authorization: Bearer $auth"} "http://127.0.0.1:$port$path" || true)"
    [[ "$code" == 2* ]] && break
    kill -0 "$host_pid" 2>/dev/null || break
    sleep 0.01
  done
  ended="$(date +%s%N)"
  kill -TERM "$host_pid" 2>/dev/null || true
  wait "$host_pid" 2>/dev/null || true
  host_pid=""
  if [[ "$code" != 2* ]]; then echo "cold-start: $name never answered 2xx (last $code); DevHost log:" >&2; cat "$log" >&2; exit 1; fi
  result="$(((ended - started) / 1000000)) $(grep -oP 'functions loaded: \K[0-9]+' "$log") $(grep -oP 'response \K[0-9]+(?= ms after)' "$log")"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

printf '%-12s %4s %10s %22s %24s\n' case run total_ms launch_to_ready_ms launch_to_first_2xx_ms
for run in $(seq 1 "$runs"); do
  for case in sample fav-movies health; do
    case "$case" in
      sample) one_run sample "$work/sample" /api/hello ;;
      fav-movies) one_run fav-movies "$work/funcauth" /api/users/fav-movies "$(mint_token)" ;;
      health) one_run health "$work/funcauth" /api/health ;;
    esac
    read -r total ready first <<<"$result"
    printf '%-12s %4s %10s %22s %24s\n' "$case" "$run" "$total" "$ready" "$first"
    echo "$total $ready $first" >>"$work/$case.runs"
  done
done

echo "medians of $runs runs (ms): total, launch->ready, launch->first 2xx"
for case in sample fav-movies health; do
  printf '  %-11s %6s %6s %6s\n' "$case" \
    "$(cut -d' ' -f1 "$work/$case.runs" | median)" "$(cut -d' ' -f2 "$work/$case.runs" | median)" "$(cut -d' ' -f3 "$work/$case.runs" | median)"
done
ratio() { # case column -> median of the case / median of the sample
  awk -v a="$(cut -d' ' -f"$2" "$work/$1.runs" | median)" -v b="$(cut -d' ' -f"$2" "$work/sample.runs" | median)" 'BEGIN { printf "%.2f", a / b }'
}
for case in fav-movies health; do
  echo "cold-start ratio FuncAuth $case / sample hello: $(ratio "$case" 1)x (worker launch -> first 2xx only: $(ratio "$case" 3)x)"
done
