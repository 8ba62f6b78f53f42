"""Django settings, read from ZHENWU_* environment variables through strict helpers."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from zhenwu.lib.env import ConfigError, env_bool, env_int, env_list, env_meta_key, env_str

PACKAGE_DIR = Path(__file__).resolve().parent


def _default_data_dir() -> Path:
    """Keep data beside a source checkout (./var), else in the user's home."""
    checkout = PACKAGE_DIR.parent.parent
    if (checkout / "pyproject.toml").is_file():
        return checkout / "var"
    return Path.home() / ".local" / "share" / "zhenwu"


def _data_dir() -> Path:
    """Create the data directory readable by its owner only; tighten an existing one that is ours."""
    path = Path(env_str("ZHENWU_DATA_DIR") or _default_data_dir()).expanduser()
    try:
        if not path.exists():
            path.mkdir(mode=0o700, parents=True)
        elif _is_ours(path):
            path.chmod(0o700)
    except OSError as error:
        raise ConfigError(f"环境变量 ZHENWU_DATA_DIR 指向的目录 {path} 无法创建：{error.strerror}") from error
    return path


def _is_ours(path: Path) -> bool:
    """A directory this user owns that is empty or holds our secret key; a shared folder is left as it is."""
    if os.name != "posix" or path.stat().st_uid != os.getuid():
        return False
    return (path / "secret_key").exists() or not any(path.iterdir())


def _private_file(path: Path) -> None:
    """Create the file readable by its owner only, or tighten it when this user owns it.

    SQLite gives a database's -wal and -shm files the database file's mode.
    """
    if str(path) in ("", ":memory:") or not path.parent.is_dir():
        return
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    elif os.name == "posix" and path.stat().st_uid == os.getuid():
        path.chmod(0o600)


def _secret_key(data_dir: Path) -> str:
    """Use ZHENWU_SECRET_KEY, or a key generated once and kept in the data directory."""
    configured = env_str("ZHENWU_SECRET_KEY")
    if configured is not None:
        if len(configured) < 32:
            raise ConfigError("环境变量 ZHENWU_SECRET_KEY 太短：至少需要 32 个字符")
        return configured
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        _private_file(key_file)
        key_file.write_text(secrets.token_urlsafe(50), encoding="ascii")
    return key_file.read_text(encoding="ascii").strip()


def _database(data_dir: Path) -> dict:
    url = env_str("ZHENWU_DATABASE_URL") or f"sqlite:///{data_dir / 'zhenwu.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except (ValueError, KeyError) as error:
        raise ConfigError(
            f"环境变量 ZHENWU_DATABASE_URL 的值 {url!r} 无效：应为 sqlite:///路径 或 "
            f"postgresql://用户@主机:端口/库名（{error}）"
        ) from error
    if config["ENGINE"] not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
        raise ConfigError(
            f"环境变量 ZHENWU_DATABASE_URL 指定的数据库 {config['ENGINE']} 不受支持：请用 SQLite 或 PostgreSQL"
        )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        _private_file(Path(config["NAME"]))
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
        }
    if config["ENGINE"] == "django.db.backends.postgresql":
        # One test database per process, so concurrent test runs on one server never clobber each other.
        config["TEST"] = {
            "NAME": env_str("ZHENWU_TEST_DATABASE_NAME") or f"test_{config['NAME']}_{os.getpid()}"
        }
    return config


DATA_DIR = _data_dir()
SECRET_KEY = _secret_key(DATA_DIR)
DEBUG = env_bool("ZHENWU_DEBUG", default=False)
ALLOWED_HOSTS = env_list("ZHENWU_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = [f"http://{host}" for host in ALLOWED_HOSTS if host not in ("*",)] + [
    f"https://{host}" for host in ALLOWED_HOSTS if host not in ("*",)
]
MEDIA_ROOT = Path(env_str("ZHENWU_MEDIA_ROOT") or DATA_DIR / "media").expanduser()
MEDIA_URL = "/media/"
DATABASES = {"default": _database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "ninja",  # the API docs page loads swagger-ui from /static/ninja/, not from a CDN
    "treebeard",
    "zhenwu.areas",
    "zhenwu.ledger",
    "zhenwu.inspections",
    "zhenwu.projects",
    "zhenwu.assessment",
    "zhenwu.web",
    "zhenwu.checking",
    "zhenwu.summaries",
    "django_tasks",
    "django_tasks_db",
    "zhenwu.jobs",
    "zhenwu.reminders",
    "zhenwu.issuing",
]

