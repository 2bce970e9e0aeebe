import { parseConfig } from '../config';
import { isAllowedTenant } from './tenant';

const OURS = '5c3e1a7d-2b9f-4e6a-8d0c-7f1b3a5e9c24';
const THEIRS = '0badc0de-0000-4000-8000-00000000f0f0';
const activity = (channelTenant?: string, conversationTenant?: string) => ({
  channelData: channelTenant === undefined ? {} : { tenant: { id: channelTenant } },
  conversation: { id: 'a:1', ...(conversationTenant === undefined ? {} : { tenantId: conversationTenant }) },
});

describe('the tenant allowlist at the edge', () => {
  test('when no allowlist is set, then any activity is served', () => {
    expect(isAllowedTenant(activity(THEIRS, THEIRS), [])).toBe(true);
  });

  test('when an allowlist is set, then only activities whose every named tenant is on it are served', () => {
    expect(isAllowedTenant(activity(OURS, OURS), [OURS])).toBe(true);
    expect(isAllowedTenant(activity(OURS.toUpperCase()), [OURS])).toBe(true);
    expect(isAllowedTenant(activity(THEIRS, THEIRS), [OURS])).toBe(false);
    expect(isAllowedTenant(activity(OURS, THEIRS), [OURS])).toBe(false);
    expect(isAllowedTenant(activity(THEIRS, OURS), [OURS])).toBe(false);
    expect(isAllowedTenant(activity(), [OURS])).toBe(false);
  });

  test('when ALLOWED_TENANTS is empty and a single-tenant bot is configured, then its own tenant is the allowlist', () => {
    const bot = { BOT_ID: 'app-id', BOT_PASSWORD: 'secret', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: OURS };
    expect(parseConfig(bot).allowedTenants).toEqual([OURS]);
    expect(parseConfig({ ...bot, ALLOWED_TENANTS: `${OURS},${THEIRS}` }).allowedTenants).toEqual([OURS, THEIRS]);
    expect(parseConfig({}).allowedTenants).toEqual([]);
  });
});
