from zhenwu.documents import Document, Paragraph, write_docx
from zhenwu.issuing.dispatch import keep
from zhenwu.issuing.models import DispatchSettings, IssuedNumber


def make_settings(world, area, **fields) -> DispatchSettings:
    department = area.departments.first() or area.departments.create(name=f"{area.name}党政综合办公室")
    values = {"mark": f"{area.name}人民政府文件", "prefix": "青山政", "year": 2026, "next_number": 12}
    values.update(fields)
    return DispatchSettings.objects.create(department=department, **values)


def make_issued(world, area, *, kept=False, kind="inspections") -> IssuedNumber:
    """A register entry; ``kept``: with the issued .docx stored, as the 印发 pages keep it."""
    settings = DispatchSettings.objects.filter(department__area=area).first() or make_settings(world, area)
    number = (IssuedNumber.objects.filter(department=settings.department).count()) + 1
    record = IssuedNumber.objects.create(
        department=settings.department,
        year=2026,
        number=number,
        code=f"青山政〔2026〕{number}号",
        title="关于……的通报",
        kind=kind,
        source=area.code,
    )
    if kept:
        document = Document(record.title, blocks=[Paragraph("各村要按时完成整改。")])
        keep(record, write_docx(document))
    return record
