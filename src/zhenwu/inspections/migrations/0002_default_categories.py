"""The usual categories of 美丽城镇 / 城乡环境 supervision; 管理员 can add, rename or retire them."""

from django.db import migrations

# name, short name, theme, count unit, count verb, quantity unit, quantity verb, default days
CATEGORIES = [
    ("乱占道经营", "占道经营", "cityscape", "户", "清理", "", "", 3),
    ("乱搭乱建", "私搭乱建", "cityscape", "处", "查处", "平方米", "拆除", 7),
    ("违法建设", "违建", "cityscape", "处", "查处", "平方米", "拆除", 15),
    ("乱堆乱放", "乱堆乱放", "cityscape", "处", "清理", "吨", "清运", 3),
    ("乱贴乱画", "乱贴乱画", "cityscape", "处", "清除", "", "", 3),
    ("乱停乱放", "乱停乱放", "cityscape", "处", "整治", "", "", 3),
    ("排污不达标", "排放不达标企业", "environment", "家", "查处", "", "", 15),
    ("垃圾分类不到位", "垃圾分类问题", "environment", "处", "整改", "", "", 7),
    ("安全隐患", "安全隐患", "safety", "处", "排查整治", "", "", 7),
    ("项目进度滞后", "滞后项目", "project", "个", "督办", "", "", 30),
]


def add_categories(apps, schema_editor):
    category = apps.get_model("inspections", "FindingCategory")
    for order, (name, short, theme, unit, verb, q_unit, q_verb, days) in enumerate(CATEGORIES, start=1):
        category.objects.get_or_create(
            name=name,
            defaults={
                "short_name": short,
                "theme": theme,
                "count_unit": unit,
                "count_verb": verb,
                "quantity_unit": q_unit,
                "quantity_verb": q_verb,
                "default_days": days,
                "order": order * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]
    operations = [migrations.RunPython(add_categories, migrations.RunPython.noop)]
