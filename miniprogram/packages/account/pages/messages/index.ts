/**
 * 我的消息: every message sent to the user — and those kept for them without a subscription message — newest
 * first, 20 at a time. Tapping one marks it read and opens its page; 全部已读 marks them all.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import type { MessageView } from '../../../../lib/account';
import { call } from '../../../../lib/api';

/** A message as a line of the list. */
interface MessageLine extends MessageView {
  /** The other fields and the time, one line. */
  description: string;
}

function messageLine(m: MessageView): MessageLine {
  return { ...m, description: [...m.lines, m.timeText].join(' · ') };
}

Component({
  behaviors: [elderModeBehavior, pagedList],
  data: {
    items: [] as MessageLine[],
    unread: 0,
  },
  methods: {
    async loadPage(offset: number) {
      if (offset > 0) return pageOf(await call('account', 'messages', { offset }), messageLine);
      const [list, count] = await Promise.all([
        call('account', 'messages', { offset }),
        call('account', 'unreadMessages'),
      ]);
      return pageOf(list, messageLine, { unread: count.ok ? count.data.unread : 0 });
    },
    /** Marks the message read (the list shows it at once) and opens its page. */
    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const index = Number(e.currentTarget.dataset.index);
      const m = this.data.items[index];
      if (!m) return;
      if (!m.read) {
        this.setData({ [`items[${index}].read`]: true, unread: Math.max(0, this.data.unread - 1) });
        void call('account', 'readMessages', { messageId: m.id });
      }
      void wx.navigateTo({ url: m.url });
    },
    async onReadAll() {
      const reply = await call('account', 'readMessages', {});
      if (!reply.ok) {
        wx.showToast({ title: reply.error.message, icon: 'none' });
        return;
      }
      const read = Object.fromEntries(this.data.items.map((_m, i) => [`items[${i}].read`, true]));
      this.setData({ ...read, unread: reply.data.unread });
    },
  },
});
