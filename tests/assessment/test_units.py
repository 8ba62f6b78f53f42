"""Assessed units: a town ranks its villages (村干部百分考核), a county its departments — set up, scored,
previewed, published and written up in a 通报 on the same pages as the towns' ranking."""

import datetime
import io
import re
from decimal import Decimal as D

import docx
import pytest
from django.urls import reverse

from tests.inspections.factories import make_finding
from tests.issuing.factories import make_settings
from tests.ledger import factories as ledger
from zhenwu.areas.models import Department
from zhenwu.assessment.models import ManualScore, Result, ResultRow, ResultStatus, Scheme, UnitKind
from zhenwu.assessment.periods import Period

Q2 = Period(2025, "quarter", 2)


def setup_url(name, area, **kwargs):
    return reverse(f"assessment:{name}", kwargs={"code": area.code, **kwargs})


def url(name, scheme, period=Q2):
    return reverse(f"assessment:{name}", kwargs={"slug": scheme.slug, "period": period.key})


def scheme_form(**fields):
    return {
        "period_type": "quarter",
        "first_year": "2025",
        "last_year": "",
        "grades": "优秀 90、良好 80、达标 60、不达标 0",
        "issuer": "",
        "requirements": "",
        **fields,
    }


def add_criteria(client, area, scheme, items):
    for item in items:
        response = client.post(setup_url("setup_criterion_add", area, slug=scheme.slug), item)
        assert response.status_code == 302, response.content.decode()


def score(client, scheme, criterion, unit, points, reason):
    criterion = scheme.criteria.get(name=criterion)
    data = {"criterion": criterion.pk, "area": unit.pk, "points": points, "reason": reason}
    return client.post(url("manual", scheme), data)


def opened(response):
    return docx.Document(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )


def ranking_table(document):
    table = document.tables[-1]
    return [[cell.text for cell in row.cells][:4] for row in table.rows]


def unit_choices(page):
    """The names offered in the manual score form's 考核对象 list."""
    select = re.search(r'<select name="area"[^>]*>(.*?)</select>', page, re.S)[1]
    return re.findall(r"<option[^>]*>([^<]+)</option>", select)


def ranked(page):
    """The names in the preview's ranking table, top first."""
    table = re.search(r'<table class="grid score-table">(.*?)</table>', page, re.S)[1]
    return re.findall(r"<tr[^>]*><td>\d+</td><td>([^<]+)</td>", table)


def text_of(document):
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


# --- a town's 村干部百分考核 ---------------------------------------------------------------------------------


@pytest.fixture
def villages_scheme(client, world, town_a_admin):
    """青山镇's 管理员 sets up the villages' scheme: deductions, a capped bonus and a veto."""
    client.force_login(town_a_admin)
    page = client.get(setup_url("setup_schemes", world.town_a)).content.decode()
    assert "村（社区）" in page and "东山村" in page and "南塘村" not in page  # only its own villages
    data = scheme_form(
        name="青山镇村干部百分考核",
        slug="qs-villages",
        unit_kind="villages",
        assessed=[world.village_a1.pk, world.village_a2.pk],
    )
    response = client.post(setup_url("setup_schemes", world.town_a), data)
    scheme = Scheme.objects.get(slug="qs-villages")
    assert response["Location"] == setup_url("setup_scheme", world.town_a, slug=scheme.slug)
    assert scheme.area == world.town_a and scheme.unit_kind == UnitKind.VILLAGES
    add_criteria(
        client,
        world.town_a,
        scheme,
        [
            {"name": "村级工作实绩", "weight": "100", "rule": "manual", "mode": "deduction"},
            {"name": "争先创优加分", "weight": "0", "rule": "manual", "mode": "bonus", "cap": "3"},
            {"name": "信访稳定", "weight": "0", "rule": "veto"},
        ],
    )
    return scheme


