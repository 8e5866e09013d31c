/**
 * `<hotline-bar>`: someone to call — "禄口社区电话 025-52101014 · 拨打", the community's hotline (the street's
 * 96890 where the community has none), one tap to ring it. Hidden while there is no number. The number comes
 * from lib/hotline.ts (asked once per person and community; 首页 hands over the one it already has).
 *
 *     <hotline-bar id="hotline" />                     the caller's own community
 *     <hotline-bar community-id="{{communityId}}" />an order's, an activity's community
 */
import { dialHotline, loadHotline, type HotlineView } from '../../lib/hotline';

Component({
  properties: {
    /** Whose hotline: this community's (default: the caller's own). */
    communityId: { type: String, value: '' },
  },
  data: {
    line: null as HotlineView | null,
    askedFor: null as string | null,
  },
  observers: {
    communityId(communityId: string) {
      void this.fetch(communityId);
    },
  },
  lifetimes: {
    attached() {
      void this.fetch(this.properties.communityId);
    },
  },
  methods: {
    async fetch(communityId: string) {
      if (this.data.askedFor === communityId) return;
      this.setData({ askedFor: communityId });
      const line = await loadHotline(communityId || undefined);
      if (this.data.askedFor === communityId) this.setData({ line });
    },
    onCall() {
      if (this.data.line) dialHotline(this.data.line.number);
    },
  },
});
