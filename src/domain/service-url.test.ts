import { parseServiceUrlPattern, serviceUrlAllowed, TEAMS_SERVICE_URLS, type ServiceUrlPattern } from './service-url';

const patterns = (texts: readonly string[]): ServiceUrlPattern[] => texts.map((text) => parseServiceUrlPattern(text)!);

describe(serviceUrlAllowed.name, () => {
  const teams = patterns(TEAMS_SERVICE_URLS);

  test("when the serviceUrl is one of Teams' own, then it is allowed (every region, and the government clouds)", () => {
    for (const url of [
      'https://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net/amer/',
      'https://smba.trafficmanager.net/teams/',
      'https://SMBA.trafficmanager.net/apac/',
      'https://smba.infra.gcc.teams.microsoft.com/teams',
      'https://smba.infra.gov.teams.microsoft.us/teams',
      'https://smba.infra.dod.teams.microsoft.us/teams',
    ]) {
      expect([url, serviceUrlAllowed(url, teams)]).toEqual([url, true]);
    }
  });

  test('when the serviceUrl only looks like Teams, is plain http, carries credentials or is no URL, then it is refused', () => {
    for (const url of [
      'http://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net.evil.example/emea/',
      'https://evilsmba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net:8443/emea/',
      'https://user:pw@smba.trafficmanager.net/emea/',
      'http://127.0.0.1:9/',
      'not a url',
      '',
      undefined,
      42,
    ]) {
      expect([url, serviceUrlAllowed(url, teams)]).toEqual([url, false]);
    }
  });

  test('when an entry names a port, any port, subdomains or a path, then exactly those are allowed', () => {
    const local = patterns(['http://127.0.0.1:*/', 'http://localhost:3979/', 'https://*.example.org/bot/']);
    expect(serviceUrlAllowed('http://127.0.0.1:45123/', local)).toBe(true);
    expect(serviceUrlAllowed('http://localhost:3979/x', local)).toBe(true);
    expect(serviceUrlAllowed('http://localhost:3980/', local)).toBe(false);
    expect(serviceUrlAllowed('https://a.b.example.org/bot/v3', local)).toBe(true);
    expect(serviceUrlAllowed('https://example.org/bot/', local)).toBe(true);
    expect(serviceUrlAllowed('https://a.example.org/other/', local)).toBe(false);
  });

  test('when an entry is not of the form scheme://host[:port][/path], then it does not parse', () => {
    for (const text of ['smba.trafficmanager.net', 'ftp://x.example/', 'https://', 'https://x.example/?q=1', 'https://*/']) {
      expect([text, parseServiceUrlPattern(text)]).toEqual([text, null]);
    }
  });
});
