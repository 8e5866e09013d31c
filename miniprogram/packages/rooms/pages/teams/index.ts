/**
 * 我的团队 (文体团队 leaders): the teams they lead with their weekly slot, approval state and coming meetings —
 * skip one week with a tap — and their member list (names, kept by the leader). Opened from a room
 * (`?roomId=`), it first shows the form to ask that room for a weekly slot, which the community admin approves.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { WEEKDAY_NAMES } from '../../../../shared/calendar';
import { ROOMS_LIMITS } from '../../../../shared/limits';
import { askConsent, ROOM_TEMPLATES } from '../../lib/templates';
import type { TeamView } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, Record<string, string>>;

const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** Start times offered (half hours, 08:00–20:30) and lengths (minutes). */
const STARTS = Array.from({ length: 26 }, (_, i) => 8 * 60 + i * 30).map((m) => ({ m, text: clock(m) }));
const LENGTHS = [60, 90, 120].map((m) => ({
  m,
  text: m % 60 ? `${Math.floor(m / 60)} 小时半` : `${m / 60} 小时`,
}));
/** Monday first, as people read a week. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0].map((d) => ({ d, text: WEEKDAY_NAMES[d] }));

/** Names typed in one box, split on commas, 、 and spaces. */
const namesOf = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .map((n) => n.trim())
    .filter(Boolean);

Component({
  behaviors: [elderModeBehavior, reloadOnShow],
  data: {
    roomId: '',
    roomName: '',
    items: [] as (TeamView & { membersText: string })[],
    form: { name: '', weekday: 1, start: 19 * 60, length: 90, members: '' },
    choices: { starts: STARTS, lengths: LENGTHS, weekdays: WEEKDAYS },
    key: '',
    errors: {} as Record<string, string>,
    busy: '',
    banner: '',
    max: { name: ROOMS_LIMITS.teamNameMax },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ roomId: query.roomId ?? '', key: newIdempotencyKey() });
      void this.reload(query);
    },
    async load(): Promise<LoadResult> {
      const [teams, room] = await Promise.all([
        call('rooms', 'myTeams'),
        this.data.roomId
          ? call('rooms', 'roomDetail', { roomId: this.data.roomId })
          : Promise.resolve(undefined),
      ]);
      if (!teams.ok) return teams;
      if (room && !room.ok) return room;
      return {
        ok: true,
        data: {
          roomName: room?.ok ? room.data.name : '',
          items: teams.data.items.map((t) => ({ ...t, membersText: t.members.join('、') })),
        },
      };
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, errors: {} });
    },
    onPick(e: Tap) {
      const { field, value } = e.currentTarget.dataset;
      this.setData({ [`form.${field}`]: Number(value) });
    },
    async onPropose() {
      if (this.data.busy) return;
      const f = this.data.form;
      this.setData({ busy: 'propose', banner: '', errors: {} });
      await askConsent(ROOM_TEMPLATES.team);
      const reply = await call('rooms', 'proposeTeam', {
        roomId: this.data.roomId,
        name: f.name,
        weekday: f.weekday,
        start: f.start,
        end: f.start + f.length,
        members: namesOf(f.members),
        idempotencyKey: this.data.key,
      });
      this.setData({ busy: '' });
      if (!reply.ok) {
        const errors = plainFieldErrors(reply, {
          name: `请填团队名称，最多 ${ROOMS_LIMITS.teamNameMax} 个字`,
        });
        this.setData({ errors, banner: Object.keys(errors).length ? '' : reply.error.message });
        return;
      }
      wx.showToast({ title: '已提交，等社区批准', icon: 'none' });
      this.setData({ roomId: '', key: newIdempotencyKey(), 'form.name': '', 'form.members': '' });
      await this.reload();
    },
    async onSkip(e: Tap) {
      const { team, date } = e.currentTarget.dataset;
      this.setData({ busy: `${team}@${date}`, banner: '' });
      const reply = await call('rooms', 'teamException', { teamId: team, kind: 'skip', date });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '这周不活动了，时段已让出', icon: 'none' });
      await this.reload();
    },
    onMembers(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>) {
      this.setData({ [`items[${e.currentTarget.dataset.index}].membersText`]: e.detail.value });
    },
    async onSaveMembers(e: Tap) {
      const index = Number(e.currentTarget.dataset.index);
      const t = this.data.items[index]!;
      this.setData({ busy: `members@${t.id}`, banner: '' });
      const reply = await call('rooms', 'updateTeamMembers', {
        teamId: t.id,
        members: namesOf(t.membersText),
      });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      wx.showToast({ title: '成员已保存', icon: 'none' });
      await this.reload();
    },
  },
});
