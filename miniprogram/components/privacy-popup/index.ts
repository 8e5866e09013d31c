/**
 * The privacy guide popup. Put `<privacy-popup />` on every page that collects personal data (it is registered
 * in app.json). While its page is on screen it answers WeChat's privacy requests (lib/privacy.ts): the 同意 button
 * is a real `open-type="agreePrivacyAuthorization"` button, as WeChat requires.
 */
import { addPrivacyPresenter, type PrivacyAnswer, removePrivacyPresenter } from '../../lib/privacy';

/** The id WeChat is told the agreement came from. */
const AGREE_BUTTON_ID = 'privacy-agree';

// Each instance's pending answer and presenter, off the typed data.
const answers = new WeakMap<object, (result: PrivacyAnswer) => void>();
const presenters = new WeakMap<object, { show(answer: (result: PrivacyAnswer) => void): void }>();

Component({
  data: {
    visible: false,
    contractName: '《睦邻小程序隐私保护指引》',
    agreeButtonId: AGREE_BUTTON_ID,
  },
  lifetimes: {
    attached() {
      const presenter = {
        show: (answer: (result: PrivacyAnswer) => void) => {
          answers.set(this, answer);
          this.setData({ visible: true });
          this.loadContractName();
        },
      };
      presenters.set(this, presenter);
      addPrivacyPresenter(presenter);
    },
    detached() {
      const presenter = presenters.get(this);
      if (presenter) removePrivacyPresenter(presenter);
      // A request still open when the page goes away is declined, so the API call that asked does not hang.
      answers.get(this)?.({ event: 'disagree' });
      answers.delete(this);
    },
  },
  pageLifetimes: {
    show() {
      const presenter = presenters.get(this);
      if (presenter) addPrivacyPresenter(presenter);
    },
    hide() {
      const presenter = presenters.get(this);
      if (presenter) removePrivacyPresenter(presenter);
    },
  },
  methods: {
    loadContractName() {
      if (typeof wx.getPrivacySetting !== 'function') return;
      wx.getPrivacySetting({
        success: (res) => {
          if (res.privacyContractName) this.setData({ contractName: res.privacyContractName });
        },
      });
    },
    answer(result: PrivacyAnswer) {
      const answer = answers.get(this);
      answers.delete(this);
      if (this.data.visible) this.setData({ visible: false });
      answer?.(result);
    },
    onAgree() {
      this.answer({ event: 'agree', buttonId: AGREE_BUTTON_ID });
    },
    onDisagree() {
      this.answer({ event: 'disagree' });
    },
    onOpenContract() {
      wx.openPrivacyContract({});
    },
    /** Mulin's own policy page: what the functions collect, why, who sees it, how long (the popup stays). */
    onOpenPolicy() {
      void wx.navigateTo({ url: '/packages/account/pages/privacy-policy/index' });
    },
  },
});
