/**
 * 备选库入库 (organization staff): where their organization stands in each street's qualified pool (waiting,
 * admitted with its credit value, rejected with the reason and the checklist), and the application form: the
 * street, 统一社会信用代码, founding year, service fields, contact, and the registration documents uploaded from the
 * phone as photos (to `projects/<own id>/…`).
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';
import { plainFieldErrors } from '../../../../lib/form';
import { pickPhotos } from '../../../../lib/photos';
import { PERSON_LIMITS, PROJECTS_LIMITS } from '../../../../shared/limits';
import type { MyPool } from '../../lib/views';

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

const L = PROJECTS_LIMITS;

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    pool: null as MyPool | null,
    form: {
      streetId: '',
      orgId: '',
      registrationNo: '',
      foundedYear: '',
      fields: '',
      contactName: '',
      contactPhone: '',
      documents: [] as { name: string; fileId: string }[],
    },
    errors: {} as Record<string, string>,
    banner: '',
    busy: '',
    max: {
      contactName: L.contactNameMax,
      documents: L.documentsMax,
      registrationNo: L.registrationNoLength,
      phone: PERSON_LIMITS.phoneDigits,
    },
  },
  methods: {
    async load(): Promise<LoadResult> {
      const reply = await call('projects', 'myPool', {});
      if (!reply.ok) return reply;
      const orgId = reply.data.orgs[0]?.id ?? '';
      return { ok: true, data: { pool: reply.data, 'form.orgId': orgId, banner: '' } };
    },
    onStreet(e: Tap) {
      this.setData({ 'form.streetId': e.currentTarget.dataset.id });
    },
    onOrg(e: Tap) {
      this.setData({ 'form.orgId': e.currentTarget.dataset.id });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value });
    },
    async onUpload() {
      if (this.data.busy) return;
      const have = this.data.form.documents;
      this.setData({ busy: 'upload', banner: '' });
      const picked = await pickPhotos(L.uploadFolder, L.documentsMax - have.length);
      this.setData({
        busy: '',
        banner: picked.failed ? '有材料没有上传成功，请再试一次' : '',
        'form.documents': [
          ...have,
          ...picked.fileIds.map((fileId, i) => ({ name: `登记材料${have.length + i + 1}`, fileId })),
        ],
      });
    },
    async onApply() {
      if (this.data.busy) return;
      const f = this.data.form;
      this.setData({ busy: 'apply', banner: '', errors: {} });
      const reply = await call('projects', 'applyToPool', {
        streetId: f.streetId,
        orgId: f.orgId,
        registrationNo: f.registrationNo.trim().toUpperCase(),
        foundedYear: Number(f.foundedYear) || 0,
        fields: f.fields.split(/[、，,\s]+/).filter(Boolean),
        contactName: f.contactName,
        contactPhone: f.contactPhone,
        documents: f.documents,
      });
      this.setData({ busy: '' });
      if (!reply.ok) {
        this.setData({ banner: reply.error.message, errors: plainFieldErrors(reply, {}) });
        return;
      }
      wx.showToast({ title: '申请已提交', icon: 'none' });
      await this.reload();
    },
  },
});
