/** When a round's settings may change: frozen once voting opens (CONSUL #5321), proposal rules fixed at screening. */
import {
  applyRoundPatch,
  settingsFrozen,
  type RoundSettings,
} from '../../../cloudfunctions/proposals/domain/settings';
import type { Schedule } from '../../../cloudfunctions/proposals/domain/phases';

const D = 24 * 60 * 60_000;
const T = Date.UTC(2026, 2, 1);
const schedule: Schedule = {
  collectingFrom: new Date(T),
  screeningFrom: new Date(T + 10 * D),
  votingFrom: new Date(T + 15 * D),
  votingUntil: new Date(T + 22 * D),
  workFrom: new Date(T + 25 * D),
};
const settings: RoundSettings = {
  totalBudget: 50000,
  minBudget: 2000,
  maxBudget: 10000,
  perAuthor: 2,
  voteMode: 'approval',
  approvalLimit: 3,
  showTallies: true,
  maxMonths: 6,
  minVotes: 1,
};
const at = (ms: number) => new Date(T + ms);

it('freezes everything once voting opens, by the stored phase or by the date', () => {
  expect(settingsFrozen('screening', schedule, at(15 * D - 1))).toBe(false);
  expect(settingsFrozen('screening', schedule, at(15 * D))).toBe(true);
  expect(settingsFrozen('voting', schedule, at(0))).toBe(true);
  expect(() =>
    applyRoundPatch({ phase: 'voting', settings, schedule }, { settings: { approvalLimit: 5 } }, at(16 * D)),
  ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  expect(() =>
    applyRoundPatch(
      { phase: 'screening', settings, schedule },
      { settings: { showTallies: false } },
      at(15 * D),
    ),
  ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
});

it('changes vote settings and future dates before voting', () => {
  const out = applyRoundPatch(
    { phase: 'screening', settings, schedule },
    { settings: { voteMode: 'budget', showTallies: false }, schedule: { votingUntil: new Date(T + 23 * D) } },
    at(12 * D),
  );
  expect(out.settings).toMatchObject({ voteMode: 'budget', showTallies: false, approvalLimit: 3 });
  expect(out.schedule.votingUntil).toEqual(new Date(T + 23 * D));
});

it('keeps the proposal rules once screening started, and never moves a date that has passed', () => {
  const refuse = (
    patch: Parameters<typeof applyRoundPatch>[1],
    now: number,
    phase: 'collecting' | 'screening',
  ) => {
    try {
      applyRoundPatch({ phase, settings, schedule }, patch, at(now));
      return [];
    } catch (err) {
      return ((err as { issues?: { path: string }[] }).issues ?? []).map((i) => i.path);
    }
  };
  expect(refuse({ settings: { maxBudget: 8000 } }, 11 * D, 'screening')).toEqual(['maxBudget']);
  expect(refuse({ settings: { maxBudget: 8000 } }, 1 * D, 'collecting')).toEqual([]);
  expect(refuse({ schedule: { collectingFrom: new Date(T + D) } }, 2 * D, 'collecting')).toEqual([
    'schedule.collectingFrom',
  ]);
  expect(refuse({ schedule: { screeningFrom: new Date(T + D) } }, 2 * D, 'collecting')).toEqual([
    'schedule.screeningFrom',
  ]);
  expect(refuse({ settings: { minBudget: 20000 } }, 1 * D, 'collecting')).toEqual(['minBudget']);
  expect(refuse({ settings: { maxBudget: 60000 } }, 1 * D, 'collecting')).toEqual(['maxBudget']);
});
