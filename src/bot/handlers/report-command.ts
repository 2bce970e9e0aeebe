import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { VERBS, type ReportFileData, type SummaryViewData } from '../../cards/actions';
import { buildReportCard, type ReportCardAction } from '../../cards/report-card';
import type { AdaptiveCard } from '../../cards/render';
import { summarizePeriod } from '../../domain/aggregation';
import { channelTexts } from '../../i18n/channel-texts';
import { chatTexts } from '../../i18n/chat-texts';
import type { Locale } from '../../i18n/locale';
import { reportDeliveryTexts } from '../../i18n/report-delivery-texts';
import { uploadFile } from '../../services/file-upload';
import type { ReportScope } from '../../services/report-links';
import type { LoadedSummary } from '../../services/summary-service';
import { formatShortDateTime } from '../../views/format';
import { REQUEST_ORIGIN } from '../adapter';
import type { BotDeps } from '../deps';
import { fileConsentAttachment, fileInfoAttachment } from '../file-cards';
import { resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { channelIdOf, readTurnFacts } from '../turn';

/**
 * `rapport [period] [enhet]`: a coordinator (any unit) or a unit manager (their units) in personal
 * chat, anyone in a linked channel (the channel's units; nobody can widen that from a payload).
 * The answer is a card with what the report covers and three ways to get it.
 */
export async function handleReportCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = reportDeliveryTexts(facts.locale);
  const channel = channelIdOf(context);
  const person = channel ? null : await resolveSender(context, deps);
  const managed = person ? await deps.channels.managedBy(person.email) : [];
  const codes = new Set((await deps.channels.periodCodes()).map((code) => code.toLocaleUpperCase('sv-SE')));
  // `rapport DÅ08 RS` and `rapport RS DÅ08` alike: the summary's parser takes the period last.
  const ordered = args.length > 1 && codes.has(args[0]!.toLocaleUpperCase('sv-SE')) ? [...args.slice(1), args[0]!] : args;
  const result = await deps.channels.summary(
    channel ? { channelId: channel } : { coordinator: deps.identity.isCoordinator(person), managed },
    ordered,
  );
  const channelWords = channelTexts(facts.locale);
  switch (result.kind) {
    case 'not_linked':
      return void (await context.sendActivity(channelWords.notLinkedForSummary));
    case 'unknown':
      return void (await context.sendActivity(channelWords.unknownUnits(result.unknown)));
    case 'outside':
      return void (await context.sendActivity(channelWords.summaryOutside(result.unit)));
    case 'outside_managed':
      return void (await context.sendActivity(channelWords.summaryOutsideManaged(result.unit)));
    case 'not_coordinator':
      return void (await context.sendActivity(person ? texts.onlyWho : chatTexts(facts.locale).unknownPerson));
    case 'no_summary':
      return void (await context.sendActivity(texts.noReport(result.code)));
    case 'summary': {
      const scope: ReportScope = { units: result.scope, code: result.loaded.ref.code, year: result.loaded.ref.year, locale: facts.locale };
      await replyWithCard(context, await reportCard(context, deps, scope, result.loaded, channel === null));
    }
  }
}

async function reportCard(
  context: TurnContext,
  deps: BotDeps,
  scope: ReportScope,
  loaded: LoadedSummary,
  personal: boolean,
): Promise<AdaptiveCard> {
  const locale = scope.locale;
  const texts = reportDeliveryTexts(locale);
  const origin = deps.config.reports.publicBaseUrl ?? (context.turnState.get(REQUEST_ORIGIN) as string | undefined) ?? '';
  const web = await deps.reportDelivery.link(scope, 'html');
  const summary = summarizePeriod(loaded.input);
  const fileAction = async (format: 'docx' | 'xlsx', title: string): Promise<ReportCardAction> => {
    if (personal) {
      const data: ReportFileData = { format, token: await deps.reportDelivery.token(scope) };
      return { kind: 'execute', action: { title, verb: VERBS.reportFile, data } };
    }
    return { kind: 'open', title, url: `${origin}${(await deps.reportDelivery.link(scope, format)).path}` };
  };
  return buildReportCard({
    title: texts.cardTitle(loaded.label),
    intro: texts.intro,
    facts: [
      { title: texts.factUnits, value: (await deps.channels.namesOf(scope.units)).join(', ') },
      { title: texts.factResponse, value: `${summary.owners.answered} / ${summary.owners.total} (${summary.responseRate}\u00a0%)` },
      { title: texts.factStatus, value: loaded.state === 'closed' ? texts.final : texts.draft },
      { title: texts.factLinks, value: formatShortDateTime(web.expires, deps.config.timezone, locale) },
    ],
    actions: [
      await fileAction('docx', texts.word),
      await fileAction('xlsx', texts.excel),
      { kind: 'open', title: texts.web, url: `${origin}${web.path}` },
    ],
  });
}

