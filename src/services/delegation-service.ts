import { jobBatches, jobIds } from '../domain/job-ids';
import type { DelegationRepository } from '../store/delegation-repository';
import type { JobRepository, NewJob } from '../store/job-repository';
import type { Person, PeopleRepository } from '../store/people-repository';
import type { PlanRepository } from '../store/plan-repository';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type DelegationResult =
  | { kind: 'no_such_subject'; key: string }
  | { kind: 'not_delegated'; key: string }
  | { kind: 'not_your_delegation' }
  | { kind: 'taken_back'; name: string; from: string }
  | { kind: 'not_an_email'; target: string }
  | { kind: 'not_yours'; name: string }
  | { kind: 'self' }
  | { kind: 'unknown_person'; email: string }
  | { kind: 'delegated'; name: string; to: string; subject: string };

export interface DelegationServiceDeps {
  plans: PlanRepository;
  delegations: DelegationRepository;
  people: PeopleRepository;
  jobs: JobRepository;
  kick: () => void;
  now: () => Date;
}

/**
 * `delegera`: an owner hands an indicator or goal to a known colleague (a coordinator may move
 * anyone's), and takes it back. Both are kept in history; the colleague gets their inbox card (the
 * whole inbox: every plan they have goals in) for each open period code the subject is measured in.
 */
export class DelegationService {
  constructor(private readonly deps: DelegationServiceDeps) {}

  async delegate(person: Person, coordinator: boolean, key: string, target: string): Promise<DelegationResult> {
    const found = await this.subject(key);
    if (!found) return { kind: 'no_such_subject', key };
    const { subject, plan, name, indicator, goal } = found;
    const current = await this.deps.delegations.find(subject);
    const to = target.toLowerCase();
    if (!EMAIL.test(to)) return { kind: 'not_an_email', target };
    const owners = indicator
      ? [current?.to ?? indicator.owner]
      : goal!.owners.map((owner) => (owner === current?.from ? current.to : owner));
    if (!coordinator && !owners.includes(person.email)) return { kind: 'not_yours', name };
    if (to === person.email && !coordinator) return { kind: 'self' };
    if (!(await this.deps.people.findByEmail(to))) return { kind: 'unknown_person', email: to };

    const now = this.deps.now();
    const from = current?.from ?? (owners.includes(person.email) ? person.email : owners[0]!);
    await this.deps.delegations.set({ subject, kind: indicator ? 'indicator' : 'goal', plan, from, to, by: person.email, at: now });
    await this.deps.plans.touchRevision(plan, now);
    // The colleague gets their inbox card right away: one per open period code of the plan, each the
    // whole inbox of that code and year (their goals in every plan, this one included).
    const open = (await this.deps.plans.listPeriods([plan])).filter(
      (period) => period.state === 'open' && (!indicator || indicator.periods.includes(period.code)),
    );
    const year = (await this.deps.plans.findPlan(plan))?.year ?? 0;
    const created = await this.deps.jobs.enqueueMany(
      open.map((period): NewJob => ({
        id: jobIds.delegatedPrompt(period.id, to, subject, now),
        kind: 'prompt',
        batch: jobBatches.delegatedPrompt({ code: period.code, year }),
        payload: { period: period.id, email: to },
        runAt: now,
      })),
      now,
    );
    if (created.created > 0) this.deps.kick();
    return { kind: 'delegated', name, to, subject };
  }

  async takeBack(person: Person, coordinator: boolean, key: string): Promise<DelegationResult> {
    const found = await this.subject(key);
    if (!found) return { kind: 'no_such_subject', key };
    const current = await this.deps.delegations.find(found.subject);
    if (!current) return { kind: 'not_delegated', key };
    if (!coordinator && current.from !== person.email && current.by !== person.email) return { kind: 'not_your_delegation' };
    const now = this.deps.now();
    await this.deps.delegations.remove(found.subject, person.email, now);
    await this.deps.plans.touchRevision(found.plan, now);
    return { kind: 'taken_back', name: found.name, from: current.from };
  }

  private async subject(key: string) {
    const indicator = await this.deps.plans.findIndicator(key);
    const goal = indicator ? null : await this.deps.plans.findGoal(key);
    if (!indicator && !goal) return null;
    const subject = (indicator ?? goal)!;
    return { subject: subject.key, plan: subject.plan, name: indicator ? indicator.name : goal!.title, indicator, goal };
  }
}
