#!/bin/sh
# bench/servers/run.sh: cawait's servers against the servers people use,
# measured side by side in one run on this machine.
#   1. Echo on loopback (bench/runtime's protocol, load.c): the
#      hand-written epoll server (bench/runtime/echo_epoll.c), cawait
#      (bench/runtime/echo_cawait.c) and tokio 1.24 current_thread
#      (tokio_echo/, Debian's librust-tokio-dev, built offline). Each
#      server pinned to core 0, the load to core 1; REPS rounds, each round
#      running every server once in a rotating order, so that a change in
#      the machine's load hits all alike; medians of messages/s, and the
#      median of the per-round ratios cawait/tokio.
#   2. System calls per echoed message: each server under strace -c -f,
#      loaded with a fixed message count over 50 connections; the calls
#      of the whole run divided by the messages.
#   3. HTTP: examples/http.c against h2o (one thread, static file) and
#      nginx (one worker, master process off), all serving the same page
#      (http.c's 75 bytes), wrk -t1 -c50 -d2s with keep-alive, the server
#      on core 0 and wrk on core 1, REPS rotating rounds, medians; and the
#      server's CPU time per request (user + system from /proc/PID/stat
#      over the run, divided by wrk's request count), since on a 2-core
#      machine where wrk takes one core requests/s cannot show scaling.
# Prints a markdown section (bench/run.sh puts it in docs/performance.md).
# Needs a built tree (make), taskset, strace; cargo (with
# librust-tokio-dev), h2o, nginx-light and wrk for their rows: a missing
# one is reported as "not installed" in its row.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${CAWAIT_BUILD:-$root/build}
reps=${REPS:-5}
secs=2
tmp=$(mktemp -d)
chmod 755 "$tmp" # h2o serves the page as user nobody
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null || :; done; rm -rf "$tmp"' EXIT
cd "$tmp"

# ------------------------------------------------------------------ build
rt="$root/bench/runtime"
"$build/bin/cawait-cc" -O2 "$rt/echo_cawait.c" -o echo_cawait
"$build/bin/cawait-cc" -O2 "$root/examples/http.c" -o http_cawait
clang-19 -O2 -std=c11 "$rt/echo_epoll.c" -o echo_epoll
clang-19 -O2 -std=c11 "$rt/load.c" -o load
have() { command -v "$1" >/dev/null 2>&1; }
tokio=""
if have cargo && ls -d /usr/share/cargo/registry/tokio-1.* >/dev/null 2>&1; then
  # The target directory outlives the run: tokio takes minutes to build.
  (cd "$here/tokio_echo" &&
    CARGO_TARGET_DIR="$build/tokio-echo" cargo build --release -q) &&
    tokio="$build/tokio-echo/release/tkecho"
fi

# Ports from the pid, so parallel runs on one machine do not collide, and
# below Linux's ephemeral range (32768 and up).
base=$((20000 + $$ % 10000))
port_epoll=$base
port_cawait=$((base + 1))
port_tokio=$((base + 2))
start() { # port command...: starts a server on core 0, prints its pid
  p=$1
  shift
  taskset -c 0 "$@" >/dev/null 2>&1 &
  echo $!
}
pid_epoll=$(start $port_epoll ./echo_epoll $port_epoll)
pid_cawait=$(start $port_cawait ./echo_cawait $port_cawait)
pids="$pid_epoll $pid_cawait"
servers="epoll cawait"
if [ -n "$tokio" ]; then
  pid_tokio=$(start $port_tokio "$tokio" $port_tokio)
  pids="$pids $pid_tokio"
  servers="$servers tokio"