MIDDLEWARE = [
    "zhenwu.web.middleware.RequestLogMiddleware",  # outermost: times the whole request; off unless asked
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "zhenwu.areas.middleware.CurrentAreaMiddleware",
]

ROOT_URLCONF = "zhenwu.urls"
WSGI_APPLICATION = "zhenwu.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zhenwu.areas.context_processors.current_area",
                "zhenwu.web.context_processors.navigation",
                "zhenwu.reminders.context_processors.inbox",
            ],
        },
    },
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns on every start when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the installed packages: no collectstatic step, no CDN.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Bounds on what one upload or paste may cost (applied through zhenwu/uploads.py); far above any real
# ledger or report — a half-year summary has some 20,000 characters, a .docx with photos 20 MB.
MAX_WORKBOOK_BYTES = 5 * 1024 * 1024  # an uploaded .xlsx
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # an uploaded report (.docx, .pdf, .txt)
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024  # an .xlsx or .docx unzipped, all parts together
MAX_UNZIPPED_XML_BYTES = 5 * 1024 * 1024  # one XML part of it (a sheet, document.xml)
MAX_ZIP_PARTS = 1000
MAX_ZIP_RATIO = 100  # unzipped / zipped for a part over 1 MB; a compression bomb is near 1,000
MAX_SHEET_ROWS = 10_000
MAX_SHEET_COLUMNS = 256  # the old Excel limit
MAX_TEXT_CHARS = 200_000  # one report or paste, as read
MAX_PDF_PAGES = 300
MAX_COMPILE_FILES = 50  # reports in one compile upload
MAX_COMPILE_FIGURES = 1000  # figures kept from one compiled report

# --- Background jobs (zhenwu/jobs/) -------------------------------------------------------------------
# The queue is django-tasks' database backend in the site's own database; `zhenwu worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
JOBS_LEASE_SECONDS = env_int(
    "ZHENWU_JOB_LEASE_SECONDS", default=120, minimum=3
)  # no heartbeat that long: dead
JOBS_RETRY_SECONDS = 30  # a failed attempt is retried after 30 s, then 2 min, then 8 min
JOBS_KEEP_DAYS = 30  # finished jobs and their result files are deleted after a month
JOBS_RESULT_DIR = DATA_DIR / "jobs"
# Periodic functions `f(now)` the worker runs: {"function": dotted path, "at": "HH:MM"} daily
# (Beijing time) or {"function": ..., "every": seconds}. See zhenwu/jobs/__init__.py.
JOBS_SCHEDULE = [
    {"function": "zhenwu.jobs.housekeeping.prune", "at": "03:30"},
    # 催报 and the day's reminders, each recorded once a day (zhenwu/reminders/schedule.py)
    {"function": "zhenwu.reminders.schedule.send_due_reminders", "at": "08:30"},
    # deliveries that failed are retried with backoff; those due are sent
    {"function": "zhenwu.reminders.schedule.deliver_pending", "every": 300},
]
# Reminders: "record" keeps what each e-mail and webhook would have carried and sends nothing (the
# default, the demo's and the tests'); "send" sends through Django's mail settings and the robots.
REMINDER_DELIVERY = env_str("ZHENWU_REMINDER_DELIVERY", "record")
if REMINDER_DELIVERY not in ("record", "send"):
    raise ConfigError(
        f"环境变量 ZHENWU_REMINDER_DELIVERY 的值 {REMINDER_DELIVERY!r} 无效：应为 record 或 send"
    )

