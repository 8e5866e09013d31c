/**
 * services: matching weighs the organizations' credit (信用值) in the resident's street, as the projects
 * capability keeps it on the street's pool entries — through the real function, in the same three round trips.
 * Three organizations equal in everything but credit offer one item in 禄口社区: with no credit the tie goes to
 * the lowest id; with credit the higher wins, on placing an order and on re-matching a declined one; a suspended
 * organization scores lowest but still serves the items it runs.
 */
import {
  C,
  freeItem,
  key,
  P,
  startServicesDemo,
  type ServicesDemo,
} from '../../support/services/demoServices';

let demo: ServicesDemo;
let meal: string;
/** The three organizations' ids, ascending (the order a tie is broken in), and their staff. */
let ids: string[];
const staffOf = new Map<string, string>();

beforeAll(async () => {
  demo = await startServicesDemo();
  const made: string[] = [];
  for (const [name, staff] of [
    ['禄口甲养老服务中心', 'test-credit-a'],
    ['禄口乙养老服务中心', 'test-credit-b'],
    ['禄口丙养老服务中心', 'test-credit-c'],
  ] as const) {
    const id = await demo.addOrg(P.lukou, name, [C.lukou], 'jn-lukou', [staff]);
    staffOf.set(id, staff);
    made.push(id);
  }
  ids = [...made].sort();
  meal = await demo.approvedItem(freeItem('助餐送餐', '助餐', key('item')));
  await demo.sok(P.lukou, 'editItem', { itemId: meal, orgIds: ids });
}, 60_000);
afterAll(() => demo.close());

/** Sets an organization's entry in 禄口街道's pool as the projects capability keeps it. */
function pool(orgId: string, credit: number, status = 'admitted'): void {
  const _id = `jn-lukou:${orgId}`;
  const store = demo.cloud.store;
  if (store.docs('project_pool').some((d) => d._id === _id))
    store.update('project_pool', { _id }, { $set: { credit, status } }, { multi: false });
  else store.insert('project_pool', [{ _id, orgId, streetId: 'jn-lukou', status, credit }]);
}

const orgOf = (orderId: string) =>
  (demo.cloud.store.docs('service_orders').find((d) => d._id === orderId) as { orgId?: string }).orgId;

async function place(days: number): Promise<{ id: string; roundTrips: number }> {
  const reply = await demo.svc(P.wang, 'placeOrder', {
    itemId: meal,
    slot: demo.slot(days),
    subscribed: [],
    idempotencyKey: `credit-${days}`,
  });
  if (!reply.ok) throw new Error(reply.error.message);
  return { id: reply.data.id, roundTrips: reply.roundTrips };
}

describe('credit in matching', () => {
  it('without credit, organizations equal in everything go by id', async () => {
    const placed = await place(1);
    expect(orgOf(placed.id)).toBe(ids[0]);
  });

  it('with credit, the higher wins — in the same three round trips', async () => {
    pool(ids[0]!, 70);
    pool(ids[1]!, 75);
    pool(ids[2]!, 95);
    const placed = await place(2);
    expect(orgOf(placed.id)).toBe(ids[2]);
    expect(placed.roundTrips).toBe(3);
  });

  it('re-matching a declined order goes to the better credited of the others', async () => {
    const order = (await place(3)).id;
    expect(orgOf(order)).toBe(ids[2]);
    const declined = await demo.svc(staffOf.get(ids[2]!)!, 'declineOrder', {
      orderId: order,
      reason: '当天人手不够',
    });
    expect(declined.ok).toBe(true);
    expect(declined.roundTrips).toBe(3);
    // 75 beats 70, though the 70 has the lower id.
    expect(orgOf(order)).toBe(ids[1]);
  });

  it('a suspended organization scores lowest but is not excluded from the items it runs', async () => {
    pool(ids[2]!, 50, 'suspended');
    pool(ids[0]!, 88);
    expect(orgOf((await place(4)).id)).toBe(ids[0]);
    await demo.sok(P.lukou, 'editItem', { itemId: meal, orgIds: [ids[2]!] });
    expect(orgOf((await place(5)).id)).toBe(ids[2]);
  });
});
