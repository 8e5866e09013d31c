/**
 * 补贴券: this month's balance and every grant and charge, month by month (vouchers are for the month they are
 * granted in). For oneself, or — opened with `?for=<id>` — an elder one is linked to.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { shortTime, yuan, type VoucherView } from '../../../../lib/services';
import { call } from '../../../../lib/api';

/** A month as shown. */
interface MonthView {
  month: string;
  summary: string;
  entries: { key: string; text: string; when: string; amount: string; kind: string }[];
}

function monthView(m: VoucherView['months'][number]): MonthView {
  const [y, mm] = m.month.split('-');
  return {
    month: `${y}年${Number(mm)}月`,
    summary:
      m.expiredFen > 0
        ? `发放 ${yuan(m.grantedFen)}，月底清零 ${yuan(m.expiredFen)}`
        : `发放 ${yuan(m.grantedFen)}，剩 ${yuan(m.balanceFen)}`,
    entries: m.entries.map((e, i) => ({
      key: String(i),
      text: e.text,
      when: shortTime(e.at),
      amount: `${e.kind === 'grant' ? '+' : '-'}${yuan(e.amountFen)}`,
      kind: e.kind,
    })),
  };
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    forId: '',
    name: '',
    balance: '',
    eligibleText: '',
    months: [] as MonthView[],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ forId: query.for ?? '' });
      this.load();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.load();
    },
    async load() {
      const reply = await call(
        'services',
        'vouchers',
        this.data.forId ? { beneficiaryId: this.data.forId } : {},
      );
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message });
        return;
      }
      const v = reply.data;
      this.setData({
        status: 'ready',
        name: v.nameMasked,
        balance: yuan(v.balanceFen),
        eligibleText: v.eligibleText,
        months: v.months.map(monthView),
      });
    },
  },
});
