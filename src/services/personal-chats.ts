import { channelLocale, resolveLocale, type Locale } from '../i18n/locale';
import { personalConversationKey, type ConversationRepository, type StoredConversation } from '../store/conversation-repository';
import type { Person, PeopleRepository } from '../store/people-repository';
import type { JobOutcome } from './job-runner';
import type { SendFailure } from './messenger';
import { outcomeOfFailedSend } from './send-outcome';

export interface PersonalChatsDeps {
  people: PeopleRepository;
  conversations: ConversationRepository;
  /** UTFALL_LANGUAGE. */
  language: 'auto' | Locale;
  now: () => Date;
}

/** Where and in which language the bot writes to a person, or a channel, outside a turn. */
export class PersonalChats {
  constructor(private readonly deps: PersonalChatsDeps) {}

  /** A person's personal chat with the bot, or why the bot cannot write there (a permanent job failure). */
  async chatOf(
    email: string,
  ): Promise<{ person: Person & { aadObjectId: string }; conversation: StoredConversation } | { failed: JobOutcome }> {
    const person = await this.deps.people.findByEmail(email);
    if (!person?.aadObjectId || !person.reachable) return { failed: { status: 'failed', error: 'unreachable: not installed in Teams' } };
    const conversation = await this.deps.conversations.find(personalConversationKey(person.aadObjectId));
    if (!conversation) return { failed: { status: 'failed', error: 'unreachable: no personal conversation stored' } };
    return { person: { ...person, aadObjectId: person.aadObjectId }, conversation };
  }

  /** What a failed send to a person means for the job; blocked or removed apps mark the person unreachable. */
  async failedSend(aadObjectId: string, failure: SendFailure, attempts: number): Promise<JobOutcome> {
    const outcome = outcomeOfFailedSend(failure, attempts);
    if (outcome.status === 'failed' && (outcome.permanentCode === 'MessageWritesBlocked' || outcome.permanentCode === '403')) {
      await this.deps.people.markUnreachable(aadObjectId, this.deps.now());
    }
    return outcome;
  }

  /** The language to write to a person in, outside a turn: UTFALL_LANGUAGE, else their Teams locale. */
  localeOf(person: Pick<Person, 'locale'>): Locale {
    return this.deps.language === 'auto' ? resolveLocale(person.locale) : this.deps.language;
  }

  /** A channel has no one person's language: UTFALL_LANGUAGE, else that of who linked it (`linkedBy`), else Swedish. */
  channelLocale(linkedBy: Locale | null): Locale {
    return channelLocale(this.deps.language, linkedBy);
  }
}
