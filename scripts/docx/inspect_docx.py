#!/usr/bin/python3
"""Read Word documents with python-docx (an independent reader) and print what a reviewer checks, as JSON.

Arguments: the .docx paths. For each: page orientation and size of every section, body paragraphs outside tables,
every table row (w:tblHeader, w:cantSplit, cells with text, gridSpan and vMerge), the font table (name, altName)
and the default footer (text, whether it holds a PAGE field). Run with Debian's /usr/bin/python3.
"""
import json
import sys

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.table import _Cell
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def on(trPr, name):
    if trPr is None:
        return False
    element = trPr.find(qn("w:" + name))
    if element is None:
        return False
    return element.get(qn("w:val")) not in ("0", "false", "off")


def inspect(path):
    doc = Document(path)
    out = {"sections": [], "paragraphs": [], "tables": [], "fonts": [], "footer": {"text": "", "pageField": False}}
    for section in doc.sections:
        out["sections"].append({
            "landscape": section.orientation == WD_ORIENT.LANDSCAPE,
            "widthMm": round(section.page_width.mm),
            "heightMm": round(section.page_height.mm),
        })
    out["paragraphs"] = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        rows = []
        for row in table.rows:
            tr = row._tr
            cells = []
            for tc in tr.tc_lst:
                cells.append({"text": _Cell(tc, table).text, "gridSpan": tc.grid_span, "vMerge": tc.vMerge})
            rows.append({"header": on(tr.trPr, "tblHeader"), "cantSplit": on(tr.trPr, "cantSplit"), "cells": cells})
        out["tables"].append({"rows": rows})
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            root = etree.fromstring(part.blob)
            for font in root.findall("{%s}font" % W):
                alt = font.find("{%s}altName" % W)
                out["fonts"].append({"name": font.get("{%s}name" % W), "altName": None if alt is None else alt.get("{%s}val" % W)})
    footer = doc.sections[0].footer
    out["footer"]["text"] = "\n".join(p.text for p in footer.paragraphs)
    out["footer"]["pageField"] = "PAGE" in "".join(footer._element.itertext())
    return out


def main():
    print(json.dumps({path: inspect(path) for path in sys.argv[1:]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
