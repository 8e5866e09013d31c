/**
 * 事项清单 (street admin): the street's departments, each with who handles its reports and the matters it takes,
 * with their deadlines and whether a grid team checks first. A matter opens its edit page (with its versions); a
 * department's 办理人员 opens the appointment page.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, reloadOnShow, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { REPORT_ROUTES } from '../../lib/routes';
import { departmentGroups, type DepartmentGroup } from '../../lib/setup';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

Component({
  behaviors: [elderModeBehavior, remotePage, reloadOnShow],
  data: {
    departments: [] as DepartmentGroup[],
    count: 0,
  },
  methods: {
    async load(): Promise<LoadResult> {
      const reply = await call('reports', 'setup', {});
      if (!reply.ok) return reply;
      return {
        ok: true,
        data: { departments: departmentGroups(reply.data), count: reply.data.matters.length },
      };
    },
    onAdd() {
      void wx.navigateTo({ url: REPORT_ROUTES.matter() });
    },
    onMatter(e: Tap) {
      void wx.navigateTo({ url: REPORT_ROUTES.matter(e.currentTarget.dataset.id) });
    },
    onStaff(e: Tap) {
      void wx.navigateTo({ url: REPORT_ROUTES.team({ departmentId: e.currentTarget.dataset.id }) });
    },
  },
});
