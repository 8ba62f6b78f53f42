"""Start Django for commands that need the database."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Configure Django once; settings errors surface as ConfigError naming the variable."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhenwu.settings")
    import django

    django.setup()
