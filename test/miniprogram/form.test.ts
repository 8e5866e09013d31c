/** lib/form.ts: which words go under a field — the function's own message, or the page's hint for a rule. */
import type { CloudReply } from '../../miniprogram/lib/cloud';
import { GENERIC_FIELD_ERROR, plainFieldErrors } from '../../miniprogram/lib/form';

const invalid = (issues: { path: string; message: string; generic?: boolean }[]): CloudReply<unknown> => ({
  ok: false,
  error: { code: 'INVALID_INPUT', message: '输入有误', issues },
});

it("shows a page's hint instead of a rule's general wording, and a message written for the field as it is", () => {
  const reply = invalid([
    { path: 'birthYear', message: '不能小于 1900', generic: true },
    { path: 'nickname', message: '最多 20 个字', generic: true },
    { path: 'phone', message: '请输入 11 位手机号' },
    { path: 'reason', message: '现在离约定地点约 3 公里，请写明原因' },
    { path: 'nickname', message: '请填写', generic: true },
  ]);
  const hints = { birthYear: '出生年份请填 4 位数字，例如 1942', phone: '手机号', reason: '最多 100 字' };
  expect(plainFieldErrors(reply, hints)).toEqual({
    birthYear: '出生年份请填 4 位数字，例如 1942',
    nickname: '最多 20 个字',
    phone: '请输入 11 位手机号',
    reason: '现在离约定地点约 3 公里，请写明原因',
  });
});

it('never shows words that are not Chinese', () => {
  const reply = invalid([
    { path: 'action', message: 'unknown action' },
    { path: 'note', message: 'Too big' },
  ]);
  expect(plainFieldErrors(reply, { note: '备注太长了' })).toEqual({
    action: GENERIC_FIELD_ERROR,
    note: '备注太长了',
  });
});

it('has nothing to say about a reply that is not INVALID_INPUT', () => {
  expect(plainFieldErrors({ ok: true, data: 1 }, {})).toEqual({});
  expect(plainFieldErrors({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限' } }, {})).toEqual({});
});
