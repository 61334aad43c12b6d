/**
 * The office's 公文 page, shared by every Word document we write (the attachment of exportDocx, the units' return
 * forms): A4 landscape with 25 mm margins, 公文 fonts and sizes, "— 1 —" page numbers, Chinese as the East Asian
 * language. One place, so that a change to the office's layout reaches every document.
 */
import { AlignmentType, Footer, PageNumber, PageOrientation, Paragraph, TextRun, type IPropertiesOptions, type ISectionOptions } from 'docx';
import { FONTS } from './fontTable';

/** A4 in twips (1/20 pt); docx swaps width and height for a landscape section. */
export const A4 = { width: 11906, height: 16838 };
/** 25 mm margins: room for binding and the page number. */
export const MARGIN = 1417;
export const TEXT_WIDTH = A4.height - 2 * MARGIN;

/** Half-points: 二号 22 pt title, 三号 16 pt title lines, 小四 12 pt table text, 四号 14 pt page numbers. */
export const SIZE = { title: 44, line: 32, table: 24, page: 28 };

export type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin, hint: 'eastAsia' as const });

export function textParagraph(text: string, options: { fontName: string; size: number; bold?: boolean; align?: Alignment; keepNext?: boolean }): Paragraph {
  return new Paragraph({
    alignment: options.align,
    keepNext: options.keepNext,
    children: [new TextRun({ text, font: font(options.fontName), size: options.size, bold: options.bold })],
  });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.pageNumber), size: SIZE.page })],
      }),
    ],
  });
}

/** The one section of a 公文 document: landscape A4, margins, page numbers from 1 in the footer. */
export function officeSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
        pageNumbers: { start: 1 },
      },
    },
    footers: { default: footer() },
    children,
  };
}

/** Document options every 公文 document shares. */
export function officeDocumentOptions(sections: ISectionOptions[]): IPropertiesOptions {
  return {
    creator: 'report-tables',
    styles: {
      // Chinese as the East Asian language: Word then breaks lines and checks spelling as for Chinese text.
      default: { document: { run: { font: font(FONTS.body), size: SIZE.table, language: { value: 'en-US', eastAsia: 'zh-CN' } } } },
    },
    sections,
  };
}
