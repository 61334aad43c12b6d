/** The adapter's pure helpers: addresses of merged areas, request chunks, dates, sheet names, the range to read. */
import { parseAreasAddress } from '../../src/host/addresses';
import { displayedValue } from '../../src/excel/cellValues';
import { serialToText, shownValue } from '../../src/host/numberFormats';
import { chunkRows } from '../../src/excel/payload';
import { chooseSourceRect, clipMerges } from '../../src/excel/readGrid';
import { uniqueSheetName } from '../../src/core/sheets/sheetName';

describe('parseAreasAddress', () => {
  test('reads every area, also when a quoted sheet name holds commas, quotes or "!"', () => {
    expect(parseAreasAddress("'a, b''s!'!A1:B2, 'a, b''s!'!C10:C12")).toEqual([
      { row: 0, column: 0, rowCount: 2, columnCount: 2 },
      { row: 9, column: 2, rowCount: 3, columnCount: 1 },
    ]);
    expect(parseAreasAddress('进展表!$AA$3:$AB$3')).toEqual([{ row: 2, column: 26, rowCount: 1, columnCount: 2 }]);
  });
});

describe('chunkRows', () => {
  test('keeps each chunk within the byte budget and covers every row once', () => {
    const sizes = [400, 400, 400, 900, 100, 100, 1200];
    const chunks = chunkRows(sizes.length, (row) => sizes[row]!, 1000);
    expect(chunks).toEqual([
      { start: 0, count: 2 },
      { start: 2, count: 1 },
      { start: 3, count: 2 },
      { start: 5, count: 1 },
      { start: 6, count: 1 },
    ]);
  });
});

describe('cell values', () => {
  test('cells read as shown: plain numbers stay numbers, formatted numbers are their text, empty is null', () => {
    expect(displayedValue('7', 'Double')).toBe(7);
    expect(displayedValue('50%', 'Double')).toBe('50%');
    expect(displayedValue('2024/6/30', 'Double')).toBe('2024/6/30');
    expect(displayedValue('007', 'String')).toBe('007');
    expect(displayedValue('1.23457E+12', 'Double')).toBe('1.23457E+12');
    expect(displayedValue('', 'Empty')).toBeNull();
    expect(displayedValue('TRUE', 'Boolean')).toBe(true);
    expect(displayedValue('#N/A', 'Error')).toBe('#N/A');
  });
});

describe('values with number formats (src/host/numberFormats: the WPS host reads these)', () => {
  test('date and time formats turn serials into text; other numbers stay numbers', () => {
    expect(shownValue(45473, 'yyyy/m/d')).toBe('2024/6/30');
    expect(shownValue(45473, 'yyyy"年"m"月"d"日"')).toBe('2024年6月30日');
    expect(shownValue(45473.5, 'yyyy-mm-dd hh:mm')).toBe('2024/6/30 12:00');
    expect(serialToText(0.75, 'h:mm')).toBe('18:00');
    expect(shownValue(45473, '0.00')).toBe(45473);
    expect(shownValue('', 'General')).toBeNull();
    expect(shownValue(7, 'G/通用格式')).toBe(7);
    expect(shownValue(0.5, '0%')).toBe('50%');
    expect(shownValue(0.125, '0.0%')).toBe('12.5%');
  });
});

describe('uniqueSheetName (one rule for every host: Excel, WPS and the web page name a second backup alike)', () => {
  test('stays within 31 characters and avoids names in use regardless of case', () => {
    expect(uniqueSheetName('Log', ['log', 'LOG 2'])).toBe('Log 3');
    const long = '很长的工作表名称'.repeat(5);
    const name = uniqueSheetName(long, [long.slice(0, 31)]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith('2')).toBe(true);
    // After a Chinese name no space, as the repaired sheet's own counter: 进展表（备份）2.
    expect(uniqueSheetName('进展表（备份）', ['进展表（备份）'])).toBe('进展表（备份）2');
    expect(uniqueSheetName('a/b:c?', [])).toBe('abc');
  });
});

describe('chooseSourceRect', () => {
  const used = { row: 2, column: 1, rowCount: 100, columnCount: 6 };
  test('a single cell reads the used range; a larger selection is cut to it', () => {
    expect(chooseSourceRect({ row: 50, column: 3, rowCount: 1, columnCount: 1 }, used)).toEqual(used);
    expect(chooseSourceRect({ row: 0, column: 0, rowCount: 1048576, columnCount: 3 }, used)).toEqual({ row: 2, column: 1, rowCount: 100, columnCount: 2 });
    expect(chooseSourceRect({ row: 10, column: 2, rowCount: 5, columnCount: 2 }, used)).toEqual({ row: 10, column: 2, rowCount: 5, columnCount: 2 });
  });
  test('nothing used means nothing to read', () => {
    expect(chooseSourceRect({ row: 0, column: 0, rowCount: 5, columnCount: 5 }, null)).toBeNull();
  });
});

describe('clipMerges', () => {
  test('cuts areas to the table, drops what shrinks to one cell and duplicates', () => {
    const table = { row: 10, column: 2, rowCount: 10, columnCount: 4 };
    const areas = [
      { row: 8, column: 2, rowCount: 4, columnCount: 1 }, // starts above: rows 10-11 remain
      { row: 8, column: 3, rowCount: 3, columnCount: 1 }, // only row 10 inside: one cell, no merge
      { row: 12, column: 0, rowCount: 1, columnCount: 4 }, // starts left: columns 2-3 remain
      { row: 12, column: 0, rowCount: 1, columnCount: 4 },
    ];
    expect(clipMerges(areas, table)).toEqual([
      { row: 0, column: 0, rowCount: 2, columnCount: 1 },
      { row: 2, column: 0, rowCount: 1, columnCount: 2 },
    ]);
  });
});
