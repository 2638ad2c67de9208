#!/usr/bin/env bash
# Configures a WildFly base directory for Kefu, offline, from the CLI scripts beside this file.
#   configure-server.sh JBOSS_HOME BASE_DIR DB DRIVERS_DIR
# DB is h2, postgres or oracle. A base directory (configuration, data, log, deployments) is
# created from the server's pristine standalone/ and configured once; a second run with the
# same scripts reuses it (the data directory is never touched here).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jboss_home=$1 base=$2 db=$3 drivers=$4

case "$db" in
  h2|postgres|oracle) ;;
  *) echo "configure-server: unknown database '$db' (use h2, postgres or oracle)" >&2; exit 2 ;;
esac

install_module() { # module-path jar
  local dst="$jboss_home/modules/$1"
  if [ ! -f "$dst/$2" ]; then
    mkdir -p "$dst"
    cp "$here/modules/$1/module.xml" "$dst/"
    cp "$drivers/$2" "$dst/$2"
  fi
}
# Kefu's login guard (KefuDomain's realm): copied every time, so that a rebuilt guard is used.
guard="$jboss_home/modules/org/kefu/guard/main"
mkdir -p "$guard"
cmp -s "$here/modules/org/kefu/guard/main/module.xml" "$guard/module.xml" || cp "$here/modules/org/kefu/guard/main/module.xml" "$guard/"
cmp -s "$drivers/kefu-login-guard.jar" "$guard/kefu-login-guard.jar" || cp "$drivers/kefu-login-guard.jar" "$guard/"
[ "$db" = postgres ] && install_module org/postgresql/main postgresql.jar
[ "$db" = oracle ] && install_module com/oracle/ojdbc/main ojdbc11.jar

scripts=("$here/cli/server.cli" "$here/cli/datasources-$db.cli" "$here/cli/messaging.cli" "$here/cli/security.cli")
fingerprint=$( (echo "$db"; cat "${scripts[@]}" "$0") | sha1sum | cut -d' ' -f1)
if [ -f "$base/.kefu-config" ] && [ "$(cat "$base/.kefu-config")" = "$fingerprint" ]; then
  echo "configure-server: $base is configured for $db already"
  exit 0
fi

echo "configure-server: configuring $base for $db"
rm -rf "$base/configuration"
mkdir -p "$base/deployments" "$base/data" "$base/log"
cp -r "$jboss_home/standalone/configuration" "$base/"
# HTTPS (issue 14 item 9): a self-signed key made here, for this base directory only (never in
# the repository), with a random password; the https listener (8443 + port offset) uses it. To
# install a real certificate see the README ("HTTPS").
tls_store="$base/configuration/kefu-tls.p12"
tls_pass=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
keytool=keytool
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ] && keytool="$JAVA_HOME/bin/keytool"
"$keytool" -genkeypair -alias kefu -keyalg RSA -keysize 2048 -validity 825 -dname "CN=localhost, O=Kefu demo" \
  -ext "SAN=dns:localhost,ip:127.0.0.1" -storetype PKCS12 -keystore "$tls_store" \
  -storepass "$tls_pass" -keypass "$tls_pass" >/dev/null 2>&1 \
  || { echo "configure-server: keytool could not make the HTTPS key ($keytool)" >&2; exit 1; }
chmod 600 "$tls_store"
cli="$base/kefu-config.cli"
umask 077
{
  echo "embed-server --server-config=standalone-full.xml --std-out=discard"
  cat "${scripts[@]}"
  echo "/subsystem=elytron/key-store=kefuKS:add(path=kefu-tls.p12, relative-to=jboss.server.config.dir, type=PKCS12, credential-reference={clear-text=\"$tls_pass\"})"
  echo "/subsystem=elytron/key-manager=kefuKM:add(key-store=kefuKS, credential-reference={clear-text=\"$tls_pass\"})"
  echo "/subsystem=elytron/server-ssl-context=kefuSSC:add(key-manager=kefuKM, protocols=[TLSv1.3, TLSv1.2])"
  echo "/subsystem=undertow/server=default-server/https-listener=https:write-attribute(name=ssl-context, value=kefuSSC)"
  echo "stop-embedded-server"
} > "$cli"
JAVA_OPTS="-Djboss.server.base.dir=$base -Xmx512m" "$jboss_home/bin/jboss-cli.sh" --file="$cli"
rm -f "$cli" # it names the key's password
echo "$fingerprint" > "$base/.kefu-config"
