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
# The server JVM's heap and collector (server-jvm.options) unless JAVA_OPTS says otherwise: G1
# with a 20 ms pause target, since a long pause delays every call's audio at once. The SIP
# benchmark (bench/RESULTS.md) is measured with the same options.
here=$(cd "$(dirname "$0")" && pwd)
export JAVA_OPTS="${JAVA_OPTS:-$(cat "$here/server-jvm.options") -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true}"
echo "Starting Kefu (WildFly at $jboss_home, configuration and data in $base)"
exec "$jboss_home/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" "$@"
