#!/usr/bin/env bash
# Installs the Debian packages the desk needs to build, run and test.
# The one list of them; `make run` and `make test` call this first.
set -euo pipefail
# python3 and python3-aiosmtpd (Debian's packaged SMTP server library) are the
# local SMTP catcher `make run` starts, so a developer can read every mail the
# outbox sends (maildir under $DESK_VAR/mail); no mail leaves the machine.
PKGS="build-essential pkg-config libfcgi-dev libmariadb-dev clearsilver-dev
libsodium-dev libjansson-dev libmagic-dev libcurl4-openssl-dev
libgmime-3.0-dev libcmocka-dev nginx mariadb-server mariadb-client wrk
chromium nodejs curl ca-certificates spawn-fcgi tzdata
fonts-wqy-microhei python3 python3-aiosmtpd libxlsxwriter-dev"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing"
  if [ "$(id -u)" -ne 0 ]; then echo "run as root to install packages" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
