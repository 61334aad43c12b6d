/**
 * What this Excel can do, from the requirement sets it reports at run time
 * (`Office.context.requirements.isSetSupported`, https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 * The manifest asks only for ExcelApi 1.1 so that every Excel from 2016 on opens the pane and can be told, in words,
 * what it needs; the pane then hides what this Excel lacks and says why.
 *
 * Excel 2016 supports ExcelApi 1.1 only; Excel 2019 up to 1.8; Excel 2021 up to 1.14; Excel 2024 up to 1.17;
 * Microsoft 365, Mac and Excel on the web the newest (same page). Reading merged areas needs 1.13, so 2016 and 2019
 * cannot read a pasted table faithfully: they are pointed to the web page, which needs no Excel at all.
 */
import type { Lang } from '../core/types';
import type { HostLimitation } from './host';

/** The set the add-in needs to work at all: merged areas (Range.getMergedAreasOrNullObject) arrived in 1.13. */
export const REQUIRED_EXCEL_API = '1.13';

export type IsSetSupported = (version: string) => boolean;

/** Null when this Excel can run the add-in; otherwise why not, in both languages. */
export function excelTooOld(isSupported: IsSetSupported): Record<Lang, string> | null {
  if (isSupported(REQUIRED_EXCEL_API)) return null;
  return {
    'zh-CN':
      '这个版本的 Excel 太旧（例如 Excel 2016 或 2019），读不出表格中的合并单元格，报表整理无法在这里运行。请使用 Excel 2021、Excel 2024、Microsoft 365 或 Excel 网页版；也可以不装任何软件，改用报表整理网页版：在浏览器中打开网页，选择 Excel 或 Word 文件即可。',
    'en-US':
      'This Excel is too old (for example Excel 2016 or 2019): it cannot read merged cells, so Report tables cannot run here. Use Excel 2021, Excel 2024, Microsoft 365 or Excel on the web — or the Report tables web page, which needs no installation: open it in a browser and choose the Excel or Word file.',
  };
}

/** Features needing a later set than REQUIRED_EXCEL_API, each with the sentence shown where the feature would be. */
export function excelLimitations(isSupported: IsSetSupported): HostLimitation[] {
  const out: HostLimitation[] = [];
  if (!isSupported('1.18')) {
    out.push({
      feature: 'notes',
      messages: {
        'zh-CN': '这个版本的 Excel 不支持由加载项添加批注，标记问题时只填充颜色，问题说明请看本窗格的列表（需要 Microsoft 365 或 Excel 网页版）。',
        'en-US': 'This Excel does not let add-ins add notes: marking fills the cells only; the explanations are in this pane (needs Microsoft 365 or Excel on the web).',
      },
    });
  }
  if (!isSupported('1.20')) {
    out.push({
      feature: 'undo',
      messages: {
        'zh-CN': '这个版本的 Excel 不能把一次整理合并为一步撤销；整理前会自动保留原表（新工作表或备份工作表），需要时从那里恢复。',
        'en-US': 'This Excel cannot make one repair a single undo step; the original table is always kept (new sheet or backup sheet) to restore from.',
      },
    });
  }
  return out;
}