def test_a_town_admin_runs_its_villages_scheme_from_scores_to_the_bulletin(
    client, world, town_a_admin, villages_scheme
):
    scheme = villages_scheme
    assert unit_choices(client.get(url("manual", scheme)).content.decode()) == ["东山村", "西岙村"]

    assert (
        score(client, scheme, "村级工作实绩", world.village_a1, "5", "人居环境整治台账不全").status_code
        == 302
    )
    score(client, scheme, "争先创优加分", world.village_a1, "2", "获评市级文明村")
    score(client, scheme, "争先创优加分", world.village_a1, "2", "承办全镇现场会")
    score(client, scheme, "村级工作实绩", world.village_a2, "1", "村务公开不及时")
    assert ManualScore.objects.filter(criterion__scheme=scheme).count() == 4

    preview = client.get(setup_url("setup_preview", world.town_a, slug=scheme.slug), {"period": Q2.key})
    page = preview.content.decode()
    assert ranked(page) == ["西岙村", "东山村"]  # 99 before 98 (95 + a bonus capped at 3)
    assert "98.00" in page and "99.00" in page and "封顶3分" in page
    assert not Result.objects.filter(scheme=scheme).exists()  # a preview saves nothing

    assert client.post(url("compute", scheme)).status_code == 302
    assert client.post(url("publish", scheme)).status_code == 302
    result = Result.objects.get(scheme=scheme)
    assert result.status == ResultStatus.PUBLISHED
    assert [(row.unit_name, row.rank, row.total) for row in result.rows.all()] == [
        ("西岙村", 1, D("99.00")),
        ("东山村", 2, D("98.00")),
    ]
    detail = result.rows.get(area=world.village_a1).details.get(criterion__name="争先创优加分")
    assert client.get(reverse("assessment:detail", args=[detail.pk])).status_code == 200
    assert (
        "加分合计4分，封顶3分，得3分"
        in client.get(reverse("assessment:detail", args=[detail.pk])).content.decode()
    )

    response = client.get(url("bulletin", scheme))
    assert response.status_code == 200
    document = opened(response)
    text = text_of(document)
    assert "关于青山镇2025年二季度村干部百分考核结果的通报" in text
    assert "青山镇对2个村（社区）2025年二季度工作进行了考核" in text
    assert "各村（社区）" in text  # the recipients
    assert ranking_table(document) == [
        ["名次", "村（社区）", "得分", "等次"],
        ["1", "西岙村", "99.00", "优秀"],
        ["2", "东山村", "98.00", "优秀"],
    ]


def test_a_veto_puts_a_village_last_whatever_its_score(client, world, villages_scheme):
    score(client, villages_scheme, "村级工作实绩", world.village_a1, "10", "整改不力")
    score(client, villages_scheme, "信访稳定", world.village_a2, "0", "发生越级集访")
    client.post(url("compute", villages_scheme))
    rows = list(ResultRow.objects.filter(result__scheme=villages_scheme))
    assert [(row.unit_name, row.rank, row.grade) for row in rows] == [
        ("东山村", 1, "优秀"),
        ("西岙村", 2, "不达标"),
    ]


def test_the_villages_bulletin_is_issued_with_the_towns_number(client, world, town_a_admin, villages_scheme):
    score(client, villages_scheme, "村级工作实绩", world.village_a1, "5", "台账不全")
    client.post(url("compute", villages_scheme))
    client.post(url("publish", villages_scheme))
    settings = make_settings(world, world.town_a, next_number=7, recipient="各村（社区）")
    response = client.post(
        reverse("issuing:issue", args=["ranking"]),
        {"slug": villages_scheme.slug, "period": Q2.key, "office": settings.department.pk},
    )
    assert response.status_code == 200, response.content[:300]
    document = opened(response)
    assert "青山政〔" in text_of(document) or "青山政〔" in "".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert [row[1] for row in ranking_table(document)[1:]] == ["西岙村", "东山村"]


def test_a_town_admin_cannot_assess_another_towns_villages(client, world, town_a_admin):
    client.force_login(town_a_admin)
    data = scheme_form(name="越界考核", slug="qs-wrong", unit_kind="villages", assessed=[world.village_b1.pk])
    page = client.post(setup_url("setup_schemes", world.town_a), data).content.decode()
    assert "方案未新建" in page
    assert not Scheme.objects.filter(slug="qs-wrong").exists()


