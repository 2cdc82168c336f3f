#!/usr/bin/env bash
# Adds what the last fuzz/run.sh <target> found to the regression corpus fuzz/corpus/<target> (docs/fuzzing.md):
# afl-cmin keeps the queue entries that together reach all of its coverage, then the smallest new ones are copied,
# named by the first 16 hex digits of their SHA-256, until the folder holds 50 files. Uses the instrumented build that
# run.sh left in fuzz/.work/bin. Review the new files before committing them (the replay test runs them all).
#   fuzz/update-corpus.sh <target>
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${1:?usage: fuzz/update-corpus.sh <target>}"
queue="$here/.work/findings/$target/default/queue"
corpus="$here/corpus/$target"
minimized="$here/.work/cmin/$target"
limit=50
[ -d "$queue" ] || { echo "fuzz/update-corpus.sh: no queue at $queue; run fuzz/run.sh $target first" >&2; exit 2; }

rm -rf "$minimized"
AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 afl-cmin -i "$queue" -o "$minimized" -t 5000 -m none \
  -- "$(command -v dotnet)" "$here/.work/bin/FuncAuth.Fuzz.dll" "$target" > "$here/.work/cmin-$target.log" 2>&1 || {
  tail -n 20 "$here/.work/cmin-$target.log" >&2
  exit 1
}

known="$(for f in "$corpus"/*; do sha256sum < "$f" | cut -c1-64; done)"
added=0
while IFS= read -r file; do
  [ "$(find "$corpus" -type f | wc -l)" -lt "$limit" ] || break
  hash="$(sha256sum < "$file" | cut -c1-64)"
  grep -q "$hash" <<< "$known" && continue
  cp "$file" "$corpus/${hash:0:16}"
  known+=$'\n'"$hash"
  added=$((added + 1))
done < <(find "$minimized" -type f -printf '%s %p\n' | sort -n | cut -d' ' -f2-)
echo "$target: afl-cmin kept $(find "$minimized" -type f | wc -l) of $(find "$queue" -maxdepth 1 -type f | wc -l) queue entries; $added added, corpus now $(find "$corpus" -type f | wc -l) files"
