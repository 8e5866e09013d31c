/**
 * 首页: a greeting, the user's community, the big tiles for the key actions (./tiles.ts) with 再来一单, whom to
 * call, and what is new for them — the sections of ./sections.ts, each shown only when it has something. A user
 * who has not chosen a community yet is asked to, first.
 */
import { elderModeBehavior } from '../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../behaviors/remote-page';
import { tabPageBehavior } from '../../behaviors/tab-page';
import { type HomeView } from '../../lib/account';
import { ensureSession, onSessionChange } from '../../lib/session';
import { HOME_SECTIONS, type HomeItem } from './sections';
import { call } from '../../lib/api';
import { isElderMode, onElderModeChange, setElderMode, shouldAskOnce } from '../../lib/elder-mode';
import { dialHotline, rememberHotline, type HotlineView } from '../../lib/hotline';
import { SERVICES_PAGES, type OrderCard } from '../../lib/services';
import { bookingOf, lastServed, TILE_CATEGORY, tilesOf, type TileView } from './tiles';

/** A section as rendered: its items, or the error it hit. */
interface SectionView {
  id: string;
  title: string;
  items: HomeItem[];
  failed: boolean;
}

const PROFILE_URL = '/packages/account/pages/profile/index';

const unsubscribers = new WeakMap<object, () => void>();
const elderUnsubscribers = new WeakMap<object, () => void>();

async function loadSections(home: HomeView): Promise<SectionView[]> {
  return Promise.all(
    HOME_SECTIONS.map(async (section) => {
      try {
        return { id: section.id, title: section.title, items: await section.load(home), failed: false };
      } catch (err) {
        console.warn(`home section ${section.id} failed`, err);
        return { id: section.id, title: section.title, items: [], failed: true };
      }
    }),
  );
}

Component({
  behaviors: [elderModeBehavior, tabPageBehavior, remotePage],
  data: {
    greeting: '',
    nickname: '',
    avatar: '',
    communityName: '',
    placeLine: '',
    needsCommunity: false,
    sections: [] as SectionView[],
    nothingNew: false,
    profileUrl: PROFILE_URL,
    /** The 长辈模式 entry's switch, and the one-time "字太小？" question (lib/elder-mode.ts). */
    elderOn: false,
    askElder: false,
    tiles: [] as TileView[],
    hotline: null as HotlineView | null,
    lastOrder: null as OrderCard | null,
    opening: '',
  },
  lifetimes: {
    attached() {
      this.setData({ elderOn: isElderMode(), askElder: shouldAskOnce() });
      elderUnsubscribers.set(
        this,
        onElderModeChange((on) => this.setData({ elderOn: on })),
      );
      // A profile saved elsewhere (name, community) shows here on return without a reload.
      unsubscribers.set(
        this,
        onSessionChange(() => {
          // The first login also reports here; only a later change needs a reload.
          if (this.data.status === 'ready') void this.reload();
        }),
      );
    },
    detached() {
      unsubscribers.get(this)?.();
      unsubscribers.delete(this);
      elderUnsubscribers.get(this)?.();
      elderUnsubscribers.delete(this);
    },
  },
  methods: {
    onElderChange(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      setElderMode(e.detail.value);
    },
    /** 字太小？ → 切换长辈模式 / 不用了: either way the question is not asked again. */
    onElderYes() {
      setElderMode(true);
      this.setData({ askElder: false });
    },
    onElderNo() {
      setElderMode(false);
      this.setData({ askElder: false });
    },
    /** A big tile: the booking it stands for, 我的预约, the community's phone, or 再来一单. */
    async onTile(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      const id = e.currentTarget.dataset.id as TileView['id'];
      if (id === 'orders') return void wx.navigateTo({ url: SERVICES_PAGES.orders });
      if (id === 'again' && this.data.lastOrder)
        return void wx.navigateTo({ url: SERVICES_PAGES.again(this.data.lastOrder) });
      if (id === 'call') {
        if (this.data.hotline) dialHotline(this.data.hotline.number);
        else wx.showToast({ title: '您的社区还没有登记电话', icon: 'none' });
        return;
      }
      const category = id === 'again' ? undefined : TILE_CATEGORY[id];
      if (!category || this.data.opening) return;
      this.setData({ opening: id });
      const found = await bookingOf(category);
      this.setData({ opening: '' });
      if ('url' in found) wx.navigateTo({ url: found.url });
      else wx.showToast({ title: found.message, icon: 'none' });
    },
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      const reply = await call('account', 'home');
      if (!reply.ok) return reply;
      const home = reply.data;
      rememberHotline(home.hotline);
      const [all, last] = await Promise.all([
        loadSections(home),
        home.me.communityId ? lastServed() : Promise.resolve(undefined),
      ]);
      const sections = all.filter((s) => s.items.length > 0 || s.failed);
      return {
        ok: true,
        data: {
          greeting: home.greeting,
          nickname: home.me.nickname,
          avatar: home.me.avatarFileId ?? '',
          communityName: home.communityName ?? '',
          placeLine: home.me.placeNames.slice(0, 2).join(' · '),
          needsCommunity: !home.me.communityId,
          tiles: home.me.communityId ? tilesOf(home.tiles, last) : [],
          hotline: home.hotline ?? null,
          lastOrder: last ?? null,
          sections,
          nothingNew: sections.length === 0,
        },
      };
    },
  },
});
