/**
 * 个人资料: nickname (WeChat's nickname input), avatar (chooseAvatar, uploaded to cloud storage), community
 * (区 → 街道 → 社区 from account.places), and optional real name, phone, birth year and address. Nothing is
 * collected before the user agreed to the privacy guide. Field errors show under each field; a rejected text
 * is explained in one plain sentence.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, remotePage } from '../../../../behaviors/remote-page';
import type { PlaceView, SelfView } from '../../../../lib/account';
import { plainFieldErrors } from '../../../../lib/form';
import { requirePrivacy } from '../../../../lib/privacy';
import { ensureSession, setCurrentUser } from '../../../../lib/session';
import type { PlacePicked } from '../../components/place-picker/index';
import { ACCOUNT_LIMITS, PERSON_LIMITS } from '../../../../shared/limits';
import { call, type ActionInput } from '../../../../lib/api';

/** Plain words for each field, used when the function's own message is not written for people. */
const FIELD_HINTS: Record<string, string> = {
  nickname: `昵称请填 1 到 ${ACCOUNT_LIMITS.nicknameMax} 个字`,
  phone: `请输入 ${PERSON_LIMITS.phoneDigits} 位手机号`,
  realName: `姓名请填 1 到 ${PERSON_LIMITS.realNameMax} 个字`,
  birthYear: `出生年份请填 ${PERSON_LIMITS.birthYearDigits} 位数字，例如 1942`,
  address: `住址最多 ${PERSON_LIMITS.addressMax} 个字`,
  communityId: '请选择您所在的社区',
  avatarFileId: '头像没有上传成功，请重新选择',
};

type Field = 'nickname' | 'realName' | 'phone' | 'birthYear' | 'address';

function formFrom(me: SelfView) {
  return {
    nickname: me.nickname,
    avatar: me.avatarFileId ?? '',
    communityId: me.communityId ?? '',
    communityLabel: me.placeNames.slice(1).join(' · '),
    realName: me.realName ?? '',
    phone: me.phone ?? '',
    birthYear: me.birthYear ? String(me.birthYear) : '',
    address: me.address ?? '',
  };
}

// The profile as loaded, to send only what changed; kept off `data` (not rendered).
const originals = new WeakMap<object, SelfView>();

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    /** The user declined the privacy guide: the form stays closed until they agree. */
    privacyNeeded: false,
    places: [] as PlaceView[],
    pickerVisible: false,
    nickname: '',
    avatar: '',
    avatarFileId: '',
    uploading: false,
    communityId: '',
    communityLabel: '',
    realName: '',
    phone: '',
    birthYear: '',
    address: '',
    errors: {} as Record<string, string>,
    banner: '',
    saving: false,
    /** Input lengths, as the contract allows (miniprogram/shared/limits.ts). */
    max: {
      nickname: ACCOUNT_LIMITS.nicknameMax,
      phone: PERSON_LIMITS.phoneDigits,
      birthYear: PERSON_LIMITS.birthYearDigits,
    },
  },
  methods: {
    async load(): Promise<LoadResult> {
      // The privacy guide comes first: this page collects avatar, nickname and phone.
      if (!(await requirePrivacy())) return { ok: true, data: { privacyNeeded: true } };
      const [session, places] = await Promise.all([ensureSession(), call('account', 'places')]);
      if (!session.ok) return session;
      if (!places.ok) return places;
      originals.set(this, session.me);
      return { ok: true, data: { privacyNeeded: false, places: places.data, ...formFrom(session.me) } };
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: Field }>) {
      const field = e.currentTarget.dataset.field;
      const errors = { ...this.data.errors };
      delete errors[field];
      this.setData({ [field]: e.detail.value, errors });
    },
    async onChooseAvatar(e: WechatMiniprogram.CustomEvent<{ avatarUrl: string }>) {
      const me = originals.get(this);
      const filePath = e.detail.avatarUrl;
      if (!me || !filePath) return;
      this.setData({ avatar: filePath, uploading: true, banner: '' });
      const ext = /\.(\w+)$/.exec(filePath)?.[1] ?? 'png';
      try {
        const res = await wx.cloud.uploadFile({
          cloudPath: `avatars/${me.id}/${Date.now()}.${ext}`,
          filePath,
        });
        this.setData({ avatarFileId: res.fileID, uploading: false });
      } catch (err) {
        console.warn('avatar upload failed', err);
        this.setData({
          avatar: me.avatarFileId ?? '',
          uploading: false,
          banner: '头像没有上传成功，请再选一次',
        });
      }
    },
    onOpenPicker() {
      this.setData({ pickerVisible: true });
    },
    onPickerClose() {
      this.setData({ pickerVisible: false });
    },
    onPlacePicked(e: WechatMiniprogram.CustomEvent<PlacePicked>) {
      const errors = { ...this.data.errors };
      delete errors.communityId;
      this.setData({ communityId: e.detail.id, communityLabel: e.detail.names.slice(1).join(' · '), errors });
    },
    async onAskPrivacy() {
      await this.restart();
    },
    /** Only what the user changed (a field emptied clears it). */
    changes(me: SelfView): ActionInput<'account', 'updateProfile'> {
      const d = this.data;
      const input: ActionInput<'account', 'updateProfile'> = {};
      if (d.nickname.trim() !== me.nickname) input.nickname = d.nickname;
      if (d.avatarFileId) input.avatarFileId = d.avatarFileId;
      if (d.communityId && d.communityId !== me.communityId) input.communityId = d.communityId;
      if (d.realName.trim() !== (me.realName ?? '')) input.realName = d.realName.trim();
      if (d.phone.trim() !== (me.phone ?? '')) input.phone = d.phone.trim();
      if (d.birthYear.trim() !== '' && d.birthYear.trim() !== String(me.birthYear ?? '')) {
        // Not a number → null on the wire → the function reports the field.
        input.birthYear = Number(d.birthYear.trim());
      }
      if (d.address.trim() !== (me.address ?? '')) input.address = d.address.trim();
      return input;
    },
    async onSave() {
      const me = originals.get(this);
      if (!me || this.data.saving || this.data.uploading) return;
      if (!this.data.communityId) {
        this.setData({ errors: { ...this.data.errors, communityId: FIELD_HINTS.communityId } });
        return;
      }
      const input = this.changes(me);
      if (Object.keys(input).length === 0) {
        wx.showToast({ title: '没有需要保存的修改', icon: 'none' });
        return;
      }
      this.setData({ saving: true, banner: '', errors: {} });
      const reply = await call('account', 'updateProfile', input);
      if (reply.ok) {
        originals.set(this, reply.data);
        setCurrentUser(reply.data);
        this.setData({ saving: false, ...formFrom(reply.data), avatarFileId: '' });
        wx.showToast({ title: '已保存', icon: 'success' });
        wx.navigateBack({ fail: () => undefined });
        return;
      }
      const { code, message } = reply.error;
      if (code === 'INVALID_INPUT') {
        this.setData({
          saving: false,
          errors: plainFieldErrors(reply, FIELD_HINTS),
          banner: '有几项需要改一下，请看红字',
        });
      } else if (code === 'CONTENT_REJECTED') {
        this.setData({
          saving: false,
          banner: `${message}。昵称、姓名或住址里有不能使用的字词，请换一种说法。`,
        });
      } else {
        this.setData({ saving: false, banner: message });
      }
    },
  },
});
