/**
 * 公益 (tab): the three ways residents give to their community — 微公益提案 (propose and vote), 志愿服务
 * (volunteer activities) and 慈善超市 (point-to-point donations) — each with what is happening now: rounds open
 * for proposals or votes, the next activities, needs waiting for a donor. Each section loads on its own, so one
 * capability failing leaves the others on screen.
 */
import type { RoundCard } from '../../../cloudfunctions/proposals/contract';
import type { ActivityListItem } from '../../../cloudfunctions/volunteering/contract';
import type { NeedView } from '../../../cloudfunctions/charity/contract';
import { elderModeBehavior } from '../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../behaviors/remote-page';
import { tabPageBehavior } from '../../behaviors/tab-page';
import { ensureSession } from '../../lib/session';
import { call, type ActionArgs, type ActionName, type ActionResult, type FunctionName } from '../../lib/api';
import { dayText } from '../../shared/calendar';

/** One line of a section. */
interface Line {
  id: string;
  title: string;
  note: string;
  description: string;
  url: string;
}

/** A section as rendered. */
interface Section {
  id: 'proposals' | 'volunteering' | 'charity';
  title: string;
  more: string;
  moreUrl: string;
  empty: string;
  lines: Line[];
  failed: boolean;
}

/** Entry pages of the three capabilities (their subpackages). */
export const COMMUNITY_PAGES = {
  rounds: '/packages/proposals/pages/rounds/index',
  round: (id: string) => `/packages/proposals/pages/round/index?roundId=${id}`,
  activities: '/packages/volunteering/pages/activities/index',
  activity: (id: string) => `/packages/volunteering/pages/detail/index?activityId=${id}`,
  needs: '/packages/charity/pages/needs/index',
  need: (id: string) => `/packages/charity/pages/need/index?needId=${id}`,
} as const;

/** How many lines each section shows; the full lists are one tap away. */
const SHOWN = 3;

/** Open phases first: what a resident can act on now. */
const PHASE_ORDER = ['voting', 'collecting', 'screening', 'results', 'in_progress', 'upcoming', 'closed'];

function roundLine(r: RoundCard): Line {
  const ends = r.phaseEndsAt ? `，${dayText(r.phaseEndsAt)}截止` : '';
  return {
    id: r.id,
    title: r.title,
    note: r.phaseLabel,
    description: `${r.scopeName} · 总预算 ${r.totalBudget.toLocaleString('zh-CN')} 元${ends}`,
    url: COMMUNITY_PAGES.round(r.id),
  };
}

function activityLine(a: ActivityListItem): Line {
  return {
    id: a.id,
    title: a.title,
    note: a.seatsLeft > 0 ? `余 ${a.seatsLeft} 个名额` : '已满，可候补',
    description: `${a.timeText} · ${a.communityName}`,
    url: COMMUNITY_PAGES.activity(a.id),
  };
}

function needLine(n: NeedView): Line {
  // The recipient's public profile is already masked by the function (张*, 80岁, 秣陵街道).
  const r = n.recipient;
  const who = [r.name, r.age !== undefined ? `${r.age}岁` : '', r.street, r.categoryLabel]
    .filter(Boolean)
    .join('，');
  return {
    id: n.id,
    title: `${n.item} × ${n.available}${n.unit}`,
    note: n.communityName,
    description: who,
    url: COMMUNITY_PAGES.need(n.id),
  };
}

async function load<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  ...input: ActionArgs<F, A>
): Promise<ActionResult<F, A>> {
  const reply = await call(fn, action, ...input);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data;
}

const SECTIONS: { base: Omit<Section, 'lines' | 'failed'>; lines: () => Promise<Line[]> }[] = [
  {
    base: {
      id: 'proposals',
      title: '微公益提案',
      more: '全部轮次',
      moreUrl: COMMUNITY_PAGES.rounds,
      empty: '您的社区暂时没有进行中的提案征集',
    },
    lines: async () => {
      const page = await load('proposals', 'listRounds');
      return page.items
        .filter((r) => r.phase !== 'closed')
        .sort((a, b) => PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase))
        .slice(0, SHOWN)
        .map(roundLine);
    },
  },
  {
    base: {
      id: 'volunteering',
      title: '志愿服务',
      more: '全部活动',
      moreUrl: COMMUNITY_PAGES.activities,
      empty: '近期没有可报名的志愿活动',
    },
    lines: async () => {
      const page = await load('volunteering', 'listActivities', { sort: 'date' });
      return page.items
        .filter((a) => a.phase === 'open' || a.phase === 'notOpen')
        .slice(0, SHOWN)
        .map(activityLine);
    },
  },
  {
    base: {
      id: 'charity',
      title: '慈善超市 · 微心愿',
      more: '全部心愿',
      moreUrl: COMMUNITY_PAGES.needs,
      empty: '暂时没有等待认领的心愿',
    },
    lines: async () => {
      const page = await load('charity', 'needs');
      return page.items
        .filter((n) => n.available > 0)
        .slice(0, SHOWN)
        .map(needLine);
    },
  },
];

Component({
  behaviors: [elderModeBehavior, tabPageBehavior, remotePage],
  data: {
    sections: [] as Section[],
  },
  methods: {
    async load(): Promise<LoadResult> {
      const session = await ensureSession();
      if (!session.ok) return session;
      const sections = await Promise.all(
        SECTIONS.map(async (s): Promise<Section> => {
          try {
            return { ...s.base, lines: await s.lines(), failed: false };
          } catch (err) {
            console.warn(`公益 section ${s.base.id} failed`, err);
            return { ...s.base, lines: [], failed: true };
          }
        }),
      );
      return { ok: true, data: { sections } };
    },
  },
});
