/**
 * Add worksheets to an .xlsx package without rewriting what is already there.
 *
 * An exceljs round trip drops what exceljs does not model (charts, pivot tables, data validations …), so the output
 * is the input zip with every part copied byte for byte, except the few that must list the new sheets: the workbook,
 * its relationships, [Content_Types].xml, the styles (new cell formats appended) and docProps/app.xml.
 */
import path from 'node:path';
import { entryContent, readZip, writeZip } from './zip';
import type { StoredEntry, ZipEntry } from './zip';

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${RELATIONSHIPS_NS}/worksheet`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** Cell formats (indices into cellXfs) the new sheets use; all wrap text and align to the top. */
export interface CellStyles {
  plain: number;
  bold: number;
  percent: number;
  /** Bold under a thin top rule: a totals row. */
  total: number;
  totalPercent: number;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  targetMode?: string;
}

interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
}

export class XlsxPackage {
  private readonly entries: ZipEntry[];
  /** Part contents read so far and changed, by zip entry name. */
  private readonly changed = new Map<string, string>();
  private readonly workbookPart: string;
  private cellStyles: CellStyles | undefined;

  private constructor(entries: ZipEntry[], workbookPart: string) {
    this.entries = entries;
    this.workbookPart = workbookPart;
  }

  /** Read the zip's directory and the parts that say where the workbook is. Throws on anything that is not an .xlsx package. */
  static async open(zip: Buffer): Promise<XlsxPackage> {
    const entries = readZip(zip);
    const probe = new XlsxPackage(entries, '');
    const rootRels = parseRelationships(await probe.text('_rels/.rels'));
    const main = rootRels.find((rel) => rel.type.endsWith('/officeDocument'));
    if (!main) throw new Error('no workbook in the package');
    const workbookPart = resolveTarget('', main.target);
    if (probe.find(workbookPart) === undefined) throw new Error(`missing part ${workbookPart}`);
    return new XlsxPackage(entries, workbookPart);
  }

  /**
   * Make the package a plain .xlsx workbook: Excel refuses a file named .xlsx whose workbook is declared a template or
   * macro-enabled (.xltx, .xlsm), so the workbook's content type becomes the plain one and the macros are left out.
   */
  async asPlainWorkbook(): Promise<void> {
    let typesXml = await this.text('[Content_Types].xml');
    const workbookOverride = new RegExp(`(<Override\\b[^>]*PartName\\s*=\\s*["']/${escapeRegExp(this.workbookPart)}["'][^>]*ContentType\\s*=\\s*["'])([^"']*)(["'])`, 'i');
    const declared = workbookOverride.exec(typesXml)?.[2];
    if (declared === undefined || declared === WORKBOOK_TYPE) return;
    typesXml = typesXml.replace(workbookOverride, `$1${WORKBOOK_TYPE}$3`);
    const relsPart = this.relsPart(this.workbookPart);
    let relsXml = await this.text(relsPart);
    for (const rel of parseRelationships(relsXml).filter((r) => r.type.endsWith('/vbaProject'))) {
      const part = resolveTarget(this.workbookPart, rel.target);
      this.remove(part);
      this.remove(this.relsPart(part));
      typesXml = typesXml.replace(new RegExp(`<Override\\b[^>]*PartName\\s*=\\s*["']/${escapeRegExp(part)}["'][^>]*/>`, 'i'), '');
      relsXml = relsXml.replace(new RegExp(`<Relationship\\b[^>]*\\bId\\s*=\\s*["']${escapeRegExp(rel.id)}["'][^>]*/>`), '');
    }
    this.changed.set(this.entryName('[Content_Types].xml'), typesXml);
    this.changed.set(this.entryName(relsPart), relsXml);
  }

  /** Names of every sheet (worksheets, chart sheets …) in workbook order. */
  async sheetNames(): Promise<string[]> {
    return parseSheets(await this.text(this.workbookPart)).map((sheet) => sheet.name);
  }

  /** The cell formats for new sheets, appended to the workbook's styles once. Index 0 throughout if the styles cannot be extended. */
  async styles(): Promise<CellStyles> {
    if (this.cellStyles) return this.cellStyles;
    const rels = parseRelationships(await this.text(this.relsPart(this.workbookPart)));
    const stylesRel = rels.find((rel) => rel.type.endsWith('/styles'));
    const stylesPart = stylesRel ? resolveTarget(this.workbookPart, stylesRel.target) : undefined;
    const extended = stylesPart && this.find(stylesPart) !== undefined ? appendCellStyles(await this.text(stylesPart)) : null;
    if (stylesPart && extended) this.changed.set(this.entryName(stylesPart), extended.xml);
    this.cellStyles = extended?.styles ?? { plain: 0, bold: 0, percent: 0, total: 0, totalPercent: 0 };
    return this.cellStyles;
  }

  /** Add a worksheet at the end of the workbook. `name` must be a valid sheet name not yet in the workbook. */
  async addWorksheet(name: string, xml: Buffer): Promise<void> {
    const workbookDir = path.posix.dirname(this.workbookPart);
    const partName = this.freeSheetPart(workbookDir);
    this.entries.push({ kind: 'new', name: partName, content: xml });

    const relsPart = this.relsPart(this.workbookPart);
    const relsXml = await this.text(relsPart);
    const relId = freeRelationshipId(parseRelationships(relsXml));
    const target = path.posix.relative(workbookDir === '.' ? '' : workbookDir, partName);
    this.changed.set(
      this.entryName(relsPart),
      insertBeforeClose(relsXml, 'Relationships', `<Relationship Id="${relId}" Type="${WORKSHEET_REL}" Target="${escapeAttribute(target)}"/>`),
    );

    const workbookXml = await this.text(this.workbookPart);
    const sheets = parseSheets(workbookXml);
    const sheetId = Math.max(0, ...sheets.map((sheet) => sheet.sheetId)) + 1;
    const rPrefix = namespacePrefix(workbookXml, RELATIONSHIPS_NS);
    const idAttribute = rPrefix === null ? `xmlns:r="${RELATIONSHIPS_NS}" r:id="${relId}"` : `${rPrefix}:id="${relId}"`;
    const p = rootPrefix(workbookXml, 'workbook');
    this.changed.set(
      this.entryName(this.workbookPart),
      insertBeforeClose(workbookXml, `${p}sheets`, `<${p}sheet name="${escapeAttribute(name)}" sheetId="${sheetId}" ${idAttribute}/>`),
    );

    const typesXml = await this.text('[Content_Types].xml');
    this.changed.set(
      this.entryName('[Content_Types].xml'),
      insertBeforeClose(typesXml, 'Types', `<Override PartName="/${escapeAttribute(partName)}" ContentType="${WORKSHEET_TYPE}"/>`),
    );

    await this.listInAppProperties(name, sheets.length);
  }

  /**
   * Put `xml` in place of the worksheet `oldName` and call it `newName`: its position, sheetId and relationship stay,
   * so nothing else in the workbook moves. The tables of the old sheet are removed with it (their names are
   * workbook-wide), as are names defined for that sheet only; other parts it used are left unreferenced. False if
   * there is no worksheet of that name.
   */
  async replaceWorksheet(oldName: string, newName: string, xml: Buffer): Promise<boolean> {
    const workbookXml = await this.text(this.workbookPart);
    const sheets = parseSheets(workbookXml);
    const index = sheets.findIndex((sheet) => sheet.name === oldName);
    if (index < 0) return false;
    const rels = parseRelationships(await this.text(this.relsPart(this.workbookPart)));
    const rel = rels.find((r) => r.id === sheets[index].relId);
    if (!rel || !rel.type.endsWith('/worksheet')) return false;
    const part = resolveTarget(this.workbookPart, rel.target);
    const position = this.entries.findIndex((entry) => entry.name.toLowerCase() === part.toLowerCase());
    if (position < 0) return false;
    this.entries[position] = { kind: 'new', name: this.entries[position].name, content: xml };
    this.changed.delete(this.entries[position].name);

    const sheetRelsPart = this.relsPart(part);
    if (this.find(sheetRelsPart) !== undefined) {
      const tables = parseRelationships(await this.text(sheetRelsPart))
        .filter((r) => r.type.endsWith('/table') && r.targetMode !== 'External')
        .map((r) => resolveTarget(part, r.target));
      let typesXml = await this.text('[Content_Types].xml');
      for (const table of tables) {
        this.remove(table);
        typesXml = typesXml.replace(new RegExp(`<Override\\b[^>]*PartName\\s*=\\s*["']/${escapeRegExp(table)}["'][^>]*/>`, 'i'), '');
      }
      this.changed.set(this.entryName('[Content_Types].xml'), typesXml);
      this.remove(sheetRelsPart);
    }

    this.changed.set(this.entryName(this.workbookPart), dropLocalNames(renameSheet(workbookXml, index, newName), index));
    const app = 'docProps/app.xml';
    if (this.find(app) !== undefined) {
      const appXml = await this.text(app);
      const renamed = renameTitle(appXml, oldName, newName);
      if (renamed !== appXml) this.changed.set(this.entryName(app), renamed);
    }
    return true;
  }

  /** The package as a zip: unchanged entries copied as stored, changed parts and new sheets deflated. */
  async toBuffer(): Promise<Buffer> {
    const entries = this.entries.map((entry): ZipEntry => {
      const text = this.changed.get(entry.name);
      return text === undefined ? entry : { kind: 'new', name: entry.name, content: Buffer.from(text, 'utf8') };
    });
    return writeZip(entries);
  }

  /**
   * docProps/app.xml names the worksheets (TitlesOfParts, counted in HeadingPairs). Excel tolerates a stale list, so it
   * is only updated when it plainly lists the workbook's sheets first; otherwise it is left as it was.
   */
  private async listInAppProperties(name: string, sheetsBefore: number): Promise<void> {
    const part = 'docProps/app.xml';
    if (this.find(part) === undefined) return;
    const xml = await this.text(part);
    const updated = appendWorksheetTitle(xml, name, sheetsBefore);
    if (updated !== null) this.changed.set(this.entryName(part), updated);
  }

  private remove(part: string): void {
    const at = this.entries.findIndex((entry) => entry.name.toLowerCase() === part.toLowerCase());
    if (at >= 0) {
      this.changed.delete(this.entries[at].name);
      this.entries.splice(at, 1);
    }
  }

  private find(part: string): ZipEntry | undefined {
    const wanted = part.toLowerCase();
    return this.entries.find((entry) => entry.name.toLowerCase() === wanted);
  }

  /** Part names compare without case (OPC); the zip entry keeps its own spelling. */
  private entryName(part: string): string {
    return this.find(part)?.name ?? part;
  }

  private async text(part: string): Promise<string> {
    const entry = this.find(part);
    if (entry === undefined) throw new Error(`missing part ${part}`);
    const changed = this.changed.get(entry.name);
    if (changed !== undefined) return changed;
    return (entry.kind === 'new' ? entry.content : await entryContent(entry as StoredEntry)).toString('utf8');
  }

  private relsPart(part: string): string {
    const dir = path.posix.dirname(part);
    return `${dir === '.' ? '' : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
  }

  private freeSheetPart(workbookDir: string): string {
    const prefix = `${workbookDir === '.' ? '' : `${workbookDir}/`}worksheets/sheet`;
    for (let n = 1; ; n += 1) {
      const candidate = `${prefix}${n}.xml`;
      if (this.find(candidate) === undefined) return candidate;
    }
  }
}

/** `<Relationship>` elements of a .rels part. */
function parseRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((match) => {
    const attributes = parseAttributes(match[1]);
    return { id: attributes.Id ?? '', type: attributes.Type ?? '', target: attributes.Target ?? '', targetMode: attributes.TargetMode };
  });
}

/** `<sheet>` elements of workbook.xml: name, sheetId and relationship id. */
function parseSheets(xml: string): SheetEntry[] {
  const sheets = section(xml, `${rootPrefix(xml, 'workbook')}sheets`);
  return [...(sheets?.body ?? '').matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)].map((match) => {
    const attributes = parseAttributes(match[1]);
    const relId = Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1] ?? '';
    return { name: attributes.name ?? '', sheetId: Number(attributes.sheetId) || 0, relId };
  });
}

/** Set the name of the index-th `<sheet>` of workbook.xml. */
function renameSheet(xml: string, index: number, name: string): string {
  const sheets = section(xml, `${rootPrefix(xml, 'workbook')}sheets`);
  if (!sheets) return xml;
  const bodyStart = sheets.start + sheets.open.length;
  const element = [...sheets.body.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)][index];
  if (!element) return xml;
  const renamed = element[0].replace(/\bname\s*=\s*(?:"[^"]*"|'[^']*')/, `name="${escapeAttribute(name)}"`);
  const at = bodyStart + (element.index ?? 0);
  return `${xml.slice(0, at)}${renamed}${xml.slice(at + element[0].length)}`;
}

/** Remove the defined names that belong to the index-th sheet only (localSheetId): they refer to what the sheet held. */
function dropLocalNames(xml: string, index: number): string {
  const dropped = xml.replace(new RegExp(`<(\\w+:)?definedName\\b[^>]*\\blocalSheetId\\s*=\\s*["']${index}["'][^>]*(?:/>|>[\\s\\S]*?</\\1?definedName>)`, 'g'), '');
  return dropped.replace(/<(\w+:)?definedNames\s*>\s*<\/\1?definedNames>|<(\w+:)?definedNames\s*\/>/, '');
}

/** Rename a sheet in docProps/app.xml's TitlesOfParts, if it is listed there. */
function renameTitle(xml: string, oldName: string, newName: string): string {
  const titles = xml.search(/<(\w+:)?TitlesOfParts>/);
  if (titles < 0) return xml;
  const item = new RegExp(`(<(\\w+:)?lpstr>)${escapeRegExp(escapeAttribute(oldName))}(</\\2?lpstr>)`);
  return xml.slice(0, titles) + xml.slice(titles).replace(item, (_, open: string, _prefix: string, close: string) => `${open}${escapeAttribute(newName)}${close}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[match[1]] = decodeXml(match[2] ?? match[3] ?? '');
  return attributes;
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex: string, dec: string, named: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named] ?? '';
  });
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);
}

/** A part path from a relationship target: absolute ("/xl/…") or relative to the source part's folder. */
function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURI(target);
  } catch {
    // Not percent-encoded after all: use as written.
  }
  if (decoded.startsWith('/')) return path.posix.normalize(decoded.slice(1));
  return path.posix.normalize(path.posix.join(path.posix.dirname(sourcePart), decoded));
}

function freeRelationshipId(rels: Relationship[]): string {
  const taken = new Set(rels.map((rel) => rel.id));
  for (let n = rels.length + 1; ; n += 1) if (!taken.has(`rId${n}`)) return `rId${n}`;
}

/** The prefix (with its colon, or '') of a part's root element, e.g. 'x:' for `<x:workbook xmlns:x=…>`. */
function rootPrefix(xml: string, localName: string): string {
  const match = new RegExp(`<(\\w+:)?${localName}\\b`).exec(xml);
  return match?.[1] ?? '';
}

function namespacePrefix(xml: string, namespace: string): string | null {
  const match = new RegExp(`xmlns:(\\w+)\\s*=\\s*["']${escapeRegExp(namespace)}["']`).exec(xml);
  return match?.[1] ?? null;
}

/** Insert `content` as the last child of the first `<tag>` element; a self-closing `<tag/>` is opened up. */
function insertBeforeClose(xml: string, tag: string, content: string): string {
  const close = xml.indexOf(`</${tag}>`);
  if (close >= 0) return `${xml.slice(0, close)}${content}${xml.slice(close)}`;
  const selfClosing = new RegExp(`<${tag}(\\s[^>]*)?/>`).exec(xml);
  if (selfClosing) return `${xml.slice(0, selfClosing.index)}<${tag}${selfClosing[1] ?? ''}>${content}</${tag}>${xml.slice(selfClosing.index + selfClosing[0].length)}`;
  throw new Error(`no <${tag}> element`);
}

interface Section {
  start: number;
  end: number;
  open: string;
  body: string;
}

/** The first `<p:tag …>…</p:tag>` element, split into its opening tag and body. */
function section(xml: string, tag: string): Section | null {
  const match = new RegExp(`(<${tag}\\b[^>]*>)([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!match) return null;
  return { start: match.index, end: match.index + match[0].length, open: match[1], body: match[2] };
}

function childCount(body: string, tag: string): number {
  return (body.match(new RegExp(`<${tag}[\\s/>]`, 'g')) ?? []).length;
}

function withCount(open: string, count: number): string {
  return /\bcount\s*=\s*["']\d*["']/.test(open) ? open.replace(/\bcount\s*=\s*["']\d*["']/, `count="${count}"`) : open.replace(/>$/, ` count="${count}">`);
}

/**
 * Append a bold copy of the default font, a thin top border and five cell formats to styles.xml. The sections are
 * patched from the end of the file backwards so earlier offsets stay valid. Null if the styles lack fonts or cellXfs.
 */
export function appendCellStyles(xml: string): { xml: string; styles: CellStyles } | null {
  const p = rootPrefix(xml, 'styleSheet');
  const fonts = section(xml, `${p}fonts`);
  const cellXfs = section(xml, `${p}cellXfs`);
  if (!fonts || !cellXfs) return null;
  const borders = section(xml, `${p}borders`);
  const fills = section(xml, `${p}fills`);
  const cellStyleXfs = section(xml, `${p}cellStyleXfs`);

  const defaultFont = new RegExp(`<${p}font\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}font>)`).exec(fonts.body)?.[0] ?? `<${p}font/>`;
  const boldFont = defaultFont
    .replace(new RegExp(`<${p}b\\b[^>]*/>`, 'g'), '')
    .replace(new RegExp(`^<${p}font\\b([^>]*?)\\s*/>$`), `<${p}font$1></${p}font>`)
    .replace(new RegExp(`^(<${p}font\\b[^>]*>)`), `$1<${p}b/>`);
  const fontCount = childCount(fonts.body, `${p}font`);
  const borderCount = borders ? childCount(borders.body, `${p}border`) : 0;
  const xfCount = childCount(cellXfs.body, `${p}xf`);

  const base = `${fills ? ' fillId="0"' : ''}${cellStyleXfs && childCount(cellStyleXfs.body, `${p}xf`) > 0 ? ' xfId="0"' : ''}`;
  const alignment = `<${p}alignment vertical="top" wrapText="1"/>`;
  const xf = (numFmt: number, font: number, border: number | null): string =>
    `<${p}xf numFmtId="${numFmt}" fontId="${font}"${base}${border === null ? '' : ` borderId="${border}"`}` +
    `${numFmt !== 0 ? ' applyNumberFormat="1"' : ''}${font !== 0 ? ' applyFont="1"' : ''}${border ? ' applyBorder="1"' : ''} applyAlignment="1">${alignment}</${p}xf>`;
  const plainBorder = borders ? 0 : null;
  const ruleBorder = borders ? borderCount : null;
  // 10 is Excel's built-in "0.00%": no numFmts entry needed.
  const newXfs = [xf(0, 0, plainBorder), xf(0, fontCount, plainBorder), xf(10, 0, plainBorder), xf(0, fontCount, ruleBorder), xf(10, fontCount, ruleBorder)];
  const styles: CellStyles = { plain: xfCount, bold: xfCount + 1, percent: xfCount + 2, total: xfCount + 3, totalPercent: xfCount + 4 };

  const patches: Array<{ at: Section; text: string }> = [
    { at: fonts, text: `${withCount(fonts.open, fontCount + 1)}${fonts.body}${boldFont}</${p}fonts>` },
    { at: cellXfs, text: `${withCount(cellXfs.open, xfCount + newXfs.length)}${cellXfs.body}${newXfs.join('')}</${p}cellXfs>` },
  ];
  if (borders) {
    const rule = `<${p}border><${p}left/><${p}right/><${p}top style="thin"><${p}color auto="1"/></${p}top><${p}bottom/><${p}diagonal/></${p}border>`;
    patches.push({ at: borders, text: `${withCount(borders.open, borderCount + 1)}${borders.body}${rule}</${p}borders>` });
  }
  let out = xml;
  for (const { at, text } of patches.sort((a, b) => b.at.start - a.at.start)) out = `${out.slice(0, at.start)}${text}${out.slice(at.end)}`;
  return { xml: out, styles };
}

/**
 * Add a worksheet title to docProps/app.xml if its first heading pair counts exactly the workbook's sheets listed
 * first in TitlesOfParts; null when the file says something else (then it is left alone).
 */
export function appendWorksheetTitle(xml: string, name: string, sheetsBefore: number): string | null {
  const headings = /<(\w+:)?HeadingPairs>\s*<(\w+:)vector\b[^>]*>\s*<\2variant>\s*<\2lpstr>[^<]*<\/\2lpstr>\s*<\/\2variant>\s*<\2variant>\s*<\2i4>(\d+)<\/\2i4>/.exec(xml);
  const titles = /(<(\w+:)?TitlesOfParts>\s*<(\w+:)vector\b[^>]*\bsize=")(\d+)("[^>]*>)([\s\S]*?)(<\/\3vector>)/.exec(xml);
  if (!headings || !titles || headings.index > titles.index || Number(headings[3]) !== sheetsBefore) return null;
  const v = titles[3];
  const items = [...titles[6].matchAll(new RegExp(`<${v}lpstr>[^<]*</${v}lpstr>`, 'g'))];
  if (items.length !== Number(titles[4]) || items.length < sheetsBefore) return null;
  const insertAt = sheetsBefore === 0 ? 0 : (items[sheetsBefore - 1].index ?? 0) + items[sheetsBefore - 1][0].length;
  const body = `${titles[6].slice(0, insertAt)}<${v}lpstr>${escapeAttribute(name)}</${v}lpstr>${titles[6].slice(insertAt)}`;
  const newTitles = `${titles[1]}${items.length + 1}${titles[5]}${body}${titles[7]}`;
  const countAt = headings.index + headings[0].lastIndexOf(`>${headings[3]}<`) + 1;
  const withTitles = `${xml.slice(0, titles.index)}${newTitles}${xml.slice(titles.index + titles[0].length)}`;
  // HeadingPairs comes before TitlesOfParts, so its offset is unchanged by the edit above.
  return `${withTitles.slice(0, countAt)}${sheetsBefore + 1}${withTitles.slice(countAt + headings[3].length)}`;
}
