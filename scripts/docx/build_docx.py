#!/usr/bin/python3
"""Build Word documents with python-docx (an independent producer) from a JSON description on stdin.

Input: {"documents": [{"path": "...", "blocks": [...]}]}; a block is
  {"kind": "paragraph", "text": "...", "style": "Heading 2" | null, "bold": bool}
  {"kind": "pagebreak"}
  {"kind": "table", "width": N, "rows": [{"header": bool, "cells": [{"text": "a\\nb", "span": 1, "vmerge": "restart" | "continue" | null}]}]}
Each line of a cell's text becomes its own paragraph. Run with Debian's /usr/bin/python3 (it has python-docx).
"""
import json
import sys

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.shared import Mm
from docx.table import _Cell


def add_table(doc, block):
    width = block["width"]
    table = doc.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for spec in block["rows"]:
        row = table.add_row()
        tr = row._tr
        if spec.get("header"):
            trPr = tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            trPr.append(header)
        tcs = list(tr.tc_lst)
        column = 0
        for cell_spec in spec["cells"]:
            if column >= width:
                break
            tc = tcs[column]
            span = min(cell_spec.get("span", 1), width - column)
            for extra in tcs[column + 1 : column + span]:
                tr.remove(extra)
            if span > 1:
                tc.grid_span = span
            if cell_spec.get("vmerge"):
                tc.vMerge = cell_spec["vmerge"]
            cell = _Cell(tc, table)
            lines = cell_spec["text"].split("\n") if cell_spec["text"] != "" else [""]
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            column += span


def build(spec):
    doc = Document()
    section = doc.sections[0]
    if spec.get("landscape"):
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    for block in spec["blocks"]:
        kind = block["kind"]
        if kind == "paragraph":
            paragraph = doc.add_paragraph(style=block.get("style") or None)
            run = paragraph.add_run(block["text"])
            if block.get("bold"):
                run.bold = True
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "table":
            add_table(doc, block)
        else:
            raise ValueError("unknown block " + kind)
    doc.save(spec["path"])


def main():
    request = json.load(sys.stdin)
    for spec in request["documents"]:
        build(spec)
    print(json.dumps({"built": [d["path"] for d in request["documents"]]}))


if __name__ == "__main__":
    main()
