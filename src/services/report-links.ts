import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What a report link may show: unit keys, the period and the language. No personal data; the
 * scope is fixed by whoever asked (a coordinator, a channel's links, a manager's units) and signed,
 * so nobody can widen it by editing the link.
 */
export const ReportScope = z.strictObject({
  units: z.array(z.string().min(1).max(100)).min(1).max(200),
  code: z.string().min(1).max(20),
  year: z.number().int().min(1900).max(2200),
  locale: z.enum(['sv', 'en']),
});
export type ReportScope = z.infer<typeof ReportScope>;

const Payload = z.strictObject({ s: ReportScope, exp: z.number().int() });

export type LinkCheck = { ok: true; scope: ReportScope } | { ok: false; reason: 'tampered' | 'expired' };

/**
 * Signed, expiring report links: `<payload>.<signature>`, base64url, HMAC-SHA256 over the payload
 * with a secret from config (REPORT_LINK_SECRET) or one the service made and keeps in the database.
 * Rotating the secret invalidates every link given out.
 */
export class ReportLinks {
  constructor(
    private readonly secret: string,
    private readonly lifetimeMs: number,
    private readonly now: () => Date,
  ) {}

  sign(scope: ReportScope): { token: string; expires: Date } {
    const expires = new Date(this.now().getTime() + this.lifetimeMs);
    const payload = Buffer.from(JSON.stringify({ s: scope, exp: Math.floor(expires.getTime() / 1000) })).toString('base64url');
    return { token: `${payload}.${this.signature(payload)}`, expires };
  }

  check(token: string): LinkCheck {
    const match = /^([A-Za-z0-9_-]{1,8000})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return { ok: false, reason: 'tampered' };
    const [, payload, signature] = match as unknown as [string, string, string];
    const expected = Buffer.from(this.signature(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'tampered' };
    let parsed: z.infer<typeof Payload>;
    try {
      const result = Payload.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
      if (!result.success) return { ok: false, reason: 'tampered' };
      parsed = result.data;
    } catch {
      return { ok: false, reason: 'tampered' };
    }
    if (parsed.exp * 1000 < this.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, scope: parsed.s };
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.secret).update(`utfall-report:${payload}`).digest('base64url');
  }
}
