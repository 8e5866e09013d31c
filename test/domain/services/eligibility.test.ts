import fc from 'fast-check';
import {
  eligibilityText,
  eligibleReason,
  isEligible,
  meets,
} from '../../../cloudfunctions/services/domain/eligibility';
import { ELIGIBILITY } from '../../../cloudfunctions/services/contract';

const now = new Date('2026-06-01T02:00:00Z');

describe('eligibility', () => {
  it('says plainly who may order', () => {
    expect(eligibilityText([])).toBe('所有居民都可以预约');
    expect(eligibilityText(['age80'])).toBe('80 岁及以上老人可以预约');
    expect(eligibilityText(['age80', 'disabled', 'lowIncome'])).toBe(
      '80 岁及以上老人、残疾人或低保家庭可以预约',
    );
  });

  it('explains a decision for the person in question', () => {
    expect(eligibleReason(['age80'], { birthYear: 1942, disabled: false, lowIncome: false }, now)).toBe(
      '84 岁，可以预约',
    );
    expect(
      eligibleReason(['age80', 'lowIncome'], { birthYear: 1989, disabled: false, lowIncome: true }, now),
    ).toBe('低保家庭，可以预约');
    expect(eligibleReason(['age80'], { birthYear: 1989, disabled: false, lowIncome: false }, now)).toBe(
      '不符合条件：80 岁及以上老人才能预约',
    );
    expect(eligibleReason(['age80'], { disabled: false, lowIncome: false }, now)).toMatch(/出生年份/);
  });

  it('counts 80 from the birth year', () => {
    expect(meets('age80', { birthYear: 1946, disabled: false, lowIncome: false }, now)).toBe(true);
    expect(meets('age80', { birthYear: 1947, disabled: false, lowIncome: false }, now)).toBe(false);
  });

  it('is eligible exactly when no condition is set or one of them is met', () => {
    fc.assert(
      fc.property(
        fc.subarray([...ELIGIBILITY]),
        fc.record({
          birthYear: fc.option(fc.integer({ min: 1920, max: 2020 }), { nil: undefined }),
          disabled: fc.boolean(),
          lowIncome: fc.boolean(),
        }),
        (tags, person) => {
          const expected =
            tags.length === 0 ||
            (tags.includes('age80') && person.birthYear !== undefined && 2026 - person.birthYear >= 80) ||
            (tags.includes('disabled') && person.disabled) ||
            (tags.includes('lowIncome') && person.lowIncome);
          expect(isEligible(tags, person, now)).toBe(expected);
          expect(eligibleReason(tags, person, now).includes('可以预约')).toBe(expected);
        },
      ),
    );
  });
});
