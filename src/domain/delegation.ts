import type { Goal, Indicator } from './plan';

/** An indicator or goal handed from its owner to a colleague (`delegera`), or reassigned by a coordinator. */
export interface Delegation {
  subject: string;
  kind: 'indicator' | 'goal';
  plan: string;
  from: string;
  to: string;
  by: string;
  at: Date;
}

/**
 * The plan as it is answered: a delegated indicator is owned by the delegate; on a delegated goal
 * the delegate stands in the original owner's place. Pure: the imported plan is not changed.
 */
export function applyDelegations(
  goals: Goal[],
  indicators: Indicator[],
  delegations: readonly Delegation[],
): { goals: Goal[]; indicators: Indicator[] } {
  if (delegations.length === 0) return { goals, indicators };
  const bySubject = new Map(delegations.map((delegation) => [delegation.subject, delegation]));
  return {
    goals: goals.map((goal) => {
      const delegation = bySubject.get(goal.key);
      if (delegation?.kind !== 'goal') return goal;
      const owners = goal.owners.map((owner) => (owner === delegation.from ? delegation.to : owner));
      return { ...goal, owners: [...new Set(owners.includes(delegation.to) ? owners : [...owners, delegation.to])] };
    }),
    indicators: indicators.map((indicator) => {
      const delegation = bySubject.get(indicator.key);
      return delegation?.kind === 'indicator' ? { ...indicator, owner: delegation.to } : indicator;
    }),
  };
}
