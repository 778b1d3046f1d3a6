# Throwaway PostgreSQL 15 cluster and RabbitMQ node on 127.0.0.1, for .ci/run and bench/run.
# Source it, then call infra_start <work dir> [extra postgres -c settings...]; infra_stop stops both
# (call it from an EXIT trap). Sets pg_port, amqp_port, mgmt_port, pg_bin, pg_url (a libpq URL) and the
# HUIFANG_TEST_POSTGRES / HUIFANG_TEST_RABBITMQ connection strings, and HUIFANG_TEST_RABBITMQ_MANAGEMENT
# (the broker's management API, with which tests make virtual hosts of their own). Needs root: it installs what is
# missing and runs each server as its own user.

infra_log() { printf '[infra] %s\n' "$*"; }

infra_free_port() {
  local port=$1
  while ss -ltnH "sport = :$port" | grep -q .; do port=$((port + 1)); done
  echo "$port"
}

infra_apt_updated=0
ensure_package() { # command-or-path, package
  if [ -x "$1" ] || command -v "$1" >/dev/null 2>&1; then return; fi
  infra_log "installing $2"
  if [ $infra_apt_updated -eq 0 ]; then apt-get update -qq; infra_apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

pg_bin=/usr/lib/postgresql/15/bin

infra_start() { # work dir, then "-c name=value" settings for PostgreSQL beyond the defaults below
  infra_work=$1
  shift
  ensure_package "$pg_bin/initdb" postgresql-15
  ensure_package rabbitmq-server rabbitmq-server
  ensure_package ss iproute2

  pg_port=$(infra_free_port 55432)
  amqp_port=$(infra_free_port 56720)
  local dist_port
  dist_port=$(infra_free_port $((amqp_port + 1000)))
  mgmt_port=$(infra_free_port $((amqp_port + 2000)))
  infra_rabbit_node="huifang-$$@localhost"

  infra_log "starting PostgreSQL on 127.0.0.1:$pg_port"
  mkdir -p "$infra_work/pg" && chown postgres:postgres "$infra_work/pg"
  su postgres -s /bin/sh -c "$pg_bin/initdb -D '$infra_work/pg/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$infra_work/pg/data' -l '$infra_work/pg/log' -w -t 60 \
    -o \"-p $pg_port -k '$infra_work/pg' -c listen_addresses=127.0.0.1 $*\" start" >/dev/null

  infra_log "starting RabbitMQ on 127.0.0.1:$amqp_port"
  mkdir -p "$infra_work/rabbit" && chown rabbitmq:rabbitmq "$infra_work/rabbit"
  export RABBITMQ_NODENAME="$infra_rabbit_node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$amqp_port" \
    RABBITMQ_DIST_PORT="$dist_port" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_MNESIA_BASE="$infra_work/rabbit/mnesia" RABBITMQ_LOG_BASE="$infra_work/rabbit/log" \
    RABBITMQ_PID_FILE="$infra_work/rabbit/pid" RABBITMQ_ENABLED_PLUGINS_FILE="$infra_work/rabbit/enabled_plugins" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} -rabbitmq_management tcp_config [{ip,\"127.0.0.1\"},{port,$mgmt_port}]"
  # The management API lets tests make a virtual host of their own (a broker where nothing was declared yet).
  echo '[rabbitmq_management].' > "$infra_work/rabbit/enabled_plugins" && chown rabbitmq:rabbitmq "$infra_work/rabbit/enabled_plugins"
  rabbitmq-server -detached >/dev/null 2>&1
  # -detached returns before the node registers; await_startup only waits for a node it can already see.
  local i
  for i in $(seq 1 120); do
    rabbitmqctl -n "$infra_rabbit_node" await_startup --timeout 5 >/dev/null 2>&1 && break
    [ "$i" -eq 120 ] && { infra_log "RabbitMQ did not start; its log:"; tail -50 "$infra_work"/rabbit/log/*.log 2>/dev/null; return 1; }
    sleep 1
  done

  pg_url="postgresql://postgres@127.0.0.1:$pg_port/postgres"
  export HUIFANG_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres"
  export HUIFANG_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$amqp_port/"
  export HUIFANG_TEST_RABBITMQ_MANAGEMENT="http://guest:guest@127.0.0.1:$mgmt_port/"
}

# The PID of the RabbitMQ node's Erlang VM (for CPU accounting).
infra_rabbit_pid() { cat "$infra_work/rabbit/pid" 2>/dev/null; }

infra_stop() {
  [ -n "${infra_work:-}" ] || return 0
  infra_log "stopping PostgreSQL and RabbitMQ"
  [ -f "$infra_work/pg/data/postmaster.pid" ] && su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$infra_work/pg/data' -m immediate stop" >/dev/null 2>&1
  rabbitmqctl -n "$infra_rabbit_node" stop >/dev/null 2>&1
  return 0
}
