/**
 * 项目申报 (organization staff): the bid on one call — the service plan, budget lines (in yuan), a target for each
 * of the call's indicators (at least its minimum), the team. Saved as a draft any number of times and submitted
 * once complete; editable until the deadline, then read-only. Field errors show under their fields.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, pageQuery, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { plainFieldErrors } from '../../../../lib/form';
import { PROJECTS_LIMITS } from '../../../../shared/limits';
import type { BidView, CallDetail } from '../../lib/views';
import { fenOf } from '../../lib/views';

interface Line {
  label: string;
  yuan: string;
}
interface Member {
  name: string;
  role: string;
  qualification: string;
}
interface Form {
  plan: string;
  lines: Line[];
  targets: { key: string; label: string; unit: string; min: number; value: string }[];
  team: Member[];
}

type Tap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { path?: string; index?: number }
>;

const L = PROJECTS_LIMITS;

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    call: null as CallDetail | null,
    bid: null as BidView | null,
    form: { plan: '', lines: [], targets: [], team: [] } as Form,
    editable: true,
    errors: {} as Record<string, string>,
    banner: '',
    busy: '',
    saved: '',
    max: {
      plan: L.planMax,
      label: L.budgetLabelMax,
      name: L.teamNameMax,
      role: L.teamRoleMax,
      qualification: L.qualificationMax,
    },
  },
  methods: {
    async load(query: PageQuery): Promise<LoadResult> {
      const callId = query.callId ?? '';
      const orgId = query.orgId ?? '';
      const [detail, mine] = await Promise.all([
        call('projects', 'callDetail', { callId }),
        call('projects', 'bidDetail', { callId, orgId }),
      ]);
      if (!detail.ok) return detail;
      if (!mine.ok && mine.error.code !== 'NOT_FOUND') return mine;
      const bid = mine.ok ? mine.data : null;
      const targets = new Map((bid?.targets ?? []).map((t) => [t.key, t.target]));
      const given = (key: string) => targets.get(key);
      const form: Form = {
        plan: bid?.plan ?? '',
        lines: bid?.budgetLines.map((l) => ({ label: l.label, yuan: String(l.amountFen / 100) })) ?? [
          { label: '', yuan: '' },
        ],
        targets: detail.data.indicators.map((i) => ({
          key: i.key,
          label: i.label,
          unit: i.unitText,
          min: i.minTarget,
          value: given(i.key) == null ? '' : String(given(i.key)),
        })),
        team: bid?.team.map((m) => ({ ...m })) ?? [{ name: '', role: '', qualification: '' }],
      };
      const editable = bid ? bid.editable : detail.data.canBid;
      return {
        ok: true,
        data: { call: detail.data, bid, form, editable, errors: {}, banner: '', saved: '' },
      };
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { path: string }>) {
      this.setData({ [`form.${e.currentTarget.dataset.path}`]: e.detail.value, saved: '' });
    },
    onAddLine() {
      this.setData({ 'form.lines': [...this.data.form.lines, { label: '', yuan: '' }] });
    },
    onRemoveLine(e: Tap) {
      this.setData({
        'form.lines': this.data.form.lines.filter((_l, i) => i !== e.currentTarget.dataset.index),
      });
    },
    onAddMember() {
      this.setData({ 'form.team': [...this.data.form.team, { name: '', role: '', qualification: '' }] });
    },
    onRemoveMember(e: Tap) {
      this.setData({
        'form.team': this.data.form.team.filter((_m, i) => i !== e.currentTarget.dataset.index),
      });
    },
    onSave() {
      void this.save(false);
    },
    onSubmit() {
      void this.save(true);
    },
    async save(submit: boolean) {
      if (this.data.busy) return;
      const { callId = '', orgId = '' } = pageQuery(this);
      const f = this.data.form;
      this.setData({ busy: submit ? 'submit' : 'save', banner: '', errors: {} });
      const reply = await call('projects', 'saveBid', {
        callId,
        orgId,
        plan: f.plan,
        budgetLines: f.lines
          .filter((l) => l.label.trim() || l.yuan.trim())
          .map((l) => ({ label: l.label, amountFen: fenOf(l.yuan) })),
        targets: f.targets
          .filter((t) => t.value.trim() !== '')
          .map((t) => ({ key: t.key, target: Number(t.value) || 0 })),
        team: f.team
          .filter((m) => m.name.trim())
          .map((m) => ({ name: m.name, role: m.role || '成员', qualification: m.qualification })),
        submit,
      });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message, errors: plainFieldErrors(reply, {}) });
        return;
      }
      this.setData({ bid: reply.data, saved: submit ? '已提交申报，截止前还可以修改' : '草稿已保存' });
    },
  },
});
