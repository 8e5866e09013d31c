/**
 * The Open311 GeoReport v2 endpoint through the local cloud's HTTP access, with a plain HTTP client (fetch), as
 * anyone on the internet would call it: services, requests (filtered), one request; locations blurred to about
 * 100 m; no personal data (no reporter, no names, no phones, no photos); read-only.
 */
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { freshKey, NEAR, photo, setMorning, setUpStreet, WANG, type Street } from './helpers';

jest.setTimeout(120_000);

let demo: DemoCloud;
let street: Street;
let id: string;
beforeAll(async () => {
  demo = await startDemoCloud();
  setMorning(demo);
  street = await setUpStreet(demo);
  id = (
    await demo.ok('reports', WANG, 'submit', {
      matterId: street.matters.litter,
      location: NEAR,
      address: '1 栋北侧',
      description: '垃圾桶满了',
      photos: [photo(demo, WANG)],
      idempotencyKey: freshKey(),
    })
  ).id;
});
afterAll(() => demo.close());

const get = (path: string) => fetch(`${demo.cloud.baseUrl}/open311/v2${path}`);

it('lists the matter list as services', async () => {
  const res = await get('/services.json?jurisdiction_id=jn-lukou');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  const services = (await res.json()) as { service_code: string; service_name: string; group: string }[];
  expect(services.map((s) => s.service_name).sort()).toEqual(['垃圾乱堆', '路灯不亮', '道路坑洼'].sort());
  expect(services[0]).toMatchObject({ metadata: false, type: 'realtime' });
});

it('lists requests and one request, blurred and without personal data', async () => {
  const res = await get('/requests.json?status=open&service_code=' + street.matters.litter);
  expect(res.status).toBe(200);
  const list = (await res.json()) as Record<string, unknown>[];
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({
    service_request_id: id,
    status: 'open',
    service_name: '垃圾乱堆',
    agency_responsible: '城管',
    lat: 31.737,
    long: 118.866,
  });
  const text = JSON.stringify(list);
  for (const secret of [WANG, '王', '13851700101', 'cloud://', 'reporter', 'openid'])
    expect(text).not.toContain(secret);

  const one = await get(`/requests/${id}.json`);
  expect(one.status).toBe(200);
  expect(((await one.json()) as { service_request_id: string }[])[0]!.service_request_id).toBe(id);
  const none = await get('/requests/nothing-here.json');
  expect(none.status).toBe(404);
  expect(await none.json()).toEqual([{ code: 404, description: 'no such service request' }]);
  const closed = (await (await get('/requests.json?status=closed')).json()) as unknown[];
  expect(closed).toHaveLength(0);
});

it('is read-only and refuses bad parameters', async () => {
  const post = await fetch(`${demo.cloud.baseUrl}/open311/v2/requests.json`, { method: 'POST', body: '{}' });
  expect(post.status).toBe(405);
  expect((await get('/requests.json?start_date=yesterday')).status).toBe(400);
  expect((await get('/nothing.json')).status).toBe(404);
  expect(demo.cloud.store.docs('reports')).toHaveLength(1);
  // A client call dressed as an HTTP request is still a client call (it has a caller): refused, never served.
  const dressed = await demo.unchecked('reports', WANG, 'matters', {
    httpMethod: 'GET',
    path: '/open311/v2/services.json',
  });
  expect(!dressed.ok && dressed.error.code).toBe('INVALID_INPUT');
});
