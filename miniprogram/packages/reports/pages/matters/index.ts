/**
 * 事项清单 (street admin): the street's departments (one at a time, chosen from a list — a street has twenty or
 * more), each with who handles its reports and the matters it takes, with their deadlines and whether a grid team
 * checks first. A matter opens its edit page (with its versions); a department's 办理人员 opens the appointment page.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { REPORT_ROUTES } from '../../lib/routes';
import { departmentGroups, type DepartmentGroup } from '../../lib/setup';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

Component({
  behaviors: [elderModeBehavior, remotePage, reloadOnShow],
  data: {
    departmentNames: [] as string[],
    /** The department shown, kept across reloads (back from editing). */
    index: 0,
    shown: null as DepartmentGroup | null,
    count: 0,
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const reply = await call('reports', 'setup', {});
      if (!reply.ok) return reply;
      const groups = departmentGroups(reply.data);
      const index = Math.min(Number(query.index ?? this.data.index) || 0, Math.max(groups.length - 1, 0));
      return {
        ok: true,
        data: {
          departmentNames: groups.map((d) => `${d.name}（${d.matters.length} 项）`),
          index,
          shown: groups[index] ?? null,
          count: reply.data.matters.length,
        },
      };
    },
    onDepartment(e: WechatMiniprogram.PickerChange) {
      void this.reload({ index: String(e.detail.value) });
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
