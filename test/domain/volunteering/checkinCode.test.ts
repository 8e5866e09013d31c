/** The rotating check-in code: valid in its window and the next, refused when expired, foreign, forged or malformed. */
import fc from 'fast-check';
import {
  CODE_WINDOW_MS,
  codeWindow,
  makeCheckinCode,
  parseCheckinCode,
  usableSecret,
  verifyCheckinCode,
} from '../../../cloudfunctions/volunteering/domain/checkinCode';

const secret = 'test-secret-0123456789';
const at = new Date('2026-05-01T01:00:10.000Z');
const later = (ms: number) => new Date(at.getTime() + ms);

describe('check-in code', () => {
  it('is accepted in its own window and the next one, refused after', () => {
    const { code, window, rotatesAt } = makeCheckinCode(secret, 'act1', at);
    expect(window).toBe(codeWindow(at));
    expect(rotatesAt.getTime()).toBe((window + 1) * CODE_WINDOW_MS);
    expect(verifyCheckinCode(secret, 'act1', code, at)).toEqual({ ok: true, window });
    expect(verifyCheckinCode(secret, 'act1', code, later(CODE_WINDOW_MS))).toEqual({ ok: true, window });
    expect(verifyCheckinCode(secret, 'act1', code, later(2 * CODE_WINDOW_MS))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('changes every window', () => {
    const a = makeCheckinCode(secret, 'act1', at).code;
    const b = makeCheckinCode(secret, 'act1', later(CODE_WINDOW_MS)).code;
    expect(a).not.toBe(b);
  });

  it('refuses a code of another activity as foreign', () => {
    const { code } = makeCheckinCode(secret, 'act2', at);
    expect(verifyCheckinCode(secret, 'act1', code, at)).toEqual({ ok: false, reason: 'foreign' });
  });

  it('refuses a code made with another secret, or edited, as forged', () => {
    const other = makeCheckinCode('another-secret-abcdefgh', 'act1', at).code;
    expect(verifyCheckinCode(secret, 'act1', other, at)).toEqual({ ok: false, reason: 'forged' });
    const { code, window } = makeCheckinCode(secret, 'act1', at);
    // Moving the window forward without the secret: the MAC no longer matches.
    const moved = code.replace(`.${window.toString(36)}.`, `.${(window + 5).toString(36)}.`);
    expect(verifyCheckinCode(secret, 'act1', moved, at)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses a genuine code from a future window', () => {
    const { code } = makeCheckinCode(secret, 'act1', later(3 * CODE_WINDOW_MS));
    expect(verifyCheckinCode(secret, 'act1', code, at)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses what is not a code', () => {
    for (const text of [
      '',
      'hello',
      'MLV1.act1.1.short',
      'MLV2.act1.abc.0123456789abcdef',
      'https://x.y/?a=1',
    ])
      expect(verifyCheckinCode(secret, 'act1', text, at)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('has no default secret: short or missing ones are unusable', () => {
    expect(usableSecret(undefined)).toBeUndefined();
    expect(usableSecret('short')).toBeUndefined();
    expect(usableSecret(secret)).toBe(secret);
  });

  it('property: a fresh code always verifies and parses back to its activity', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-f0-9]{8,32}$/),
        fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }),
        fc.integer({ min: 0, max: CODE_WINDOW_MS * 2 - 1 }),
        (activityId, t, delay) => {
          const made = makeCheckinCode(secret, activityId, new Date(t));
          expect(parseCheckinCode(made.code)?.activityId).toBe(activityId);
          const scanned = new Date(t + delay);
          const verdict = verifyCheckinCode(secret, activityId, made.code, scanned);
          const age = codeWindow(scanned) - made.window;
          expect(verdict.ok).toBe(age <= 1);
        },
      ),
    );
  });
});