fi
sleep 0.5

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
port_of() { eval echo "\$port_$1"; }
# The servers in round $1's order: rotated by one each round.
rotation() {
  set -- "$1" $servers
  k=$(($1 % ($# - 1)))
  shift
  i=0
  for s in "$@"; do [ $i -ge $k ] && printf '%s ' "$s"; i=$((i + 1)); done
  i=0
  for s in "$@"; do [ $i -lt $k ] && printf '%s ' "$s"; i=$((i + 1)); done
}

# ------------------------------------------------------------------ echo
echo_rows=""
for cfg in "50 64" "50 16384" "1 64"; do
  set -- $cfg
  conns=$1 size=$2
  for s in $servers; do : >"echo_$s.txt"; done
  : >ratio.txt
  r=0
  while [ $r -lt "$reps" ]; do
    for s in $(rotation $r); do
      taskset -c 1 ./load "$(port_of $s)" $conns $size $secs |
        field msgs_per_s >>"echo_$s.txt"
    done
    if [ -n "$tokio" ]; then
      c=$(tail -1 echo_cawait.txt)
      t=$(tail -1 echo_tokio.txt)
      echo "$c $t" | awk '{printf "%.2f\n", $1/$2}' >>ratio.txt
    fi
    r=$((r + 1))
  done
  e=$(median <echo_epoll.txt)
  c=$(median <echo_cawait.txt)
  if [ -n "$tokio" ]; then
    t=$(median <echo_tokio.txt)
    rt_=$(median <ratio.txt)
    spread=$(sort -n ratio.txt | tr '\n' ' ' | sed 's/ $//')
  else
    t="not installed" rt_="-" spread="-"
  fi
  echo_rows="$echo_rows| $conns | $size | $e | $c | $t | $rt_ | $spread |
"
done
for p in $pids; do kill "$p" 2>/dev/null || :; done
pids=""

# ------------------------------------------- system calls per message
msgs=20000
sys_rows=""
syscalls() { # name command...: calls per message over $msgs messages
  name=$1
  shift
  port=$((base + 5))
  strace -f -c -o "strace_$name.txt" "$@" $port >/dev/null 2>&1 &
  st=$!
  ./load $port 50 64 600 $msgs >/dev/null
  sleep 0.3
  # The server runs until killed; strace then writes its summary.
  kill $(pgrep -P $st) 2>/dev/null || :
  { wait $st; } 2>/dev/null || :
  # strace -c's summary: "% time, seconds, usecs/call, calls, [errors,]
  # syscall" per line, then a "total" line.
  awk -v m=$msgs -v name="$name" '
    $1 ~ /^[0-9.]+$/ && NF >= 5 && $NF != "total" {
      calls = $4; sys = $NF
      if (sys ~ /^(read|recvfrom|recvmsg|readv)$/) rd += calls
      else if (sys ~ /^(write|sendto|sendmsg|writev)$/) wr += calls
      else if (sys ~ /^(epoll_wait|epoll_pwait|epoll_pwait2|poll|ppoll)$/) wt += calls
      else other += calls
      all += calls
    }
    END { printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
      name, rd / m, wr / m, wt / m, other / m, all / m }' "strace_$name.txt"
}
sys_rows="$sys_rows$(syscalls epoll ./echo_epoll)
"
sys_rows="$sys_rows$(syscalls cawait ./echo_cawait)
"
if [ -n "$tokio" ]; then
  sys_rows="$sys_rows$(syscalls tokio "$tokio")
"
fi

# ------------------------------------------------------------------ HTTP
http_servers="cawait"
# The page, byte for byte what http.c serves: its C string literal.
cat >page.c <<EOF
#include <stdio.h>
$(sed -n '/^static const char page\[\] =/,/;$/p' "$root/examples/http.c")
int main(void) { fputs(page, stdout); return 0; }
EOF
clang-19 page.c -o page && mkdir -p www && ./page >www/index.html
page_bytes=$(wc -c <www/index.html)
port_cawait=$((base + 10))
port_h2o=$((base + 11))
port_nginx=$((base + 12))
pid_cawait=$(start $port_cawait ./http_cawait $port_cawait)
pids="$pid_cawait"
if have h2o; then
  cat >h2o.conf <<EOF
listen:
  host: 127.0.0.1
  port: $port_h2o
num-threads: 1
user: nobody
error-log: $tmp/h2o.err
# (no pid-file: h2o writes it after dropping to user nobody, who cannot
# write in this root-owned directory)
hosts:
  default:
    paths:
      /:
        file.dir: $tmp/www
EOF
  taskset -c 0 h2o -c h2o.conf >/dev/null 2>&1 &
  pids="$pids $!"
  http_servers="$http_servers h2o"
fi
if have nginx; then
  mkdir -p nginx
  cat >nginx.conf <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx;
  proxy_temp_path $tmp/nginx;
  fastcgi_temp_path $tmp/nginx;
  uwsgi_temp_path $tmp/nginx;
  scgi_temp_path $tmp/nginx;
  server {
    listen 127.0.0.1:$port_nginx;
    root $tmp/www;
    location = / { try_files /index.html =404; }
  }
}
EOF
  taskset -c 0 nginx -p "$tmp/nginx" -c "$tmp/nginx.conf" >/dev/null 2>&1 &
  pids="$pids $!"
  http_servers="$http_servers nginx"
fi
sleep 1
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks of every process whose command line matches $2.
server_ticks() {
  t=0
  for p in $(pgrep -f "$2"); do t=$((t + $(cpu_ticks "$p"))); done
  echo $t
}
pattern_of() {
  case $1 in
  cawait) echo "http_cawait $port_cawait" ;;
  h2o) echo "h2o -c h2o.conf" ;;
  nginx) echo "nginx -p $tmp/nginx" ;;
  esac
}
hz=$(getconf CLK_TCK)
http_rows=""
if have wrk; then
  for s in $http_servers; do : >"http_$s.txt"; : >"cpu_$s.txt"; done
  servers_saved=$servers
  servers=$http_servers
  r=0
  while [ $r -lt "$reps" ]; do
    for s in $(rotation $r); do
      port=$(port_of $s)
      pat=$(pattern_of $s)
      t0=$(server_ticks "$s" "$pat")
      out=$(taskset -c 1 wrk -t1 -c50 -d${secs}s "http://127.0.0.1:$port/")
      t1=$(server_ticks "$s" "$pat")
      rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
      n=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
      echo "$rps" >>"http_$s.txt"
      echo "$t0 $t1 $n $hz" | awk '{printf "%.2f\n", ($2-$1)/$4*1e6/$3}' >>"cpu_$s.txt"
    done
    r=$((r + 1))
  done
  servers=$servers_saved
  cawait_rps=$(median <http_cawait.txt)
  for s in $http_servers; do
    m=$(median <"http_$s.txt")
    c=$(median <"cpu_$s.txt")
    all=$(sort -n "http_$s.txt" | awk '{printf "%s%.1fk", (NR > 1 ? " " : ""), $1/1000}')
    ratio=$(echo "$cawait_rps $m" | awk '{printf "%.2f", $1/$2}')
    http_rows="$http_rows| $s | $(echo "$m" | awk '{printf "%.1fk", $1/1000}') | $all | $c | $ratio |
