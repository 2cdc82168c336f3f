# Sourced by the FuncAuth benchmarks: builds the API and the DevHost (Release) and serves the API on a loopback
# port with tables of its own and a fresh signing key. Sets base, log, suffix and host_pid; stops it on exit.
# Needs Azurite on 127.0.0.1:10002. Usage: start_funcauth_devhost <port> <table-prefix>
start_funcauth_devhost() {
  local port="$1" prefix="$2"
  dotnet build FuncAuth/FuncAuth.csproj -c Release -v q -nologo >/dev/null
  dotnet build FuncAuth.DevHost -c Release -v q -nologo >/dev/null
  base="http://127.0.0.1:$port"
  suffix="$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  log="$(mktemp)"
  TableStorage=UseDevelopmentStorage=true Tables__Users="${prefix}users$suffix" Tables__Sessions="${prefix}sessions$suffix" \
    Auth__SigningKey="$(head -c 32 /dev/urandom | base64 | tr -d '\n')" \
    dotnet FuncAuth.DevHost/bin/Release/net10.0/FuncAuth.DevHost.dll --app FuncAuth/bin/Release/net10.0 --port "$port" >"$log" 2>&1 &
  host_pid=$!
  trap 'kill -TERM "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null; rm -f "$log"' EXIT
  # The first request goes out as soon as Kestrel listens; the DevHost holds it until the worker is ready.
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "$base/api/health" && break
    sleep 0.02
  done
}
