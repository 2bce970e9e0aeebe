import type { Config } from '../config';
import type { Logger } from '../logger';
import type { AuditService } from '../services/audit-service';
import type { ChannelService } from '../services/channel-service';
import type { CollectService } from '../services/collect-service';
import type { DelegationService } from '../services/delegation-service';
import type { IdentityService } from '../services/identity-service';
import type { InboxService } from '../services/inbox-service';
import type { OnboardingService } from '../services/onboarding-service';
import type { PeriodService } from '../services/period-service';
import type { PlanImporter } from '../services/plan-importer';
import type { ReminderService } from '../services/reminder-service';
import type { ReportService } from '../services/report-service';
import type { ReportDelivery } from '../services/report-delivery';
import type { SummaryService } from '../services/summary-service';

/** What the bot's handlers may use: use cases only, never a repository. Built in service.ts. */
export interface BotDeps {
  config: Config;
  logger: Logger;
  now: () => Date;
  identity: IdentityService;
  onboarding: OnboardingService;
  collect: CollectService;
  /** A person's inbox: a period code and year across every plan they have goals in. */
  inbox: InboxService;
  periods: PeriodService;
  reminders: ReminderService;
  importer: PlanImporter;
  /** Which units each management channel follows, and the summaries a channel or coordinator may see. */
  channels: ChannelService;
  summaries: SummaryService;
  /** Indicators and goals handed to a colleague (`delegera`). */
  delegation: DelegationService;
  /** The compiled follow-up report (`rapport`): build a model for units and a period, render it as DOCX, XLSX or HTML. */
  reports: ReportService;
  /** Report links and files (`rapport`). */
  reportDelivery: ReportDelivery;
  /** Who changed an indicator's or goal's answers and delegation, and when (`historik`). */
  audit: AuditService;
}
