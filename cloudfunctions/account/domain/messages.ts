/** The message centre's view of a kept message (pure). */
import { dayClockText } from '../../../miniprogram/shared/calendar';
import type { InboxDoc } from '../../common/inbox';
import type { MessageView } from '../contract';

/** A message as its recipient sees it. */
export function messageView(doc: InboxDoc): MessageView {
  return {
    id: doc._id,
    title: doc.title,
    lines: doc.lines,
    url: `/${doc.page.replace(/^\//, '')}`,
    read: doc.read,
    timeText: dayClockText(doc.createdAt),
  };
}
