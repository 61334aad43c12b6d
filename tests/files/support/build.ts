/**
 * Packages built by code for the file-layer tests: fflate for the zip, XML as strings (malformed and unusual variants
 * are the point), and a strict, namespace-aware check of every XML part of an output.
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8, unzipSync, strFromU8, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
export const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export type Parts = Record<string, string | Uint8Array>;

export interface BookOptions {
  /** Prefix of the main namespace on every element ('' for the default namespace). */
  prefix?: string;
  /** Declare xmlns:r on each <sheet> (as openpyxl does) instead of on <workbook>. */
  localRelPrefix?: boolean;
  /** Relationship targets written absolute (/xl/worksheets/sheet1.xml). */
  absolute?: boolean;
  /** Where the workbook part lives. */
  workbookPart?: string;
  strict?: boolean;
  /** Extra XML inside <workbook> after <sheets> (definedNames…). */
  workbookExtra?: string;
  workbookContentType?: string;
  date1904?: boolean;
}

export interface SheetDef {
  name: string;
  /** Everything inside <worksheet> (<sheetData>…, <mergeCells>…), with the package's prefix. */
  xml: string;
  state?: 'hidden';
}

/** A workbook package as parts: one worksheet part per sheet, shared strings and styles when given. */
export function workbookParts(sheets: SheetDef[], options: BookOptions & { sharedStrings?: string[]; styles?: string; extraParts?: Parts } = {}): Parts {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.strict ? STRICT_MAIN : MAIN;
  const rel = options.strict ? STRICT_REL : REL;
  const xmlns = options.prefix ? `xmlns:${options.prefix}="${ns}"` : `xmlns="${ns}"`;
  const wbPart = options.workbookPart ?? 'xl/workbook.xml';
  const wbDir = wbPart.includes('/') ? wbPart.slice(0, wbPart.lastIndexOf('/')) : '';
  const target = (part: string): string => (options.absolute ? `/${part}` : wbDir && part.startsWith(`${wbDir}/`) ? part.slice(wbDir.length + 1) : part);
  const parts: Parts = {};
  const overrides: string[] = [`<Override PartName="/${wbPart}" ContentType="${options.workbookContentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'}"/>`];
  const rels: string[] = [];
  const sheetEls: string[] = [];
  sheets.forEach((sheet, i) => {
    const part = `${wbDir ? `${wbDir}/` : ''}worksheets/sheet${i + 1}.xml`;
    parts[part] = `${HEAD}<${p}worksheet ${xmlns}>${sheet.xml}</${p}worksheet>`;
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="${target(part)}"/>`);
    const rAttr = options.localRelPrefix ? `xmlns:r="${rel}" r:id="rId${i + 1}"` : `r:id="rId${i + 1}"`;
    sheetEls.push(`<${p}sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} ${rAttr}/>`);
  });
  if (options.sharedStrings) {
    const part = `${wbDir ? `${wbDir}/` : ''}sharedStrings.xml`;
    parts[part] = `${HEAD}<${p}sst ${xmlns} count="${options.sharedStrings.length}">${options.sharedStrings.map((s) => (s.startsWith('<') ? `<${p}si>${s}</${p}si>` : `<${p}si><${p}t xml:space="preserve">${s}</${p}t></${p}si>`)).join('')}</${p}sst>`;
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
    rels.push(`<Relationship Id="rId90" Type="${rel}/sharedStrings" Target="${target(part)}"/>`);
  }
  if (options.styles) {
    const part = `${wbDir ? `${wbDir}/` : ''}styles.xml`;
    parts[part] = `${HEAD}<${p}styleSheet ${xmlns}>${options.styles}</${p}styleSheet>`;
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
    rels.push(`<Relationship Id="rId91" Type="${rel}/styles" Target="${target(part)}"/>`);
  }
  const rootR = options.localRelPrefix ? '' : ` xmlns:r="${rel}"`;
  const pr = options.date1904 ? `<${p}workbookPr date1904="1"/>` : '';
  parts[wbPart] = `${HEAD}<${p}workbook ${xmlns}${rootR}>${pr}<${p}sheets>${sheetEls.join('')}</${p}sheets>${options.workbookExtra ?? ''}</${p}workbook>`;
  const relsPart = `${wbDir ? `${wbDir}/` : ''}_rels/${wbPart.slice(wbDir ? wbDir.length + 1 : 0)}.rels`;
  parts[relsPart] = `${HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
  parts['_rels/.rels'] = `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="${options.absolute ? '/' : ''}${wbPart}"/></Relationships>`;
  parts['[Content_Types].xml'] = `${HEAD}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  return { ...parts, ...(options.extraParts ?? {}) };
}

export function zip(parts: Parts, level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, content] of Object.entries(parts)) files[name] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  return zipSync(files);
}

/** A zip written as a stream: every entry with a data descriptor (sizes after the data), as Java and .NET writers do. */
export function streamedZip(entries: Array<[string, string | Uint8Array]>, stored = false): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, content] of entries) {
    const file = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    z.add(file);
    file.push(typeof content === 'string' ? strToU8(content) : content, true);
  }
  z.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function text(bytes: Uint8Array): string {
  return strFromU8(bytes);
}

/**
 * Every XML part of a package parses with a strict, namespace-aware parser: an undeclared prefix, a duplicate
 * attribute or a stray character fails. Returns the names of the parts checked.
 */
export function expectWellFormedPackage(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const checked: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    let failure: string | null = null;
    parser.on('error', (error) => {
      failure ??= `${name}: ${error.message}`;
    });
    parser.write(strFromU8(data)).close();
    if (failure !== null) throw new Error(failure);
    checked.push(name);
  }
  return checked;
}

/** A sheet's <sheetData> with inline-string and number cells: rows of [ref, value]. */
export function sheetData(rows: Array<Array<[string, string | number]>>, prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const rowXml = rows.map((cells, i) => {
    const c = cells.map(([ref, v]) => (typeof v === 'number' ? `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>` : `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${v}</${p}t></${p}is></${p}c>`));
    return `<${p}row r="${i + 1}">${c.join('')}</${p}row>`;
  });
  return `<${p}sheetData>${rowXml.join('')}</${p}sheetData>`;
}
