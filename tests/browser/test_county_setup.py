"""Issue 20's done-when: the county 管理员 sets up next year on the site's own pages, never /admin/.

Signed in as 青溪县's 管理员 of a demo-like world (indicators, this year's 考核指标 list, a past
quarter's figures), the admin adds an indicator, puts it in next year's catalogue, sets a target,
builds a scheme using it, previews the ranking on a past quarter, and opens a town clerk's account.
"""

from decimal import Decimal

import pytest
from django.utils import timezone

from tests.browser.conftest import sign_in
from tests.conftest import build_world
from tests.ledger import factories as f
from zhenwu.accounts import services as accounts
from zhenwu.areas.models import Membership, Role
from zhenwu.assessment.models import Result, Scheme
from zhenwu.assessment.periods import periods_of
from zhenwu.ledger.models import Catalogue, CatalogueEntry, CatalogueKind, Indicator, Target

pytestmark = pytest.mark.browser


def latest_quarter():
    today = timezone.localdate()
    ended = [p for year in (today.year - 1, today.year) for p in periods_of("quarter", year) if p.end < today]
    return ended[-1]


@pytest.fixture
def live_world(transactional_db):
    world = build_world()
    indicators = f.all_indicators()
    year = timezone.localdate().year
    catalogue = Catalogue.objects.create(
        name=f"青溪县{year}年度乡镇(街道)目标责任制考核指标",
        kind=CatalogueKind.ASSESSMENT,
        issued_by=world.county,
        year=year,
    )
    for order, indicator in enumerate(indicators[:3], start=1):
        CatalogueEntry.objects.create(
            catalogue=catalogue, indicator=indicator, weight=Decimal(10), order=order
        )
    quarter = latest_quarter()
    for town, value in ((world.town_a, "9"), (world.town_b, "3")):
        f.make_target(world, town, year=quarter.year, value="12")
        f.make_value(world, town, year=quarter.year, month=quarter.end_month, value=value)
    return world


def open_setting(page, tile: str) -> None:
    """From anywhere: the navigation's 设置, then one of its tiles."""
    page.locator("nav.sidenav").get_by_role("link", name="设置", exact=True).click()
    page.locator(f"a.tile:has(h2:text-is('{tile}'))").click()


def test_the_county_admin_sets_up_next_year_without_the_admin_site(page, live_server, live_world):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    year = timezone.localdate().year
    quarter = latest_quarter()
    sign_in(page, live_server, "county_admin")

    # an indicator
    open_setting(page, "指标")
    page.get_by_label("指标代码").fill("WSGL")
    page.get_by_label("指标名称").fill("污水管网建设长度")
    page.get_by_label("计量单位").fill("公里")
    page.get_by_label("小数位数").fill("1")
    page.get_by_label("领域").select_option(label="城镇建设")
    page.get_by_label("别名").fill("污水管网、管网长度")
    page.get_by_role("button", name="新增指标").click()
    page.locator("text=已新增指标“污水管网建设长度”").wait_for()

    # next year's catalogue: last year's copied, the new indicator added
    open_setting(page, "目录与创建标准")
    page.get_by_label("复制哪个目录").select_option(label=f"青溪县{year}年度乡镇(街道)目标责任制考核指标")
    page.get_by_label("新目录年度").fill(str(year + 1))
    page.get_by_role("button", name="复制为新目录").click()
    page.locator("text=共 3 项指标").wait_for()
    page.locator("#add select[name=indicator]").select_option(label="污水管网建设长度（公里）")
    page.locator("#add").get_by_label("权重分").fill("10")
    page.get_by_role("button", name="加入目录").click()
    page.locator("text=已将“污水管网建设长度”加入目录").wait_for()

    # a target for it, next year
    open_setting(page, "年度目标")
    issue = page.locator("form[action$='/new/']")
    issue.locator("select[name=indicator]").select_option(label="污水管网建设长度（公里）")
    issue.locator("input[name=value]").fill("25")
    page.get_by_role("button", name="下达", exact=True).click()
    page.locator(f"text=已下达{year + 1}年目标").wait_for()

    # a scheme using it
    open_setting(page, "考核方案")
    page.get_by_label("方案名称").fill(f"青溪县{year + 1}年度乡镇季度考核")
    page.get_by_label("代号").fill("qx-next")
    page.get_by_label("青山镇").check()
    page.get_by_label("白沙镇").check()
    page.get_by_label("起始年度").fill(str(year + 1))
    page.get_by_role("button", name="新建方案").click()
    page.locator("text=请添加考核项目").wait_for()
    add_criterion(page, "污水管网建设", "40", "污水管网建设长度（公里）")
    page.locator("summary", has_text="添加考核项目").click()
    add_criterion(page, "固定资产投资", "60", "固定资产投资（亿元）")

    # the ranking it would give last quarter, before it is used
    page.get_by_label("用哪一期的数据预览").select_option(label=quarter.label)
    page.get_by_role("button", name="预览排名").click()
    page.locator(f"h1:has-text('预览排名 · {quarter.label}')").wait_for()
    ranking = page.locator("table.score-table tbody tr")
    assert ranking.count() == 2
    first, second = ranking.nth(0).inner_text(), ranking.nth(1).inner_text()
    assert first.startswith("1") and "青山镇" in first and "45.00" in first  # 60 × 9/12
    assert second.startswith("2") and "白沙镇" in second and "15.00" in second  # 60 × 3/12

    # a town clerk's account
    open_setting(page, "账号")
    new = page.locator("#new")  # the list's filters above have 用户名 and 角色 too
    new.locator("[name=username]").fill("bs_clerk2")
    new.locator("[name=name]").fill("赵敏")
    new.locator("[name=mobile]").fill("1391234567")  # a digit short
    new.locator("[name=area]").select_option(label="白沙镇")
    new.locator("[name=role]").select_option(label="填报员")
    page.get_by_role("button", name="新建账号").click()
    page.locator("text=手机号码应为 11 位数字，以 13–19 开头").wait_for()
    page.locator("#new [name=mobile]").fill("13912345678")
    page.get_by_role("button", name="新建账号").click()
    temporary = page.locator("code.temporary-password").inner_text()

    assert not [url for url in requested if "/admin/" in url]
    indicator = Indicator.objects.get(code="WSGL")
    assert Catalogue.objects.get(year=year + 1).entries.filter(indicator=indicator).exists()
    assert Target.objects.get(indicator=indicator, area=live_world.county, year=year + 1)
    scheme = Scheme.objects.get(slug="qx-next")
    assert scheme.criteria.filter(params__indicator="WSGL").exists() and not Result.objects.exists()
    clerk = Membership.objects.get(user__username="bs_clerk2")
    assert (clerk.area, clerk.role) == (live_world.town_b, Role.CLERK)
    assert clerk.user.check_password(temporary) and accounts.must_change_password(clerk.user)
    assert clerk.user.contact.mobile == "13912345678"


def add_criterion(page, name: str, weight: str, indicator: str) -> None:
    form = page.locator("#criterion-form")
    form.locator("[name=name]").fill(name)
    form.locator("[name=weight]").fill(weight)
    form.locator("[name=rule]").select_option(label="指标完成率（封顶）")
    form.locator("select[name=indicator]").select_option(label=indicator)
    form.locator("[name=against]").select_option(label="对照全年目标")
    page.get_by_role("button", name="添加考核项目").click()
    page.locator(f"text=已添加考核项目“{name}”").wait_for()
