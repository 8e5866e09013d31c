/** 我管理的社区: the communities in the admin's scope, by street, with residents and residents aged 80+. */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { remotePage } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { type CommunityStat } from '../../../../lib/account';
import { call } from '../../../../lib/api';

/** The communities of one street. */
interface StreetGroup {
  name: string;
  residents: number;
  elders80: number;
  communities: CommunityStat[];
}

function byStreet(stats: CommunityStat[]): StreetGroup[] {
  const groups = new Map<string, StreetGroup>();
  for (const c of stats) {
    const group = groups.get(c.streetName) ?? {
      name: c.streetName,
      residents: 0,
      elders80: 0,
      communities: [],
    };
    group.residents += c.residents;
    group.elders80 += c.elders80;
    group.communities.push(c);
    groups.set(c.streetName, group);
  }
  return [...groups.values()];
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    streets: [] as StreetGroup[],
    total: 0,
  },
  methods: {
    async load() {
      return mapReply(await call('account', 'adminCommunities'), (stats) => ({
        streets: byStreet(stats),
        total: stats.length,
      }));
    },
  },
});
