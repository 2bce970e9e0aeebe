import { parseConfig, secretsOf } from './config';

describe(parseConfig.name, () => {
  test('when the environment is empty, then local defaults apply (no auth, embedded database)', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3978);
    expect(config.authDisabled).toBe(true);
    expect(config.mongo.uri).toBeUndefined();
    expect(config.mongo.dbName).toBe('utfall');
    expect(config.timezone).toBe('Europe/Stockholm');
  });

  test('when coordinators are listed with spaces and capitals, then they are trimmed and lower-cased', () => {
    const config = parseConfig({ UTFALL_COORDINATORS: ' Anna.Berg@Region.Example, erik@x.se ,' });
    expect(config.coordinators).toEqual(['anna.berg@region.example', 'erik@x.se']);
  });

  test('when several variables are wrong, then one error names every one of them', () => {
    expect(() => parseConfig({ PORT: 'abc', MONGODB_URI: 'http://nope', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*MONGODB_URI[\s\S]*LOG_LEVEL/,
    );
  });

  test('when BOT_ID is set without a password, then it fails fast', () => {
    expect(() => parseConfig({ BOT_ID: 'abc' })).toThrow(/BOT_PASSWORD/);
  });

  test('when a variable is set to the empty string, then its default applies', () => {
    expect(parseConfig({ PORT: '', MONGODB_URI: '' }).port).toBe(3978);
  });

  test('when UTFALL_LANGUAGE is absent, then the Teams locale of each person decides; sv/en force one language; others are refused', () => {
    expect(parseConfig({}).language).toBe('auto');
    expect(parseConfig({ UTFALL_LANGUAGE: 'sv' }).language).toBe('sv');
    expect(() => parseConfig({ UTFALL_LANGUAGE: 'sv-SE' })).toThrow(/UTFALL_LANGUAGE/);
  });
});

describe('operations settings', () => {
  test('when JOB_LEASE_SECONDS is absent, then a job held by a crashed instance is taken up after 20 s; under 5 s is refused', () => {
    expect(parseConfig({}).jobLeaseMs).toBe(20_000);
    expect(parseConfig({ JOB_LEASE_SECONDS: '45' }).jobLeaseMs).toBe(45_000);
    expect(() => parseConfig({ JOB_LEASE_SECONDS: '2' })).toThrow(/JOB_LEASE_SECONDS/);
  });

  test('when the lease is not longer than a call to Teams may take, then it is refused (a slow send could be taken up twice)', () => {
    expect(parseConfig({}).connectorTimeoutMs).toBe(10_000);
    expect(() => parseConfig({ JOB_LEASE_SECONDS: '10', CONNECTOR_TIMEOUT_SECONDS: '10' })).toThrow(/JOB_LEASE_SECONDS/);
  });

  test("when SERVICE_URL_ALLOWLIST is absent, then Teams' own hosts are allowed; a malformed entry is named", () => {
    expect(parseConfig({}).serviceUrlAllowlist.map((pattern) => pattern.host)).toEqual([
      'smba.trafficmanager.net',
      'smba.infra.gcc.teams.microsoft.com',
      'smba.infra.gov.teams.microsoft.us',
      'smba.infra.dod.teams.microsoft.us',
    ]);
    expect(parseConfig({ SERVICE_URL_ALLOWLIST: 'http://127.0.0.1:*/' }).serviceUrlAllowlist).toHaveLength(1);
    expect(() => parseConfig({ SERVICE_URL_ALLOWLIST: 'https://smba.trafficmanager.net/, 127.0.0.1' })).toThrow(
      /SERVICE_URL_ALLOWLIST[\s\S]*"127\.0\.0\.1"/,
    );
  });
});

describe('secrets and token-validation settings', () => {
  test('when BOT_PASSWORD and a connection string with a password are set, then both passwords are secrets and nothing else is', () => {
    const config = parseConfig({
      BOT_ID: 'id',
      BOT_PASSWORD: 'bot-secret-1',
      MONGODB_URI: 'mongodb://utfall:p%40ss-word@db.example:27017/?tls=true',
    });
    expect(secretsOf(config)).toEqual(expect.arrayContaining(['bot-secret-1', 'p%40ss-word', 'p@ss-word']));
    expect(secretsOf(config)).not.toContain('utfall');
  });

  test('when no password is configured, then there are no secrets to scrub', () => {
    expect(secretsOf(parseConfig({}))).toEqual([]);
  });

  test('when BOT_OPENID_METADATA_URL is not an http(s) URL, then start-up is refused naming it', () => {
    expect(() => parseConfig({ BOT_OPENID_METADATA_URL: 'file:///etc/passwd' })).toThrow(/BOT_OPENID_METADATA_URL/);
    expect(parseConfig({ BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/v1/.well-known/openidconfiguration' }).bot.openIdMetadataUrl).toBe(
      'http://127.0.0.1:9/v1/.well-known/openidconfiguration',
    );
  });
});
