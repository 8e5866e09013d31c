/** Certificate codes: short, stable, typo-tolerant. */
import fc from 'fast-check';
import {
  certificateCode,
  normalizeCertificateCode,
} from '../../../cloudfunctions/volunteering/domain/certificate';

describe('certificate codes', () => {
  it('are four groups of four Crockford base32 characters, stable per seed', () => {
    const code = certificateCode('seed-1');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(certificateCode('seed-1')).toBe(code);
    expect(certificateCode('seed-2')).not.toBe(code);
  });

  it('read back through lower case, spaces and the usual misreadings', () => {
    const code = certificateCode('seed-3');
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normalizeCertificateCode(sloppy)).toBe(code);
    expect(normalizeCertificateCode('ABCD-EFGH')).toBeUndefined();
    expect(normalizeCertificateCode('UUUU-UUUU-UUUU-UUUU')).toBeUndefined();
  });

  it('property: every code normalizes to itself and seeds do not collide in practice', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (seed) => {
        const code = certificateCode(seed);
        expect(normalizeCertificateCode(code)).toBe(code);
        seen.add(`${seed}\u0000${code}`);
      }),
    );
    const codes = new Set([...seen].map((s) => s.split('\u0000')[1]));
    const seeds = new Set([...seen].map((s) => s.split('\u0000')[0]));
    expect(codes.size).toBe(seeds.size);
  });
});
