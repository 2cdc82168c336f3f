#!/usr/bin/env bash
# Coverage-guided fuzzing of one FuncAuth parser with SharpFuzz and AFL++ (docs/fuzzing.md).
#   fuzz/run.sh <target> [seconds]     target: refresh-token cookie-header access-token json-body email password phc
# Publishes fuzz/FuncAuth.Fuzz (Release) into fuzz/.work/bin, instruments FuncAuth.dll (and the JWT library, which does
# the parsing behind access-token) with the sharpfuzz tool from fuzz/dotnet-tools.json, then runs afl-fuzz for the
# given time (default 300 s) starting from fuzz/corpus/<target>. Everything stays in local files: the targets open no
# socket. Prints executions, corpus size, crashes and hangs; crashing inputs are left in
# fuzz/.work/findings/<target>/default/crashes. Replay them with an uninstrumented build (the instrumented one needs AFL):
#   dotnet run --project fuzz/FuncAuth.Fuzz -- <target> --replay fuzz/.work/findings/<target>/default/crashes
# Needs afl-fuzz (Debian: apt-get install -y afl++). Exits 1 when a crash or hang was saved.
set -euo pipefail

targets="refresh-token cookie-header access-token json-body email password phc"
target="${1:-}"
seconds="${2:-300}"
if [ -z "$target" ] || [[ " $targets " != *" $target "* ]] || ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: fuzz/run.sh <$(echo "$targets" | tr ' ' '|')> [seconds]" >&2
  exit 2
fi
if ! command -v afl-fuzz >/dev/null; then
  echo "fuzz/run.sh: afl-fuzz not found; install AFL++ (Debian: apt-get install -y afl++)" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$here/.work"
bin="$work/bin"
output="$work/findings/$target"
findings="$output/default"
corpus="$here/corpus/$target"

# A fresh publish every run: sharpfuzz refuses to instrument an assembly twice.
rm -rf "$bin" "$output"
mkdir -p "$work/findings"
echo "building and instrumenting (log: fuzz/.work/build.log)"
if ! dotnet publish "$here/FuncAuth.Fuzz/FuncAuth.Fuzz.csproj" -c Release -o "$bin" --nologo > "$work/build.log" 2>&1; then
  tail -n 30 "$work/build.log" >&2
  exit 1
fi
(cd "$here" && dotnet tool restore >/dev/null)
for assembly in FuncAuth.dll Microsoft.IdentityModel.Tokens.dll Microsoft.IdentityModel.JsonWebTokens.dll; do
  (cd "$here" && dotnet tool run sharpfuzz "$bin/$assembly") >> "$work/build.log"
done

# dotnet is not an AFL-instrumented binary (the instrumentation is inside the .NET assemblies), hence SKIP_BIN_CHECK;
# the machine's cores are shared, so no CPU pinning.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
echo "fuzzing $target for $seconds s (log: fuzz/.work/$target.log)"
afl-fuzz -i "$corpus" -o "$output" -t 5000 -m none -V "$seconds" \
  -- "$(command -v dotnet)" "$bin/FuncAuth.Fuzz.dll" "$target" > "$work/$target.log" 2>&1 || {
  tail -n 30 "$work/$target.log" >&2
  exit 1
}

stats="$findings/fuzzer_stats"
value() { sed -n "s/^$1 *: *//p" "$stats"; }
crashes="$(value saved_crashes)"
hangs="$(value saved_hangs)"
echo "target:      $target"
echo "run time:    $(value run_time) s"
echo "executions:  $(value execs_done) ($(value execs_per_sec)/s)"
echo "corpus size: $(value corpus_count) inputs ($(value corpus_found) found, $(value bitmap_cvg) map coverage)"
echo "crashes:     $crashes"
echo "hangs:       $hangs"
echo "queue:       $findings/queue"
[ "$crashes" = 0 ] && [ "$hangs" = 0 ]
