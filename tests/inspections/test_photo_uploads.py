"""Uploads that are not usable photos are refused with a clear Chinese message, and nothing is written."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.inspections.conftest import stored_files
from tests.inspections.factories import category, jpeg_bytes
from zhenwu import photos
from zhenwu.inspections.models import Finding, FindingPhoto


def upload(data: bytes, name="IMG_2001.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_finding(client, world, file):
    return client.post(
        reverse("inspections:new_finding"),
        {
            "photos": file,
            "category": category().pk,
            "area": world.village_a1.pk,
            "location": "东山村村口",
            "description": "违规搭建",
            "severity": "general",
        },
    )


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"%PDF-1.4 not a photo", "scan.pdf", "不是图片"),
        (jpeg_bytes(fmt="GIF"), "anim.gif", "GIF 格式，只接受 JPEG、PNG、WebP"),
        (jpeg_bytes((400, 300))[:300], "cut.jpg", "已损坏或不完整"),
        (b"", "empty.jpg", "是空的"),
    ],
    ids=["not-an-image", "wrong-type", "corrupt", "empty"],
)
def test_the_phone_form_refuses_unusable_files_and_writes_nothing(
    client, world, media, county_inspector, data, name, message
):
    client.force_login(county_inspector)
    response = post_finding(client, world, upload(data, name))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Finding.objects.exists() and not FindingPhoto.objects.exists()
    assert stored_files(media) == []


def test_an_oversized_photo_is_refused_with_its_size(
    client, world, media, county_inspector, settings, monkeypatch
):
    monkeypatch.setattr(photos, "MAX_PHOTO_BYTES", 1000)
    client.force_login(county_inspector)
    response = post_finding(client, world, upload(jpeg_bytes((300, 300), (10, 200, 90)) + b"\0" * 2000))
    assert "超过 0.0 MB 的上限" in response.content.decode()
    assert stored_files(media) == [] and not Finding.objects.exists()


def test_the_real_limit_is_ten_megabytes():
    big = SimpleUploadedFile("big.jpg", b"\xff" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError) as error:
        photos.check_photo(big)
    assert error.value.messages == ["照片“big.jpg”有 10.0 MB，超过 10.0 MB 的上限，请压缩后再上传。"]


def test_a_finding_without_a_photo_is_refused(client, world, media, county_inspector):
    client.force_login(county_inspector)
    response = post_finding(client, world, "")
    assert "请至少上传一张照片" in response.content.decode()
    assert not Finding.objects.exists()


def test_a_good_photo_is_stored_with_a_thumbnail_and_served_only_through_the_view(
    client, world, media, county_inspector
):
    client.force_login(county_inspector)
    response = post_finding(client, world, upload(jpeg_bytes((1200, 900)), "IMG_2002.jpg"))
    finding = Finding.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "inspections:finding", args=[finding.pk]
    )
    photo = finding.photos.get()
    assert (photo.width, photo.height, photo.content_type) == (1200, 900, "image/jpeg")
    assert len(stored_files(media)) == 2
    thumbnail = client.get(reverse("inspections:photo_thumbnail", args=[photo.pk]))
    assert thumbnail["Content-Type"] == "image/jpeg"
    from io import BytesIO

    from PIL import Image

    assert Image.open(BytesIO(b"".join(thumbnail.streaming_content))).size == (480, 360)
    assert "private" in thumbnail["Cache-Control"]


def test_png_and_webp_are_accepted():
    assert photos.check_photo(upload(jpeg_bytes(fmt="PNG"), "a.png")).content_type == "image/png"
    assert photos.check_photo(upload(jpeg_bytes(fmt="WEBP"), "a.webp")).extension == ".webp"
