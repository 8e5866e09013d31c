/**
 * What 首页 shows under "为您准备": a list of sections, each loading its own items for the current user.
 * This is the extension point for later capabilities — add a section here (services: orders on their way;
 * 公益: votes open, activities to sign up for) and 首页 shows it when it has items; a section with no items
 * is not shown at all, so nothing here is ever a placeholder.
 */
import type { HomeView } from '../../lib/account';
import { SERVICES_PAGES } from '../../lib/services';
import { dayText } from '../../shared/calendar';
import { call } from '../../lib/api';

/** One line of a section: a title, an optional note, and the page it opens. */
export interface HomeItem {
  id: string;
  title: string;
  /** Short text on the right, e.g. "2 条". */
  note?: string;
  /** Page to open (navigateTo), e.g. `/packages/account/pages/family/index`. */
  url: string;
  /** TDesign icon name. */
  icon?: string;
}

/** A block of 首页. `load` may call functions; its failure shows as this section's error, not the page's. */
export interface HomeSection {
  id: string;
  title: string;
  load(home: HomeView): Promise<HomeItem[]> | HomeItem[];
}

/** Family requests waiting for the user's answer (account). */
const familyRequests: HomeSection = {
  id: 'family-requests',
  title: '待您处理',
  load(home) {
    if (home.pendingLinkRequests === 0) return [];
    return [
      {
        id: 'family-requests',
        title: '家人请求绑定您',
        note: `${home.pendingLinkRequests} 条`,
        url: '/packages/account/pages/family/index',
        icon: 'usergroup-add',
      },
    ];
  },
};

/** A volunteer's activities in the coming week that they hold a seat for (volunteering). */
const volunteeringSoon: HomeSection = {
  id: 'volunteering-soon',
  title: '近期志愿活动',
  async load(home) {
    if (!home.me.isVolunteer) return [];
    const reply = await call('volunteering', 'mySignUps', { filter: 'upcoming' });
    if (!reply.ok) throw new Error(reply.error.message);
    const weekAhead = Date.now() + 7 * 24 * 3_600_000;
    return reply.data.items
      .filter((s) => Date.parse(s.activity.startAt) <= weekAhead)
      .slice(0, 3)
      .map((s) => ({
        id: s.signupId,
        title: s.activity.title,
        note: s.activity.timeText.split(' ').slice(0, 2).join(' '),
        url: `/packages/volunteering/pages/detail/index?id=${encodeURIComponent(s.activity.id)}`,
        icon: 'heart',
      }));
  },
};

/** Service orders on their way, and done ones waiting for the resident's rating (services). */
const servicesOnTheWay: HomeSection = {
  id: 'services-orders',
  title: '我的预约',
  async load() {
    const reply = await call('services', 'myOrders', { view: 'active', limit: 3 });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data.items.map((o) => ({
      id: o.id,
      title: `${o.itemName} · ${o.slotLabel}`,
      note: o.statusText,
      url: SERVICES_PAGES.order(o.id),
      icon: 'service',
    }));
  },
};

/** Charity: things on their way to the user (to confirm when they arrive), and pledges still to bring in. */
const charityNow: HomeSection = {
  id: 'charity',
  title: '慈善超市',
  async load() {
    const [coming, given] = await Promise.all([
      call('charity', 'myReceipts', { limit: 3 }),
      call('charity', 'myDonations', { limit: 5 }),
    ]);
    if (!coming.ok) throw new Error(coming.error.message);
    if (!given.ok) throw new Error(given.error.message);
    const url = (id: string) => `/packages/charity/pages/donation/index?id=${encodeURIComponent(id)}`;
    return [
      ...coming.data.items
        .filter((d) => d.can.confirm)
        .map((d) => ({
          id: `coming-${d.id}`,
          title: `好心人送您${d.item}，收到后请确认`,
          note: d.status === 'ready_for_pickup' ? '到超市领取' : '送货上门',
          url: url(d.id),
          icon: 'gift',
        })),
      ...given.data.items
        .filter((d) => d.status === 'pledged')
        .slice(0, 3)
        .map((d) => ({
          id: `pledged-${d.id}`,
          title: `把${d.item}送到${d.supermarket.name}`,
          note: `${dayText(d.pledgeBy)}前`,
          url: url(d.id),
          icon: 'gift',
        })),
    ];
  },
};

/** Votes open where the user lives (proposals): the rounds in their community or street now voting. */
const proposalsVoting: HomeSection = {
  id: 'proposals-voting',
  title: '微公益投票',
  async load() {
    const reply = await call('proposals', 'listRounds', {
      phase: 'voting',
      limit: 3,
    });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data.items.map((r) => ({
      id: `proposals-${r.id}`,
      title: `${r.title}正在投票`,
      note: r.phaseEndsAt ? `${dayText(r.phaseEndsAt)}截止` : undefined,
      url: `/packages/proposals/pages/round/index?id=${encodeURIComponent(r.id)}`,
      icon: 'lightbulb',
    }));
  },
};

/** Sections in the order 首页 shows them. */
export const HOME_SECTIONS: HomeSection[] = [
  familyRequests,
  servicesOnTheWay,
  charityNow,
  volunteeringSoon,
  proposalsVoting,
];
