import type { Person } from '../store/people-repository';
import type { CollectService } from './collect-service';
import type { IdentityService } from './identity-service';

/** What happens when someone installs Utfall in personal scope. */
export class OnboardingService {
  constructor(private readonly deps: { identity: IdentityService; collect: CollectService; kick: () => void }) {}

  /**
   * The person can be written to again; inbox cards of open periods they missed are queued, and the
   * greeting is due once per person. Teams sends two install events at once (installationUpdate and
   * conversationUpdate): either may greet, so `cardComing` says whether a card is on its way, not
   * whether this event queued it.
   */
  async personalInstalled(person: Person | null, aadObjectId: string | null): Promise<{ greet: boolean; cardComing: boolean }> {
    if (aadObjectId) await this.deps.identity.markReachable(aadObjectId);
    const missed = person ? await this.deps.collect.promptAfterInstall(person.email) : { due: 0, created: 0 };
    const greet = person ? await this.deps.identity.markGreeted(person.email) : false;
    return { greet, cardComing: missed.due > 0 };
  }

  /** Starts sending what `personalInstalled` queued (called after the greeting, so the card comes below it). */
  sendQueuedNow(): void {
    this.deps.kick();
  }

  async personalUninstalled(aadObjectId: string): Promise<void> {
    await this.deps.identity.markUnreachable(aadObjectId);
  }
}
