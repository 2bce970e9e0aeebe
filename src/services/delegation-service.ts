import { jobBatches, jobIds } from '../domain/job-ids';
import { personalConversationKey, type ConversationRepository } from '../store/conversation-repository';
import type { DelegationRepository } from '../store/delegation-repository';
import type { JobRepository, NewJob } from '../store/job-repository';
import type { Person, PeopleRepository } from '../store/people-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { Roster } from './roster';

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
  /**
   * `toName`: the colleague's name where Teams or the plan gives one. `reachable`: whether they have
   * Utfall in Teams now (their card is on its way), else they get it when they open Utfall.
   */
  | { kind: 'delegated'; name: string; to: string; toName: string | null; reachable: boolean; subject: string };

export interface DelegationServiceDeps {
  plans: PlanRepository;
  delegations: DelegationRepository;
  people: PeopleRepository;
  conversations: ConversationRepository;
  jobs: JobRepository;
  kick: () => void;
  now: () => Date;
}

/**
 * `delegera`: an owner hands an indicator or goal to a colleague (a coordinator may move anyone's),
 * and takes it back. Both are kept in history. The colleague is anyone Utfall knows (in a plan, or
 * has installed it) or Teams' roster has (`Roster`: the conversation's, or a team's the bot is in).
 * One who has Utfall gets their inbox card (the whole inbox: every plan they have goals in) now for
 * each open period code the subject is measured in; one who has not gets it when they install
 * (the late-install path, which reads delegations like plan owners).
 */
export class DelegationService {
  constructor(private readonly deps: DelegationServiceDeps) {}

  async delegate(person: Person, coordinator: boolean, key: string, target: string, roster: Roster): Promise<DelegationResult> {
    const found = await this.subject(key);
    if (!found) return { kind: 'no_such_subject', key };
    const { subject, plan, name, indicator, goal } = found;
    const current = await this.deps.delegations.find(subject);
    const typed = target.trim().toLowerCase();
    if (!EMAIL.test(typed)) return { kind: 'not_an_email', target };
    const owners = indicator
      ? [current?.to ?? indicator.owner]
      : goal!.owners.map((owner) => (owner === current?.from ? current.to : owner));
    if (!coordinator && !owners.includes(person.email)) return { kind: 'not_yours', name };
    if (typed === person.email && !coordinator) return { kind: 'self' };
    const colleague = await this.colleague(typed, roster);
    if (!colleague) return { kind: 'unknown_person', email: typed };
    const to = colleague.email;
    if (to === person.email && !coordinator) return { kind: 'self' };

    const now = this.deps.now();
    const from = current?.from ?? (owners.includes(person.email) ? person.email : owners[0]!);
    await this.deps.delegations.set({ subject, kind: indicator ? 'indicator' : 'goal', plan, from, to, by: person.email, at: now });
    await this.deps.plans.touchRevision(plan, now);
    const reachable = await this.reachable(colleague);
    const delegated = { kind: 'delegated' as const, name, to, toName: colleague.name, reachable, subject };
    // Someone without Utfall cannot be written to: their card comes when they install.
    if (!reachable) return delegated;
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
    return delegated;
  }

  /** Someone Utfall knows by this address, else Teams' roster (then kept, so that their name is known). */
  private async colleague(email: string, roster: Roster): Promise<Person | null> {
    const known = await this.deps.people.findByEmail(email);
    if (known) return known;
    const member = await roster.findByEmail(email, await this.deps.conversations.teamIds());
    if (!member) return null;
    return (await this.deps.people.findByEmail(member.email)) ?? this.deps.people.recordSeen(member.email, member.name, this.deps.now());
  }

  /** Whether Utfall can write to them now: installed, not blocked, with their chat stored. */
  private async reachable(colleague: Person): Promise<boolean> {
    if (!colleague.reachable || !colleague.aadObjectId) return false;
    return (await this.deps.conversations.find(personalConversationKey(colleague.aadObjectId))) !== null;
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

  /** The indicator's name or the goal's title, for the delegate card; null when the key is in no plan. */
  async subjectName(key: string): Promise<string | null> {
    return (await this.subject(key))?.name ?? null;
  }

  /**
   * What the delegate card may show this person: the subject's name when they may delegate it (it
   * is theirs, or they are a coordinator), the refusal `delegate` would give otherwise.
   */
  async subjectFor(person: Person, coordinator: boolean, key: string): Promise<{ kind: 'yours'; name: string } | DelegationResult> {
    const found = await this.subject(key);
    if (!found) return { kind: 'no_such_subject', key };
    if (coordinator) return { kind: 'yours', name: found.name };
    const current = await this.deps.delegations.find(found.subject);
    const owners = found.indicator
      ? [current?.to ?? found.indicator.owner]
      : found.goal!.owners.map((owner) => (owner === current?.from ? current.to : owner));
    return owners.includes(person.email) ? { kind: 'yours', name: found.name } : { kind: 'not_yours', name: found.name };
  }

  /**
   * People to offer in the delegate card's picker for what was typed: those Utfall knows (plan
   * owners, people who installed it, colleagues found in the roster before), by name or address.
   * A complete address it does not know is offered as itself, to be looked up in Teams on save.
   */
  async searchPeople(text: string, limit: number): Promise<{ email: string; name: string | null; known: boolean }[]> {
    const query = text.trim().toLowerCase();
    if (query === '') return [];
    const found = (await this.deps.people.search(query, limit)).map((person) => ({ email: person.email, name: person.name, known: true }));
    if (EMAIL.test(query) && !found.some((person) => person.email === query)) found.unshift({ email: query, name: null, known: false });
    return found.slice(0, limit);
  }

  private async subject(key: string) {
    const indicator = await this.deps.plans.findIndicator(key);
    const goal = indicator ? null : await this.deps.plans.findGoal(key);
    if (!indicator && !goal) return null;
    const subject = (indicator ?? goal)!;
    return { subject: subject.key, plan: subject.plan, name: indicator ? indicator.name : goal!.title, indicator, goal };
  }
}
