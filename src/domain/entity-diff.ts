export interface EntityDiff<T> {
  created: T[];
  updated: T[];
  unchanged: number;
  /** Keys that exist but are no longer in the incoming set. */
  missing: string[];
}

/**
 * Compares incoming entities with what is stored, field by field over the entity's own fields
 * (bookkeeping such as timestamps is not part of `existing`), so that an identical re-import
 * writes nothing at all.
 */
export function diffEntities<T extends object>(
  incoming: readonly T[],
  existing: ReadonlyMap<string, T>,
  keyOf: (entity: T) => string,
): EntityDiff<T> {
  const diff: EntityDiff<T> = { created: [], updated: [], unchanged: 0, missing: [] };
  const seen = new Set<string>();
  for (const entity of incoming) {
    const key = keyOf(entity);
    seen.add(key);
    const stored = existing.get(key);
    if (stored === undefined) diff.created.push(entity);
    else if (stableJson(stored) !== stableJson(entity)) diff.updated.push(entity);
    else diff.unchanged += 1;
  }
  for (const key of existing.keys()) {
    if (!seen.has(key)) diff.missing.push(key);
  }
  return diff;
}

/** JSON with object keys sorted, so that field order never counts as a change. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
