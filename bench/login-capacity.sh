#!/usr/bin/env bash
# Login capacity before and after the security work, in one run: successful logins/s at 4 clients (one account each)
# through the DevHost (Release), for the current tree and a baseline commit (default ec92b72: PBKDF2 at 220,000
# iterations, lockout counted after the check), interleaved twice so load on this shared machine hits both alike.
# The baseline is checked out into a temporary git worktree and built there. Needs Azurite on 127.0.0.1:10002.
# Usage: bench/login-capacity.sh [baseline-commit]   (BENCH_SECONDS=10 to change)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
baseline="${1:-ec92b72}"
seconds="${BENCH_SECONDS:-10}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  git -C "$root" worktree remove --force "$work/baseline" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

git worktree add --detach -q "$work/baseline" "$baseline"
dotnet build bench/DevHostBench -c Release -v q -nologo >/dev/null
for tree in "$root" "$work/baseline"; do
  dotnet build "$tree/FuncAuth/FuncAuth.csproj" -c Release -v q -nologo >/dev/null
  dotnet build "$tree/FuncAuth.DevHost" -c Release -v q -nologo >/dev/null
done

start() { # tree port -> pid on stdout
  local tree="$1" port="$2" suffix
  suffix="$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  TableStorage=UseDevelopmentStorage=true Tables__Users="capusers$suffix" Tables__Sessions="capsessions$suffix" \
    Auth__SigningKey="$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
    dotnet "$tree/FuncAuth.DevHost/bin/Release/net10.0/FuncAuth.DevHost.dll" --app "$tree/FuncAuth/bin/Release/net10.0" \
    --port "$port" >"$work/host-$port.log" 2>&1 &
  echo $!
}
prepare() { # port -> file of 4 login bodies, one account each
  local port="$1" file="$work/bodies-$1"
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/api/health" && break; sleep 0.05; done
  for i in 1 2 3 4; do
    body="{\"email\":\"capacity-$i-$port-$RANDOM@example.test\",\"password\":\"capacity benchmark password $i\"}"
    curl -s -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/api/auth/register"
    echo "$body" >>"$file"
  done
  echo "$file"
}

pids+=("$(start "$root" 7411)")
pids+=("$(start "$work/baseline" 7412)")
current="$(prepare 7411)"
before="$(prepare 7412)"
for round in 1 2; do
  for pair in "after:7411:$current" "before:7412:$before"; do
    IFS=: read -r name port bodies <<<"$pair"
    printf '%s (round %s): ' "$name" "$round"
    dotnet bench/DevHostBench/bin/Release/net10.0/DevHostBench.dll --url "http://127.0.0.1:$port/api/auth/login" \
      --method POST --bodies "$bodies" --clients 4 --seconds "$seconds" --warmup 2 || true
  done
done
