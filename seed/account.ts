/**
 * The account side of the demo community: the place tree, then everyone logging in and filling their profile,
 * the district admin (bootstrapped by configuration) appointing street admins, the street admins registering the
 * two organizations and their staff, an elder registered without WeChat, and family links made both ways.
 */
import type { LocalCloud } from '../localcloud/cloud';
import { callOk } from './call';
import {
  DISTRICT_ADMIN,
  ORGS,
  PROXY_ELDER,
  RESIDENTS,
  STAFF,
  STREET_ADMINS,
  type DemoPerson,
} from './demoPeople';
import { placeDocuments } from './places';

/** Ids the later seeds need. */
export interface AccountSeed {
  userIds: Record<string, string>;
  orgIds: Record<keyof typeof ORGS, string>;
  proxyElderId: string;
}

async function join(cloud: LocalCloud, p: DemoPerson): Promise<string> {
  const me = await callOk(cloud, 'account', p.openid, 'login');
  await callOk(cloud, 'account', p.openid, 'updateProfile', {
    nickname: p.nickname,
    communityId: p.communityId,
    ...(p.realName ? { realName: p.realName } : {}),
    ...(p.birthYear ? { birthYear: p.birthYear } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.address ? { address: p.address } : {}),
  });
  return me.id;
}

/** Seeds the account side; returns the ids later seeds use. */
export async function seedAccount(cloud: LocalCloud): Promise<AccountSeed> {
  cloud.store.insert('places', placeDocuments());
  const userIds: Record<string, string> = {};
  for (const p of [DISTRICT_ADMIN, ...STREET_ADMINS, ...STAFF, ...RESIDENTS])
    userIds[p.openid] = await join(cloud, p);

  for (const a of STREET_ADMINS) {
    await callOk(cloud, 'account', DISTRICT_ADMIN.openid, 'grantRole', {
      targetUserId: userIds[a.openid],
      targetRole: 'admin',
      scopeId: a.streetId,
    });
  }
  const orgIds = {} as Record<keyof typeof ORGS, string>;
  for (const [key, org] of Object.entries(ORGS) as [keyof typeof ORGS, (typeof ORGS)[keyof typeof ORGS]][]) {
    const created = await callOk(cloud, 'account', org.admin, 'createOrg', {
      name: org.name,
      description: org.description,
      services: [...org.services],
      communityIds: [...org.communityIds],
      scopeId: org.scopeId,
      idempotencyKey: `seed-org-${key}`,
    });
    orgIds[key] = created.id;
  }
  for (const s of STAFF) {
    await callOk(cloud, 'account', ORGS[s.org].admin, 'grantRole', {
      targetUserId: userIds[s.openid],
      targetRole: 'provider',
      orgId: orgIds[s.org],
    });
    // The organization gives each of them a work number (a colleague could set it too).
    await callOk(cloud, 'account', s.openid, 'setWorkPhone', {
      orgId: orgIds[s.org],
      workPhone: s.workPhone,
    });
  }

  const elder = await callOk(cloud, 'account', 'demo-admin-dongshan', 'registerElder', {
    realName: PROXY_ELDER.realName,
    birthYear: PROXY_ELDER.birthYear,
    communityId: PROXY_ELDER.communityId,
    address: PROXY_ELDER.address,
    idempotencyKey: 'seed-elder-sun',
  });
  await callOk(cloud, 'account', 'demo-admin-dongshan', 'adminLink', {
    elderId: elder.id,
    relativeId: userIds['demo-resident-chen'],
    relation: '网格员',
  });
  // 王奶奶 shows her code; 张明 (her neighbour, who helps her) asks; she confirms.
  const { code } = await callOk(cloud, 'account', 'demo-resident-wang', 'createLinkCode');
  const link = await callOk(cloud, 'account', 'demo-resident-zhang', 'requestLink', {
    code,
    relation: '邻居',
  });
  await callOk(cloud, 'account', 'demo-resident-wang', 'respondLink', { linkId: link.id, accept: true });

  return { userIds, orgIds, proxyElderId: elder.id };
}
