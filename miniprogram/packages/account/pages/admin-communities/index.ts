/**
 * 我管理的社区: the communities in the admin's scope, by street, with residents and residents aged 80+, each
 * with whom residents call (its hotline, else the street's) and the big tiles 首页 shows. Tapping a community
 * edits those: the hotline and its hours, and which tiles in which order (tap to add at the end, tap to remove).
 * `?edit=<communityId>` opens with that community's form.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { mapReply } from '../../../../lib/page-state';
import { type CommunityStat } from '../../../../lib/account';
import { call } from '../../../../lib/api';
import { plainFieldErrors } from '../../../../lib/form';
import { HOME_TILE_LABELS, HOME_TILES, type HomeTile } from '../../../../shared/choices';
import { ACCOUNT_LIMITS } from '../../../../shared/limits';

/** A community as listed: its numbers and what residents see. */
interface CommunityLine extends CommunityStat {
  phoneText: string;
  tilesText: string;
}

/** The communities of one street. */
interface StreetGroup {
  name: string;
  residents: number;
  elders80: number;
  communities: CommunityLine[];
}

const tilesText = (tiles: HomeTile[]) =>
  tiles.length > 0 ? tiles.map((t) => HOME_TILE_LABELS[t]).join('、') : '不显示大按钮';

function line(c: CommunityStat): CommunityLine {
  const phoneText = c.hotline
    ? `社区电话 ${c.hotline}`
    : c.streetHotline
      ? `用街道电话 ${c.streetHotline}`
      : '还没有登记电话';
  return { ...c, phoneText, tilesText: tilesText(c.homeTiles) };
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
    group.communities.push(line(c));
    groups.set(c.streetName, group);
  }
  return [...groups.values()];
}

/** The tile chips of the form: each with its place in the order (0: not shown). */
function chipsOf(tiles: HomeTile[]): { id: HomeTile; label: string; place: number }[] {
  return HOME_TILES.map((id) => ({ id, label: HOME_TILE_LABELS[id], place: tiles.indexOf(id) + 1 }));
}

/** The form's data for a community (null: the list). */
function formOf(c: CommunityStat | null) {
  return {
    editing: c,
    hotline: c?.hotline ?? '',
    hours: c?.hotlineHours ?? '',
    tiles: c?.homeTiles ?? [],
    chips: chipsOf(c?.homeTiles ?? []),
    errors: {},
  };
}

const HINTS = { hotline: '请填写电话，如 96890、025-52101234 或手机号' };

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    stats: [] as CommunityStat[],
    streets: [] as StreetGroup[],
    total: 0,
    /** The community being edited, and the form. */
    editing: null as CommunityStat | null,
    hotline: '',
    hours: '',
    tiles: [] as HomeTile[],
    chips: chipsOf([]),
    errors: {} as Record<string, string>,
    saving: false,
    max: { hotline: ACCOUNT_LIMITS.hotlineMax, hours: ACCOUNT_LIMITS.hotlineHoursMax },
  },
  methods: {
    async load(query: PageQuery) {
      return mapReply(await call('account', 'adminCommunities'), (stats) => ({
        stats,
        streets: byStreet(stats),
        total: stats.length,
        ...formOf(stats.find((c) => c.id === query.edit) ?? null),
      }));
    },
    onEdit(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const c = this.data.stats.find((s) => s.id === e.currentTarget.dataset.id);
      if (c) this.setData(formOf(c));
    },
    onHotline(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ hotline: e.detail.value, 'errors.hotline': '' });
    },
    onHours(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ hours: e.detail.value });
    },
    /** A tile: added at the end of the order, or taken out. */
    onChip(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: HomeTile }>) {
      const { id } = e.currentTarget.dataset;
      const tiles = this.data.tiles.includes(id)
        ? this.data.tiles.filter((t) => t !== id)
        : [...this.data.tiles, id];
      this.setData({ tiles, chips: chipsOf(tiles) });
    },
    onCancel() {
      this.setData({ editing: null, errors: {} });
    },
    async onSave() {
      const c = this.data.editing;
      if (!c || this.data.saving) return;
      this.setData({ saving: true });
      const reply = await call('account', 'editCommunity', {
        communityId: c.id,
        hotline: this.data.hotline.trim(),
        hotlineHours: this.data.hours.trim(),
        homeTiles: this.data.tiles,
      });
      this.setData({ saving: false });
      if (!reply.ok) {
        const errors = plainFieldErrors(reply, HINTS);
        if (Object.keys(errors).length > 0) this.setData({ errors });
        else wx.showModal({ title: '没有保存', content: reply.error.message, showCancel: false });
        return;
      }
      const stats = this.data.stats.map((s) =>
        s.id === c.id
          ? {
              ...s,
              hotline: reply.data.hotline,
              hotlineHours: reply.data.hotlineHours,
              homeTiles: reply.data.homeTiles,
            }
          : s,
      );
      this.setData({ stats, streets: byStreet(stats), editing: null });
      wx.showToast({ title: '已保存', icon: 'success' });
    },
  },
});
