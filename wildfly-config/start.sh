#!/usr/bin/env bash
# Starts Kefu in the foreground: WildFly with the configured base directory and the EAR.
#   start.sh JBOSS_HOME BASE_DIR EAR [extra server args...]
# The EAR prints the console URL and SIP address when it is deployed. Ctrl+C stops the server.
set -euo pipefail
jboss_home=$1 base=$2 ear=$3
shift 3
cp "$ear" "$base/deployments/kefu.ear"
# Both H2 datasources create files here on first use; racing to create the folder can fail one.
mkdir -p "$base/data/kefu"
echo "Starting Kefu (WildFly at $jboss_home, configuration and data in $base)"
exec "$jboss_home/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" "$@"
