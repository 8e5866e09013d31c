/**
 * 我的机构 against the real account function: a member of staff sees the work number residents will call, a
 * wrong one is refused under the field and nothing is stored, a right one is stored on their staff grant (their
 * own phone untouched).
 */
import { closePage, input, loadPage, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';

const HE = 'demo-staff-xinyuan-2';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(HE);
});
afterAll(() => demo.close());

const he = () =>
  demo.cloud.store.docs('users').find((u) => u.openid === HE)! as unknown as {
    phone: string;
    roles: { role: string; workPhone?: string }[];
  };
const workPhone = () => he().roles.find((g) => g.role === 'provider')?.workPhone;

it('shows, refuses and saves the work number', async () => {
  const page = await loadPage('packages/account/pages/my-org/index');
  await waitFor(() => page.data.status === 'ready');
  expect(page.data.orgs[0]!.workPhone).toBe('13905179012');

  await input(page, '#work-phone-0', '请打我手机');
  await tap(page, '#save-work-phone-0');
  await waitFor(() => page.data.saving === -1 && page.data.orgs[0]!.workPhoneError !== '');
  expect(textOf(page, '#work-phone-error-0')).toBe('请输入电话号码');
  expect(workPhone()).toBe('13905179012');

  await input(page, '#work-phone-0', '025-52106677');
  expect(page.querySelector('#work-phone-error-0')).toBeFalsy();
  await tap(page, '#save-work-phone-0');
  await waitFor(() => workPhone() === '025-52106677' && page.data.saving === -1);
  expect(he().phone).toBe('13905170012');
  await closePage(page);
});
