/** 我管理的社区: the communities in the admin's scope, by street, with residents and residents aged 80+. */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { CommunityStat } from '../../../../lib/account';
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
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    streets: [] as StreetGroup[],
    total: 0,
  },
  methods: {
    onLoad() {
      this.load();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh?.();
    },
    onRetry() {
      this.setData({ status: 'loading' });
      this.load();
    },
    async load() {
      const reply = await call('account', 'adminCommunities');
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message });
        return;
      }
      this.setData({ status: 'ready', streets: byStreet(reply.data), total: reply.data.length });
    },
  },
});
