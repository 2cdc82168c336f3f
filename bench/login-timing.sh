#!/usr/bin/env bash
# Does login time reveal which emails exist? Median time of 401 answers for unknown emails vs wrong passwords
# (the tutorial this project follows: 1.6 ms vs 56 ms). Each real account gets 3 wrong passwords, below the
# lockout threshold. Release build through the DevHost; needs Azurite on 127.0.0.1:10002.
# Usage: bench/login-timing.sh   (ACCOUNTS=10 BENCH_PORT=7397 to change)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/bench/lib/funcauth-devhost.sh"
start_funcauth_devhost "${BENCH_PORT:-7397}" timing

login() { # email password -> "status seconds"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$base/api/auth/login"
}
median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) * 1000 }'; }

unknown="$(mktemp)"; wrong="$(mktemp)"
for i in $(seq 1 "${ACCOUNTS:-10}"); do
  email="timing-$suffix-$i@example.test"
  curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"the right password\"}" "$base/api/auth/register"
  for _ in 1 2 3; do
    login "$email" "a wrong password" >>"$wrong"
    login "nobody-$suffix-$i-$RANDOM@example.test" "a wrong password" >>"$unknown"
  done
done
echo "statuses: unknown $(cut -d' ' -f1 "$unknown" | sort | uniq -c | xargs), wrong password $(cut -d' ' -f1 "$wrong" | sort | uniq -c | xargs)"
echo "median ms: unknown email $(cut -d' ' -f2 "$unknown" | median), wrong password $(cut -d' ' -f2 "$wrong" | median) ($(wc -l <"$unknown") each)"
rm -f "$unknown" "$wrong"