SESSION_COOKIE_AGE = 60 * 60 * 12
# Accounts: sign-in throttling, password rules, and the forced change after an admin's reset.
INSTALLED_APPS += ["axes", "zhenwu.accounts"]
MIDDLEWARE += [
    "zhenwu.accounts.middleware.PasswordChangeRequiredMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it turns a lockout into the lockout page
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out sign-in before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
# Ten wrong passwords for one account from one address lock that pair for 30 minutes (every try
# while locked starts the 30 minutes again). Not by address alone: one guesser behind a town office's
# shared NAT address would lock out the whole office. Not by username alone: anyone who knows a
# username (qs_clerk) could keep its owner locked out from anywhere. Guessing from many addresses
# meets the password rules below instead.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_RESET_ON_SUCCESS = True
# Locks are lifted on the 账号 page (recorded) or by `zhenwu manage axes_reset_username`; axes' own
# admin pages would list every account's sign-ins outside any area's scope.
AXES_ENABLE_ADMIN = False
AXES_LOCKOUT_CALLABLE = "zhenwu.accounts.throttling.locked_out"
AXES_CLIENT_IP_CALLABLE = "zhenwu.accounts.throttling.client_ip"
# The address login throttling counts: REMOTE_ADDR, or behind a reverse proxy the header it sets
# (e.g. X-Real-IP). A client can forge any header the proxy does not overwrite, so never by default.
CLIENT_IP_META_KEY = env_meta_key("ZHENWU_CLIENT_IP_HEADER", default="REMOTE_ADDR")
AUTH_PASSWORD_VALIDATORS = [
    # 0.7 is Django's default: its ratio ignores letter order, so lower values refuse pinyin
    # passphrases that merely share letters with a pinyin username.
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # 12, not 8: throttling stops guessing online, but a copied database or backup is cracked offline.
    {
        "NAME": "zhenwu.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- HTTPS and the Content-Security-Policy ----------------------------------------------------------
# ZHENWU_HTTPS=true when a reverse proxy (nginx, Caddy …) terminates TLS in front of zhenwu serve:
# cookies travel over HTTPS only, browsers are told to use nothing else for a year (HSTS, with
# subdomains), and a plain-HTTP request is redirected. The proxy must set X-Forwarded-Proto and
# overwrite any a client sends; Django trusts it to know the request came over HTTPS.
HTTPS = env_bool("ZHENWU_HTTPS", default=False)
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = False
    # security.W021 asks for HSTS preload. Browsers' preload lists are hard to leave and bind
    # every subdomain of the registered domain, often a whole county government's: not for
    # this application to decide. Silenced only with HTTPS on, where the rest is in place.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Nothing frames the site, not even its own pages.
X_FRAME_OPTIONS = "DENY"
# Scripts only from the site's own /static/ (no inline script, no event handler attributes, no
# eval: htmx's eval is off in base.html); nothing from another origin. Inline styles stay allowed:
# the report preview carries its own stylesheet and the progress bars their widths, and a style
# cannot run script. Photos in the report preview are data: URIs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Logging ----------------------------------------------------------------------------------------
# Errors (a view's exception with its traceback, a refused host) go to stderr and to a rotating
# file in the data directory, whatever DEBUG says; ZHENWU_LOG_REQUESTS=true adds one line per
# request (zhenwu.web.middleware.RequestLogMiddleware). Several serve processes share the file:
# each rotates on its own, so a long-lived multi-process deployment may prefer stderr alone.
LOG_REQUESTS = env_bool("ZHENWU_LOG_REQUESTS", default=False)
LOG_DIR = DATA_DIR / "logs"
if not LOG_DIR.exists():
    LOG_DIR.mkdir(mode=0o700, exist_ok=True)
    LOG_DIR.chmod(0o700)  # whatever the umask: the log names users and areas
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "line"},
        "file": {
            "class": "logging.handlers.RotatingFileHandler",
            "filename": LOG_DIR / "zhenwu.log",
            "maxBytes": 10 * 1024 * 1024,
            "backupCount": 5,
            "encoding": "utf-8",
            "formatter": "line",
        },
    },
    "root": {"handlers": ["stderr", "file"], "level": "WARNING"},
    "loggers": {
        # Django's own handlers print only with DEBUG on, and mail nobody: its records go to ours.
        "django": {"handlers": ["stderr", "file"], "level": "WARNING", "propagate": False},
        "zhenwu.requests": {"level": "INFO"},
    },
}
