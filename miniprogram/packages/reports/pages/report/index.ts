/**
 * 随手拍: a resident (or a grid member) reports a problem. They find the matter by typing (名称里有的字) or by
 * category, take or pick photos (compressed by WeChat, uploaded as their own), say where — where they are by
 * default, or a place picked on the map; when neither works they are told how — and write a few words. Open reports
 * of the same matter close by are offered first ("已有人报告，要一起关注吗？"); submitting anyway joins that one on
 * the server. Consent for progress messages is asked as they submit.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { newIdempotencyKey } from '../../../../lib/cloud';
import { plainFieldErrors } from '../../../../lib/form';
import { pickPhotos } from '../../../../lib/photos';
import { REPORTS_LIMITS } from '../../../../shared/limits';
import { REPORT_ROUTES } from '../../lib/routes';
import { askProgressConsent } from '../../lib/templates';
import type { MatterChoice, ReportCard } from '../../lib/views';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  D
>;
interface Spot {
  latitude: number;
  longitude: number;
}

const SHOWN = 12;

/** The matters matching the words typed or the category tapped. */
function matching(all: MatterChoice[], keyword: string, category: string): MatterChoice[] {
  const k = keyword.trim();
  if (k) return all.filter((m) => m.name.includes(k) || m.category.includes(k)).slice(0, SHOWN);
  if (category) return all.filter((m) => m.category === category);
  return [];
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    matters: [] as MatterChoice[],
    categories: [] as string[],
    keyword: '',
    category: '',
    shown: [] as MatterChoice[],
    matter: null as MatterChoice | null,
    location: null as Spot | null,
    placeText: '',
    locationProblem: '',
    address: '',
    description: '',
    photos: [] as string[],
    photoProblem: '',
    similar: [] as ReportCard[],
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
    done: null as { id: string; merged: boolean } | null,
    key: '',
    max: {
      description: REPORTS_LIMITS.descriptionMax,
      address: REPORTS_LIMITS.addressMax,
      photos: REPORTS_LIMITS.photosMax,
    },
  },
  methods: {
    async load(_query: PageQuery): Promise<LoadResult> {
      const reply = await call('reports', 'matters');
      if (!reply.ok) return reply;
      const categories = [...new Set(reply.data.map((m) => m.category))];
      void this.locate();
      return { ok: true, data: { matters: reply.data, categories, key: newIdempotencyKey() } };
    },
    async locate() {
      try {
        const loc = await wx.getLocation({ type: 'gcj02' });
        this.setData({
          location: { latitude: loc.latitude, longitude: loc.longitude },
          placeText: '您现在的位置',
          locationProblem: '',
        });
        void this.checkSimilar();
      } catch {
        this.setData({ locationProblem: '没能获取您的位置，请点“在地图上选位置”。' });
      }
    },
    async onPickPlace() {
      try {
        const res = await wx.chooseLocation({});
        this.setData({
          location: { latitude: res.latitude, longitude: res.longitude },
          placeText: res.name || res.address || '地图上选的位置',
          address: this.data.address || (res.name ?? ''),
          locationProblem: '',
          'errors.location': '',
        });
        void this.checkSimilar();
      } catch {
        if (!this.data.location) await this.locate();
      }
    },
    onSearch(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const keyword = e.detail.value;
      this.setData({ keyword, shown: matching(this.data.matters, keyword, this.data.category) });
    },
    onCategory(e: Tap<{ name: string }>) {
      const category = e.currentTarget.dataset.name;
      this.setData({ category, keyword: '', shown: matching(this.data.matters, '', category) });
    },
    onMatter(e: Tap<{ id: string }>) {
      const matter = this.data.matters.find((m) => m.id === e.currentTarget.dataset.id) ?? null;
      this.setData({ matter, shown: [], keyword: '', category: '', 'errors.matterId': '' });
      void this.checkSimilar();
    },
    onChangeMatter() {
      this.setData({ matter: null, similar: [] });
    },
    async checkSimilar() {
      const { matter, location } = this.data;
      if (!matter || !location) return;
      const reply = await call('reports', 'similar', { matterId: matter.id, location });
      this.setData({ similar: reply.ok ? reply.data : [] });
    },
    async onFollow(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ busy: true, banner: '' });
      await askProgressConsent();
      const reply = await call('reports', 'follow', { reportId: id, follow: true });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message });
        return;
      }
      await wx.redirectTo({ url: REPORT_ROUTES.detail(id) });
    },
    async onAddPhotos() {
      const room = REPORTS_LIMITS.photosMax - this.data.photos.length;
      const picked = await pickPhotos(REPORTS_LIMITS.photoFolder, room);
      this.setData({
        photos: [...this.data.photos, ...picked.fileIds].slice(0, REPORTS_LIMITS.photosMax),
        photoProblem: picked.failed ? '有照片没传上去，请再选一次' : '',
        'errors.photos': '',
      });
    },
    onRemovePhoto(e: Tap<{ index: number }>) {
      this.setData({ photos: this.data.photos.filter((_p, i) => i !== e.currentTarget.dataset.index) });
    },
    onDescription(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ description: e.detail.value, 'errors.description': '' });
    },
    onAddress(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ address: e.detail.value });
    },
    async onSubmit() {
      const { matter, location, photos, description, address, key } = this.data;
      const errors: Record<string, string> = {};
      if (!matter) errors.matterId = '请先选是什么问题';
      if (!location) errors.location = '请在地图上选位置';
      if (photos.length === 0) errors.photos = '请拍一张照片';
      if (!description.trim()) errors.description = '请简单说说是什么情况';
      if (Object.keys(errors).length > 0 || !matter || !location) {
        this.setData({ errors });
        return;
      }
      this.setData({ busy: true, banner: '', errors: {} });
      await askProgressConsent();
      const reply = await call('reports', 'submit', {
        matterId: matter.id,
        location,
        address,
        description,
        photos,
        idempotencyKey: key,
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        this.setData({
          banner: reply.error.message,
          errors: plainFieldErrors(reply, { description: `最多 ${REPORTS_LIMITS.descriptionMax} 个字` }),
        });
        return;
      }
      this.setData({ done: reply.data });
    },
    onOpen() {
      if (this.data.done) void wx.redirectTo({ url: REPORT_ROUTES.detail(this.data.done.id) });
    },
  },
});
