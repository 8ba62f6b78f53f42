"""Photos: size them into the type area and shrink only what is needlessly large.

Re-encoding costs time and quality, so a JPEG or PNG is kept byte for byte unless it is
longer than :data:`MAX_PIXELS` on a side or its EXIF says it is rotated (phone photos).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps

from zhenwu.documents.ooxml import TYPE_AREA_MM

MAX_PIXELS = 1600  # 156 mm at ~260 dpi: sharp in print, small in the file
MAX_HEIGHT_MM = 150  # leaves room on the page for the caption and some text
_ORIENTATION = 0x0112


@dataclass
class PreparedImage:
    data: bytes
    width_px: int
    height_px: int


class ImageError(ValueError):
    """The photo cannot be read as JPEG or PNG."""


def prepare(data: bytes) -> PreparedImage:
    """Return the photo ready for embedding, downscaled or rotated only when needed."""
    try:
        image = Image.open(io.BytesIO(data))
        fmt = image.format
    except (OSError, SyntaxError) as error:
        raise ImageError(f"无法读取图片：{error}") from error
    if fmt not in ("JPEG", "PNG"):
        raise ImageError(f"图片格式 {fmt} 不受支持：请使用 JPEG 或 PNG")
    rotated = fmt == "JPEG" and image.getexif().get(_ORIENTATION, 1) != 1
    if max(image.size) <= MAX_PIXELS and not rotated:
        return PreparedImage(data, *image.size)
    if fmt == "JPEG":  # decode at a reduced scale straight from the DCT: several times faster
        ratio = MAX_PIXELS / max(image.size)
        image.draft("RGB", (round(image.width * ratio), round(image.height * ratio)))
    image = ImageOps.exif_transpose(image)
    image.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=False)
    else:
        image.save(out, "PNG", compress_level=3)
    return PreparedImage(out.getvalue(), *image.size)


def fit_mm(width_px: int, height_px: int, max_width_mm: float, max_height_mm: float) -> tuple[float, float]:
    """Width and height on the page fitting a box, aspect kept.

    >>> fit_mm(1600, 1200, 74, 55.5), fit_mm(900, 1600, 74, 55.5)
    ((74.0, 55.5), (31.22, 55.5))
    """
    width = float(max_width_mm)
    height = width * height_px / width_px
    if height > max_height_mm:
        width, height = width * max_height_mm / height, float(max_height_mm)
    return round(width, 2), round(height, 2)


def display_size_mm(width_px: int, height_px: int, width_mm: float | None = None) -> tuple[float, float]:
    """Width and height on the page: as wide as asked (at most the type area), aspect kept.

    >>> display_size_mm(1600, 1200)
    (156.0, 117.0)
    >>> display_size_mm(600, 1200)
    (75.0, 150.0)
    """
    width = float(min(width_mm or TYPE_AREA_MM, TYPE_AREA_MM))
    height = width * height_px / width_px
    if height > MAX_HEIGHT_MM:
        width, height = width * MAX_HEIGHT_MM / height, float(MAX_HEIGHT_MM)
    return round(width, 2), round(height, 2)
