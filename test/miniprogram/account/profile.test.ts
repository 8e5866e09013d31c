/**
 * 个人资料 against the real account function: nickname and community saved for real; an invalid phone shows
 * under the field and writes nothing; a risky nickname is explained; the avatar is uploaded; the privacy guide
 * comes before anything is collected.
 */
import { currentUser } from '../../../miniprogram/lib/session';
import {
  addTempFile,
  closePage,
  fire,
  input,
  lastCall,
  loadPage,
  resetWxRecorder,
  type LoadedPage,
  setPrivacyAgreed,
  tap,
  waitFor,
  wxCalls,
} from '../../../simulator/page';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const PROFILE = 'packages/account/pages/profile/index';
const ME = 'demo-resident-zhang';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(ME);
});
afterAll(() => demo.close());

const record = () => demo.cloud.store.docs('users').find((u) => u.openid === ME) as Record<string, unknown>;

async function openProfile(): Promise<LoadedPage> {
  switchUser(ME);
  const page = await loadPage(PROFILE);
  await waitFor(() => page.data.status === 'ready');
  return page;
}

describe('editing', () => {
  let page: LoadedPage;
  beforeEach(async () => {
    page = await openProfile();
  });
  afterEach(() => closePage(page));

  it('shows the current profile, her own data in full (masking is for others)', () => {
    expect(page.data.nickname).toBe('张明');
    expect(textOf(page, '#community')).toContain('禄口街道 · 禄口社区');
    expect(page.data.phone).toBe('13851700103');
    expect(page.data.realName).toBe('张明');
    expect(page.data.address).toBe('江宁区禄口街道禄口社区花园路12号3栋302');
  });

  it('changes nickname and community through the picker, and the record really changes', async () => {
    await input(page, '#nickname', '张明明');
    await tap(page, '#community');
    expect(page.data.pickerVisible).toBe(true);
    // One district: the picker starts at the streets.
    expect(textOf(page, '#picker >>> #place-jn-dongshan')).toBe('东山街道');
    await tap(page, '#picker >>> #place-jn-moling');
    expect(textOf(page, '#picker >>> #picker-trail')).toBe('江宁区 · 秣陵街道');
    await tap(page, '#picker >>> #picker-back'); // 上一步: back to the streets
    expect(textOf(page, '#picker >>> #place-jn-dongshan')).toBe('东山街道');
    await tap(page, '#picker >>> #place-jn-dongshan');
    await tap(page, '#picker >>> #place-jn-dongshan-dongshan');
    expect(page.data.pickerVisible).toBe(false);
    expect(textOf(page, '#community')).toContain('东山街道 · 东山社区');

    await tap(page, '#save');
    await waitFor(() => !page.data.saving);

    expect(page.data.banner).toBe('');
    const saved = record();
    expect(saved).toMatchObject({ nickname: '张明明', communityId: 'jn-dongshan-dongshan' });
    expect(saved.placeNames).toEqual(['江宁区', '东山街道', '东山社区']);
    expect(currentUser()?.nickname).toBe('张明明');
    expect(lastCall('showToast')).toMatchObject({ title: '已保存' });
    expect(wxCalls('navigateBack')).toHaveLength(1);
  });

  it('shows an invalid phone under the field and writes nothing', async () => {
    const before = JSON.stringify(record());
    await input(page, '#phone', '12345');
    await tap(page, '#save');
    await waitFor(() => !page.data.saving);

    expect(page.data.errors).toEqual({ phone: '请输入 11 位手机号' });
    expect(textOf(page, '#phone')).toContain('请输入 11 位手机号');
    expect(textOf(page, '#banner')).toBe('有几项需要改一下，请看红字');
    expect(JSON.stringify(record())).toBe(before);
  });

  it('explains plainly when a nickname is refused by the content check', async () => {
    const before = JSON.stringify(record());
    await input(page, '#nickname', '网络赌博');
    await tap(page, '#save');
    await waitFor(() => !page.data.saving);

    expect(textOf(page, '#banner')).toContain('内容未通过安全检查');
    expect(textOf(page, '#banner')).toContain('请换一种说法');
    expect(JSON.stringify(record())).toBe(before);
  });

  it('uploads a chosen avatar and saves its file id', async () => {
    const temp = addTempFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'png');
    await fire(page, '#avatar', 'chooseavatar', { avatarUrl: temp });
    await waitFor(() => !page.data.uploading);
    expect(page.data.avatarFileId).toMatch(/^cloud:\/\//);

    await tap(page, '#save');
    await waitFor(() => !page.data.saving);
    expect(record().avatarFileId).toBe(page.data.avatar);
    expect(String(record().avatarFileId)).toContain(`avatars/${String(record()._id)}/`);
  });
});

describe('privacy', () => {
  afterEach(() => setPrivacyAgreed(true));

  it('asks for agreement first, and opens the form once the user agrees', async () => {
    resetWxRecorder();
    setPrivacyAgreed(false);
    switchUser(ME);
    const page = await loadPage(PROFILE);
    await waitFor(() => textOf(page, '#privacy >>> #privacy-agree') === '同意');
    expect(page.data.status).toBe('loading');
    expect(
      wxCalls('cloud.callFunction').filter((c) => JSON.stringify(c.args).includes('places')),
    ).toHaveLength(0);

    await fire(page, '#privacy >>> #privacy-agree', 'agreeprivacyauthorization');
    await waitFor(() => page.data.status === 'ready');
    await closePage(page);
  });

  it('collects nothing when the user declines, and can ask again', async () => {
    setPrivacyAgreed(false);
    switchUser(ME);
    const page = await loadPage(PROFILE);
    await waitFor(() => textOf(page, '#privacy >>> #privacy-disagree') === '不同意');
    await tap(page, '#privacy >>> #privacy-disagree');
    await waitFor(() => page.data.status === 'ready' && page.data.privacyNeeded === true);
    expect(textOf(page, '#privacy-needed')).toContain('您还没有同意隐私保护指引');

    await tap(page, '#privacy-needed >>> #action');
    await waitFor(() => textOf(page, '#privacy >>> #privacy-agree') === '同意');
    await fire(page, '#privacy >>> #privacy-agree', 'agreeprivacyauthorization');
    await waitFor(() => page.data.status === 'ready');
    await closePage(page);
  });
});
