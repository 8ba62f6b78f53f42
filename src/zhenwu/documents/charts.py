"""Native, editable Word charts: python-pptx's chart XML plus its embedded workbook.

Word and WPS open these as real charts (“编辑数据” works, text stays crisp); the data is
a small .xlsx written by XlsxWriter and stored at ``/word/embeddings/``. python-pptx only
names Latin fonts, so every ``a:latin`` gets an ``a:ea`` sibling, and the chart declares
``zh-CN``.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

import xlsxwriter
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from lxml import etree
from pptx.chart.chart import Chart as PptxChart
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.oxml import parse_xml as parse_chart_xml
from pptx.util import Pt, lazyproperty

from zhenwu.documents.chart_labels import plan_labels
from zhenwu.documents.colours import PALETTE
from zhenwu.documents.fonts import FontSet
from zhenwu.documents.model import Chart
from zhenwu.documents.ooxml import EMU_PER_MM, TYPE_AREA_MM

CHART_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CHART_URI = C_NS


@dataclass
class ChartParts:
    """What the writer needs to place a chart: its relationship id and size in EMU."""

    rel_id: str
    cx: int
    cy: int


class _TextWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx's writer, with every name written as text.

    XlsxWriter turns a string beginning with ``=`` into a formula and one that looks like a
    URL into a link; a town named ``=HYPERLINK(…)`` must stay a name when someone opens the
    chart's data in Word (OWASP CSV injection).
    """

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        workbook = xlsxwriter.Workbook(xlsx_file, options)
        yield workbook, workbook.add_worksheet()
        workbook.close()


class _ChartData(CategoryChartData):
    @lazyproperty
    def _workbook_writer(self):
        return _TextWorkbookWriter(self)


def chart_data(chart: Chart) -> CategoryChartData:
    data = _ChartData(number_format=chart.number_format)
    data.categories = list(chart.categories)
    series = chart.series[:1] if chart.kind == "pie" else chart.series
    for one in series:
        data.add_series(one.name, [None if v is None else float(v) for v in one.values])
    return data


def chart_space(chart: Chart, data: CategoryChartData, fonts: FontSet):
    """The formatted ``c:chartSpace`` element."""
    element = parse_chart_xml(data.xml_bytes(CHART_TYPES[chart.kind]))
    view = PptxChart(element, None)
    view.font.size = Pt(10.5)
    view.font.name = "Times New Roman"
    view.has_title = True
    view.chart_title.text_frame.text = chart.full_title
    title_font = view.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.size, title_font.bold = Pt(12), False
    title_font.name = "Times New Roman"
    plot = view.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = chart.number_format, False
    labels.font.size = Pt(9)
    _colour(chart, plot)
    if chart.kind == "pie":
        labels.show_percentage = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    else:
        if chart.kind != "line":
            plot.gap_width = 80
        view.value_axis.has_major_gridlines = True
        view.value_axis.tick_labels.number_format = chart.number_format
        view.value_axis.tick_labels.number_format_is_linked = False
    if chart.kind == "bar":  # read rankings top to bottom, value axis stays at the bottom
        view.category_axis.reverse_order = True
        _value_axis_crosses_max(element)
    view.has_legend = chart.kind == "pie" or len(chart.series) > 1
    if view.has_legend:
        view.legend.position = XL_LEGEND_POSITION.BOTTOM
        view.legend.include_in_layout = False
    _place_labels(chart, view, plot, element)
    _east_asian_fonts(element, fonts.hei)
    _chinese(element)
    return element


