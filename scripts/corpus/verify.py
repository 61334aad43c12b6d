"""Open workbooks with openpyxl, a reader this project did not write, and report what it sees, for every file in one call.

    /usr/bin/python3 scripts/corpus/verify.py LIST.json
LIST.json: ["a.xlsx", "b.xlsm", ...]. Prints one JSON object: {path: {"ok": true, "sheets": [{"name", "kind", "state",
"cells": {"A1": value}, "merges": ["A1:B2"]}], "definedNames": [[name, formula, sheet]]} or {"ok": false, "error": "..."}}.
Values are JSON-ready: dates as ISO text, other non-JSON values as text. Chart sheets are listed with kind "chart".
"""
import datetime
import json
import sys
import warnings

from openpyxl import load_workbook


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def defined_names(wb):
    """Every defined name as [name, formula, sheet index or None], workbook- and sheet-scoped (openpyxl 3.0 and 3.1)."""
    found = []
    if hasattr(wb.defined_names, "definedName"):
        found += [[d.name, d.attr_text, d.localSheetId] for d in wb.defined_names.definedName]
    else:
        found += [[d.name, d.attr_text, None] for d in wb.defined_names.values()]
        for index, ws in enumerate(wb.worksheets):
            found += [[d.name, d.attr_text, index] for d in getattr(ws, "defined_names", {}).values()]
    for index, ws in enumerate(wb.worksheets):
        if getattr(ws, "print_area", None):
            found.append(["print area", str(ws.print_area), wb.sheetnames.index(ws.title)])
    return sorted(found, key=lambda d: (d[0], str(d[2])))


def read(path):
    # keep_vba: an .xlsm output opens as Excel would open it, macros and all.
    wb = load_workbook(path, keep_vba=path.endswith(".xlsm"))
    sheets = []
    for name in wb.sheetnames:
        ws = wb[name]
        if not hasattr(ws, "iter_rows"):
            sheets.append({"name": name, "kind": "chart", "state": ws.sheet_state, "cells": {}, "merges": []})
            continue
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None and cell.value != "":
                    cells[cell.coordinate] = plain(cell.value)
        merges = sorted(str(r) for r in ws.merged_cells.ranges)
        sheets.append({"name": name, "kind": "worksheet", "state": ws.sheet_state, "cells": cells, "merges": merges})
    return {"ok": True, "sheets": sheets, "definedNames": defined_names(wb)}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = json.load(f)
    report = {}
    for path in paths:
        with warnings.catch_warnings():
            # openpyxl warns about parts it does not keep (pivot caches, VML); the test looks at what it reads.
            warnings.simplefilter("ignore")
            try:
                report[path] = read(path)
            except Exception as error:  # noqa: BLE001 - any refusal by openpyxl is the finding to report
                report[path] = {"ok": False, "error": f"{type(error).__name__}: {error}"}
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