def test_a_villages_scheme_belongs_to_a_town(client, world):
    client.force_login(world.county_admin)
    data = scheme_form(
        name="县管村考核", slug="qx-villages", unit_kind="villages", assessed=[world.town_a.pk]
    )
    page = client.post(setup_url("setup_schemes", world.county), data).content.decode()
    assert "村（社区）考核由乡镇（街道）发布" in page
    assert not Scheme.objects.filter(slug="qx-villages").exists()


def test_outsiders_never_reach_a_towns_villages_scheme(client, world, town_b_admin, villages_scheme):
    client.force_login(town_b_admin)
    assert client.get(setup_url("setup_schemes", world.town_a)).status_code == 404
    assert client.get(setup_url("setup_scheme", world.town_a, slug=villages_scheme.slug)).status_code == 404
    assert client.get(url("manual", villages_scheme)).status_code == 404
    assert client.get(url("result", villages_scheme)).status_code == 404
    criterion = villages_scheme.criteria.get(name="村级工作实绩")
    response = client.post(
        url("manual", villages_scheme),
        {"criterion": criterion.pk, "area": world.village_a1.pk, "points": "9", "reason": "x"},
    )
    assert response.status_code == 404
    assert not ManualScore.objects.exists()


def test_a_village_clerk_sees_the_published_ranking_but_may_not_score(client, world, villages_scheme):
    from tests.conftest import make_user
    from zhenwu.areas.models import Role

    score(client, villages_scheme, "村级工作实绩", world.village_a1, "5", "台账不全")
    client.post(url("compute", villages_scheme))
    client.post(url("publish", villages_scheme))
    clerk = make_user("village_clerk", world.village_a1, Role.CLERK)
    client.force_login(clerk)
    page = client.get(url("result", villages_scheme)).content.decode()
    assert "东山村" in page and "西岙村" in page
    assert client.get(url("manual", villages_scheme)).status_code == 403


# --- a county's departments -----------------------------------------------------------------------------


@pytest.fixture
def departments(world):
    names = ["县住房和城乡建设局", "县自然资源和规划局", "县交通运输局"]
    return [Department.objects.create(area=world.county, name=name) for name in names]


@pytest.fixture
def departments_scheme(client, world, departments):
    client.force_login(world.county_admin)
    page = client.get(setup_url("setup_schemes", world.county)).content.decode()
    assert "县交通运输局" in page and "党政综合办公室" not in page  # the county's own departments only
    data = scheme_form(
        name="县直部门服务美丽城镇建设考核",
        slug="qx-departments",
        unit_kind="departments",
        assessed_departments=[d.pk for d in departments],
    )
    assert client.post(setup_url("setup_schemes", world.county), data).status_code == 302
    scheme = Scheme.objects.get(slug="qx-departments")
    add_criteria(
        client,
        world.county,
        scheme,
        [
            {"name": "服务镇街满意度", "weight": "70", "rule": "manual", "mode": "score"},
            {"name": "督查问题整改销号率", "weight": "30", "rule": "inspection_closure"},
            {"name": "创新工作加分", "weight": "0", "rule": "manual", "mode": "bonus", "cap": "2"},
        ],
    )
    return scheme


