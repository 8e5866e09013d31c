/**
 * The .xlsx writer and the report sheet (common/exports): read back with jszip, text survives XML's special and
 * forbidden characters, numbers stay numbers, column letters run past Z, and the header block says the period in
 * plain Chinese dates.
 */
import { columnName, sheetName, xlsxFile } from '../../../cloudfunctions/common/exports/xlsx';
import { periodText, reportSheet } from '../../../cloudfunctions/common/exports/report';
import { readSheet } from '../../support/xlsx';

it('writes text, numbers and empty cells that read back as they were', async () => {
  const rows = [['a < b & "c" > d', 3.5, null, '\u0007响铃'], [], ['第二行', -2, 0]];
  const file = await xlsxFile({ name: '表[1]/测试', rows, bold: [0], widths: [10, 8] });
  const sheet = await readSheet(file);
  expect(sheet.name).toBe('表1测试');
  expect(sheet.rows).toEqual([['a < b & "c" > d', 3.5, null, '响铃'], [], ['第二行', -2, 0]]);
});

it('names columns past Z and sheets as Excel allows', () => {
  expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  expect(sheetName('x'.repeat(40))).toHaveLength(31);
  expect(sheetName(':*?')).toBe('Sheet1');
});

it('puts the title, the period in plain dates and the facts above the table', () => {
  const madeAt = new Date('2026-06-15T02:00:00Z'); // 10:00 in Beijing
  expect(
    periodText({ from: new Date('2026-04-30T16:00:00Z'), to: new Date('2026-05-31T16:00:00Z') }, madeAt),
  ).toBe('2026年5月1日至2026年5月31日');
  const sheet = reportSheet({
    what: '测试表',
    place: '禄口街道',
    period: {},
    madeAt,
    facts: [['合计', 7]],
    columns: ['名称', '数量'],
    rows: [['甲', 7]],
  });
  expect(sheet.rows).toEqual([
    ['测试表（禄口街道）'],
    ['统计时段', '开通以来至2026年6月15日'],
    ['导出时间', '6月15日 10:00'],
    ['合计', 7],
    [],
    ['名称', '数量'],
    ['甲', 7],
  ]);
  expect(sheet.bold).toEqual([0, 5]);
  expect(sheet.fileName).toBe('测试表_禄口街道_2026年6月15日');
});
