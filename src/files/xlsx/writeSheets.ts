/**
 * Add (or replace) worksheets inside an existing package. Only the workbook, its relationships, [Content_Types].xml
 * and the styles part are edited, through the DOM, with new elements in the namespace and prefix in force where they
 * go; every other part is copied as its original compressed bytes.
 */
import { cellText, uniqueSheetName } from '../../core/sheets';
import { fileError } from '../errors';
import { withDefaults } from '../limits';
import { OpcPackage, relsPartOf } from '../package';
import type { FileWarning, Limits, OutputSheet, WriteOptions, WriteResult } from '../types';
import type { Document, Element } from '../xml/dom';
import { attributeNS, childElements, createLike, elementsNS, parseXml, serializeXml, setAttributeInNs } from '../xml/dom';
import { CONTENT_TYPES_NS, OFFICE_REL_NS, PACKAGE_REL_NS, SPREADSHEET_NS } from '../xml/namespaces';
import { crc32 } from '../zip/crc32';
import { entryBytes, knownChecksum } from '../zip/readZip';
import { DeflatedPart, writeZip } from '../zip/writeZip';
import type { OutputEntry } from '../zip/writeZip';
import { appendCellStyles, minimalStylesXml } from './styles';
import { worksheetXml } from './sheetXml';
import { SharedStrings } from './sharedStringsWriter';
import { CHART_TYPE, DRAWING_TYPE, chartXml, drawingXml } from './chart';

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const SHARED_STRINGS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const PLAIN_WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

function dirOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

