/**
 * Which Bot Connector addresses (an activity's `serviceUrl`) the bot trusts enough to keep for
 * writing later. An entry is `scheme://host[:port][/path]`: a leading `*.` in the host allows its
 * subdomains, port `*` allows any port, and the path is a prefix (default `/`).
 */
export interface ServiceUrlPattern {
  protocol: 'http:' | 'https:';
  host: string;
  anySubdomain: boolean;
  /** '' means the scheme's default port, '*' any. */
  port: string;
  path: string;
}

/**
 * Teams' own service URLs (Microsoft Learn, "Send proactive messages" and the Agents SDK's
 * TeamsServiceEndpoints): the public cloud's regional `https://smba.trafficmanager.net/<region>/`,
 * and GCC, GCC High and DoD.
 */
export const TEAMS_SERVICE_URLS: readonly string[] = [
  'https://smba.trafficmanager.net/',
  'https://smba.infra.gcc.teams.microsoft.com/',
  'https://smba.infra.gov.teams.microsoft.us/',
  'https://smba.infra.dod.teams.microsoft.us/',
];

const PATTERN = /^(https?):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}|\*))?(\/[^?#\s]*)?$/i;

export function parseServiceUrlPattern(text: string): ServiceUrlPattern | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  return {
    protocol: match[1]!.toLowerCase() === 'https' ? 'https:' : 'http:',
    anySubdomain: match[2] !== undefined,
    host: match[3]!.toLowerCase(),
    port: match[4] ?? '',
    path: match[5] ?? '/',
  };
}

/** True when `serviceUrl` is an absolute http(s) URL, without credentials, that one of `patterns` allows. */
export function serviceUrlAllowed(serviceUrl: unknown, patterns: readonly ServiceUrlPattern[]): boolean {
  if (typeof serviceUrl !== 'string' || serviceUrl.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return patterns.some(
    (pattern) =>
      pattern.protocol === url.protocol &&
      (host === pattern.host || (pattern.anySubdomain && host.endsWith(`.${pattern.host}`))) &&
      (pattern.port === '*' || pattern.port === url.port) &&
      url.pathname.startsWith(pattern.path),
  );
}
