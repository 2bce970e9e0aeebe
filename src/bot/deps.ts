import type { Config } from '../config';
import type { Logger } from '../logger';
import type { CollectService } from '../services/collect-service';
import type { Claims } from '../store/claims';
import type { PlanImporter } from '../services/plan-importer';
import type { ConversationRepository } from '../store/conversation-repository';
import type { JobRepository } from '../store/job-repository';
import type { PeopleRepository } from '../store/people-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { ResponseRepository } from '../store/response-repository';
import type { ChannelLinkRepository } from '../store/channel-link-repository';
import type { DelegationRepository } from '../store/delegation-repository';
import type { SummaryRepository } from '../store/summary-repository';
import type { SummaryService } from '../services/summary-service';
import type { ReminderService } from '../services/reminder-service';

/** What the bot's handlers may use; built in service.ts (or a test) and passed in. */
export interface BotDeps {
  config: Config;
  logger: Logger;
  now: () => Date;
  plans: PlanRepository;
  people: PeopleRepository;
  conversations: ConversationRepository;
  responses: ResponseRepository;
  jobs: JobRepository;
  importer: PlanImporter;
  collect: CollectService;
  claims: Claims;
  /** Which units each management channel follows. */
  links: ChannelLinkRepository;
  /** Indicators and goals handed to a colleague (`delegera`). */
  delegations: DelegationRepository;
  /** The live summary card of each (channel, period). */
  summaryMessages: SummaryRepository;
  summaries: SummaryService;
  reminders: ReminderService;
  /** Asks the scheduler to work through due jobs now (after a period is opened). */
  dispatcher: { kick(): void };
}
