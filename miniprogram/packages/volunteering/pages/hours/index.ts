/**
 * 我的服务时长: verified and not-yet-verified hours, the badge held and how far the next one is, the record
 * (late cancellations, no-shows), and one line per activity, 20 at a time; from here the certificate.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type MyHoursView } from '../../lib/views';
import { hoursWords } from '../../lib/words';
import { call } from '../../../../lib/api';
import { dateKeyText } from '../../../../shared/calendar';

/** One activity's hours as a line. */
interface Line {
  id: string;
  title: string;
  description: string;
  note: string;
}

function lineOf(l: MyHoursView['items'][number]): Line {
  const notes = [...(l.autoClosed ? ['忘记签退，系统自动签退'] : []), ...l.notes];
  return {
    id: l.signupId,
    title: l.activityTitle,
    description: [dateKeyText(l.date), l.organizerName, ...notes].join(' · '),
    note: l.verified ? `${hoursWords(l.verifiedMinutes)} 已确认` : `${hoursWords(l.pendingMinutes)} 待确认`,
  };
}

Component({
  behaviors: [elderModeBehavior, pagedList],
  data: {
    verified: '',
    pending: '',
    hasVerified: false,
    badge: '',
    nextBadge: '',
    progress: 0,
    record: '',
    items: [] as Line[],
  },
  methods: {
    /** A page of the record; each page also brings the totals, the badge and the record of absences. */
    async loadPage(offset: number) {
      const reply = await call('volunteering', 'myHours', { offset });
      if (!reply.ok) return reply;
      const h = reply.data;
      const nextAt = h.nextBadge ? h.nextBadge.minHours * 60 : 0;
      const record = [
        h.lateCancels ? `迟取消 ${h.lateCancels} 次` : '',
        h.noShows ? `报名未到 ${h.noShows} 次` : '',
      ]
        .filter(Boolean)
        .join('，');
      return pageOf(reply, lineOf, {
        verified: hoursWords(h.verifiedMinutes),
        pending: h.pendingMinutes > 0 ? hoursWords(h.pendingMinutes) : '',
        hasVerified: h.verifiedMinutes > 0,
        badge: h.badge?.name ?? '',
        nextBadge: h.nextBadge ? `再服务 ${hoursWords(h.nextBadge.minutesToGo)} 成为${h.nextBadge.name}` : '',
        progress: nextAt ? Math.min(100, Math.round((h.verifiedMinutes / nextAt) * 100)) : 100,
        record,
      });
    },
    onCertificate() {
      wx.navigateTo({ url: '/packages/volunteering/pages/certificate/index' });
    },
    /** No record yet: the way to make one. */
    onActivities() {
      wx.navigateTo({ url: '/packages/volunteering/pages/activities/index' });
    },
  },
});
