/**
 * The people of the local demo. They must match playground/.m365agentsplayground.yml (the
 * playground's tenant: its current user and exactly five others), because the bot links a Teams
 * user to the plan by the e-mail the roster gives for them.
 */
export const DEMO_CURRENT_USER = { name: 'Anna Lind', email: 'anna.lind@exempel.se' } as const;

export const DEMO_COLLEAGUES = [
  { name: 'Erik Berg', email: 'erik.berg@exempel.se' },
  { name: 'Maria Nilsson', email: 'maria.nilsson@exempel.se' },
  { name: 'Johan Svensson', email: 'johan.svensson@exempel.se' },
  { name: 'Sara Ek', email: 'sara.ek@exempel.se' },
  { name: 'Lars Holm', email: 'lars.holm@exempel.se' },
] as const;