/** The target to write for `part`, seen from `sourcePart`: absolute when the package writes them so, else relative. */
function targetFor(sourcePart: string, part: string, absolute: boolean): string {
  if (absolute) return `/${part}`;
  const from = dirOf(sourcePart).split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  return [...new Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}

class PackageEditor {
  readonly pkg: OpcPackage;
  readonly changed = new Map<string, string | Uint8Array>();
  readonly removed = new Set<string>();
  private readonly docs = new Map<string, Document>();

  constructor(pkg: OpcPackage) {
    this.pkg = pkg;
  }

  dom(part: string, fallback?: () => string): Document {
    const key = part.toLowerCase();
    let doc = this.docs.get(key);
    if (!doc) {
      doc = this.pkg.has(part) ? this.pkg.dom(part) : (fallback ? this.parseNew(part, fallback()) : this.pkg.dom(part));
      this.docs.set(key, doc);
    }
    return doc;
  }

  private parseNew(part: string, xml: string): Document {
    this.changed.set(part, xml);
    return parseXml(xml, part);
  }

  touch(part: string): void {
    this.changed.set(this.pkg.entryName(part) ?? part, '');
  }

  remove(part: string): void {
    const name = this.pkg.entryName(part);
    if (name !== undefined) this.removed.add(name);
  }

  /** Serialize the edited documents into `changed`. */
  flush(): void {
    for (const [key, doc] of this.docs) {
      const name = this.pkg.entryName(key) ?? [...this.changed.keys()].find((k) => k.toLowerCase() === key) ?? key;
      if (this.changed.has(name)) this.changed.set(name, serializeXml(doc));
    }
  }
}


function relationshipsDoc(editor: PackageEditor, part: string): Document {
  return editor.dom(relsPartOf(part), () => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}"></Relationships>`);
}

function addOverride(editor: PackageEditor, part: string, type: string): void {
  const doc = editor.dom('[Content_Types].xml');
  const root = doc.documentElement as Element;
  const el = createLike(root, 'Override');
  el.setAttribute('PartName', `/${part}`);
  el.setAttribute('ContentType', type);
  root.appendChild(el);
  editor.touch('[Content_Types].xml');
}

function removeOverride(editor: PackageEditor, part: string): void {
  const doc = editor.dom('[Content_Types].xml');
  for (const el of elementsNS(doc, [CONTENT_TYPES_NS], 'Override')) {
    if ((el.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase()) {
      el.parentNode?.removeChild(el);
      editor.touch('[Content_Types].xml');
    }
  }
}

function freeId(existing: Set<string>): string {
  for (let n = existing.size + 1; ; n += 1) if (!existing.has(`rId${n}`)) return `rId${n}`;
}

export function addSheets(original: Uint8Array, sheets: OutputSheet[], options: WriteOptions & { limits?: Partial<Limits> } = {}): WriteResult {
  const limits = withDefaults(options.limits);
  const pkg = OpcPackage.open(original, limits, options.native);
  const warnings: FileWarning[] = [...pkg.archive.warnings];
  const editor = new PackageEditor(pkg);
  const main = pkg.mainPart();
  if (main === null || !pkg.has(main)) throw fileError('corrupt', '文件已损坏：找不到工作簿的主体部分', 'the file is damaged: the workbook part is missing');
  const workbook = editor.dom(main);
  const workbookRoot = workbook.documentElement as Element;
  const mainNs = workbookRoot.namespaceURI === SPREADSHEET_NS[1] ? SPREADSHEET_NS[1] : SPREADSHEET_NS[0];
  const strict = mainNs === SPREADSHEET_NS[1];
  const relNs = strict ? OFFICE_REL_NS[1] : OFFICE_REL_NS[0];
  const sheetsEl = elementsNS(workbook, SPREADSHEET_NS, 'sheets')[0];
  if (!sheetsEl) throw fileError('corrupt', '文件已损坏：工作簿中没有工作表列表', 'the file is damaged: the workbook lists no sheets');

  const rels = pkg.relationships(main);
  const relsDoc = relationshipsDoc(editor, main);
  const relsRoot = relsDoc.documentElement as Element;
  const relIds = new Set(rels.map((r) => r.id));
  const absoluteTargets = rels.some((r) => !r.external && r.target.startsWith('/'));
  const worksheetRelType = `${relNs}/worksheet`;

  // Styles: appended to the existing part, or a new part when the package has none.
  let stylesPart = rels.find((r) => r.kind === 'styles' && r.part !== null && pkg.has(r.part))?.part ?? null;
  if (stylesPart === null) {
    stylesPart = `${dirOf(main) ? `${dirOf(main)}/` : ''}styles.xml`;
    editor.dom(stylesPart, () => minimalStylesXml(mainNs));
    const id = freeId(relIds);
    relIds.add(id);
    const rel = createLike(relsRoot, 'Relationship');
    rel.setAttribute('Id', id);
    rel.setAttribute('Type', `${relNs}/styles`);
    rel.setAttribute('Target', targetFor(main, stylesPart, absoluteTargets));
    relsRoot.appendChild(rel);
    editor.touch(relsPartOf(main));
    addOverride(editor, stylesPart, STYLES_TYPE);
  }
  const styles = appendCellStyles(
    editor.dom(stylesPart),
    sheets.some((s) => s.wrap !== false),
    sheets.flatMap((s) => (s.dates ?? []).map((d) => d.format)),
  );
  editor.touch(stylesPart);

  const sstPart = rels.find((r) => r.kind === 'sharedStrings' && r.part !== null && pkg.has(r.part))?.part ?? null;
  const sharedStrings = new SharedStrings(sstPart === null ? null : pkg.text(sstPart), mainNs);
  // A text the new sheets use once and the part does not hold yet is written inline: a shared string costs an entry
  // and an index besides the text, and pays off only when repeated (the change log's row ranges "26-33" are each
  // used once: 27k of them on a 100k-row table).
  const repeated = repeatedTexts(sheets, sharedStrings);
  const sharedString = (value: string): number | null => (repeated.has(value) || sharedStrings.has(value) ? sharedStrings.indexOf(value) : null);

  /** Replaced sheets' new content, by entry name: written where the old part was. */
  const replacedParts = new Map<string, DeflatedPart>();
  const sheetEls = childElements(sheetsEl).filter((el) => el.localName === 'sheet');
  const existingNames = sheetEls.map((el) => el.getAttribute('name') ?? '');
  let maxSheetId = Math.max(0, ...sheetEls.map((el) => Number(el.getAttribute('sheetId') ?? 0)));
  const usedParts = new Set([...pkg.archive.order.map((n) => n.toLowerCase())]);
  const replacedIndexes = new Set<number>();
  const names: string[] = [];
  let replaced = 0;
  let truncatedCells = 0;
  const newParts: Array<{ part: string; xml: string | DeflatedPart }> = [];

  const freePart = (folder: string, stem: string): string => {
    let n = 1;
    while (usedParts.has(`${folder}/${stem}${n}.xml`.toLowerCase())) n += 1;
    const part = `${folder}/${stem}${n}.xml`;
    usedParts.add(part.toLowerCase());
    return part;
  };
  const base = dirOf(main) ? `${dirOf(main)}/` : '';
  /** The sheet's XML, with its chart's drawing and chart parts and the sheet's own relationships when it has one. */
  const sheetXml = (sheet: OutputSheet, name: string, part: string): DeflatedPart => {
    // Strict packages would need the Strict DrawingML namespaces; the table is written without its chart there.
    const withChart = sheet.chart !== undefined && sheet.rows.length > 0 && !strict;
    const xml = new DeflatedPart(options.native);
    const { truncatedCells: cut } = worksheetXml(sheet, styles, mainNs, { sharedString, drawingRelId: withChart ? 'rId1' : undefined }, xml);
    truncatedCells += cut;
    if (withChart) {
      const drawing = freePart(`${base}drawings`, 'drawing');
      const chart = freePart(`${base}charts`, 'chart');
      const sheetRels = relsPartOf(part);
      const relsXml = (id: string, type: string, from: string, to: string): string =>
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="${id}" Type="${OFFICE_REL_NS[0]}/${type}" Target="${targetFor(from, to, false)}"/></Relationships>`;
      newParts.push({ part: sheetRels, xml: relsXml('rId1', 'drawing', part, drawing) });
      newParts.push({ part: drawing, xml: drawingXml(sheet, 'rId1') });
      newParts.push({ part: relsPartOf(drawing), xml: relsXml('rId1', 'chart', drawing, chart) });
      newParts.push({ part: chart, xml: chartXml(sheet, name) });
      addOverride(editor, drawing, DRAWING_TYPE);
      addOverride(editor, chart, CHART_TYPE);
    }
    return xml;
  };

  for (const sheet of sheets) {
    // The sheet to replace: a worksheet of the original the caller names, not one written in this call.
    const index = options.replace
      ? sheetEls.findIndex((el, i) => {
          if (replacedIndexes.has(i) || i >= existingNames.length) return false;
          const rel = rels.find((r) => r.id === attributeNS(el, OFFICE_REL_NS, 'id'));
          return rel?.kind === 'worksheet' && rel.part !== null && options.replace?.(existingNames[i], sheet) === true;
        })
      : -1;
    if (index >= 0) {
      const el = sheetEls[index];
      const rel = rels.find((r) => r.id === attributeNS(el, OFFICE_REL_NS, 'id'));
      const part = rel?.part ?? '';
      replacedIndexes.add(index);
      const others = existingNames.filter((_, i) => i !== index);
      const name = uniqueSheetName(sheet.name, [...others, ...names]);
      el.setAttribute('name', name);
      existingNames[index] = name;
      dropSheetExtras(editor, workbook, part, index);
      replacedParts.set(pkg.entryName(part) ?? part, sheetXml(sheet, name, pkg.entryName(part) ?? part));
      names.push(name);
      replaced += 1;
      continue;
    }
    const name = uniqueSheetName(sheet.name, [...existingNames, ...names]);
    const part = freePart(`${base}worksheets`, 'sheet');
    newParts.push({ part, xml: sheetXml(sheet, name, part) });
    const id = freeId(relIds);
    relIds.add(id);
    const rel = createLike(relsRoot, 'Relationship');
    rel.setAttribute('Id', id);
    rel.setAttribute('Type', worksheetRelType);
    rel.setAttribute('Target', targetFor(main, part, absoluteTargets));
    relsRoot.appendChild(rel);
    editor.touch(relsPartOf(main));
    maxSheetId += 1;
    const el = createLike(sheetsEl, 'sheet');
    el.setAttribute('name', name);
    el.setAttribute('sheetId', String(maxSheetId));
    sheetsEl.appendChild(el);
    setAttributeInNs(el, relNs, 'r', 'id', id);
    addOverride(editor, part, WORKSHEET_TYPE);
    names.push(name);
  }
  editor.touch(main);

  const sstXml = sharedStrings.toXml();
  if (sstXml !== null && sstPart !== null) editor.changed.set(pkg.entryName(sstPart) ?? sstPart, sstXml);
  else if (sstXml !== null) {
    const part = `${dirOf(main) ? `${dirOf(main)}/` : ''}sharedStrings.xml`;
    newParts.push({ part, xml: sstXml });
    const id = freeId(relIds);
    relIds.add(id);
    const rel = createLike(relsRoot, 'Relationship');
    rel.setAttribute('Id', id);
    rel.setAttribute('Type', `${relNs}/sharedStrings`);
    rel.setAttribute('Target', targetFor(main, part, absoluteTargets));
    relsRoot.appendChild(rel);
    editor.touch(relsPartOf(main));
    addOverride(editor, part, SHARED_STRINGS_TYPE);
  }

  if (replaced > 0) {
    // A replaced sheet's formulas are gone; Excel rebuilds the calculation chain when it is missing.
    const calc = rels.find((r) => r.kind === 'calcChain');
    if (calc?.part) {
      editor.remove(calc.part);
      removeOverride(editor, calc.part);
      removeRelationship(editor, relsRoot, calc.id, main);
    }
  }

  let macrosDropped = false;
  if (options.plainWorkbook) macrosDropped = makePlain(editor, main, rels, relsRoot);

  editor.flush();
  const entries: OutputEntry[] = [];
  for (const name of pkg.archive.order) {
    if (editor.removed.has(name)) continue;
    const replacement = replacedParts.get(name);
    if (replacement !== undefined) {
      entries.push(replacement.entry(name));
      continue;
    }
    const content = editor.changed.get(name);
    if (content !== undefined && content !== '') {
      entries.push({ name, kind: 'new', data: content });
      continue;
    }
    const entry = pkg.archive.entries.get(name);
    if (!entry) continue;
    const known = knownChecksum(entry);
    if (known) {
      entries.push({ name, kind: 'kept', compression: entry.compression, raw: entry.raw, crc: known.crc, size: known.size });
      continue;
    }
    const data = entryBytes(pkg.archive, entry);
    entries.push({ name, kind: 'kept', compression: entry.compression, raw: entry.raw, crc: crc32(data), size: data.length });
  }
  for (const [name, content] of editor.changed) {
    if (!pkg.archive.entries.has(name) && content !== '') entries.push({ name, kind: 'new', data: content });
  }
  for (const { part, xml } of newParts) entries.push(xml instanceof DeflatedPart ? xml.entry(part) : { name: part, kind: 'new', data: xml });
  return { bytes: writeZip(entries, options.native), names, replaced, truncatedCells, macrosDropped, warnings };
}

/** The texts the sheets write more than once, as written (cut to a cell's limit), leaving out those already shared. */
function repeatedTexts(sheets: readonly OutputSheet[], shared: SharedStrings): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const count = (value: string | number | null | undefined): void => {
    if (typeof value !== 'string' || value === '') return;
    const text = cellText(value);
    if (seen.has(text)) repeated.add(text);
    else if (!shared.has(text)) seen.add(text);
  };
  for (const sheet of sheets) {
    sheet.title?.forEach(count);
    sheet.columns.forEach(count);
    for (const row of sheet.rows) for (const value of row) count(value);
  }
  return repeated;
}

function removeRelationship(editor: PackageEditor, relsRoot: Element, id: string, source: string): void {
  for (const el of childElements(relsRoot)) {
    if (el.getAttribute('Id') === id) relsRoot.removeChild(el);
  }
  editor.touch(relsPartOf(source));
}

/** A replaced sheet's tables (their names are workbook-wide) and its sheet-level names go with it. */
function dropSheetExtras(editor: PackageEditor, workbook: Document, part: string, index: number): void {
  const pkg = editor.pkg;
  for (const rel of pkg.relationships(part)) {
    if (rel.kind === 'table' && rel.part) {
      editor.remove(rel.part);
      removeOverride(editor, rel.part);
    }
    // The sheet's own drawing and its charts (a summary sheet's chart from an earlier run) go with it, not left orphaned.
    if (rel.kind === 'drawing' && rel.part && pkg.has(rel.part)) {
      for (const inner of pkg.relationships(rel.part)) {
        if (inner.kind === 'chart' && inner.part) {
          editor.remove(inner.part);
          editor.remove(relsPartOf(inner.part));
          removeOverride(editor, inner.part);
        }
      }
      editor.remove(rel.part);
      editor.remove(relsPartOf(rel.part));
      removeOverride(editor, rel.part);
    }
  }
  editor.remove(relsPartOf(part));
  for (const el of elementsNS(workbook, SPREADSHEET_NS, 'definedName')) {
    if (el.getAttribute('localSheetId') === String(index)) el.parentNode?.removeChild(el);
  }
  const definedNames = elementsNS(workbook, SPREADSHEET_NS, 'definedNames')[0];
  if (definedNames && childElements(definedNames).length === 0) definedNames.parentNode?.removeChild(definedNames);
}

/** Turn a macro-enabled or template workbook into a plain one: the workbook content type, and the VBA project left out. */
function makePlain(editor: PackageEditor, main: string, rels: ReturnType<OpcPackage['relationships']>, relsRoot: Element): boolean {
  const doc = editor.dom('[Content_Types].xml');
  let dropped = false;
  for (const el of elementsNS(doc, [CONTENT_TYPES_NS], 'Override')) {
    if ((el.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase() === main.toLowerCase() && el.getAttribute('ContentType') !== PLAIN_WORKBOOK_TYPE) {
      el.setAttribute('ContentType', PLAIN_WORKBOOK_TYPE);
      editor.touch('[Content_Types].xml');
    }
  }
  for (const rel of rels.filter((r) => r.kind === 'vbaProject' || r.type.endsWith('/vbaProject'))) {
    if (rel.part) {
      editor.remove(rel.part);
      editor.remove(relsPartOf(rel.part));
      removeOverride(editor, rel.part);
    }
    removeRelationship(editor, relsRoot, rel.id, main);
    dropped = true;
  }
  return dropped;
}
