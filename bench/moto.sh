# Sourced by the benchmarks: starts moto_server on a free loopback port, waits (bounded) until it answers, sets
# $endpoint, and stops it by PID when the script exits (together with removing $work when set).
start_moto() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  moto_server -H 127.0.0.1 -p "$port" > /dev/null 2>&1 &
  moto=$!
  trap 'kill $moto 2>/dev/null || true; [ -n "${work:-}" ] && rm -rf "$work"' EXIT
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/moto-api/" > /dev/null && break; sleep 0.1; done
  endpoint="http://127.0.0.1:$port"
}
