"""Django settings, read from ZHENWU_* environment variables through strict helpers."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

from zhenwu.lib.env import ConfigError, env_bool, env_list, env_str

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
    "treebeard",
    "zhenwu.areas",
    "zhenwu.ledger",
    "zhenwu.inspections",
    "zhenwu.projects",
    "zhenwu.assessment",
    "zhenwu.web",
    "zhenwu.checking",
    "zhenwu.summaries",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
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

SESSION_COOKIE_AGE = 60 * 60 * 12
X_FRAME_OPTIONS = "SAMEORIGIN"
