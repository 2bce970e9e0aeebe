import { parseConfig } from './config';

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
