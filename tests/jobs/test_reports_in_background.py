"""Reports of large areas made by the worker: queued from the page, downloaded from 我的任务."""

from __future__ import annotations

import io

import docx
import openpyxl
import pdfplumber
import pytest
from django.urls import reverse

from tests.documents.test_rendering import libreoffice  # noqa: F401 - fails when LibreOffice is missing
from zhenwu.jobs.models import Job, JobStatus
from zhenwu.jobs.worker import drain

pytestmark = pytest.mark.django_db


def run(response) -> Job:
    """The job the response queued, after a worker has run it."""
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:detail", kwargs={"pk": job.pk})
    drain()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return job


def run_and_download(client, response) -> tuple[Job, bytes]:
    job = run(response)
    download = client.get(reverse("jobs:download", kwargs={"pk": job.pk}))
    return job, b"".join(download.streaming_content)


def test_the_projects_monthly_report_is_made_in_the_background(client, world):
    from tests.projects.factories import make_project

    make_project(world, world.town_a)
    client.force_login(world.county_admin)
    url = reverse("projects:background", kwargs={"code": world.county.code, "kind": "report"})
    job, data = run_and_download(client, client.post(url, {"month": "2026-03"}))
    assert job.title == "青溪县2026年3月重点项目月度图文报告"
    assert job.result_name.endswith(".docx")
    assert "重点项目" in "".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_the_projects_ledger_export_is_made_in_the_background(client, world):
    from tests.projects.factories import make_project

    project = make_project(world, world.town_a)
    client.force_login(world.county_admin)
    url = reverse("projects:background", kwargs={"code": world.county.code, "kind": "export"})
    _, data = run_and_download(client, client.post(url, {"month": "2026-03"}))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert project.name in [cell.value for row in sheet.iter_rows() for cell in row]


def test_an_unknown_background_kind_is_not_found(client, world):
    client.force_login(world.county_admin)
    url = reverse("projects:background", kwargs={"code": world.county.code, "kind": "everything"})
    assert client.post(url).status_code == 404


def test_the_inspections_bulletin_is_made_in_the_background(client, world):
    client.force_login(world.county_admin)
    url = reverse("inspections:bulletin_job", kwargs={"code": world.county.code, "year": 2026, "month": 3})
    job, data = run_and_download(client, client.post(url))
    assert job.result_name == "青溪县2026年3月督查整改情况通报.docx"
    assert docx.Document(io.BytesIO(data)).paragraphs


def test_a_background_bulletin_downloads_as_pdf_too(client, world, libreoffice):  # noqa: F811
    client.force_login(world.county_admin)
    url = reverse("inspections:bulletin_job", kwargs={"code": world.county.code, "year": 2026, "month": 3})
    job = run(client.post(url))
    pdf_url = reverse("jobs:download_pdf", kwargs={"pk": job.pk})
    assert f'href="{pdf_url}"' in client.get(reverse("jobs:detail", kwargs={"pk": job.pk})).content.decode()
    assert f'href="{pdf_url}"' in client.get(reverse("jobs:index")).content.decode()
    response = client.get(pdf_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert ".pdf" in response["Content-Disposition"]
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages).replace(" ", "").replace("\n", "")
    assert "关于2026年3月督查整改情况的通报" in text and "青溪县督查整改工作办公室" in text


def test_a_background_bulletins_pdf_without_libreoffice_says_why(client, world, monkeypatch):
    monkeypatch.setattr("zhenwu.documents.pdf.find_soffice", lambda: None)
    client.force_login(world.county_admin)
    url = reverse("inspections:bulletin_job", kwargs={"code": world.county.code, "year": 2026, "month": 3})
    job = run(client.post(url))
    assert "下载PDF" not in client.get(reverse("jobs:detail", kwargs={"pk": job.pk})).content.decode()
    response = client.get(reverse("jobs:download_pdf", kwargs={"pk": job.pk}))
    assert response.status_code == 503
    assert "本服务器没有安装 LibreOffice" in response.content.decode()


def test_a_spreadsheet_result_has_no_pdf(client, world):
    from tests.projects.factories import make_project

    make_project(world, world.town_a)
    client.force_login(world.county_admin)
    url = reverse("projects:background", kwargs={"code": world.county.code, "kind": "export"})
    job = run(client.post(url, {"month": "2026-03"}))
    assert "下载PDF" not in client.get(reverse("jobs:detail", kwargs={"pk": job.pk})).content.decode()
    assert client.get(reverse("jobs:download_pdf", kwargs={"pk": job.pk})).status_code == 404


def test_the_ranking_bulletin_is_made_in_the_background(client, world):
    from tests.assessment import factories as f

    kwargs = {"slug": f.make_result(world, world.county).scheme.slug, "period": f.PERIOD.key}
    client.force_login(world.county_admin)
    job, data = run_and_download(client, client.post(reverse("assessment:bulletin_job", kwargs=kwargs)))
    assert job.result_name.endswith("考核排名通报.docx")
    assert docx.Document(io.BytesIO(data)).paragraphs


def test_a_large_ledger_is_imported_in_the_background_once(client, world, settings):
    from tests.projects.test_excel import as_bytes, exported
    from zhenwu.projects.excel import SHEET
    from zhenwu.projects.models import Project

    workbook = exported(world)
    workbook[SHEET].append(
        [None, "S274青山段改建工程", "东山村", "基础设施", "市重点", "改建", "县交投集团", 26000, 5000]
    )
    upload = io.BytesIO(as_bytes(workbook))
    upload.name = "台账.xlsx"
    client.force_login(world.county_admin)
    job = run(client.post(reverse("projects:import"), {"file": upload, "background": "1"}))
    assert job.message == "已导入：新增项目 1 个，修改 0 个，记录月度进展 0 条。"
    assert Project.objects.filter(name="S274青山段改建工程").count() == 1
    assert not list((settings.JOBS_RESULT_DIR / "uploads").iterdir())  # the upload is not kept


def test_a_background_import_with_errors_names_them_and_loads_nothing(client, world):
    from tests.projects.test_excel import as_bytes, exported
    from zhenwu.projects.excel import SHEET
    from zhenwu.projects.models import Project

    workbook = exported(world)
    workbook[SHEET].append([None, "新项目", "青山镇", "工业", None, None, None, "很多"])
    upload = io.BytesIO(as_bytes(workbook))
    upload.name = "台账.xlsx"
    client.force_login(world.county_admin)
    client.post(reverse("projects:import"), {"file": upload, "background": "1"})
    drain()
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.error.startswith("未导入：发现 1 处问题。") and "“很多”不是数字" in job.error
    assert not Project.objects.filter(name="新项目").exists()
