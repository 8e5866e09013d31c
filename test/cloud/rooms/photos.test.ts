/**
 * A room's photos: an admin may attach only their own uploads (`rooms/<their user id>/…`); photos already on the
 * room stay when the room is edited; residents see them in the list (the first) and on the room's page (all).
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { LUKOU_ADMIN, makeRoom, setMondayMorning, userId, WANG, ZHANG } from './helpers';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
  setMondayMorning(demo);
});
afterAll(() => demo.close());

const file = (path: string) => `cloud://local.6c6f-local-1250000000/${path}`;

it('takes the admin’s own uploads, keeps the room’s, refuses anyone else’s', async () => {
  const admin = userId(demo, LUKOU_ADMIN);
  const first = file(`rooms/${admin}/1-0.jpg`);
  const roomId = await makeRoom(demo, { photos: [first] });

  const stored = () => demo.cloud.store.docs('rooms').find((r) => r._id === roomId)!['photos'];
  const someoneElse = file(`rooms/${userId(demo, ZHANG)}/2-0.jpg`);
  const avatar = file(`avatars/${userId(demo, ZHANG)}/3.png`);
  for (const photos of [[first, someoneElse], [avatar], [file(`rooms/${admin}/../x.jpg`)]]) {
    const refused = await demo.call('rooms', LUKOU_ADMIN, 'updateRoom', { roomId, photos });
    expect(!refused.ok && refused.error.code).toBe('INVALID_INPUT');
  }
  const refusedNew = await demo.call('rooms', LUKOU_ADMIN, 'createRoom', {
    communityId: 'jn-lukou-lukou',
    name: '书画室',
    kind: '乒乓球室',
    capacity: 8,
    equipment: [],
    rules: '',
    accessible: true,
    accessNote: '',
    address: '一楼',
    hours: Array.from({ length: 7 }, () => ({ open: 480, close: 1260 })),
    slotMinutes: 60,
    photos: [avatar],
    idempotencyKey: 'photos-refused',
  });
  expect(!refusedNew.ok && refusedNew.error.issues?.[0]?.path).toBe('photos.0');
  expect(stored()).toEqual([first]);

  const second = file(`rooms/${admin}/4-0.jpg`);
  await demo.ok('rooms', LUKOU_ADMIN, 'updateRoom', { roomId, photos: [second, first] });
  expect(stored()).toEqual([second, first]);

  const detail = await demo.ok('rooms', WANG, 'roomDetail', { roomId });
  expect(detail.photos).toEqual([second, first]);
  const list = await demo.ok('rooms', WANG, 'listRooms', {});
  expect(list.items.find((r) => r.id === roomId)?.photo).toBe(second);
  const edit = await demo.ok('rooms', LUKOU_ADMIN, 'roomDetail', { roomId });
  expect(edit.edit?.photos).toEqual([second, first]);
});