/**
 * "Word"/"Excel" in personal chat: Teams' file consent card for the file. The scope comes from the
 * signed token in the payload, checked again here; the card stays as it was.
 */
export async function askToUploadReport(context: TurnContext, deps: BotDeps, data: ReportFileData, locale: Locale): Promise<string> {
  const texts = reportDeliveryTexts(locale);
  const checked = await deps.reportDelivery.scopeOf(data.token);
  if (!checked.ok) return checked.reason === 'expired' ? texts.linkExpiredBody : texts.linkInvalidBody;
  const document = await deps.reportDelivery.document(data.token, checked.scope, data.format);
  if (!document) return texts.notFoundBody;
  await context.sendActivity({
    attachments: [
      fileConsentAttachment(document.fileName, texts.consentDescription(document.fileName), document.bytes.length, {
        token: data.token,
        format: data.format,
      }),
    ],
  });
  return texts.consentAsked;
}

const FileConsentResponse = z.object({
  context: z.object({ token: z.string().min(10).max(9000), format: z.enum(['docx', 'xlsx']) }),
  uploadInfo: z.object({
    name: z.string().min(1).max(300),
    uploadUrl: z.string().min(1).max(4000),
    contentUrl: z.string().min(1).max(4000),
    uniqueId: z.string().min(1).max(300),
    fileType: z.string().max(20),
  }),
});

/** The person accepted: the file goes to the upload URL Teams made in their OneDrive, then shows in the chat. */
export async function uploadAcceptedReport(context: TurnContext, deps: BotDeps, response: unknown): Promise<void> {
  const locale = readTurnFacts(context).locale;
  const texts = reportDeliveryTexts(locale);
  const parsed = FileConsentResponse.safeParse(response);
  if (!parsed.success) {
    deps.logger.warn({ issues: parsed.error.issues.length }, 'file consent with an unreadable context');
    return void (await context.sendActivity(texts.linkInvalidBody));
  }
  const { context: consent, uploadInfo } = parsed.data;
  const checked = await deps.reportDelivery.scopeOf(consent.token);
  if (!checked.ok) return void (await context.sendActivity(checked.reason === 'expired' ? texts.linkExpiredBody : texts.linkInvalidBody));
  const document = await deps.reportDelivery.document(consent.token, checked.scope, consent.format);
  if (!document) return void (await context.sendActivity(texts.notFoundBody));
  const uploaded = await uploadFile(uploadInfo.uploadUrl, document.bytes, deps.config.authDisabled);
  if (!uploaded.ok) {
    deps.logger.warn({ detail: uploaded.detail }, 'report upload failed');
    return void (await context.sendActivity(texts.uploadFailed));
  }
  await context.sendActivity({ text: texts.fileSent(uploadInfo.name), attachments: [fileInfoAttachment(uploadInfo)] });
}

export async function declinedReport(context: TurnContext): Promise<void> {
  await context.sendActivity(reportDeliveryTexts(readTurnFacts(context).locale).declined);
}

/**
 * "Rapport" on a summary card: the report card for what that card shows, to whoever clicked. In a
 * channel the units are the channel's links (never the payload's); in personal chat a coordinator's,
 * or a manager's own units.
 */
export async function reportFromSummary(
  context: TurnContext,
  deps: BotDeps,
  data: SummaryViewData,
  locale: Locale,
): Promise<AdaptiveCard | string> {
  const texts = reportDeliveryTexts(locale);
  const channel = channelIdOf(context);
  let units: string[];
  if (channel) units = await deps.channels.linkedUnits(channel);
  else {
    const person = await resolveSender(context, deps);
    units = data.units ?? [];
    const allowed = deps.identity.isCoordinator(person) || (person !== null && (await deps.channels.withinManaged(person.email, units)));
    if (!allowed) return texts.onlyWho;
  }
  const loaded = units.length > 0 ? await deps.summaries.load(units, { code: data.code, year: data.year }) : null;
  if (!loaded) return texts.noReport(data.code);
  return reportCard(context, deps, { units, code: loaded.ref.code, year: loaded.ref.year, locale }, loaded, channel === null);
}
