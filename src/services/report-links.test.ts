import { ReportLinks } from './report-links';

const scope = { units: ['RS'], code: 'DÅ08', year: 2026, locale: 'sv' as const };

describe(ReportLinks.name, () => {
  let now = new Date('2026-11-29T10:00:00Z');
  const links = new ReportLinks('secret-one', 24 * 3600_000, () => now);

  test('when a link is signed and checked within its lifetime, then it gives back its scope', () => {
    const { token, expires } = links.sign(scope);
    expect(expires.toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(links.check(token)).toEqual({ ok: true, scope });
  });

  test('when the payload or the signature is changed by one character, or the secret differs, then it is tampered', () => {
    const { token } = links.sign(scope);
    const [payload, signature] = token.split('.') as [string, string];
    const widened = Buffer.from(JSON.stringify({ s: { ...scope, units: ['RS', 'HSN'] }, exp: 9_999_999_999 })).toString('base64url');
    expect(links.check(`${widened}.${signature}`)).toEqual({ ok: false, reason: 'tampered' });
    expect(links.check(`${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`)).toEqual({
      ok: false,
      reason: 'tampered',
    });
    expect(new ReportLinks('secret-two', 3600_000, () => now).check(token)).toEqual({ ok: false, reason: 'tampered' });
    expect(links.check('not-a-token')).toEqual({ ok: false, reason: 'tampered' });
    expect(links.check('')).toEqual({ ok: false, reason: 'tampered' });
  });

  test('when the lifetime has passed, then it is expired', () => {
    const { token } = links.sign(scope);
    now = new Date('2026-11-30T10:00:01Z');
    expect(links.check(token)).toEqual({ ok: false, reason: 'expired' });
    now = new Date('2026-11-29T10:00:00Z');
  });
});
