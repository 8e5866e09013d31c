/**
 * 活动室设置 against the real rooms and account functions: a street admin registers a room (the page then opens
 * its settings), and appoints a resident found by name as its manager; uploads photos from the phone, which residents
 * then see in the list and on the room; a resident cannot open the settings.
 */
import { find, input, lastCall, loadPage, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { LUKOU_ADMIN, userId, WANG, ZHANG } from '../../cloud/rooms/helpers';

const EDIT = 'packages/rooms/pages/edit/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(LUKOU_ADMIN);
});
afterAll(() => demo.close());

const roomNamed = (name: string) => demo.cloud.store.docs('rooms').find((r) => r.name === name);

it('registers a room with its hours, then appoints a manager found by name', async () => {
  switchUser(LUKOU_ADMIN);
  const page = await loadPage(EDIT);
  await waitFor(() => page.data.status === 'ready');
  await input(page, '#name', '书画室');
  await input(page, '#address', '党群服务中心三楼');
  await tap(page, '#day-0');
  await tap(page, '#save');
  await waitFor(() => roomNamed('书画室'));
  const room = roomNamed('书画室')! as unknown as {
    _id: string;
    hours: unknown[];
    capacity: number;
    communityId: string;
  };
  expect(room.hours[0]).toBeNull();
  expect(room.hours[1]).toEqual({ open: 480, close: 1260 });
  expect(room.capacity).toBe(10);
  await waitFor(() => lastCall('redirectTo'));
  expect(lastCall('redirectTo')).toMatchObject({ url: `/packages/rooms/pages/edit/index?id=${room._id}` });

  const edit = await loadPage(EDIT, { id: room._id });
  await waitFor(() => edit.data.status !== 'loading');
  expect(edit.data.error).toBeNull();
  await input(edit, '#query', '张明');
  await tap(edit, '#search');
  await waitFor(() => edit.data.found.length > 0 || edit.data.banner);
  expect(edit.data.banner).toBe('');
  await tap(edit, '#appoint-0');
  await waitFor(() => edit.data.managers.length === 1);
  expect(textOf(edit, '#manager-0')).toContain('张明');
  expect((roomNamed('书画室') as unknown as { managerIds: string[] }).managerIds).toEqual([
    userId(demo, ZHANG),
  ]);
});

it('does not open the settings for a resident', async () => {
  const id = String(roomNamed('书画室')!._id);
  switchUser(WANG);
  const page = await loadPage(EDIT, { id });
  await waitFor(() => page.data.status === 'error');
  expect(page.data.error).toMatchObject({ kind: 'refused' });
});

it('uploads photos from the phone into the settings; residents see them in the list and on the room', async () => {
  const id = String(roomNamed('书画室')!._id);
  switchUser(LUKOU_ADMIN);
  const edit = await loadPage(EDIT, { id });
  await waitFor(() => edit.data.status === 'ready');
  await tap(edit, '#add-photo');
  await waitFor(() => edit.data.form.photos.length === 1 && edit.data.busy === '');
  expect(find(edit, '#photo-0')).toBeTruthy();
  await tap(edit, '#save');
  await waitFor(() => (roomNamed('书画室') as unknown as { photos: string[] }).photos.length === 1);
  const [photo] = (roomNamed('书画室') as unknown as { photos: string[] }).photos;
  expect(photo).toMatch(new RegExp(`^cloud://[^/]+/rooms/${userId(demo, LUKOU_ADMIN)}/`));

  switchUser(WANG);
  const list = await loadPage('packages/rooms/pages/list/index');
  await waitFor(() => list.data.status === 'ready');
  const card = list.data.items.findIndex((r: { id: string }) => r.id === id);
  expect(list.data.items[card].photo).toBe(photo);
  expect(find(list, `#photo-${card}`)).toBeTruthy();
  const room = await loadPage('packages/rooms/pages/room/index', { id });
  await waitFor(() => room.data.status === 'ready');
  expect(find(room, '#photo-0')).toBeTruthy();
});

it('gives each open weekday its own hours', async () => {
  switchUser(LUKOU_ADMIN);
  const page = await loadPage(EDIT);
  await waitFor(() => page.data.status === 'ready');
  await input(page, '#name', '棋牌室');
  await input(page, '#address', '党群服务中心二楼');
  // Saturday mornings only; Sunday closed; the other days as they come.
  await tap(page, '#hours-6');
  expect(textOf(page, '#editing')).toContain('周六');
  await tap(page, '#open-540');
  await tap(page, '#close-720');
  await tap(page, '#day-0');
  expect(textOf(page, '#hours-6')).toContain('09:00–12:00');
  await tap(page, '#save');
  await waitFor(() => roomNamed('棋牌室'));
  const room = roomNamed('棋牌室')! as unknown as { _id: string; hours: unknown[] };
  expect(room.hours).toEqual([
    null,
    ...Array.from({ length: 5 }, () => ({ open: 480, close: 1260 })),
    { open: 540, close: 720 },
  ]);

  // Opened again, each day shows its own hours; a closing time before the opening is caught on the page.
  const edit = await loadPage(EDIT, { id: room._id });
  await waitFor(() => edit.data.status === 'ready');
  expect(textOf(edit, '#hours-6')).toContain('周六 09:00–12:00');
  expect(textOf(edit, '#hours-1')).toContain('周一 08:00–21:00');
  await tap(edit, '#hours-6');
  await tap(edit, '#open-600');
  await tap(edit, '#close-600');
  await tap(edit, '#save');
  expect(edit.data.banner).toBe('周六的关门时间要晚于开门时间');
  expect((roomNamed('棋牌室') as unknown as { hours: unknown[] }).hours[6]).toEqual({
    open: 540,
    close: 720,
  });
});
