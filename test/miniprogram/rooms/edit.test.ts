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
