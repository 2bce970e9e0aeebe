import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer of tokens that the Bot Framework channel (Teams) signs. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface TokenOptions {
  claims: Record<string, unknown>;
  /** Default RS256 with the published key. */
  alg?: 'RS256' | 'HS256' | 'none';
  /** Sign with a key the metadata does not publish. */
  unknownKey?: boolean;
  kid?: string;
}

export interface OpenIdStub {
  /** The OpenID metadata document's URL, for BOT_OPENID_METADATA_URL. */
  readonly metadataUrl: string;
  /** Signs a JWT as the Bot Framework would (or, with options, as a forger would). */
  token(options: TokenOptions): string;
  /** How many times the signing keys were fetched. */
  keyFetches(): number;
  stop(): Promise<void>;
}

/**
 * Stands in for login.botframework.com: serves OpenID metadata and a JWKS with one RSA key endorsed
 * for msteams, so botbuilder's real token validation runs against tokens signed here.
 */
export async function startOpenIdStub(): Promise<OpenIdStub> {
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'utfall-test-key';
  const jwk = published.publicKey.export({ format: 'jwk' });
  let fetches = 0;
  let origin = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${origin}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/keys') {
      fetches += 1;
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${origin}/v1/.well-known/openidconfiguration`,
    token: (options) => signToken(options, options.unknownKey ? stranger.privateKey : published.privateKey, options.kid ?? kid),
    keyFetches: () => fetches,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function signToken(options: TokenOptions, key: KeyObject, kid: string): string {
  const alg = options.alg ?? 'RS256';
  const header = base64url({ alg, typ: 'JWT', kid });
  const payload = base64url(options.claims);
  const input = `${header}.${payload}`;
  if (alg === 'none') return `${input}.`;
  if (alg === 'HS256') return `${input}.${createHmac('sha256', 'guessed-secret').update(input).digest('base64url')}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