"
  done
else
  http_rows="| (wrk not installed) | | | | |
"
fi
for p in $pids; do kill "$p" 2>/dev/null || :; done
pkill -f "nginx -p $tmp/nginx" 2>/dev/null || :
pkill -f "h2o -c h2o.conf" 2>/dev/null || :
pids=""
load=$(cut -d' ' -f1-3 /proc/loadavg)
h2o_v=$(h2o --version 2>/dev/null | head -1 || echo "not installed")
nginx_v=$(nginx -v 2>&1 | sed 's/.*: //' || echo "not installed")

cat <<DOC
## Servers side by side (bench/servers)

Generated by \`bench/servers/run.sh\` ($reps rotating rounds of ${secs}s
each; medians). Machine: $(uname -srm), $(nproc) cores, load average
$load when it ended; cawait $(git -C "$root" rev-parse --short HEAD),
$h2o_v, $nginx_v, tokio 1.24 (Debian), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}').
Every server runs on core 0 and its client on core 1.

### Echo, messages/s

| connections | bytes | epoll by hand | cawait | tokio | cawait / tokio | per-round ratios |
|---|---|---|---|---|---|---|
$echo_rows
### System calls per echoed message (strace -c, 50 connections x 64 B, $msgs messages)

| server | reads | writes | epoll waits | other | all |
|---|---|---|---|---|---|
$sys_rows
### HTTP, keep-alive, a $page_bytes-byte page (wrk -t1 -c50 -d${secs}s)

examples/http.c (cawait-cc -O2, one executor), h2o with one thread serving
the page as a static file, nginx with one worker and no master process.
CPU per request is the server's user + system time over the run divided
by the requests wrk counted.

| server | requests/s (median) | each round | CPU µs per request | cawait / this |
|---|---|---|---|---|
$http_rows
DOC
