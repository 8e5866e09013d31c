/**
 * 购买服务项目 (street admins): the calls of their streets, newest first, each with its stage; publishing a new
 * one opens the call editor.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { PROJECT_ROUTES } from '../../lib/routes';
import type { CallListItem } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

Component({
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: { items: [] as CallListItem[], editUrl: PROJECT_ROUTES.callEdit, poolUrl: PROJECT_ROUTES.pool },
  methods: {
    async loadPage(offset: number) {
      return pageOf(await call('projects', 'listCalls', { view: 'admin', offset }), (c) => c);
    },
    onOpen(e: Tap) {
      wx.navigateTo({ url: PROJECT_ROUTES.call(e.currentTarget.dataset.id) });
    },
    onNew() {
      wx.navigateTo({ url: PROJECT_ROUTES.callEdit });
    },
    onPool() {
      wx.navigateTo({ url: PROJECT_ROUTES.pool });
    },
  },
});
