"""The ranking 通报: the document, the .docx with its table and chart, the download and the command."""

import io
import zipfile
from decimal import Decimal as D

import docx
import pytest
from django.urls import reverse

from tests.assessment.factories import make_scheme
from zhenwu.assessment import services
from zhenwu.assessment.bulletin import build_bulletin
from zhenwu.assessment.models import RuleType
from zhenwu.assessment.periods import Period
from zhenwu.cli import main
from zhenwu.documents import Chart, Signature, Table

Q1 = Period(2026, "quarter", 1)


@pytest.fixture
def published(world):
    scheme = make_scheme(
        world,
        world.county,
        assessed=[world.town_a, world.town_b],
        criteria=[
            ("项目开工率", D(40), RuleType.PROJECT_START_RATE, {}),
            ("暗访检查", D(60), RuleType.MANUAL, {"mode": "deduction"}),
        ],
        name="青溪县美丽城镇建设季度考核",
        slug="county-q",
        first_year=2026,
        issuer="青溪县美丽城镇办",
    )
    services.enter_manual_score(
        scheme.criteria.get(name="暗访检查"), world.town_b, Q1, D(6), "暗访发现河道垃圾", world.county_admin
    )
    return services.publish(services.compute_draft(scheme, Q1), world.county_admin)


def text_of(document):
    return "\n".join(getattr(block, "text", "") for block in document.blocks)


def test_the_bulletin_opens_ranks_charts_names_and_is_signed(published):
    document = build_bulletin(published)
    assert document.title == "关于青溪县2026年一季度美丽城镇建设考核结果的通报"  # no “季度…季度”
    text = text_of(document)
    assert "青溪县对2个乡镇（街道）2026年一季度工作进行了考核，考核结果为：优秀2个" in text
    assert "青山镇以100.00分位列第1名" in text
    assert "白沙镇得94.00分，位列第2名（首次排名）。主要失分：暗访检查失6.00分。" in text
    assert "暗访发现河道垃圾" not in text  # reasons stay with the issuer and the town
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert table.rows[0][:4] == [1, "青山镇", "100.00", "优秀"]
    chart = next(block for block in document.blocks if isinstance(block, Chart))
    assert chart.kind == "column" and chart.categories == ["青山镇", "白沙镇"]
    signature = document.blocks[-1]
    assert isinstance(signature, Signature) and signature.org == "青溪县美丽城镇办"


def test_a_draft_says_so_in_its_title(world, published):
    result = services.compute_draft(published.scheme, Period(2026, "quarter", 2))
    assert build_bulletin(result).title.endswith("结果的通报（草稿）")


def test_the_command_writes_a_docx_with_the_table_and_the_chart(published, tmp_path, capsys):
    out = tmp_path / "通报.docx"
    assert main(["report", "ranking", "--scheme", "county-q", "--period", "2026-Q1", "-o", str(out)]) == 0
    assert "已生成" in capsys.readouterr().out
    with zipfile.ZipFile(out) as package:
        assert [n for n in package.namelist() if n.startswith("word/charts/chart")]
    opened = docx.Document(str(out))
    assert opened.tables and opened.tables[-1].cell(1, 1).text == "青山镇"
    assert "考核排名" in "\n".join(p.text for p in opened.paragraphs)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scheme", "nope", "--period", "2026-Q1"], "没有代号为 nope 的考核方案"),
        (["--scheme", "county-q", "--period", "2026-03"], "按季度考核"),
        (["--scheme", "county-q", "--period", "2026-Q3"], "尚无考核结果"),
    ],
)
def test_the_command_names_what_is_wrong(published, tmp_path, capsys, args, message):
    with pytest.raises(SystemExit):
        main(["report", "ranking", *args, "-o", str(tmp_path / "x.docx")])
    assert message in capsys.readouterr().err


def test_the_result_page_offers_the_download(client, world, published):
    client.force_login(world.county_admin)
    link = reverse("assessment:bulletin", args=["county-q", "2026-Q1"])
    assert link in client.get(reverse("assessment:result", args=["county-q", "2026-Q1"])).content.decode()
    response = client.get(link)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]


def test_the_title_says_area_period_and_assessment_once_each():
    from zhenwu.assessment.bulletin import bulletin_title

    title = bulletin_title("青溪县美丽城镇建设季度考核", "青溪县", "2026年三季度")
    assert title == "关于青溪县2026年三季度美丽城镇建设考核结果的通报"
    assert bulletin_title("青溪县美丽城镇建设月度考核", "青溪县", "2026年3月").count("月") == 1


def paragraphs_of(response) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)


def test_the_demos_ranking_bulletin_says_how_far_the_towns_are_with_the_seven_items(db, client):
    from django.contrib.auth import get_user_model

    from zhenwu import demo
    from zhenwu.assessment.models import Result, ResultStatus

    demo.load()
    result = Result.objects.filter(scheme__slug="demo-quarterly", status=ResultStatus.PUBLISHED).latest(
        "period"
    )
    client.force_login(get_user_model().objects.get(username="qx_admin"))
    text = paragraphs_of(client.get(reverse("assessment:bulletin", args=["demo-quarterly", result.period])))
    assert "美丽城镇“七个一”建设，全县已全部完成的有" in text
    assert "青山镇（缺1项）、白沙镇（缺2项）" in text
    departments = Result.objects.get(scheme__slug="demo-departments", status=ResultStatus.PUBLISHED)
    response = client.get(reverse("assessment:bulletin", args=["demo-departments", departments.period]))
    assert "七个一" not in paragraphs_of(response)  # departments are not checked against the towns' standard


def test_a_county_without_a_checklist_standard_gets_no_such_paragraph(client, world, published):
    client.force_login(world.county_admin)
    text = paragraphs_of(client.get(reverse("assessment:bulletin", args=["county-q", "2026-Q1"])))
    assert "白沙镇得94.00分" in text
    assert "全部完成" not in text and "清单项" not in text


def test_a_published_bulletin_quotes_the_standard_as_it_stood_when_published(client, world, published):
    from zhenwu.ledger.models import Catalogue, CatalogueKind, ChecklistItem, ChecklistMark, MarkStatus

    catalogue = Catalogue.objects.create(
        name="“六通一平”", kind=CatalogueKind.STANDARD, issued_by=world.county
    )
    item = ChecklistItem.objects.create(catalogue=catalogue, text="通水", order=1)
    ChecklistMark.objects.create(item=item, area=world.town_a, status=MarkStatus.ACCEPTED)
    client.force_login(world.county_admin)
    link = reverse("assessment:bulletin", args=["county-q", "2026-Q2"])
    services.publish(services.compute_draft(published.scheme, Period(2026, "quarter", 2)), world.county_admin)
    said = "“六通一平”建设，全县已全部完成的有青山镇1个；尚未全部完成的有白沙镇（缺1项）1个，共缺1项。"
    assert said in paragraphs_of(client.get(link))
    ChecklistMark.objects.create(item=item, area=world.town_b, status=MarkStatus.ACCEPTED)
    assert said in paragraphs_of(client.get(link))  # published: frozen until a new version is published
