/**
 * 网格 (street admin): the street's grids, each with its community, buildings and team (网格长, 网格员, 信息联络员).
 * A grid opens the page to appoint or remove its team.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, reloadOnShow, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { REPORT_ROUTES } from '../../lib/routes';
import { gridCard, type GridCard } from '../../lib/setup';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

Component({
  behaviors: [elderModeBehavior, remotePage, reloadOnShow],
  data: { grids: [] as GridCard[] },
  methods: {
    async load(): Promise<LoadResult> {
      const reply = await call('reports', 'setup', {});
      if (!reply.ok) return reply;
      return { ok: true, data: { grids: reply.data.grids.map(gridCard) } };
    },
    onGrid(e: Tap) {
      void wx.navigateTo({ url: REPORT_ROUTES.team({ gridId: e.currentTarget.dataset.id }) });
    },
  },
});
