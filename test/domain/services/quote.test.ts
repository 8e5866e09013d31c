/** What a person pays (services domain/vouchers `quoteOf`): the same plan check-out charges by. */
import { chargePlan, quoteOf } from '../../../cloudfunctions/services/domain/vouchers';

const wallet = (balanceFen: number) => ({ balanceFen, orderIds: [] });

it('lets the voucher cover the whole price when this month’s balance does', () => {
  expect(quoteOf({ priceType: 'voucher', priceFen: 1200 }, wallet(8000))).toEqual({
    payFen: 0,
    voucherFen: 1200,
    text: '自付 0 元 · 补贴券抵扣 12 元',
  });
  expect(chargePlan({ _id: 'o', priceType: 'voucher', priceFen: 1200 }, wallet(8000))).toBe('try');
});

it('has her pay it all when the balance is short or she has no wallet, as check-out would', () => {
  for (const w of [wallet(1000), undefined]) {
    expect(chargePlan({ _id: 'o', priceType: 'voucher', priceFen: 1200 }, w)).toBe('self_pay');
    expect(quoteOf({ priceType: 'voucher', priceFen: 1200 }, w)).toEqual({
      payFen: 1200,
      voucherFen: 0,
      text: '自付 12 元',
    });
  }
});

it('charges a low fee in full and nothing for a free service', () => {
  expect(quoteOf({ priceType: 'lowcost', priceFen: 1550 }, wallet(8000)).text).toBe('自付 15.5 元');
  expect(quoteOf({ priceType: 'free', priceFen: 0 }, wallet(8000))).toEqual({
    payFen: 0,
    voucherFen: 0,
    text: '自付 0 元',
  });
});
