import type { TurnContext } from 'botbuilder';
import { buildImportResultCard } from '../../cards/import-result-card';
import { chatTexts } from '../../i18n/chat-texts';
import { importReportView } from '../../views/import-report-view';
import type { BotDeps } from '../deps';
import { downloadFile } from '../../services/file-download';
import { findAttachedFile } from '../attached-file';
import { resolveSender } from '../identity';
import { replyWithCard } from '../replies';
import { readTurnFacts } from '../turn';

/** `importera` with an attached plan file, by a coordinator in personal chat. */
export async function handleImportCommand(context: TurnContext, deps: BotDeps): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = chatTexts(facts.locale);
  if (facts.conversationType !== 'personal') {
    await context.sendActivity(texts.onlyPersonal);
    return;
  }
  const person = await resolveSender(context, deps);
  if (!deps.identity.isCoordinator(person)) {
    await context.sendActivity(person ? texts.onlyCoordinators(texts.importWhat) : texts.unknownPerson);
    return;
  }
  const file = findAttachedFile(context.activity.attachments);
  if (!file) {
    await context.sendActivity(texts.attachFile);
    return;
  }
  const download = await downloadFile(file.downloadUrl, deps.config.maxUploadBytes, deps.config.authDisabled);
  if (!download.ok) {
    deps.logger.warn({ reason: download.reason, detail: download.detail }, 'plan download failed');
    const max = `${Math.round(deps.config.maxUploadBytes / 1024 / 1024)} MB`;
    await context.sendActivity(download.reason === 'too_large' ? texts.fileTooLarge(max) : texts.downloadFailed);
    return;
  }
  const outcome = await deps.importer.importFile({ fileName: file.name, bytes: download.bytes });
  deps.logger.info(
    { file: file.name, ok: outcome.ok, by: person?.email, issues: outcome.ok ? 0 : outcome.issues.length },
    'plan import by chat',
  );
  await replyWithCard(context, buildImportResultCard(importReportView(outcome, file.name, facts.locale)));
}
