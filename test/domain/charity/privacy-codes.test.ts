/** Masked profiles, refusing stories that identify a recipient, and the two kinds of code. */
import fc from 'fast-check';
import {
  confirmCode,
  donationCode,
  normalizeCode,
  sameCode,
} from '../../../cloudfunctions/charity/domain/codes';
import { identityMentions, publicProfile } from '../../../cloudfunctions/charity/domain/privacy';

const wang = {
  name: '王秀英',
  phone: '13851700101',
  address: '江宁区禄口街道禄口社区花园路12号3栋201',
  streetName: '禄口街道',
};

it('shows 张*, 80岁, 秣陵街道', () => {
  expect(
    publicProfile(
      { name: '张桂芳', birthYear: 1946, category: 'elder80', streetName: '秣陵街道' },
      new Date('2026-05-01'),
    ),
  ).toEqual({ name: '张*', age: 80, street: '秣陵街道', category: 'elder80', categoryLabel: '80岁以上老人' });
});

it.each([
  ['王秀英奶奶腿脚不便', ['name']],
  ['秀英阿姨独居', ['name']],
  ['请联系 138 5170 0101', ['phone']],
  ['住在花园路12号', ['address']],
  ['3栋201的老人', ['address']],
  ['独居老人，冬天缺一床厚被子', []],
  ['禄口社区的老人', []],
])('%s → %j', (text, found) => {
  expect(identityMentions(text, wang)).toEqual(found);
});

it('donation codes are short, readable and forgiving to type', () => {
  const code = donationCode('abc123');
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  expect(donationCode('abc123')).toBe(code);
  expect(normalizeCode(code.toLowerCase().replace('-', ' '))).toBe(code);
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 40 }),
      (id) => normalizeCode(donationCode(id)) === donationCode(id),
    ),
  );
});

it('confirmation codes: 6 digits, new per dispatch, unknowable without the secret', () => {
  const a = confirmCode('secret', 'd1', 2);
  expect(a).toMatch(/^\d{6}$/);
  expect(confirmCode('secret', 'd1', 2)).toBe(a);
  expect(confirmCode('secret', 'd1', 3)).not.toBe(a);
  expect(confirmCode('other', 'd1', 2)).not.toBe(a);
  expect(sameCode(a, a)).toBe(true);
  expect(sameCode(a, '000000') && a !== '000000').toBe(false);
});
