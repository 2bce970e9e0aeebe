import { z } from 'zod';

const JwtHeader = z.object({ alg: z.enum(['RS256', 'RS384', 'RS512']), kid: z.string().min(1).optional() });

/**
 * A cheap look at the Authorization header before botbuilder validates the signature: a missing
 * bearer token, a token that is not three base64url parts, or one that is unsigned (`alg: none`)
 * or HMAC-signed cannot be a Bot Framework token, so it is refused at once without fetching any
 * signing keys. Everything else still goes through botbuilder's full validation.
 */
export function looksLikeBotFrameworkJwt(authorization: string | undefined): boolean {
  if (!authorization) return false;
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization.trim());
  if (!match?.[1]) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
    return JwtHeader.safeParse(header).success;
  } catch {
    return false;
  }
}
