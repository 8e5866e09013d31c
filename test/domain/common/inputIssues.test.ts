/**
 * What bad input is told (common/inputIssues): every issue of every contract's schema in Chinese; the rules people
 * meet in forms in plain words and marked `generic`; a message a schema wrote for its field kept and not marked.
 */
import fc from 'fast-check';
import * as z from 'zod';
import { accountInputs } from '../../../cloudfunctions/account/contract';
import { charityInputs } from '../../../cloudfunctions/charity/contract';
import { parseInput, plainMessage } from '../../../cloudfunctions/common/inputIssues';
import { proposalInputs } from '../../../cloudfunctions/proposals/contract';
import { servicesInputs } from '../../../cloudfunctions/services/contract';
import { volunteeringInputs } from '../../../cloudfunctions/volunteering/contract';

const CHINESE = /[\u4e00-\u9fff]/;
const CONTRACTS: Record<string, Record<string, z.ZodType>> = {
  account: accountInputs,
  charity: charityInputs,
  proposals: proposalInputs,
  services: servicesInputs,
  volunteering: volunteeringInputs,
};
const SCHEMAS = Object.entries(CONTRACTS).flatMap(([fn, inputs]) =>
  Object.entries(inputs).map(([action, schema]) => ({ name: `${fn}.${action}`, schema })),
);

it('says a form rule plainly and marks it generic; keeps a message written for the field', () => {
  const schema = z.strictObject({
    name: z.string().min(1).max(20),
    intro: z.string().min(5).max(200),
    count: z.number().int().min(1).max(50),
    tags: z.array(z.string()).min(1).max(3),
    kind: z.enum(['a', 'b']),
    at: z.iso.datetime({ offset: true }),
    phone: z.string().regex(/^1\d{10}$/, '请输入 11 位手机号'),
  });
  const r = parseInput(schema, {
    name: 'x'.repeat(21),
    intro: '短',
    count: 1.5,
    tags: [],
    kind: 'c',
    at: '明天',
    phone: '123',
    extra: true,
  });
  expect(r).toEqual({
    success: false,
    issues: [
      { path: 'name', message: '最多 20 个字', generic: true },
      { path: 'intro', message: '至少 5 个字', generic: true },
      { path: 'count', message: '请填整数', generic: true },
      { path: 'tags', message: '请至少选一项', generic: true },
      { path: 'kind', message: '请从给出的选项中选一个', generic: true },
      { path: 'at', message: '日期或时间不对', generic: true },
      { path: 'phone', message: '请输入 11 位手机号' },
      { path: 'extra', message: expect.stringMatching(CHINESE), generic: true },
    ],
  });
  expect(parseInput(schema, {})).toMatchObject({
    success: false,
    issues: expect.arrayContaining([{ path: 'name', message: '请填写', generic: true }]),
  });
  expect(parseInput(z.strictObject({ n: z.number().max(10) }), { n: 11 })).toMatchObject({
    issues: [{ path: 'n', message: '不能大于 10' }],
  });
});

it('gives the data back when the input is good', () => {
  expect(parseInput(z.strictObject({ n: z.number().default(3) }), {})).toEqual({
    success: true,
    data: { n: 3 },
  });
});

it('leaves to the zh-CN locale what it has no plain words for', () => {
  expect(
    plainMessage({ code: 'unrecognized_keys', keys: ['x'], path: [], input: {} } as never),
  ).toBeUndefined();
  expect(z.string().safeParse(1).error!.issues[0]!.message).toMatch(CHINESE);
});

it('answers any input to any action in Chinese, field by field', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...SCHEMAS),
      fc.dictionary(
        fc.constantFrom(
          'title',
          'name',
          'nickname',
          'phone',
          'quantity',
          'communityId',
          'idempotencyKey',
          'x',
        ),
        fc.oneof(
          fc.string(),
          fc.integer(),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.array(fc.string()),
        ),
      ),
      ({ schema }, payload) => {
        const r = parseInput(schema, payload);
        if (r.success) return;
        for (const issue of r.issues) expect(issue.message).toMatch(CHINESE);
      },
    ),
    { numRuns: 300 },
  );
});
