/** Recommendation scores: examples and monotonicity (more fitting skills, nearer, never score lower). */
import fc from 'fast-check';
import { SKILLS, type Skill } from '../../../cloudfunctions/volunteering/contract';
import {
  distancePart,
  rankByFit,
  scoreFit,
  type ActivityFit,
  type VolunteerFit,
} from '../../../cloudfunctions/volunteering/domain/recommend';

// Saturday 2 May 2026, 09:00 Beijing.
const saturdayMorning = new Date('2026-05-02T01:00:00Z');
const here = { latitude: 31.95, longitude: 118.84 };
const north = (km: number) => ({ latitude: 31.95 + km / 111.2, longitude: 118.84 });

const volunteer: VolunteerFit = {
  skills: ['应急救援', '秩序引导'],
  availability: { weekdays: [6, 0], slots: ['morning'] },
  location: here,
  serviceRadiusKm: 5,
  placePath: ['jn', 'jn-moling', 'jn-moling-yinxiang'],
};
const drill: ActivityFit = {
  skills: ['应急救援'],
  startAt: saturdayMorning,
  location: north(1),
  placePath: ['jn', 'jn-moling', 'jn-moling-moling'],
  seatsLeft: 10,
};

describe('scoreFit', () => {
  it('scores a perfect fit high and says why', () => {
    const fit = scoreFit(volunteer, drill);
    expect(fit.score).toBeGreaterThan(0.9);
    expect(fit.matchedSkills).toEqual(['应急救援']);
    expect(fit.reasons).toEqual(['擅长应急救援', '周六上午有空', '1.0 公里']);
  });

  it('ranks a fitting activity above an unfitting one', () => {
    const tutoring: ActivityFit = {
      ...drill,
      skills: ['课业辅导'],
      startAt: new Date('2026-05-04T08:30:00Z'), // Monday 16:30
      location: north(12),
    };
    const ranked = rankByFit([
      { id: 'tutoring', startAt: tutoring.startAt, fit: scoreFit(volunteer, tutoring) },
      { id: 'drill', startAt: drill.startAt, fit: scoreFit(volunteer, drill) },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['drill', 'tutoring']);
  });

  it('uses the place tree when no location is known, and a full activity weighs less', () => {
    const noLoc = { ...volunteer, location: undefined };
    const sameStreet = scoreFit(noLoc, drill).score;
    const otherStreet = scoreFit(noLoc, { ...drill, placePath: ['jn', 'jn-lukou', 'jn-lukou-lukou'] }).score;
    expect(sameStreet).toBeGreaterThan(otherStreet);
    expect(scoreFit(volunteer, { ...drill, seatsLeft: 0 }).score).toBeLessThan(
      scoreFit(volunteer, drill).score,
    );
  });

  const skillSet = fc.subarray([...SKILLS] as Skill[], { maxLength: 5 });
  const activity = fc.record({
    skills: skillSet,
    startAt: fc
      .integer({ min: 0, max: 14 * 24 * 60 })
      .map((m) => new Date(saturdayMorning.getTime() + m * 60_000)),
    location: fc.double({ min: 0, max: 30, noNaN: true }).map(north),
    placePath: fc.constant(['jn', 'jn-moling', 'jn-moling-moling']),
    seatsLeft: fc.integer({ min: 0, max: 5 }),
  });
  const person = fc.record({
    skills: skillSet,
    availability: fc.record({
      weekdays: fc.subarray([0, 1, 2, 3, 4, 5, 6]),
      slots: fc.subarray(['morning', 'afternoon', 'evening'] as const),
    }),
    location: fc.constant(here),
    serviceRadiusKm: fc.integer({ min: 1, max: 20 }),
    placePath: fc.constant(['jn', 'jn-moling', 'jn-moling-yinxiang']),
  });

  it('property: the score stays in [0, 1]', () => {
    fc.assert(
      fc.property(person, activity, (v, a) => {
        const { score } = scoreFit(v, a);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('property: learning a skill the activity needs never lowers the score', () => {
    fc.assert(
      fc.property(person, activity, (v, a) => {
        const missing = a.skills.find((s) => !v.skills.includes(s));
        fc.pre(missing !== undefined);
        const better = { ...v, skills: [...v.skills, missing!] };
        expect(scoreFit(better, a).score).toBeGreaterThanOrEqual(scoreFit(v, a).score);
      }),
    );
  });

  it('property: being nearer never lowers the score', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        (a, b, r) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          expect(distancePart(near, r)).toBeGreaterThanOrEqual(distancePart(far, r));
        },
      ),
    );
  });
});
