#!/bin/sh
# Install the Debian packages the test suite and the PDF preview use, when run as root
# and they are missing; otherwise say exactly what to install.
#   chromium                        browser tests (Playwright drives /usr/bin/chromium)
#   libreoffice-writer-nogui        .docx → PDF preview and the page-layout test
#   poppler-utils                   pdftoppm (PDF pages → PNG)
#   fonts-noto-cjk fonts-liberation2  Chinese and Times-compatible fonts for rendering
#   nginx openssl                   the deployment test: zhenwu serve behind deploy/nginx/zhenwu.conf over HTTPS
#   postgresql-client               pg_dump/pg_restore for the backup tests (when ZHENWU_TEST_DATABASE_URL is set)
set -eu
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
[ -d /usr/share/fonts/opentype/noto ] || need="$need fonts-noto-cjk"
[ -d /usr/share/fonts/truetype/liberation2 ] || need="$need fonts-liberation2"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need="$need nginx"
command -v openssl >/dev/null 2>&1 || need="$need openssl"
if [ -n "${ZHENWU_TEST_DATABASE_URL:-}" ]; then
    command -v pg_dump >/dev/null 2>&1 || need="$need postgresql-client"
fi
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "安装系统软件包 / installing system packages:$need"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need >/dev/null; }
else
    echo "缺少系统软件包 / missing system packages:$need" >&2
    echo "请先运行 / please run:  sudo apt-get install --no-install-recommends$need" >&2
    exit 1
fi
