#!/usr/bin/env bash
# 48 concurrent wrong-password logins (half unknown emails, half on 4 real accounts) against the current build through
# the DevHost (Release): status counts, the slowest answer, and the worker's peak resident memory (VmHWM) after the
# burst. Repeats the burst ROUNDS times. Needs Azurite on 127.0.0.1:10002.
# Usage: bench/login-burst.sh   (BURST=48 ROUNDS=3 BENCH_PORT=7413 to change)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet build bench/DevHostBench -c Release -v q -nologo >/dev/null
. "$root/bench/lib/funcauth-devhost.sh"
start_funcauth_devhost "${BENCH_PORT:-7413}" burst
bodies="$(mktemp)"
for i in $(seq 1 "${BURST:-48}"); do
  if [ $((i % 2)) -eq 0 ]; then
    email="burst-$suffix-$((i % 4))@example.test"
  else
    email="burst-unknown-$suffix-$i@example.test"
  fi
  echo "{\"email\":\"$email\",\"password\":\"wrong password number $i\"}" >>"$bodies"
done
for i in 0 1 2 3; do
  curl -s -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"burst-$suffix-$i@example.test\",\"password\":\"the burst benchmark password\"}" "$base/api/auth/register"
done
worker="$(pgrep -P "$host_pid" -f FuncAuth.dll | head -1)"
echo "worker pid $worker, resident before: $(awk '/VmRSS/ { print $2 / 1024 " MiB" }' "/proc/$worker/status")"
for round in $(seq 1 "${ROUNDS:-3}"); do
  dotnet bench/DevHostBench/bin/Release/net10.0/DevHostBench.dll --url "$base/api/auth/login" --method POST \
    --bodies "$bodies" --burst "${BURST:-48}"
done
echo "worker peak resident (VmHWM): $(awk '/VmHWM/ { print $2 / 1024 " MiB" }' "/proc/$worker/status")"
rm -f "$bodies"
