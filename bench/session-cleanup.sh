#!/usr/bin/env bash
# The session clean-up's deletion rate against Azurite: seeds SESSIONS expired sessions (default 10,000) over
# SESSIONS / PER_USER users (default 10 each, plus one live session per user that must survive), runs one clean-up
# with the production code and client options, and prints sessions deleted per second. Release build. Starts an
# in-memory Azurite when none listens on 127.0.0.1:10002 (and stops it afterwards).
# Usage: bench/session-cleanup.sh   (SESSIONS=100000 PER_USER=100 to change the shape)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=../scripts/lib/azurite.sh
source scripts/lib/azurite.sh
ensure_azurite "$root" --in-memory
trap stop_azurite EXIT
dotnet build FuncAuth.IntegrationTests -c Release -v q -nologo >/dev/null
FUNCAUTH_CLEANUP_BENCH_SESSIONS="${SESSIONS:-10000}" FUNCAUTH_CLEANUP_BENCH_PER_USER="${PER_USER:-10}" \
  dotnet test FuncAuth.IntegrationTests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~SessionCleanupThroughputTests" --logger "console;verbosity=detailed" |
  grep -E "session clean-up|Passed!|Failed" | sed -e 's/^ *//'
