"""Checking uploaded photos with Pillow and making their thumbnails (shared by projects and inspections).

A photo is accepted only when Pillow can decode all of it, it is JPEG, PNG or WebP, and it
is no larger than ``MAX_PHOTO_BYTES``; every refusal says why in Chinese. Nothing is
written while checking.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTOS = 9
MAX_PIXELS = 50_000_000  # a 50-megapixel phone photo; beyond that it is a decompression bomb
THUMBNAIL_SIZE = (480, 480)
FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"), "WEBP": ("image/webp", ".webp")}


@dataclass(frozen=True)
class CheckedPhoto:
    """An upload that passed the checks, with what was learned about it."""

    upload: object  # the UploadedFile
    content_type: str
    extension: str
    width: int
    height: int


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def check_photo(upload) -> CheckedPhoto:
    """Check one uploaded file; raise ValidationError with a Chinese message when it is not a usable photo."""
    name = getattr(upload, "name", "") or "照片"
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            f"照片“{name}”有 {_megabytes(upload.size)}，超过 {_megabytes(MAX_PHOTO_BYTES)} 的上限，请压缩后再上传。",
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(f"文件“{name}”是空的，请重新拍照上传。", code="empty")
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ValidationError(
                        f"照片“{name}”像素过大（{width}×{height}），请缩小后再上传。", code="too_many_pixels"
                    )
                if image_format not in FORMATS:
                    raise ValidationError(
                        f"照片“{name}”是 {image_format} 格式，只接受 JPEG、PNG、WebP 格式的照片。",
                        code="format",
                    )
                image.load()  # decode every byte: a truncated or corrupt file fails here
    except ValidationError:
        raise
    except UnidentifiedImageError as error:
        raise ValidationError(
            f"文件“{name}”不是图片，请选择 JPEG、PNG 或 WebP 格式的照片。", code="not_image"
        ) from error
    except (
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        raise ValidationError(
            f"照片“{name}”已损坏或不完整，无法打开，请重新拍照上传。", code="corrupt"
        ) from error
    finally:
        upload.seek(0)
    content_type, extension = FORMATS[image_format]
    return CheckedPhoto(upload, content_type, extension, width, height)


def check_photos(uploads: list, *, required: bool = False) -> list[CheckedPhoto]:
    """Check every upload of a form; all errors are collected so the user sees them at once."""
    if required and not uploads:
        raise ValidationError("请至少上传一张照片。", code="required")
    if len(uploads) > MAX_PHOTOS:
        raise ValidationError(
            f"一次最多上传 {MAX_PHOTOS} 张照片，您选择了 {len(uploads)} 张。", code="too_many"
        )
    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append(check_photo(upload))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return checked


class PhotoInput(forms.ClearableFileInput):
    """A file input that opens the phone's camera and accepts several photos."""

    allow_multiple_selected = True

    def __init__(self, attrs=None):
        super().__init__({"accept": "image/*", "capture": "environment", **(attrs or {})})


class PhotosField(forms.FileField):
    """Several photos, each checked with Pillow; the cleaned value is a list of CheckedPhoto."""

    widget = PhotoInput

    def __init__(self, *, required_photo: bool = True, **kwargs):
        self.required_photo = required_photo
        kwargs.setdefault("required", False)  # the photo check gives the clearer message
        kwargs.setdefault("help_text", f"可拍照或从相册选择，最多 {MAX_PHOTOS} 张，每张不超过 10 MB")
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        return check_photos(uploads, required=self.required_photo)


def thumbnail(upload) -> ContentFile:
    """A JPEG thumbnail of a checked upload, turned upright as the phone held it."""
    upload.seek(0)
    with Image.open(upload) as image:
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail(THUMBNAIL_SIZE)
        if upright.mode not in ("RGB", "L"):
            background = Image.new("RGB", upright.size, "white")
            rgba = upright.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            upright = background
        out = io.BytesIO()
        upright.save(out, "JPEG", quality=80, optimize=True)
    upload.seek(0)
    return ContentFile(out.getvalue(), name="thumb.jpg")


def photo_response(photo, field: str, filename: str):
    """Stream a stored photo (``field`` "image" or "thumbnail") that the caller has already checked the user may see.

    Photos never get a public /media/ URL: each app serves them from a view that fetched the
    photo through its access helpers, then hands it here.
    """
    from django.http import FileResponse, Http404

    stored = getattr(photo, field) or photo.image
    try:
        handle = stored.open("rb")
    except FileNotFoundError as error:
        raise Http404("照片文件不存在") from error
    content_type = "image/jpeg" if field == "thumbnail" and photo.thumbnail else photo.content_type
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "private, max-age=86400"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
