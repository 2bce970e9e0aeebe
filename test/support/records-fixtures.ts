import { readFileSync } from 'node:fs';

import { BSON, ObjectId, type Db } from 'mongodb';
import { PlanImporter } from '../../src/services/plan-importer';
import { ChannelLinkRepository } from '../../src/store/channel-link-repository';
import { Claims } from '../../src/store/claims';
import { ConversationRepository, personalConversationKey } from '../../src/store/conversation-repository';
import { DelegationRepository } from '../../src/store/delegation-repository';
import { JobRepository } from '../../src/store/job-repository';
import { PeopleRepository } from '../../src/store/people-repository';
import { PlanRepository } from '../../src/store/plan-repository';
import { ResponseRepository } from '../../src/store/response-repository';
import { SettingsRepository } from '../../src/store/settings-repository';
import { PLAN_FIXTURES } from './fixtures';

/** Norrbotten's plan: its goal NB-P1-G1 (owner Ulrika) with indicators I1 and I2. */
export const SEEDED = {
  plan: 'NB-DIV-2022',
  period: 'NB-DIV-2022/DÅ04',
  goal: 'NB-P1-G1',
  indicators: ['NB-P1-G1-I1', 'NB-P1-G1-I2'],
  owner: { email: 'ulrika.nord@region.example', name: 'Ulrika Nord', aadObjectId: 'aad-ulrika', userId: '29:ulrika' },
  colleague: { email: 'kalle.kollega@region.example', name: 'Kalle Kollega', aadObjectId: 'aad-kalle', userId: '29:kalle' },
} as const;

const T0 = new Date('2022-05-02T08:00:00.123Z');

/**
 * A database as the service leaves it after some use, written through the real repositories:
 * a plan, answers with history (three versions), a delegation, two linked people with personal
 * conversations, jobs, a channel link, claims and a setting; plus one document of awkward BSON types.
 */
export async function seedRecords(db: Db): Promise<void> {
  const plans = new PlanRepository(db);
  const importer = new PlanImporter(plans, { timezone: 'Europe/Stockholm', maxBytes: 10_000_000, organisation: 'x', now: () => T0 });
  const outcome = await importer.importFile({ fileName: 'plan.json', bytes: readFileSync(PLAN_FIXTURES.norrbotten) });
  if (!outcome.ok) throw new Error('the fixture plan did not import');
  const people = new PeopleRepository(db);
  const conversations = new ConversationRepository(db);
  for (const person of [SEEDED.owner, SEEDED.colleague]) {
    await people.linkIdentity(
      {
        email: person.email,
        aadObjectId: person.aadObjectId,
        tenantId: 'tenant-1',
        userId: person.userId,
        name: person.name,
        locale: 'sv-SE',
      },
      T0,
    );
    await conversations.save(
      {
        key: personalConversationKey(person.aadObjectId),
        kind: 'personal',
        conversationId: `a:${person.aadObjectId}`,
        reference: { serviceUrl: 'https://smba.trafficmanager.net/emea/', user: { id: person.userId, name: person.name } },
        aadObjectId: person.aadObjectId,
        teamId: null,
        teamName: null,
        channelName: null,
      },
      T0,
    );
  }
  const responses = new ResponseRepository(db);
  const place = { goal: SEEDED.goal, plan: SEEDED.plan, unit: 'NB-DIV', perspective: 'NB-P1', period: SEEDED.period };
  const answers = ['4,4', '5,1', '6'];
  for (const [index, text] of answers.entries()) {
    const at = new Date(T0.getTime() + (index + 1) * 3_600_000);
    await responses.saveIndicator(
      { ...place, indicator: SEEDED.indicators[0] },
      {
        outcome: { kind: 'number', value: Number(text.replace(',', '.')) },
        outcomeText: text,
        comment: `Version ${index + 1} – åäö`,
        assessment: 'achieved',
      },
      index,
      { email: SEEDED.owner.email, name: SEEDED.owner.name },
      at,
    );
  }
  await responses.saveGoal(
    place,
    { assessment: 'partly', analysis: 'Delvis uppfyllt' },
    0,
    { email: SEEDED.owner.email, name: SEEDED.owner.name },
    T0,
  );
  await new DelegationRepository(db).set({
    subject: SEEDED.indicators[1],
    kind: 'indicator',
    plan: SEEDED.plan,
    from: SEEDED.owner.email,
    to: SEEDED.colleague.email,
    by: SEEDED.owner.email,
    at: T0,
  });
  const jobs = new JobRepository(db);
  await jobs.enqueueMany(
    [
      {
        id: `prompt:x:${SEEDED.colleague.email}`,
        batch: 'b',
        kind: 'prompt',
        payload: { period: SEEDED.period, email: SEEDED.colleague.email },
        runAt: T0,
      },
      {
        id: `prompt:x:${SEEDED.owner.email}`,
        batch: 'b',
        kind: 'prompt',
        payload: { period: SEEDED.period, email: SEEDED.owner.email },
        runAt: T0,
      },
    ],
    T0,
  );
  await new ChannelLinkRepository(db).link('19:channel@thread.tacv2', ['NB-DIV'], SEEDED.owner.email, T0, 'sv');
  await new Claims(db).claim(`greeting:${SEEDED.colleague.email}`, 'people', T0);
  await new SettingsRepository(db).getOrCreate('report-link-secret', () => 's'.repeat(40), T0);
  // Types that plain JSON would lose or change: a whole-number double, a 64-bit integer, an ObjectId, nested dates, null.
  await db.collection('settings').insertOne({
    _id: 'awkward-types' as unknown as ObjectId,
    double: new BSON.Double(2),
    long: BSON.Long.fromString('9007199254740993'),
    int: 7,
    objectId: new ObjectId('65f0c0ffee0000000000beef'),
    nested: { at: [T0, { deeper: new Date(0) }], none: null, empty: '', text: 'Ärende ”citat” \u2028 slut' },
  });
}

/** Every document of every collection as canonical Extended JSON, sorted, per collection. */
export async function canonicalContents(db: Db, collections: readonly string[]): Promise<Record<string, string[]>> {
  const contents: Record<string, string[]> = {};
  for (const name of collections) {
    const documents = await db.collection(name).find({}, { promoteValues: false }).toArray();
    contents[name] = documents.map((document) => BSON.EJSON.stringify(document, { relaxed: false })).sort();
  }
  return contents;
}
