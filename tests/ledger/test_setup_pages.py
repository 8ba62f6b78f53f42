"""设置 · 指标与目录: the county's 管理员 defines indicators and issues catalogues, every change kept."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from tests.conftest import make_user
from tests.ledger import factories as f
from zhenwu.areas.models import Role, SettingChange
from zhenwu.ledger.models import Catalogue, CatalogueEntry, CatalogueKind, Indicator, ReportedValue


def url(name, world, area=None, **kwargs):
    return reverse(f"ledger:{name}", kwargs={"code": (area or world.county).code, **kwargs})


NEW_INDICATOR = {
    "code": "wsgl",
    "name": "污水管网建设长度",
    "unit": "公里",
    "decimals": "1",
    "direction": "higher",
    "kind": "cumulative",
    "aggregation": "sum",
    "theme": "town",
    "frequency": "monthly",
    "aliases": "污水管网、管网长度",
}


def test_the_county_admin_adds_an_indicator_and_its_history_starts(client, world):
    client.force_login(world.county_admin)
    assert client.get(url("setup_indicators", world)).status_code == 200
    response = client.post(url("setup_indicators", world), NEW_INDICATOR)
    assert response.status_code == 302
    made = Indicator.objects.get(code="WSGL")
    assert (made.name, made.unit, made.decimals, made.alias_list) == (
        "污水管网建设长度",
        "公里",
        1,
        ["污水管网建设长度", "污水管网", "管网长度"],
    )
    change = SettingChange.objects.get(subject=f"indicator:{made.pk}")
    assert change.user == world.county_admin and change.area == world.county
    assert "计量单位：公里" in change.after and change.before == ""


def test_an_edit_keeps_before_and_after_of_the_fields_changed_only(client, world):
    indicator = f.indicator("GDTZ")
    client.force_login(world.county_admin)
    data = NEW_INDICATOR | {"name": "固定资产投资", "unit": "万元", "decimals": "2", "aliases": "固投"}
    response = client.post(url("setup_indicator", world, pk=indicator.pk), data)
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.unit == "万元" and indicator.code == "GDTZ"  # the code is never changed by the form
    change = SettingChange.objects.get(subject=f"indicator:{indicator.pk}")
    assert change.before.startswith("计量单位：亿元") and change.after.startswith("计量单位：万元")
    assert "指标名称" not in change.after
    page = client.get(url("setup_indicator", world, pk=indicator.pk)).content.decode()
    assert "计量单位：亿元" in page and "王建国" in page


def test_a_bad_indicator_is_refused_in_chinese_and_nothing_is_saved(client, world):
    f.indicator("GDTZ")
    client.force_login(world.county_admin)
    page = client.post(
        url("setup_indicators", world), NEW_INDICATOR | {"code": "GDTZ", "decimals": "9"}, follow=True
    ).content.decode()
    assert "指标未新增" in page and "小数位数" in page and "指标代码" in page
    ratio = client.post(url("setup_indicators", world), NEW_INDICATOR | {"aggregation": "ratio"}, follow=True)
    assert "需要先设定分子、分母指标" in ratio.content.decode()
    assert not Indicator.objects.filter(code="WSGL").exists() and not SettingChange.objects.exists()


def test_an_indicator_with_figures_is_retired_not_deleted_and_offered_no_more(client, world):
    f.make_value(world, world.town_a)
    indicator = f.indicator("GDTZ")
    client.force_login(world.county_admin)
    client.post(url("setup_indicator_active", world, pk=indicator.pk), {"active": "0"})
    indicator.refresh_from_db()
    assert not indicator.is_active
    assert ReportedValue.objects.filter(indicator=indicator).exists()
    catalogue = Catalogue.objects.create(
        name="考核", kind=CatalogueKind.ASSESSMENT, issued_by=world.county, year=2026
    )
    page = client.get(url("setup_catalogue", world, pk=catalogue.pk)).content.decode()
    assert f'value="{indicator.pk}"' not in page
    assert "状态：停用" in SettingChange.objects.get().after


def test_a_town_admin_may_not_change_shared_indicators(client, world, town_a_admin):
    client.force_login(town_a_admin)
    assert client.get(url("setup_indicators", world, area=world.town_a)).status_code == 403
    assert client.get(url("setup_indicators", world)).status_code == 404  # the county is above the town


def test_the_admin_copies_last_years_catalogue_adds_orders_and_removes(client, world):
    gdtz, gycz, lhfg = f.indicator("GDTZ"), f.indicator("GYCZ"), f.indicator("LHFG")
    last = Catalogue.objects.create(
        name="青溪县2026年度目标考核指标", kind=CatalogueKind.ASSESSMENT, issued_by=world.county, year=2026
    )
    CatalogueEntry.objects.create(catalogue=last, indicator=gdtz, weight=D(10))
    CatalogueEntry.objects.create(catalogue=last, indicator=gycz, weight=D(8))
    client.force_login(world.county_admin)

    response = client.post(url("setup_catalogue_copy", world), {"source": last.pk, "year": "2027"})
    copy = Catalogue.objects.get(year=2027)
    assert response["Location"] == url("setup_catalogue", world, pk=copy.pk)
    assert copy.name == "青溪县2027年度目标考核指标"
    assert [(e.indicator.code, e.weight) for e in copy.entries.all()] == [("GDTZ", D(10)), ("GYCZ", D(8))]

    client.post(url("setup_catalogue", world, pk=copy.pk), {"indicator": lhfg.pk, "weight": "5"})
    lhfg_entry = copy.entries.get(indicator=lhfg)
    client.post(url("setup_entry_move", world, pk=lhfg_entry.pk), {"direction": "up"})
    assert [e.indicator.code for e in copy.entries.all()] == ["GDTZ", "LHFG", "GYCZ"]
    client.post(url("setup_entry_remove", world, pk=copy.entries.get(indicator=gdtz).pk))
    assert [e.indicator.code for e in copy.entries.all()] == ["LHFG", "GYCZ"]
    assert last.entries.count() == 2  # last year's list is untouched

    page = client.get(reverse("ledger:catalogue", kwargs={"code": world.county.code, "year": 2027})).content
    assert "绿化覆盖率" in page.decode()
    history = [
        c.after or f"删除 {c.before}" for c in SettingChange.objects.filter(subject=f"catalogue:{copy.pk}")
    ]
    assert "删除 指标：固定资产投资；权重分：10" in history
    assert any("顺序" in text for text in history)


def test_a_creation_standard_keeps_its_thresholds_and_the_standards_page_checks_them(client, world):
    lhfg = f.indicator("LHFG")
    client.force_login(world.county_admin)
    client.post(url("setup_catalogues", world), {"name": "美丽城镇创建标准", "kind": "standard", "year": ""})
    standard = Catalogue.objects.get(kind=CatalogueKind.STANDARD)
    missing = client.post(url("setup_catalogue", world, pk=standard.pk), {"indicator": lhfg.pk}, follow=True)
    assert "达标要求：这个字段是必填项。" in missing.content.decode()
    client.post(url("setup_catalogue", world, pk=standard.pk), {"indicator": lhfg.pk, "threshold": "40"})
    entry = standard.entries.get()
    client.post(url("setup_entry_change", world, pk=entry.pk), {"threshold": "45"})
    entry.refresh_from_db()
    assert entry.threshold == D(45) and entry.requirement == "≥45 %"
    change = SettingChange.objects.filter(subject=f"catalogue:{standard.pk}").first()
    assert (change.before, change.after) == ("达标要求：≥40 %", "达标要求：≥45 %")
    page = client.get(reverse("ledger:standards", kwargs={"code": world.county.code})).content.decode()
    assert "美丽城镇创建标准" in page


def test_an_assessment_catalogue_needs_a_year(client, world):
    client.force_login(world.county_admin)
    page = client.post(
        url("setup_catalogues", world), {"name": "考核指标", "kind": "assessment", "year": ""}, follow=True
    ).content.decode()
    assert "年度目标考核指标须填写年度" in page and not Catalogue.objects.exists()


def test_a_reviewer_may_read_the_catalogue_page_but_not_its_setup(client, world):
    reviewer = make_user("county_reviewer", world.county, Role.REVIEWER)
    client.force_login(reviewer)
    assert client.get(url("setup_catalogues", world)).status_code == 403


@pytest.mark.parametrize("name", ["setup_indicators", "setup_catalogues"])
def test_the_pages_link_back_to_settings(client, world, name):
    client.force_login(world.county_admin)
    page = client.get(url(name, world)).content.decode()
    assert reverse("settings", kwargs={"code": world.county.code}) in page
