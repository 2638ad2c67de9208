#!/usr/bin/env bash
# Makes a local PostgreSQL ready for Kefu: XA (max_prepared_transactions > 0, which needs a
# restart of the cluster) and the two databases. Safe to run again.
#   prepare.sh [--fresh] [host] [port] [user]
# --fresh drops and recreates both databases (CI does, so every run starts from the migrations).
set -euo pipefail
fresh=false
if [ "${1:-}" = --fresh ]; then fresh=true; shift; fi
host=${1:-127.0.0.1} port=${2:-5432} user=${3:-postgres}
psql=(psql -h "$host" -p "$port" -U "$user" -v ON_ERROR_STOP=1 -qtA)
if ! "${psql[@]}" -d postgres -c 'select 1' >/dev/null 2>&1; then
  echo "prepare.sh: no PostgreSQL answers at $host:$port as $user" >&2
  exit 1
fi
current=$("${psql[@]}" -d postgres -c 'show max_prepared_transactions')
if [ "$current" -lt 64 ]; then
  echo "prepare.sh: max_prepared_transactions is $current; setting 64 and restarting PostgreSQL"
  "${psql[@]}" -d postgres -c 'ALTER SYSTEM SET max_prepared_transactions = 64'
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    version=$("${psql[@]}" -d postgres -c 'show server_version_num' | cut -c1-2)
    pg_ctlcluster --skip-systemctl-redirect "$version" main restart
  else
    echo "prepare.sh: restart PostgreSQL yourself for the setting to take effect" >&2
    exit 1
  fi
  for _ in $(seq 1 30); do
    "${psql[@]}" -d postgres -c 'select 1' >/dev/null 2>&1 && break
    sleep 1
  done
fi
for db in kefu kefu_ledger; do
  if $fresh; then
    # Prepared transactions left by a crashed run would block the drop; roll them back first.
    for gid in $("${psql[@]}" -d postgres -c "select gid from pg_prepared_xacts where database = '$db'"); do
      "${psql[@]}" -d "$db" -c "ROLLBACK PREPARED '$gid'"
    done
    "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  fi
  if [ "$("${psql[@]}" -d postgres -c "select count(*) from pg_database where datname = '$db'")" = 0 ]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE $db"
    echo "prepare.sh: created database $db"
  fi
done
echo "prepare.sh: PostgreSQL at $host:$port is ready (max_prepared_transactions=$("${psql[@]}" -d postgres -c 'show max_prepared_transactions'))"
