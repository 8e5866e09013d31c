import fc from 'fast-check';
import {
  chargePlan,
  getsVoucher,
  newWallet,
  policyOf,
  subsidyText,
  walletId,
} from '../../../cloudfunctions/services/domain/vouchers';
import type { WalletDoc } from '../../../cloudfunctions/services/documents';

const now = new Date('2026-06-01T02:00:00Z');

describe('vouchers', () => {
  it('defaults to 80 yuan a month for 80+, disabled or low-income residents', () => {
    const policy = policyOf(undefined);
    expect(policy.monthlyFen).toBe(8000);
    expect(getsVoucher(policy, { birthYear: 1942, disabled: false, lowIncome: false }, now)).toBe(true);
    expect(getsVoucher(policy, { birthYear: 1989, disabled: false, lowIncome: false }, now)).toBe(false);
    expect(getsVoucher(policy, { birthYear: 1989, disabled: true, lowIncome: false }, now)).toBe(true);
    expect(
      getsVoucher(
        { monthlyFen: 0, eligibility: ['age80'] },
        { birthYear: 1930, disabled: false, lowIncome: false },
        now,
      ),
    ).toBe(false);
    expect(newWallet('u1', 'c1', '2026-06', 8000, 'system', now)).toMatchObject({
      _id: walletId('u1', '2026-06'),
      balanceFen: 8000,
      ledger: [{ kind: 'grant', amountFen: 8000 }],
    });
  });

  it('plans the charge from what was read', () => {
    const order = { _id: 'o1', priceType: 'voucher', priceFen: 3000 };
    expect(chargePlan({ ...order, priceType: 'free' }, undefined)).toBe('none');
    expect(chargePlan(order, undefined)).toBe('self_pay');
    expect(chargePlan(order, { balanceFen: 2999, orderIds: [] })).toBe('self_pay');
    expect(chargePlan(order, { balanceFen: 3000, orderIds: [] })).toBe('try');
    expect(chargePlan(order, { balanceFen: 0, orderIds: ['o1'] })).toBe('charged');
    expect(subsidyText('self_pay', 3000, 'voucher')).toBe('补贴券余额不足，本次自付 30 元');
  });

  /**
   * A model of check-out under any interleaving: each completion reads the wallet and the order, charges with
   * the conditional update (balance ≥ price and order not yet charged), re-reads the wallet when the charge
   * did not apply, and completes the order conditionally on it still being in service — the action's steps.
   */
  it('never overdraws, never charges an order twice, and records what really happened', () => {
    const completion = fc.record({ order: fc.nat(5), price: fc.constantFrom(1000, 3000, 5000) });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12_000 }),
        fc.array(completion, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
        (granted, attempts, picks) => {
          const wallet: WalletDoc = newWallet('u1', 'c1', '2026-06', granted, 'system', now);
          const prices = new Map<number, number>();
          for (const a of attempts) if (!prices.has(a.order)) prices.set(a.order, a.price);
          const orders = new Map(
            [...prices.keys()].map((k) => [k, { status: 'in_service', subsidy: 'pending' }]),
          );
          type Proc = { order: number; step: number; plan?: string; outcome?: string };
          const procs: Proc[] = attempts.map((a) => ({ order: a.order, step: 0 }));
          const step = (p: Proc) => {
            const id = `o${p.order}`;
            const price = prices.get(p.order)!;
            if (p.step === 0) {
              p.plan = chargePlan(
                { _id: id, priceType: 'voucher', priceFen: price },
                structuredClone(wallet),
              );
              p.outcome = p.plan === 'charged' ? 'deducted' : p.plan === 'self_pay' ? 'self_pay' : undefined;
            } else if (p.step === 1 && p.plan === 'try') {
              if (wallet.balanceFen >= price && !wallet.orderIds.includes(id)) {
                wallet.balanceFen -= price;
                wallet.orderIds.push(id);
                wallet.ledger.push({ kind: 'deduct', amountFen: price, at: now, orderId: id, by: 's' });
                p.outcome = 'deducted';
              } else p.outcome = wallet.orderIds.includes(id) ? 'deducted' : 'self_pay';
            } else if (p.step === 2) {
              const o = orders.get(p.order)!;
              if (o.status === 'in_service') Object.assign(o, { status: 'completed', subsidy: p.outcome });
            }
            p.step++;
          };
          let k = 0;
          while (procs.some((p) => p.step < 3)) {
            const live = procs.filter((p) => p.step < 3);
            step(live[picks[k++ % picks.length]! % live.length]!);
            expect(wallet.balanceFen).toBeGreaterThanOrEqual(0);
          }
          const charged = wallet.ledger.filter((e) => e.kind === 'deduct');
          expect(new Set(charged.map((e) => e.orderId)).size).toBe(charged.length);
          expect(wallet.balanceFen + charged.reduce((s, e) => s + e.amountFen, 0)).toBe(granted);
          for (const [k2, o] of orders) {
            expect(o.status).toBe('completed');
            expect(o.subsidy === 'deducted').toBe(wallet.orderIds.includes(`o${k2}`));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
