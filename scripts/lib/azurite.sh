# Sourced by scripts/run, scripts/test and .ci/run: installs (npm ci, pinned by package-lock.json) and starts
# Azurite on loopback when nothing is serving the Table endpoint yet. Sets AZURITE_PID when it started one.
# Usage: ensure_azurite <repo-root> [--in-memory]

azurite_listening() {
  (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null
}

ensure_azurite() {
  local root="$1" mode="${2:-}"
  AZURITE_PID=""
  # Installed even when another Azurite already listens: the outage tests start Azurites of their own from node_modules.
  if [ ! -x "$root/node_modules/.bin/azurite" ]; then
    echo "azurite: installing from package-lock.json (npm ci)"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || { echo "azurite: npm ci failed" >&2; return 1; }
  fi
  if azurite_listening; then
    echo "azurite: already listening on 127.0.0.1:10002, using it"
    return 0
  fi
  local args=(--blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --skipApiVersionCheck --silent)
  if [ "$mode" = "--in-memory" ]; then
    args+=(--inMemoryPersistence)
  else
    mkdir -p "$root/.azurite"
    args+=(--location "$root/.azurite")
  fi
  "$root/node_modules/.bin/azurite" "${args[@]}" >"${AZURITE_LOG:-/dev/null}" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    azurite_listening && { echo "azurite: started (pid $AZURITE_PID)"; return 0; }
    kill -0 "$AZURITE_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "azurite: did not start listening on 127.0.0.1:10002" >&2
  return 1
}

# Azurite closes its listeners on SIGTERM but its process does not always exit (seen with 3.37.0), so after
# 10 s it is killed: a stop must never hang the run that asked for it.
stop_azurite() {
  local pid="${AZURITE_PID:-}"
  AZURITE_PID=""
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "azurite: still running 10 s after SIGTERM; killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
