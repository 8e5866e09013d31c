/**
 * The recipient's own page of a donation coming to her, against the real charity function: 王奶奶 sees her
 * receipt code big, with no 读给我听 where the speech plugin is not there (the simulator), calls the number
 * given for her, taps 我收到了 (stored as confirmed) and then 谢谢 (a plain thank-you when she wrote nothing).
 */
import { closePage, lastCall, loadPage, resetWxRecorder, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-resident-wang', { full: true });
}, 180_000);
afterAll(() => demo.close());

const blanket = () =>
  demo.cloud.store.docs('charity_donations').find((d) => d.item === '电热毯')! as {
    _id: string;
    status: string;
    thanks?: { message: string };
  };

it('shows her code, calls for help, and takes 我收到了 then 谢谢', async () => {
  resetWxRecorder();
  const page = await loadPage(`packages/charity/pages/donation/index?id=${blanket()._id}`);
  await waitFor(() => page.data.status === 'ready');
  expect(textOf(page, '#confirm-code')).toMatch(/^\d{6}$/);
  // Read-aloud degrades to nothing here: no button, no error (shared/voice-button.test.ts has the plugin).
  expect(textOf(page, '#read-code')).toBe('');
  expect(textOf(page, '#speak-thanks')).toBe('');

  // Her community's own hotline (the demo's 禄口社区 line).
  await tap(page, '#call-helpline');
  expect(lastCall('makePhoneCall')).toEqual({ phoneNumber: '025-52101014' });

  expect(textOf(page, '#confirm')).toBe('我收到了');
  await tap(page, '#confirm');
  await waitFor(() => page.data.busy === '' && blanket().status === 'confirmed');
  expect(page.querySelector('#confirm')).toBeFalsy();
  expect(page.querySelector('#confirm-code-block')).toBeFalsy();
  // The number to call stays after the step.
  expect(page.querySelector('#call-helpline')).toBeTruthy();

  expect(textOf(page, '#thank')).toBe('谢谢');
  await tap(page, '#thank');
  await waitFor(() => blanket().thanks !== undefined && page.data.busy === '');
  expect(blanket().thanks?.message).toBe('谢谢您的爱心！');
  expect(page.querySelector('#thank')).toBeFalsy();
  expect(page.querySelector('#action-error')).toBeFalsy();
  await closePage(page);
});
