/**
 * charity.exportReconciliation: 库存与对账 as an .xlsx file — its rows are reconciliation's lines with the page's
 * words, its header block the totals and verdict; for the supermarket's staff and its street's admins only.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { downloadSheet, exportFiles, factOf, tableOf } from '../../support/xlsx';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud({ full: true });
});
afterAll(() => demo.close());

const SUPERMARKET = 'jn-lukou';

it.each(['demo-staff-xinyuan-1', 'demo-admin-lukou'])(
  'gives %s the lines of the reconciliation with their totals',
  async (who) => {
    const view = await demo.ok('charity', who, 'reconciliation', { supermarketId: SUPERMARKET });
    expect(view.lines.length).toBeGreaterThan(0);
    const r = await demo.call('charity', who, 'exportReconciliation', { supermarketId: SUPERMARKET });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    const sheet = await downloadSheet(r.data.url);
    expect(String(sheet.rows[0]![0])).toMatch(/^库存与对账（.+）$/);
    const table = tableOf(sheet.rows, '物品');
    expect(table.body.map((row) => row.slice(0, 6))).toEqual(
      view.lines.map((l) => [l.item, l.unit, l.received, l.delivered, l.expected, l.onShelf]),
    );
    // A count not taken is an empty cell and says so beside it; a taken one is a number.
    view.lines.forEach((l, i) => {
      const row = table.body[i]!;
      if (l.counted === undefined) expect([row[6] ?? null, row[7]]).toEqual([null, '未盘点']);
      else expect(row[6]).toBe(l.counted);
      expect(row[8] ?? '').toBe(
        l.flags.map((f) => (f === 'count-mismatch' ? '盘点数与账面不符' : '状态与记录不符')).join('，'),
      );
    });
    expect(factOf(sheet.rows, '对账结果')).toBe(view.balanced ? '账实相符' : '有对不上的地方');
    expect(factOf(sheet.rows, '合计收到')).toBe(view.lines.reduce((n, l) => n + l.received, 0));
    expect(factOf(sheet.rows, '记录对不上的捐赠')).toBe(view.flaggedDonations.length);
  },
);

it("refuses another street's admin, residents and invalid input, writing nothing", async () => {
  const before = exportFiles(demo.cloud.storage.rootDir);
  for (const who of ['demo-admin-moling', 'demo-resident-wang', 'demo-staff-hongye-1']) {
    expect(
      await demo.call('charity', who, 'exportReconciliation', { supermarketId: SUPERMARKET }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  for (const payload of [{}, { supermarketId: 7 }, { supermarketId: SUPERMARKET, from: 'x' }]) {
    expect(
      await demo.unchecked('charity', 'demo-admin-lukou', 'exportReconciliation', payload),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }
  expect(exportFiles(demo.cloud.storage.rootDir)).toEqual(before);
});
