/**
 * The tenants an activity names: Teams puts the tenant in `channelData.tenant.id` and
 * `conversation.tenantId`; both are read, so that neither can smuggle another tenant past the other.
 */
export function tenantsOf(activity: { channelData?: unknown; conversation?: unknown }): string[] {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: unknown } };
  const conversation = (activity.conversation ?? {}) as { tenantId?: unknown };
  return [channelData.tenant?.id, conversation.tenantId].filter((id): id is string => typeof id === 'string' && id.trim() !== '');
}

/** With an allowlist, an activity is served only when it names a tenant and every tenant it names is on the list. */
export function isAllowedTenant(activity: { channelData?: unknown; conversation?: unknown }, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const named = tenantsOf(activity).map((id) => id.toLowerCase());
  const list = allowed.map((id) => id.toLowerCase());
  return named.length > 0 && named.every((id) => list.includes(id));
}
