/**
 * The demo district: 江宁区 and three of its streets with a few of their communities (the seeds name 禄口 with
 * 30 communities, 东山 16 and 秣陵 25; a handful each is enough to see everything work).
 */

/** One place to create. */
export interface SeedPlace {
  id: string;
  level: 'district' | 'street' | 'community';
  name: string;
  parentId?: string;
}

const district: SeedPlace = { id: 'jn', level: 'district', name: '江宁区' };

const streets: Record<string, { name: string; communities: [string, string][] }> = {
  'jn-lukou': {
    name: '禄口街道',
    communities: [
      ['lukou', '禄口社区'],
      ['xinqiao', '新桥社区'],
      ['tongshan', '铜山社区'],
      ['shinian', '石埝社区'],
      ['lugang', '陆纲社区'],
    ],
  },
  'jn-dongshan': {
    name: '东山街道',
    communities: [
      ['dongshan', '东山社区'],
      ['shangfang', '上坊社区'],
      ['zhushan', '竹山社区'],
      ['baijiahu', '百家湖社区'],
    ],
  },
  'jn-moling': {
    name: '秣陵街道',
    communities: [
      ['moling', '秣陵社区'],
      ['yinxiang', '殷巷社区'],
      ['jiangjunshan', '将军山社区'],
      ['mozhou', '秣周社区'],
    ],
  },
};

/** Every place, parents before children. */
export const SEED_PLACES: SeedPlace[] = [
  district,
  ...Object.entries(streets).flatMap(([streetId, s]) => [
    { id: streetId, level: 'street' as const, name: s.name, parentId: district.id },
    ...s.communities.map(([slug, name]) => ({
      id: `${streetId}-${slug}`,
      level: 'community' as const,
      name,
      parentId: streetId,
    })),
  ]),
];

/**
 * The demo's hotlines: every street answers on 96890 (the seeds' street-wide line); the first two communities of
 * each street have their own 025 number (the others fall back to the street's), as residents would find them.
 */
function hotlineOf(p: SeedPlace, order: number): Record<string, string> {
  if (p.level === 'street') return { hotline: '96890', hotlineHours: '每天 8:00–20:00' };
  if (p.level !== 'community') return {};
  const siblings = SEED_PLACES.filter((x) => x.parentId === p.parentId);
  if (siblings.indexOf(p) > 1) return {};
  return { hotline: `025-5210${String(1000 + order * 7).slice(-4)}`, hotlineHours: '工作日 8:30–17:30' };
}

/** Writes the place tree straight into the store (reference data, as an operator would import it). */
export function placeDocuments(): Record<string, unknown>[] {
  const byId = new Map(SEED_PLACES.map((p) => [p.id, p]));
  return SEED_PLACES.map((p, order) => {
    const path: SeedPlace[] = [];
    for (let at: SeedPlace | undefined = p; at; at = at.parentId ? byId.get(at.parentId) : undefined)
      path.unshift(at);
    return {
      _id: p.id,
      level: p.level,
      name: p.name,
      ...(p.parentId ? { parentId: p.parentId } : {}),
      path: path.map((x) => x.id),
      pathNames: path.map((x) => x.name),
      order,
      ...hotlineOf(p, order),
    };
  });
}
