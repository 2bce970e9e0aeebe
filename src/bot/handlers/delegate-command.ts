import type { TurnContext } from 'botbuilder';
import { chatTexts } from '../../i18n/chat-texts';
import { delegationTexts } from '../../i18n/delegation-texts';
import { foldText } from '../../domain/commands';
import { jobBatches, jobIds } from '../../domain/job-ids';
import type { NewJob } from '../../store/job-repository';
import type { BotDeps } from '../deps';
import { isCoordinator, resolveSender } from '../identity';
import { readTurnFacts } from '../turn';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `delegera <nyckel> <e-post>`: an owner hands an indicator or goal to a known colleague (a
 * coordinator may move anyone's); `delegera tillbaka <nyckel>` takes it back. Both are kept in
 * history, and the colleague gets the inbox card of every open period it is measured in.
 */
export async function handleDelegateCommand(context: TurnContext, deps: BotDeps, args: string[]): Promise<void> {
  const facts = readTurnFacts(context);
  const texts = delegationTexts(facts.locale);
  const person = await resolveSender(context, deps);
  if (!person) return void (await context.sendActivity(chatTexts(facts.locale).unknownPerson));
  const back = args.length > 0 && ['tillbaka', 'back'].includes(foldText(args[0]!));
  const [key, target, ...extra] = back ? args.slice(1) : args;
  if (!key || (!back && !target) || (back && target) || extra.length > 0) return void (await context.sendActivity(texts.usage));
  const coordinator = isCoordinator(person, deps);
  const now = deps.now();

  const indicator = await deps.plans.findIndicator(key);
  const goal = indicator ? null : await deps.plans.findGoal(key);
  if (!indicator && !goal) return void (await context.sendActivity(texts.noSuchSubject(key)));
  const subject = (indicator ?? goal)!.key;
  const plan = (indicator ?? goal)!.plan;
  const name = indicator ? indicator.name : goal!.title;
  const current = await deps.delegations.find(subject);

  if (back) {
    if (!current) return void (await context.sendActivity(texts.notDelegated(key)));
    if (!coordinator && current.from !== person.email && current.by !== person.email) return void (await context.sendActivity(texts.notYourDelegation));
    await deps.delegations.remove(subject, person.email, now);
    await deps.plans.touchRevision(plan, now);
    deps.logger.info({ subject, by: person.email }, 'delegation taken back');
    return void (await context.sendActivity(texts.takenBack(name, current.from)));
  }

  const to = target!.toLowerCase();
  if (!EMAIL.test(to)) return void (await context.sendActivity(texts.notAnEmail(target!)));
  const owners = indicator ? [current?.to ?? indicator.owner] : goal!.owners.map((owner) => (owner === current?.from ? current.to : owner));
  if (!coordinator && !owners.includes(person.email)) return void (await context.sendActivity(texts.notYours(name)));
  if (to === person.email && !coordinator) return void (await context.sendActivity(texts.self));
  if (!(await deps.people.findByEmail(to))) return void (await context.sendActivity(texts.unknownPerson(to)));

  const from = current?.from ?? (owners.includes(person.email) ? person.email : owners[0]!);
  await deps.delegations.set({ subject, kind: indicator ? 'indicator' : 'goal', plan, from, to, by: person.email, at: now });
  await deps.plans.touchRevision(plan, now);
  deps.logger.info({ subject, from, to, by: person.email }, 'delegated');
  await context.sendActivity(texts.delegated(name, to, subject));

  // The colleague gets the inbox card of each open period of the plan right away.
  const open = (await deps.plans.listPeriods([plan])).filter((period) => period.state === 'open' && (!indicator || indicator.periods.includes(period.code)));
  const created = await deps.jobs.enqueueMany(
    open.map((period): NewJob => ({ id: jobIds.delegatedPrompt(period.id, to, subject, now), kind: 'prompt', batch: jobBatches.delegatedPrompt(period.id), payload: { period: period.id, email: to }, runAt: now })),
    now,
  );
  if (created.created > 0) deps.dispatcher.kick();
}
