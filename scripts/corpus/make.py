"""Write the corpus files only Python producers make: workbooks by openpyxl, a Word document by python-docx.

Run with Debian's /usr/bin/python3 (python3-openpyxl, python3-docx). One call writes everything:
    /usr/bin/python3 scripts/corpus/make.py JOB.json
JOB.json: {"outDir": "...", "sheet": "表1", "grid": {"values": [[...]], "merges": [{row, column, rowCount, columnCount}],
"origin": {"row": 1, "column": 1}}, "longText": "..."}. Prints the list of files written as JSON.

Each workbook holds the same seed table on its first sheet, written as a clerk's paste leaves it (values, merged areas,
wrapped text), plus what the case is about: a chart, comments, a data validation list, a table (ListObject).
"""
import json
import os
import sys

import docx
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo


def write_grid(ws, grid):
    top = grid["origin"]["row"]
    left = grid["origin"]["column"]
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(grid["values"]):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            cell = ws.cell(row=top + r, column=left + c)
            # A text starting with "=" must stay text: openpyxl would take it as a formula unless typed as a string.
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
            cell.alignment = wrap
    for m in grid["merges"]:
        ws.merge_cells(
            start_row=top + m["row"],
            start_column=left + m["column"],
            end_row=top + m["row"] + m["rowCount"] - 1,
            end_column=left + m["column"] + m["columnCount"] - 1,
        )
    width = max(len(row) for row in grid["values"])
    for c in range(width):
        ws.column_dimensions[get_column_letter(left + c)].width = 60 if c == width - 1 else 20


def add_defined_name(wb, defined_name):
    # openpyxl 3.0 keeps workbook names in a list, 3.1 in a dict.
    if hasattr(wb.defined_names, "append"):
        wb.defined_names.append(defined_name)
    else:
        wb.defined_names[defined_name.name] = defined_name


def seed_workbook(job):
    wb = Workbook()
    ws = wb.active
    ws.title = job["sheet"]
    write_grid(ws, job["grid"])
    return wb, ws


def counts_sheet(wb, title):
    """A small numeric sheet beside the table: what a clerk charts or lists as a table."""
    ws = wb.create_sheet(title)
    ws.append(["责任单位", "任务数", "已完成"])
    for unit, total, done in [("区发展改革局", 5, 3), ("区财政局", 3, 2), ("区统计局", 2, 2), ("区住建局", 1, 0)]:
        ws.append([unit, total, done])
    return ws


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    out = job["outDir"]
    written = []

    def save(wb, name):
        path = os.path.join(out, name)
        wb.save(path)
        written.append(path)

    # The plain workbook (also the source of the LibreOffice files) carries what lives in workbook.xml, the part the
    # CLI edits: a defined name, a print area and a hidden sheet must come out as they went in.
    wb, ws = seed_workbook(job)
    rows = len(job["grid"]["values"])
    width = max(len(row) for row in job["grid"]["values"])
    top, left = job["grid"]["origin"]["row"], job["grid"]["origin"]["column"]
    area = f"${get_column_letter(left)}${top}:${get_column_letter(left + width - 1)}${top + rows - 1}"
    add_defined_name(wb, DefinedName("任务区域", attr_text=f"'{job['sheet']}'!{area}"))
    ws.print_area = area.replace("$", "")
    notes = wb.create_sheet("填报说明")
    notes["A1"] = "本表每月5日前报送"
    notes.sheet_state = "hidden"
    save(wb, "openpyxl.xlsx")

    wb, _ = seed_workbook(job)
    data = counts_sheet(wb, "统计")
    chart = BarChart()
    chart.title = "各单位任务数"
    chart.add_data(Reference(data, min_col=2, min_row=1, max_col=3, max_row=5), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=5))
    data.add_chart(chart, "E2")
    # A chart sheet too: a sheet with no cells, which a reader listing sheets must not take for a worksheet.
    chart_sheet = wb.create_chartsheet("图表")
    pie = BarChart()
    pie.add_data(Reference(data, min_col=2, min_row=1, max_row=5), titles_from_data=True)
    chart_sheet.add_chart(pie)
    save(wb, "openpyxl-chart.xlsx")

    wb, ws = seed_workbook(job)
    top, left = job["grid"]["origin"]["row"], job["grid"]["origin"]["column"]
    ws.cell(row=top, column=left).comment = Comment("请于每月5日前更新", "督查室")
    ws.cell(row=top + 4, column=left + 1).comment = Comment("核对数据来源", "审核人")
    save(wb, "openpyxl-comments.xlsx")

    wb, ws = seed_workbook(job)
    rows = len(job["grid"]["values"])
    status_column = get_column_letter(left + len(job["grid"]["values"][0]))
    validation = DataValidation(type="list", formula1='"已完成,按进度完成,滞后"', allow_blank=True)
    validation.add(f"{status_column}{top}:{status_column}{top + rows - 1}")
    ws.add_data_validation(validation)
    save(wb, "openpyxl-validation.xlsx")

    wb, _ = seed_workbook(job)
    data = counts_sheet(wb, "统计")
    table = Table(displayName="单位统计", ref="A1:C5")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    data.add_table(table)
    save(wb, "openpyxl-table.xlsx")

    # Bad input: a sheet of notes, no table in it.
    wb = Workbook()
    ws = wb.active
    ws.title = "会议记录"
    for line in ["2021年9月30日 例会", "参会：各科室负责人", "议题：第三季度工作安排", "", "下次会议另行通知"]:
        ws.append([line])
    save(wb, "notable.xlsx")

    # Bad input: one cell longer than Excel's 32,767 characters, inside the table.
    wb, ws = seed_workbook(job)
    last = job["grid"]["values"][-1]
    ws.cell(row=top + rows - 1, column=left + len(last) - 1).value = job["longText"]
    save(wb, "long-cell.xlsx")

    # A Word document where a workbook is expected: text only, so it has no table to read in any version of the CLI.
    document = docx.Document()
    document.add_heading("重点工作任务完成情况说明", level=1)
    document.add_paragraph("本季度各项重点工作按计划推进，详见附表。")
    path = os.path.join(out, "document.docx")
    document.save(path)
    written.append(path)

    print(json.dumps(written, ensure_ascii=False))


if __name__ == "__main__":
    main()
