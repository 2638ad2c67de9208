#!/usr/bin/env bash
# Makes sure the Debian tools that Kefu's tests drive are present (tests use real peers, not
# fakes). As root it installs what is missing with apt-get; otherwise it names the packages and
# fails, so a test never passes or skips for lack of a tool.
#   ensure-test-tools.sh TOOL...    (TOOL: sipp, baresip, chromium, chromedriver, cjk-font)
set -euo pipefail
declare -A package=([sipp]=sip-tester [baresip]=baresip [chromium]=chromium [chromedriver]=chromium-driver [cjk-font]=fonts-wqy-zenhei)
present() {
  # cjk-font: a font with Chinese glyphs, or the browser's screenshots show boxes for 中文
  if [ "$1" = cjk-font ]; then command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; return; fi
  command -v "$1" >/dev/null 2>&1
}
missing=()
for tool in "$@"; do
  present "$tool" || missing+=("${package[$tool]:?unknown tool $tool}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-tools: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "ensure-test-tools: the tests need: sudo apt-get install ${missing[*]}" >&2
exit 1
