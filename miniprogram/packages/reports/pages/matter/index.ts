/**
 * 修改事项 / 新增事项 (street admin): a matter of the street's list — its name and kind, the department it goes to,
 * the hours to accept and to finish it, whether a grid team checks it first — and its earlier versions. An edit is
 * saved on the version it was opened on; if someone saved in between, the admin is told and the page reloads.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { plainFieldErrors } from '../../../../lib/form';
import { REPORTS_LIMITS } from '../../../../shared/limits';
import type { MatterView } from '../../lib/views';

interface Form {
  name: string;
  category: string;
  departmentId: string;
  respondHours: number;
  resolveHours: number;
  patrolFirst: boolean;
}

const NEW: Form = {
  name: '',
  category: '',
  departmentId: '',
  respondHours: 4,
  resolveHours: 48,
  patrolFirst: true,
};

type Field = WechatMiniprogram.CustomEvent<
  { value: string | number | boolean },
  Record<string, never>,
  { field: keyof Form }
>;

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    id: '',
    streetId: '',
    version: 0,
    form: { ...NEW } as Form,
    departments: [] as { id: string; name: string }[],
    departmentNames: [] as string[],
    departmentIndex: -1,
    history: [] as MatterView['history'],
    busy: false,
    banner: '',
    errors: {} as Record<string, string>,
    max: {
      name: REPORTS_LIMITS.matterNameMax,
      category: REPORTS_LIMITS.categoryMax,
      hours: REPORTS_LIMITS.hoursMax,
    },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '' });
      wx.setNavigationBarTitle({ title: query.id ? '修改事项' : '新增事项' });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const reply = await call('reports', 'setup', {});
      if (!reply.ok) return reply;
      const departments = reply.data.departments.map((d) => ({ id: d.id, name: d.name }));
      const matter = reply.data.matters.find((m) => m.id === this.data.id);
      if (this.data.id && !matter)
        return { ok: false, error: { code: 'NOT_FOUND', message: '这个事项已经不在清单里了' } };
      const form: Form = matter
        ? {
            name: matter.name,
            category: matter.category,
            departmentId: matter.departmentId,
            respondHours: matter.respondHours,
            resolveHours: matter.resolveHours,
            patrolFirst: matter.patrolFirst,
          }
        : { ...NEW, departmentId: departments[0]?.id ?? '' };
      return {
        ok: true,
        data: {
          streetId: reply.data.streetId,
          version: matter?.version ?? 0,
          history: matter?.history ?? [],
          form,
          departments,
          departmentNames: departments.map((d) => d.name),
          departmentIndex: departments.findIndex((d) => d.id === form.departmentId),
          banner: '',
          errors: {},
        },
      };
    },
    onField(e: Field) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },
    onDepartment(e: WechatMiniprogram.PickerChange) {
      const i = Number(e.detail.value);
      this.setData({ departmentIndex: i, 'form.departmentId': this.data.departments[i]?.id ?? '' });
    },
    async onSave() {
      const f = this.data.form;
      this.setData({ busy: true, banner: '', errors: {} });
      const reply = await call('reports', 'saveMatter', {
        ...(this.data.id ? { matterId: this.data.id, version: this.data.version } : {}),
        streetId: this.data.streetId,
        name: f.name.trim(),
        category: f.category.trim(),
        departmentId: f.departmentId,
        respondHours: Number(f.respondHours),
        resolveHours: Number(f.resolveHours),
        patrolFirst: f.patrolFirst,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        if (reply.error.code === 'CONFLICT') {
          await this.reload();
          this.setData({ banner: `${reply.error.message}。下面是现在的内容。` });
          return;
        }
        const errors = plainFieldErrors(reply, {
          name: `请填事项名称，最多 ${REPORTS_LIMITS.matterNameMax} 个字`,
          category: '请填事项类别，比如：市容环境',
          resolveHours: '办结时限不能短于受理时限',
        });
        this.setData({
          errors,
          banner: Object.keys(errors).length ? '请看一下标红的地方' : reply.error.message,
        });
        return;
      }
      wx.showToast({ title: '已保存', icon: 'success' });
      this.setData({ id: reply.data.id, version: reply.data.version, history: reply.data.history });
      wx.setNavigationBarTitle({ title: '修改事项' });
    },
  },
});
