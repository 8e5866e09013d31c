/**
 * Picks a community step by step — 区 → 街道 → 社区 — from a list of places (account.places, or an admin's own
 * communities). One big line per choice, a level with a single choice is skipped, and 上一步 goes back.
 * Emits `change` with `{ id, names }` (names from the top level down) and `close`.
 */

/** A place as the picker needs it (account's PlaceView fits). */
export interface PickerPlace {
  id: string;
  name: string;
  level: 'district' | 'street' | 'community';
  parentId?: string;
}

/** What `change` carries. */
export interface PlacePicked {
  id: string;
  names: string[];
}

const LEVEL_TITLES: Record<PickerPlace['level'], string> = {
  district: '选择区',
  street: '选择街道',
  community: '选择社区',
};

function childrenOf(places: PickerPlace[], parent: PickerPlace | undefined): PickerPlace[] {
  if (parent) return places.filter((p) => p.parentId === parent.id);
  const ids = new Set(places.map((p) => p.id));
  return places.filter((p) => !p.parentId || !ids.has(p.parentId));
}

Component({
  properties: {
    visible: { type: Boolean, value: false },
    places: { type: Array, value: [] },
  },
  data: {
    /** Every place above the current choices, top first (levels with one choice included). */
    trail: [] as PickerPlace[],
    /** The trails shown before, for 上一步. */
    history: [] as PickerPlace[][],
    options: [] as PickerPlace[],
    title: '',
  },
  observers: {
    'visible, places'(visible: boolean) {
      if (visible) this.setData({ history: [], ...this.step([]) });
    },
  },
  methods: {
    /** The choices under the last of `trail`, descending through levels that have a single choice. */
    step(from: PickerPlace[]): { trail: PickerPlace[]; options: PickerPlace[]; title: string } {
      const places = this.data.places as unknown as PickerPlace[];
      let trail = from;
      let options = childrenOf(places, trail[trail.length - 1]);
      while (options.length === 1 && options[0].level !== 'community') {
        trail = [...trail, options[0]];
        options = childrenOf(places, options[0]);
      }
      return { trail, options, title: LEVEL_TITLES[options[0]?.level ?? 'community'] };
    },
    onPick(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const place = this.data.options.find((p) => p.id === e.currentTarget.dataset.id);
      if (!place) return;
      if (place.level === 'community') {
        const picked: PlacePicked = { id: place.id, names: [...this.data.trail, place].map((p) => p.name) };
        this.triggerEvent('change', picked);
        this.triggerEvent('close');
        return;
      }
      this.setData({
        history: [...this.data.history, this.data.trail],
        ...this.step([...this.data.trail, place]),
      });
    },
    onBack() {
      const history = [...this.data.history];
      const previous = history.pop();
      if (previous) this.setData({ history, ...this.step(previous) });
    },
    onClose() {
      this.triggerEvent('close');
    },
    onVisibleChange(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.triggerEvent('close');
    },
  },
});
