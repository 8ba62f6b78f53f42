"""PDF through LibreOffice, an optional dependency found at run time.

Each call gets its own LibreOffice profile directory (two soffice processes must not
share one) and the package's ``fonts.conf``, which maps the Chinese font names the
documents use to installed faces. A process converts one document at a time: a web worker
that receives many 下载PDF clicks at once queues them instead of starting one LibreOffice
(≈250 MB) per click.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

FONTS_CONF = Path(__file__).with_name("fonts.conf")
INSTALL_HINT = (
    "sudo apt-get install --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk fonts-liberation2"
)
_CANDIDATES = (
    "soffice",
    "libreoffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
)
_ONE_AT_A_TIME = threading.Lock()


class PdfError(RuntimeError):
    """The PDF could not be produced."""


class LibreOfficeMissing(PdfError):
    """LibreOffice is not installed; the message says what to install."""

    def __init__(self) -> None:
        super().__init__(f"未找到 LibreOffice（soffice），无法生成 PDF。请安装：{INSTALL_HINT}")


def find_soffice() -> str | None:
    """The soffice executable: ``ZHENWU_SOFFICE`` if set, else the first one on PATH."""
    configured = os.environ.get("ZHENWU_SOFFICE", "").strip()
    for candidate in (configured, *_CANDIDATES) if configured else _CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def libreoffice_available() -> bool:
    return find_soffice() is not None


def convert_to_pdf(source: bytes | str | Path, *, timeout: float = 120) -> bytes:
    """Convert a .docx (bytes or path) to PDF bytes, waiting for this process's conversion in hand."""
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeMissing()
    with _ONE_AT_A_TIME:
        return _convert(soffice, source, timeout)


def _convert(soffice: str, source: bytes | str | Path, timeout: float) -> bytes:
    with tempfile.TemporaryDirectory(prefix="zhenwu-pdf-") as work:
        work_dir = Path(work)
        docx_path = work_dir / "document.docx"
        if isinstance(source, bytes):
            docx_path.write_bytes(source)
        else:
            shutil.copyfile(source, docx_path)
        command = [
            soffice,
            f"-env:UserInstallation={(work_dir / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            # Keep the blank page a section starting on an even page adds (before the 版记):
            # printed on both sides, it puts the 版记 on the back of the last sheet.
            'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}',
            "--outdir",
            str(work_dir),
            str(docx_path),
        ]
        env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
        try:
            result = subprocess.run(command, capture_output=True, env=env, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as error:
            raise PdfError(f"LibreOffice 转换 PDF 超时（{timeout:g} 秒）") from error
        pdf_path = work_dir / "document.pdf"
        if result.returncode != 0 or not pdf_path.exists():
            detail = (result.stderr or result.stdout).decode(errors="replace").strip()
            raise PdfError(f"LibreOffice 转换 PDF 失败（退出码 {result.returncode}）：{detail}")
        return pdf_path.read_bytes()
