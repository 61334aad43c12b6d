import { defaultConfig } from './config/schema';
import { analyze, type AnalyzeOptions } from './analyze';
import { summarize } from './summary/summarize';
import { findHeader } from './table/header';
import { GridView } from './grid/gridView';
import { UnusableInputError, type Analysis, type Grid, type Lang, type ParsedTable, type Summary } from './types';

export interface WorkbookSheet {
  name: string;
  grid: Grid;
}

export interface SheetAnalysis {
  name: string;
  /** null when the sheet holds no report table (see `skipped`). */
  analysis: Analysis | null;
  /** Why the sheet was left out: empty, or no header the engine recognises. */
  skipped: { code: string; messages: Record<Lang, string> } | null;
  /** The official the sheet's name gave its records (a workbook with one sheet per official), null when not used. */
  officialFromName: string | null;
}

export interface WorkbookAnalysis {
  sheets: SheetAnalysis[];
  /** One summary over the records of every analysed sheet (lagging tasks carry their sheet). */
  summary: Summary;
}

export interface WorkbookOptions extends Omit<AnalyzeOptions, 'sheetOfficial'> {
  /** Only this sheet (the CLI's --sheet NAME); default every sheet that holds a report table. */
  sheet?: string;
}

const TITLES = '(?:同志|常务副?[市区县]长|副?[市区县]长|副?书记|副?主任|秘书长)';
const STRONG_RE = new RegExp(`^([\\u4e00-\\u9fff·]{2,4}?)${TITLES}?(?:分管(?:工作|事项|任务)?)?(?:[（(]\\s*共?\\s*\\d+\\s*项\\s*[)）])?$`);
/** Characters a sheet name has when it names the table, a period or a unit, never a person. */
const NOT_A_NAME = /表|汇总|台账|任务|工作|进展|情况|统计|目录|说明|附件|清单|重点|计划|全部|数据|季度|\d|[月年部局办委区市县镇省页类项]$/;

/** The commonest surnames (about nine in ten people carry one): a bare sheet name must start with one to be a person. */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤邝芶劳容庄简元阮'.split(''),
);

/**
 * The official a sheet's name gives: "胡钛", "胡钛副市长", "胡钛同志分管工作". A bare name counts only when every
 * sheet of the workbook is named so (one sheet per official); a name with a title (副市长, 同志) or 分管 counts alone.
 */
export function officialFromSheetName(name: string, everySheetIsANameToo: boolean): string | null {
  const text = name.replace(/[\s\u3000]+/g, '');
  const m = STRONG_RE.exec(text);
  if (!m) return null;
  const person = m[1];
  const titled = text.length > person.length;
  if (NOT_A_NAME.test(person)) return null;
  // A bare name ("胡钛") could be a district ("新会") just as well: it counts only among sheets all named so, and
  // only when it starts with a surname.
  return titled || (everySheetIsANameToo && SURNAMES.has(person[0]) && person.length <= 3) ? person : null;
}

function holdsTable(grid: Grid, options: WorkbookOptions): boolean {
  if (grid.values.length === 0) return false;
  return findHeader(new GridView(grid), options.config ?? defaultConfig()) !== null;
}

/**
 * Every sheet of a workbook that holds a report table, analysed on its own, and one summary over all of them.
 * A sheet's name gives its records an official only where the table itself names none.
 */
export function analyzeWorkbook(sheets: WorkbookSheet[], options: WorkbookOptions = {}): WorkbookAnalysis {
  const chosen = options.sheet !== undefined ? sheets.filter((s) => s.name === options.sheet) : sheets;
  const withTables = sheets.filter((s) => holdsTable(s.grid, options));
  // Whether the workbook is one sheet per official is a property of all its sheets, also when only one is checked.
  const allNames = withTables.length >= 2 && withTables.every((s) => officialFromSheetName(s.name, true) !== null);
  const results: SheetAnalysis[] = chosen.map((sheet) => {
    if (!withTables.includes(sheet)) {
      return {
        name: sheet.name,
        analysis: null,
        skipped: {
          code: sheet.grid.values.length === 0 ? 'empty' : 'no-header',
          messages: {
            'zh-CN': `工作表“${sheet.name}”中没有可识别的进展情况表，已跳过。`,
            'en-US': `Sheet "${sheet.name}" holds no progress table the engine recognises; skipped.`,
          },
        },
        officialFromName: null,
      };
    }
    const sheetOfficial = officialFromSheetName(sheet.name, allNames);
    try {
      const analysis = analyze({ ...sheet.grid, sheet: sheet.grid.sheet ?? sheet.name }, { ...options, sheetOfficial });
      const used = analysis.table.records.some((r) => r.officialSource === 'sheet');
      return { name: sheet.name, analysis, skipped: null, officialFromName: used ? sheetOfficial : null };
    } catch (error) {
      if (!(error instanceof UnusableInputError)) throw error;
      return { name: sheet.name, analysis: null, skipped: { code: error.code, messages: error.messages }, officialFromName: null };
    }
  });
  return { sheets: results, summary: combinedSummary(results, options) };
}

/** The records of every sheet counted as one table; a lagging task says which sheet it is on. */
function combinedSummary(sheets: SheetAnalysis[], options: WorkbookOptions): Summary {
  const analysed = sheets.filter((s): s is SheetAnalysis & { analysis: Analysis } => s.analysis !== null);
  const sheetOfRecord = new Map<object, string>();
  const records = analysed.flatMap((s) => {
    for (const r of s.analysis.table.records) sheetOfRecord.set(r, s.name);
    return s.analysis.table.records;
  });
  const first = analysed[0]?.analysis.table;
  const table: ParsedTable = {
    sheet: null,
    range: first?.range ?? 'A1',
    titleLines: [],
    titleRows: [],
    title: null,
    declaredTotal: null,
    declaredTotalRow: null,
    header: first?.header ?? { rows: [], columns: [] },
    sections: [],
    records,
    removed: [],
    structureFindings: [],
  };
  return summarize(table, options.config ?? defaultConfig(), { today: options.today ?? null, sheetOf: (r) => sheetOfRecord.get(r) ?? null });
}
