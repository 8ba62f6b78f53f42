"""``zhenwu doctor``: what is wrong with this server's deployment, said in Chinese.

Each check is one function returning a ``Finding``. A fault (``错误``) makes the command exit 1:
the site cannot work, leaks data, or loses it. A warning (``提醒``) is something an operator should
know but that does not stop the site (no PDF, no worker yet).
"""

from __future__ import annotations

import enum
import os
import shutil
import ssl
import stat
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

BACKUP_MAX_AGE_HOURS = 36  # the timer runs nightly; a day and a half allows one late or retried run


class Status(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAULT = "fault"


@dataclass(frozen=True)
class Finding:
    check: str  # what was checked, as the operator calls it: 数据库, 数据目录 …
    status: Status
    message: str

    def as_dict(self) -> dict:
        return {**asdict(self), "status": str(self.status)}


def run_checks(
    *, url: str | None = None, cafile: str | None = None, data_dir_mode: int | None = None
) -> list[Finding]:
    """Every check, in the order an operator fixes things.

    ``data_dir_mode`` is the data directory's mode as found before Django started: settings tighten
    a directory that is ours to 0700 on start-up, so only the caller saw the mode it had.
    """
    return [
        check_database(),
        check_data_dir(data_dir_mode),
        check_secret_key(),
        check_debug(),
        check_https(url, cafile),
        check_client_address(),
        check_pdf(),
        check_worker(),
        check_backups(),
    ]


# --- database -------------------------------------------------------------------------------------


def pending_migrations() -> list[str]:
    """The migrations the database still lacks, as ``app.name``; serving before migrating only shows errors."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def _database_name() -> str:
    config = settings.DATABASES["default"]
    if config["ENGINE"].endswith("sqlite3"):
        return f"SQLite {config['NAME']}"
    return f"PostgreSQL {config['NAME']}（{config.get('HOST') or config.get('OPTIONS', {}).get('host') or '本机'}）"


def check_database() -> Finding:
    from django.db import connection

    name = _database_name()
    try:
        connection.ensure_connection()
        pending = pending_migrations()
    except Exception as error:  # any driver error: the operator needs its text, not a traceback
        return Finding("数据库", Status.FAULT, f"无法连接数据库 {name}：{str(error).strip()}")
    if pending:
        shown = "、".join(pending[:3]) + ("等" if len(pending) > 3 else "")
        return Finding(
            "数据库",
            Status.FAULT,
            f"数据库 {name} 尚未建好或需要升级：{len(pending)} 个迁移未执行（{shown}）。"
            "请先备份，再运行 zhenwu manage migrate",
        )
    return Finding("数据库", Status.OK, f"{name} 可以连接，迁移已全部执行")


# --- files ----------------------------------------------------------------------------------------


def _mode_text(mode: int) -> str:
    return f"{stat.S_IMODE(mode):04o}"


def check_data_dir(mode_before: int | None = None) -> Finding:
    path = Path(settings.DATA_DIR)
    if not path.is_dir():
        return Finding("数据目录", Status.FAULT, f"数据目录 {path} 不存在")
    if not os.access(path, os.W_OK | os.X_OK):
        return Finding("数据目录", Status.FAULT, f"数据目录 {path} 不可写：请让运行镇务的用户拥有它")
    mode = path.stat().st_mode
    for found in (mode_before, mode):
        if found is not None and stat.S_IMODE(found) & 0o077:
            now = "" if found == mode else f"（镇务启动时已改为 {_mode_text(mode)}；请查明是谁改的）"
            return Finding(
                "数据目录",
                Status.FAULT,
                f"数据目录 {path} 的权限为 {_mode_text(found)}，其他用户可以读取其中的数据库、照片和备份{now}："
                f"请运行 chmod 700 {path}",
            )
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and path not in media.parents and stat.S_IMODE(media.stat().st_mode) & 0o007:
        return Finding(
            "数据目录",
            Status.FAULT,
            f"照片和附件目录 {media} 的权限为 {_mode_text(media.stat().st_mode)}，其他用户可以读取：请运行 chmod 700 {media}",
        )
    return Finding("数据目录", Status.OK, f"{path} 可写，只有所有者能读（{_mode_text(mode)}）")


def check_secret_key() -> Finding:
    key_file = Path(settings.DATA_DIR) / "secret_key"
    if os.environ.get("ZHENWU_SECRET_KEY", "").strip():
        source = "环境变量 ZHENWU_SECRET_KEY"
    elif key_file.is_file():
        if stat.S_IMODE(key_file.stat().st_mode) & 0o077:
            return Finding(
                "密钥",
                Status.FAULT,
                f"密钥文件 {key_file} 其他用户可以读取（{_mode_text(key_file.stat().st_mode)}），"
                f"读到它就能伪造登录：请运行 chmod 600 {key_file}",
            )
        source = f"{key_file}（0600）"
    else:
        return Finding("密钥", Status.FAULT, "没有设置密钥：请设置 ZHENWU_SECRET_KEY")
    if settings.SECRET_KEY.startswith("django-insecure") or len(set(settings.SECRET_KEY)) < 10:
        return Finding("密钥", Status.FAULT, f"密钥（{source}）是示例或过于简单的值：请换成随机生成的密钥")
    return Finding("密钥", Status.OK, f"已设置，来自 {source}")


def check_debug() -> Finding:
    if settings.DEBUG:
        return Finding(
            "调试模式", Status.FAULT, "ZHENWU_DEBUG 已开启：出错时页面会显示配置和数据，请在服务器上关闭"
        )
    return Finding("调试模式", Status.OK, "已关闭")


# --- the proxy ------------------------------------------------------------------------------------


def check_https(url: str | None, cafile: str | None) -> Finding:
    """Whether ZHENWU_HTTPS and the proxy agree: HTTPS is on, and the proxy tells the site so."""
    if url is None:
        if settings.HTTPS:
            return Finding(
                "HTTPS",
                Status.WARNING,
                "ZHENWU_HTTPS 已开启，但未检查反向代理：请加 --url https://服务器名/ 再运行一次",
            )
        return Finding(
            "HTTPS",
            Status.WARNING,
            "ZHENWU_HTTPS 未开启：密码和 Cookie 以明文传送，只适合本机试用；服务器请按部署说明配置 nginx 和 HTTPS",
        )
    if not url.startswith("https://"):
        return Finding("HTTPS", Status.FAULT, f"网址 {url} 不是 https://：密码和 Cookie 会以明文传送")
    if not settings.HTTPS:
        return Finding(
            "HTTPS",
            Status.FAULT,
            f"{url} 经 HTTPS 访问，但 ZHENWU_HTTPS 未开启：Cookie 不带 Secure，也没有 HSTS。请设 ZHENWU_HTTPS=true",
        )
    return _probe_proxy(urllib.parse.urljoin(url, "/login/"), cafile)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _probe_proxy(url: str, cafile: str | None) -> Finding:
    """Fetch the sign-in page through the proxy and read what the site made of the request."""
    context = ssl.create_default_context(cafile=cafile)
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), _NoRedirect)
    try:
        response = opener.open(url, timeout=15)
    except urllib.error.HTTPError as error:
        response = error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        return Finding("HTTPS", Status.FAULT, f"无法经代理访问 {url}：{reason}")
    status, headers = response.status, response.headers
    if status in (301, 302, 307, 308) and (headers.get("Location") or "").startswith("https://"):
        return Finding(
            "HTTPS",
            Status.FAULT,
            "反向代理没有传来 X-Forwarded-Proto: https 请求头：镇务以为请求来自 HTTP，又把它跳转回 HTTPS（浏览器会陷入循环）。"
            "请在 nginx 中加 proxy_set_header X-Forwarded-Proto $scheme;（见 deploy/nginx/zhenwu.conf）",
        )
    if status == 400:
        host = urllib.parse.urlsplit(url).hostname
        return Finding("HTTPS", Status.FAULT, f"镇务拒绝了主机名 {host}：请把它加入 ZHENWU_ALLOWED_HOSTS")
    if status != 200:
        return Finding("HTTPS", Status.FAULT, f"经代理访问 {url} 得到 HTTP {status}")
    if "max-age=" not in (headers.get("Strict-Transport-Security") or ""):
        return Finding("HTTPS", Status.FAULT, "经代理的回应没有 Strict-Transport-Security（HSTS）请求头")
    cookies = headers.get_all("Set-Cookie") or []
    if any("secure" not in cookie.lower() for cookie in cookies):
        return Finding("HTTPS", Status.FAULT, "经代理设置的 Cookie 没有 Secure 标记")
    return Finding("HTTPS", Status.OK, f"{url}：代理传来 X-Forwarded-Proto，HSTS 和 Secure Cookie 均已生效")


def check_client_address() -> Finding:
    """Behind a proxy every request comes from the proxy's address unless the site reads the proxy's header."""
    if settings.HTTPS and settings.CLIENT_IP_META_KEY == "REMOTE_ADDR":
        return Finding(
            "来访地址",
            Status.WARNING,
            "在反向代理后面，登录限流会把所有人都算作代理的地址：请设 ZHENWU_CLIENT_IP_HEADER=X-Real-IP（nginx 设置并覆盖它）",
        )
    return Finding("来访地址", Status.OK, f"登录限流按 {settings.CLIENT_IP_META_KEY} 计算来访地址")


# --- PDF, worker, backups -------------------------------------------------------------------------


def check_pdf() -> Finding:
    from zhenwu.documents.pdf import FONTS_CONF, INSTALL_HINT, find_soffice

    if find_soffice() is None:
        return Finding(
            "PDF", Status.WARNING, f"未找到 LibreOffice，无法生成 PDF 和版式预览。请安装：{INSTALL_HINT}"
        )
    fc_list = shutil.which("fc-list")
    families = ""
    if fc_list:
        env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
        result = subprocess.run(
            [fc_list, ":lang=zh", "family"], capture_output=True, text=True, env=env, timeout=60, check=False
        )
        families = result.stdout.strip()
    if not families:
        return Finding(
            "PDF",
            Status.WARNING,
            f"找到了 LibreOffice，但没有中文字体，PDF 里的汉字会缺失。请安装：{INSTALL_HINT}",
        )
    return Finding(
        "PDF", Status.OK, f"LibreOffice {find_soffice()}，中文字体 {len(families.splitlines())} 种"
    )


WORKER_SILENT_MINUTES = 15  # the schedule fires every 5 minutes: three missed, the worker is gone


def check_worker() -> Finding:
    """Whether a ``zhenwu worker`` is taking jobs; the jobs app answers when it is installed."""
    from django.db import DatabaseError

    from zhenwu.jobs.health import last_seen

    try:
        seen = last_seen()
    except DatabaseError:
        return Finding("后台任务", Status.WARNING, "数据库不可用或未迁移，无法查看后台任务进程")
    if seen is None:
        return Finding(
            "后台任务", Status.WARNING,
            "还没有后台任务进程运行过：催报提醒、批量起草和大报表要靠它，请启动 zhenwu-worker.service",
        )  # fmt: skip
    minutes = int((timezone.now() - seen).total_seconds() // 60)
    if minutes > WORKER_SILENT_MINUTES:
        return Finding(
            "后台任务", Status.FAULT,
            f"后台任务进程已 {minutes} 分钟没有动静（应每 5 分钟至少一次）：请检查 zhenwu-worker.service 是否在运行",
        )  # fmt: skip
    return Finding("后台任务", Status.OK, f"后台任务进程在运行（{minutes} 分钟前有动静）")


def latest_backup() -> Path | None:
    folder = Path(settings.DATA_DIR) / "backups"
    backups = (
        sorted(folder.glob("zhenwu-*.tar.gz"), key=lambda path: path.stat().st_mtime)
        if folder.is_dir()
        else []
    )
    return backups[-1] if backups else None


def check_backups(now: float | None = None) -> Finding:
    backup = latest_backup()
    if backup is None:
        return Finding(
            "备份",
            Status.FAULT,
            f"{Path(settings.DATA_DIR) / 'backups'} 里还没有备份：请启用 zhenwu-backup.timer（或运行 zhenwu backup）",
        )
    hours = ((now or time.time()) - backup.stat().st_mtime) / 3600
    if hours > BACKUP_MAX_AGE_HOURS:
        return Finding(
            "备份",
            Status.FAULT,
            f"最近一次备份 {backup.name} 在 {hours:.0f} 小时前：每晚的备份没有运行，"
            "请查看 systemctl status zhenwu-backup.timer 和 journalctl -u zhenwu-backup",
        )
    return Finding("备份", Status.OK, f"最近一次备份 {backup.name}（{hours:.1f} 小时前）")
