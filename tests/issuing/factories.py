from zhenwu.issuing.models import DispatchSettings, IssuedNumber


def make_settings(world, area, **fields) -> DispatchSettings:
    department = area.departments.first() or area.departments.create(name=f"{area.name}党政综合办公室")
    values = {"mark": f"{area.name}人民政府文件", "prefix": "青山政", "year": 2026, "next_number": 12}
    values.update(fields)
    return DispatchSettings.objects.create(department=department, **values)


def make_issued(world, area) -> IssuedNumber:
    settings = make_settings(world, area)
    return IssuedNumber.objects.create(
        department=settings.department,
        year=2026,
        number=1,
        code="青山政〔2026〕1号",
        title="关于……的通报",
        kind="inspections",
        source=area.code,
    )
