/**
 * A unit's return form as a Word document, for the units that work in Word rather than Excel: the same rows as the
 * unit's workbook (planSplit's sheet: lead tasks first, then shared ones, last period's progress for reference), on
 * the office's 公文 page (page.ts, shared with the attachment of exportDocx). The 进展状态 cell of every row holds a
 * drop-down list content control of the status vocabulary, and the note above the table names the same words, for
 * WPS and older Word that show the control as plain text. The merge reads the returned document back through
 * readDocx like any other Word table. Bytes out as a Uint8Array (no Node-only API).
 */
import {
  AlignmentType,
  BuilderElement,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { SPLIT_LABELS, type UnitSplit } from '../../core/returns';
import { addFontFallbacks, FONTS } from './fontTable';
import { font, officeDocumentOptions, officeSection, SIZE, TEXT_WIDTH, textParagraph } from './page';

export interface ReturnFormOptions {
  /** The period the unit reports on, as in the title (2018年1-10月); null when the master names none. */
  period: string | null;
  /** The status words of the office's vocabulary, in the order the drop-down offers them. */
  statuses: readonly string[];
}

/** Shown in the status cell until the clerk picks a word; marked as placeholder, so it is never read as an answer. */
export const STATUS_PLACEHOLDER = '请选择';
/** Tag of the status content controls: lets a later reader (or a macro of the office) find them. */
export const STATUS_CONTROL_TAG = 'report-tables:status';

/** Share of the table width per column label: the two progress columns get the most room, the status enough for 基本按进度完成 over two lines. */
const WEIGHTS: Record<string, number> = {
  [SPLIT_LABELS.number]: 5,
  [SPLIT_LABELS.task]: 17,
  [SPLIT_LABELS.plan]: 10,
  [SPLIT_LABELS.units]: 9,
  [SPLIT_LABELS.persons]: 6,
  [SPLIT_LABELS.role]: 5,
  [SPLIT_LABELS.last]: 22,
  [SPLIT_LABELS.status]: 9,
  [SPLIT_LABELS.progress]: 25,
};

/** Lines above the table: title with the unit and period, the count, and how to fill the form. */
export function returnFormTitle(part: UnitSplit, options: ReturnFormOptions): { title: string; count: string; note: string } {
  const total = part.leads.length + part.shares.length;
  return {
    title: `${part.unit}${options.period ?? ''}重点工作进展情况报送表`,
    count: `（共${total}项，其中牵头${part.leads.length}项）`,
    note:
      `填写说明：请在“${SPLIT_LABELS.status}”栏从下拉列表中选择一项（${options.statuses.join('、')}），` +
      `在“${SPLIT_LABELS.progress}”栏填写本期进展；“${SPLIT_LABELS.last}”仅供对照。请勿增删行列，其他栏目请勿改动。`,
  };
}

function columnWidths(columns: readonly string[]): number[] {
  const weights = columns.map((c) => WEIGHTS[c] ?? 10);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * A drop-down list content control (ECMA-376 Part 1, 17.5.2.15 dropDownList; 17.5.2.39 showingPlcHdr), written with
 * the docx library's BuilderElement: the library has a check box control but no drop-down one. The content shows
 * 请选择 as placeholder until the clerk picks; w:lock sdtLocked keeps the control from being deleted while its
 * content stays editable.
 */
function statusControl(statuses: readonly string[]): ParagraphChild {
  const val = (name: string, value: string) => new BuilderElement({ name, attributes: { val: { key: 'w:val', value } } });
  const items = statuses.map(
    (status) => new BuilderElement({ name: 'w:listItem', attributes: { text: { key: 'w:displayText', value: status }, value: { key: 'w:value', value: status } } }),
  );
  const control = new BuilderElement({
    name: 'w:sdt',
    children: [
      new BuilderElement({
        name: 'w:sdtPr',
        children: [
          val('w:alias', SPLIT_LABELS.status),
          val('w:tag', STATUS_CONTROL_TAG),
          val('w:lock', 'sdtLocked'),
          new BuilderElement({ name: 'w:showingPlcHdr' }),
          new BuilderElement({ name: 'w:dropDownList', children: items }),
        ],
      }),
      new BuilderElement({
        name: 'w:sdtContent',
        children: [new TextRun({ text: STATUS_PLACEHOLDER, font: font(FONTS.body), size: SIZE.table, color: '808080' })],
      }),
    ],
  });
  // A run-level element like the library's own CheckBox control; Paragraph's children type lists only its own classes.
  return control as unknown as ParagraphChild;
}

function textCell(text: string, fontName: string, width: number, align: 'center' | 'left'): TableCell {
  const lines = text === '' ? [''] : text.split('\n');
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: width, type: WidthType.DXA },
    children: lines.map((line) => textParagraph(line, { fontName, size: SIZE.table, align: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT })),
  });
}

function formTable(part: UnitSplit, statuses: readonly string[]): Table {
  const { columns } = part.sheet;
  const widths = columnWidths(columns);
  const statusColumn = columns.indexOf(SPLIT_LABELS.status);
  const centered = new Set<string>([SPLIT_LABELS.number, SPLIT_LABELS.role, SPLIT_LABELS.status]);
  const rows = [
    // Repeated at the top of every page; never split.
    new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((label, i) => textCell(label, FONTS.heading, widths[i], 'center')) }),
    ...part.sheet.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: columns.map((label, i) =>
            i === statusColumn
              ? new TableCell({
                  verticalAlign: VerticalAlignTable.CENTER,
                  width: { size: widths[i], type: WidthType.DXA },
                  children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [statusControl(statuses)] })],
                })
              : textCell(String(row[i] ?? ''), FONTS.body, widths[i], centered.has(label) ? 'center' : 'left'),
          ),
        }),
    ),
  ];
  return new Table({ rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA }, layout: TableLayoutType.FIXED });
}

/** The document for one unit's part of the round (exposed for tests of the layout). */
export function returnFormDocument(part: UnitSplit, options: ReturnFormOptions): Document {
  const lines = returnFormTitle(part, options);
  const children = [
    textParagraph(lines.title, { fontName: FONTS.title, size: SIZE.title, align: AlignmentType.CENTER }),
    textParagraph(lines.count, { fontName: FONTS.body, size: SIZE.line, align: AlignmentType.CENTER }),
    textParagraph(lines.note, { fontName: FONTS.body, size: SIZE.table, align: AlignmentType.LEFT }),
    formTable(part, options.statuses),
  ];
  return new Document(officeDocumentOptions([officeSection(children)]));
}

/** One unit's return form as .docx bytes. */
export async function returnFormDocx(part: UnitSplit, options: ReturnFormOptions): Promise<Uint8Array> {
  const packed = await Packer.pack(returnFormDocument(part, options), 'uint8array');
  return addFontFallbacks(packed);
}