def test_a_county_admin_ranks_its_departments_and_writes_the_bulletin(
    client, world, departments, departments_scheme
):
    scheme = departments_scheme
    housing, land, transport = departments
    assert unit_choices(client.get(url("manual", scheme)).content.decode()) == [d.name for d in departments]

    score(client, scheme, "服务镇街满意度", housing, "62", "镇街测评")
    score(client, scheme, "服务镇街满意度", land, "68", "镇街测评")
    score(client, scheme, "服务镇街满意度", transport, "65", "镇街测评")
    score(client, scheme, "创新工作加分", transport, "5", "“四好农村路”获省级表彰")
    # 县住建局 answers for a finding found in the quarter and still open at its end: 0 of 1 closed
    make_finding(world, world.town_a, department=housing, found_on=datetime.date(2025, 5, 10))

    page = client.get(setup_url("setup_preview", world.county, slug=scheme.slug), {"period": Q2.key})
    page = page.content.decode()
    assert ranked(page) == ["县自然资源和规划局", "县交通运输局", "县住房和城乡建设局"]

    client.post(url("compute", scheme))
    client.post(url("publish", scheme))
    result = Result.objects.get(scheme=scheme, status=ResultStatus.PUBLISHED)
    assert [(row.unit_name, row.total) for row in result.rows.all()] == [
        ("县自然资源和规划局", D("98.00")),
        ("县交通运输局", D("97.00")),  # 65 + 30 + a bonus capped at 2
        ("县住房和城乡建设局", D("62.00")),  # its finding is still open: 0 of 30
    ]
    assert all(row.area is None and row.department is not None for row in result.rows.all())
    page = client.get(url("result", scheme)).content.decode()
    assert all(d.name in page for d in departments) and "62.00" in page
    history = client.get(reverse("assessment:history", args=[scheme.slug])).content.decode()
    assert "县自然资源和规划局" in history and "第1名（98.00）" in history and "第3名（62.00）" in history

    document = opened(client.get(url("bulletin", scheme)))
    text = text_of(document)
    assert "关于2025年二季度县直部门服务美丽城镇建设考核结果的通报" in text
    assert "青溪县对3个部门2025年二季度工作进行了考核" in text
    assert ranking_table(document) == [
        ["名次", "部门（单位）", "得分", "等次"],
        ["1", "县自然资源和规划局", "98.00", "优秀"],
        ["2", "县交通运输局", "97.00", "优秀"],
        ["3", "县住房和城乡建设局", "62.00", "达标"],
    ]
    assert "各部门要对照考核结果" in text


def test_a_departments_scheme_refuses_ledger_criteria(client, world, departments_scheme):
    ledger.indicator("GDTZ")
    response = client.post(
        setup_url("setup_criterion_add", world.county, slug=departments_scheme.slug),
        {"name": "固定资产投资", "weight": "10", "rule": "indicator_completion", "indicator": "GDTZ"},
    )
    assert "部门没有指标台账数据" in response.content.decode()
    assert not departments_scheme.criteria.filter(name="固定资产投资").exists()


def test_a_departments_scheme_takes_only_the_issuers_departments(client, world, departments):
    client.force_login(world.county_admin)
    data = scheme_form(
        name="部门考核", slug="qx-dep", unit_kind="departments", assessed_departments=[world.department_a.pk]
    )
    page = client.post(setup_url("setup_schemes", world.county), data).content.decode()
    assert "方案未新建" in page and not Scheme.objects.filter(slug="qx-dep").exists()


def test_towns_may_see_the_departments_ranking_but_not_score_it(
    client, world, departments, departments_scheme
):
    client.force_login(world.town_a_clerk)
    assert client.get(url("manual", departments_scheme)).status_code == 403
    client.force_login(world.town_b_clerk)
    response = client.post(
        url("manual", departments_scheme),
        {
            "criterion": departments_scheme.criteria.get(name="服务镇街满意度").pk,
            "area": departments[0].pk,
            "points": "70",
            "reason": "x",
        },
    )
    assert response.status_code == 403
    assert not ManualScore.objects.exists()


def test_a_schemes_kind_stays_once_it_has_scores(client, world, departments, departments_scheme):
    score(client, departments_scheme, "服务镇街满意度", departments[0], "60", "测评")
    data = scheme_form(
        name=departments_scheme.name, unit_kind="towns", assessed=[world.town_a.pk, world.town_b.pk]
    )
    page = client.post(setup_url("setup_scheme", world.county, slug=departments_scheme.slug), data)
    assert "不能改变考核对象类型" in page.content.decode()
    departments_scheme.refresh_from_db()
    assert departments_scheme.unit_kind == UnitKind.DEPARTMENTS
