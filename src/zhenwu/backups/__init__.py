"""Backups: the database and the uploaded files in one .tar.gz with a manifest, and restoring one.

``create_backup`` and ``restore_backup`` (in ``operations``, which needs Django set up) are what
``zhenwu backup`` and ``zhenwu restore`` run; every refusal is a ``BackupError`` whose Chinese
message says what to do. ``archive`` reads and writes the file and knows nothing of Django.
"""

from zhenwu.backups.archive import BackupError

__all__ = ["BackupError"]