def _place_labels(chart: Chart, view, plot, element) -> None:
    """Apply the label plan of :mod:`zhenwu.documents.chart_labels`: rotate, thin or drop."""
    if chart.kind == "pie":
        return
    values = [v for series in chart.series for v in series.values if v is not None]
    decimals = chart.number_format.split(".")[1].count("0") if "." in chart.number_format else 0
    texts = [f"{float(v):.{decimals}f}" for v in values]  # as the labels print them
    plan = plan_labels(
        chart.kind, list(chart.categories), len(chart.series), texts, TYPE_AREA_MM, chart.height_mm
    )
    view.category_axis.tick_labels.font.size = Pt(10.5)
    axis = element.find(f".//{{{C_NS}}}catAx")
    if plan.category_rotation:
        _rotate(axis.find(f"{{{C_NS}}}txPr"), plan.category_rotation)
    if plan.category_skip > 1:
        skip = etree.SubElement(axis, f"{{{C_NS}}}tickLblSkip")
        skip.set("val", str(plan.category_skip))
        for later in ("tickMarkSkip", "noMultiLvlLbl", "extLst"):  # keep the schema's order
            for node in axis.findall(f"{{{C_NS}}}{later}"):
                axis.remove(node)
                axis.append(node)
    if not plan.value_labels:
        plot.has_data_labels = False
    elif plan.value_rotation:
        _rotate(element.find(f".//{{{C_NS}}}dLbls/{{{C_NS}}}txPr"), plan.value_rotation)


def _rotate(text_properties, degrees: int) -> None:
    body = text_properties.find(f"{{{A_NS}}}bodyPr")
    body.set("rot", str(degrees * 60000))
    body.set("vert", "horz")


def _colour(chart: Chart, plot) -> None:
    if chart.kind == "pie":
        for index, point in enumerate(plot.series[0].points):
            _fill(point.format, PALETTE[index % len(PALETTE)])
        return
    for index, series in enumerate(plot.series):
        colour = RGBColor.from_string(PALETTE[index % len(PALETTE)])
        if chart.kind == "line":
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(2)
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
            series.smooth = False
        else:
            _fill(series.format, PALETTE[index % len(PALETTE)])


def _fill(chart_format, hex_colour: str) -> None:
    chart_format.fill.solid()
    chart_format.fill.fore_color.rgb = RGBColor.from_string(hex_colour)


def _value_axis_crosses_max(element) -> None:
    for crosses in element.iterfind(f".//{{{C_NS}}}valAx/{{{C_NS}}}crosses"):
        crosses.set("val", "max")


def _east_asian_fonts(element, typeface: str) -> None:
    """Name the East Asian face next to every Latin one (otherwise the theme's is used)."""
    for latin in list(element.iter(f"{{{A_NS}}}latin")):
        existing = latin.getnext()
        if existing is not None and existing.tag == f"{{{A_NS}}}ea":
            continue
        latin.addnext(etree.Element(f"{{{A_NS}}}ea", typeface=typeface))


def _chinese(element) -> None:
    date1904 = element.find(f"{{{C_NS}}}date1904")
    lang = etree.Element(f"{{{C_NS}}}lang", val="zh-CN")
    rounded = etree.Element(f"{{{C_NS}}}roundedCorners", val="0")
    if date1904 is not None:
        date1904.addnext(lang)
    else:
        element.insert(0, lang)
    lang.addnext(rounded)


def add_chart_parts(document_part, chart: Chart, fonts: FontSet) -> ChartParts:
    """Create chartN.xml and its workbook, relate them, and return the document's rId."""
    package = document_part.package
    data = chart_data(chart)
    element = chart_space(chart, data, fonts)
    chart_part = XmlPart(package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART, element, package)
    workbook = Part(
        package.next_partname("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx"),
        CT.SML_SHEET,
        data.xlsx_blob,
        package,
    )
    external = element.get_or_add_externalData()
    external.rId = chart_part.relate_to(workbook, RT.PACKAGE)
    rel_id = document_part.relate_to(chart_part, RT.CHART)
    return ChartParts(rel_id, round(TYPE_AREA_MM * EMU_PER_MM), round(chart.height_mm * EMU_PER_MM))


def inline_xml(parts: ChartParts, shape_id: int, name: str) -> str:
    """The ``wp:inline`` drawing that shows a chart in a run."""
    return (
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{parts.cx}" cy="{parts.cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="图表 {shape_id}" descr={quoteattr(name)}/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{CHART_URI}">'
        f'<c:chart xmlns:c="{C_NS}" r:id="{parts.rel_id}"/>'
        "</a:graphicData></a:graphic></wp:inline>"
    )
