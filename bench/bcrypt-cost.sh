#!/usr/bin/env bash
# The cost of one bcrypt password check (cost 10, as Kefu's hashes) on this machine, with the same
# Elytron classes the server uses: 20 checks, then min / median / max. Needs a build first (the
# Elytron jars in ~/.m2). Why it matters: every HTTP BASIC request paid it before the login guard
# remembered accepted passwords (SECURITY.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
m2=${M2_REPO:-$HOME/.m2/repository}
cp=$(ls "$m2"/org/wildfly/security/wildfly-elytron-*/2.8.2.Final/*.jar | grep -v sources | tr '\n' ':')
cp+=$(ls "$m2"/org/jboss/logging/jboss-logging/*/jboss-logging-*.jar | head -1):$(ls "$m2"/org/wildfly/common/wildfly-common/*/wildfly-common-*.jar | head -1)
java -cp "$cp" "$here/bcrypt/BcryptCost.java" | sort -n | awk '{a[NR]=$1} END {printf "bcrypt cost 10: n=%d min=%.1f ms median=%.1f ms max=%.1f ms\n", NR, a[1], a[int((NR+1)/2)], a[NR]}'
