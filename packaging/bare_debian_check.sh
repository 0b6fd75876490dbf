#!/usr/bin/env bash
# Try the README's first command on a bare Debian 12, as a new user would.
#
# Needs root, debootstrap and network (deb.debian.org and PyPI). Builds a
# minbase chroot in $1 (default /tmp/bare-debian), clones this checkout into
# it, and runs the README's install command twice:
#   1. with only python3 + python3-venv: `annotator demo` must name every
#      missing system library with its apt command (no Python traceback);
#   2. after the README's apt line: the demo window opens under Xvfb, and
#      A / J / Shift+B pressed by xdotool are in the database at once.
# Screenshots land in the chroot's /root (shot-*.png). The host's CA bundle is
# copied in so pip works behind an intercepting proxy.
set -euo pipefail
root=${1:-/tmp/bare-debian}
checkout=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$root/usr" ] || debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
for d in proc sys dev dev/pts; do mountpoint -q "$root/$d" || mount --bind "/$d" "$root/$d"; done
trap 'for d in dev/pts dev sys proc; do umount "$root/$d" 2>/dev/null || true; done' EXIT
cp /etc/resolv.conf "$root/etc/"
cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
rm -rf "$root/root/annotator" && git clone -q "$checkout" "$root/root/annotator"
apt_line=$(grep -o 'sudo apt-get install libgl1[^`]*' "$checkout/README.md" | sed 's/^sudo //')

chroot "$root" bash -euc '
export DEBIAN_FRONTEND=noninteractive HOME=/root
apt-get update -qq && apt-get install -y -qq python3 python3-venv ca-certificates git >/dev/null
update-ca-certificates >/dev/null 2>&1 || true
cd /root/annotator
python3 -m venv .venv && .venv/bin/pip install -q -e .
if ! ldconfig -p | grep -q libglib-2.0; then  # a fresh chroot: Qt cannot load yet
  if .venv/bin/annotator demo 2>/root/missing.txt; then echo "FAIL: demo started without Qt libraries"; exit 1; fi
  grep -q "sudo apt-get install" /root/missing.txt || { echo "FAIL: no apt line"; cat /root/missing.txt; exit 1; }
  echo "1. missing libraries named:" && cat /root/missing.txt
else
  echo "1. skipped: this chroot has the libraries already (use a new folder to see the message)"
fi
'"$apt_line"' -y -qq >/dev/null
apt-get install -y -qq xvfb xauth xdotool imagemagick >/dev/null
export XDG_DATA_HOME=/root/fresh/data XDG_CONFIG_HOME=/root/fresh/config XDG_CACHE_HOME=/root/fresh/cache
rm -rf /root/fresh && Xvfb :7 -screen 0 1400x900x24 >/dev/null 2>&1 & xvfb=$!
export DISPLAY=:7 && sleep 2
.venv/bin/annotator demo >/root/demo.out 2>&1 & app=$!
sleep 25 && import -window root /root/shot-name.png
xdotool type --delay 50 dora && xdotool key Return && sleep 8
window=$(xdotool search --onlyvisible --name annotator | head -1)
xdotool windowfocus --sync "$window" && xdotool key a && sleep 1 && xdotool key j && sleep 1 && xdotool key shift+b && sleep 2
import -window root /root/shot-window.png
kill $app $xvfb
.venv/bin/python -c "
import sqlite3
rows = sqlite3.connect(\"/root/fresh/data/annotator/demo.sqlite\").execute(
    \"select annotator, decision, reliability from annotations\").fetchall()
print(\"2. saved at once:\", rows)
assert (\"dora\", \"accept\", \"B\") in rows"
'
