import fc from 'fast-check';
import { COMMAND_CATALOG } from '../../src/domain/command-catalog';
import { VERBS } from '../../src/cards/actions';
import { COLLECTIONS } from '../../src/store/indexes';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import {
  channelConversation,
  installationUpdate,
  invokeAdaptiveCardAction,
  makePerson,
  makeTeam,
  messageActivity,
  type TeamsActivity,
  type TeamsPerson,
} from '../support/activities';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { TeamsUser } from '../support/teams-client';

/**
 * Hostile input by the thousand at the real endpoint of one service (no-auth mode, so every
 * outgoing activity reaches the connector stub). Seeded: FUZZ_SEED reproduces a run, FUZZ_RUNS
 * sets how many cases in all (spread over the four properties).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
const SHARE = { messages: 0.35, execute: 0.3, submit: 0.15, envelopes: 0.2 } as const;
const runsOf = (part: keyof typeof SHARE) => Math.max(1, Math.round(RUNS * SHARE[part]));

const BOT_PASSWORD = 'canary-BotPassword-7c1e5a90-fuzz';
const LINK_SECRET = 'canary-LinkSecret-2b8d4f61-fuzz-0123456789abcdef';
const CANARIES = [BOT_PASSWORD, LINK_SECRET];
const MAX_REPLY_BYTES = 40 * 1024;

/** Everything that is a record of the organisation: who may change it is what the fuzz checks. */
const RECORDS = [
  COLLECTIONS.units,
  COLLECTIONS.plans,
  COLLECTIONS.goals,
  COLLECTIONS.indicators,
  COLLECTIONS.periods,
  COLLECTIONS.responses,
  COLLECTIONS.goalResponses,
  COLLECTIONS.history,
  COLLECTIONS.channelLinks,
  COLLECTIONS.delegations,
  COLLECTIONS.openings,
  COLLECTIONS.planRevisions,
  COLLECTIONS.planSnapshots,
  COLLECTIONS.settings,
  COLLECTIONS.jobs,
] as const;
/** What an owner may change with her own goals' cards (answers, their history, delegations and the cards that tells). */
const OWNER_MAY_CHANGE = new Set<string>([
  COLLECTIONS.responses,
  COLLECTIONS.goalResponses,
  COLLECTIONS.history,
  COLLECTIONS.delegations,
  COLLECTIONS.jobs,
]);

const HOSTILE = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'then',
  '$gt',
  '$where',
  '$ne',
  '${root}',
  '{{x}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e',
  '',
];
const IDS = [
  'RS-2026/DÅ04',
  'RS-2026/DÅ08',
  'RS-2026/ÅR',
  'DÅ04',
  'DÅ08',
  'ÅR',
  'RS',
  'RS-RK',
  'RS-G7',
  'RS-G7-I1',
  'RS-G7-I2',
  'RS-G7-X1',
];
const PEOPLE = ['anna.berg@region.example', 'karin.controller@region.example', 'eva.strand@region.example', 'x@y'];
const WORDS = Object.values(COMMAND_CATALOG).flatMap((entry) => [
  ...entry.words.sv,
  ...entry.words.en,
  ...((entry as { symbols?: readonly string[] }).symbols ?? []),
]);
const FIELDS = [
  'period',
  'goal',
  'page',
  'subject',
  'code',
  'unit',
  'units',
  'issued',
  'confirmed',
  'goTo',
  'versions',
  'owners',
  'person',
  'email',
  'format',
  'token',
  'year',
  'snapshot',
  'perspective',
  'verb',
  'RS-G7-I1.outcome',
  'RS-G7-I1.comment',
  'RS-G7.assessment',
  ...HOSTILE,
];

const swedish = fc.string({ unit: fc.constantFrom(...'åäöÅÄÖéüß aeoAEO-/.,:;0123456789'.split('')), maxLength: 40 });
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  swedish,
  fc.constantFrom(...HOSTILE, ...IDS, ...PEOPLE),
);
const huge = fc
  .tuple(fc.constantFrom('ö', 'x', '\u{1F600}', '$gt ', 'å '), fc.integer({ min: 1_000, max: 120_000 }))
  .map(([unit, n]) => unit.repeat(n));
const argument = fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: huge });

/** A command word, in any case, with random and hostile arguments; sometimes just noise. */
const messageText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...WORDS), fc.boolean(), fc.array(argument, { maxLength: 4 }))
      .map(([word, upper, args]) => [upper ? word.toUpperCase() : word, ...args].join(' ')),
  },
  { weight: 1, arbitrary: argument },
);

const json = fc.jsonValue({ maxDepth: 4 });
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...IDS, ...PEOPLE, ...HOSTILE) },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, -1, 1e308, Number.MAX_SAFE_INTEGER) },
  { weight: 2, arbitrary: json },
  { weight: 1, arbitrary: huge },
);
const data = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), value, { maxKeys: 8 }) },
  { weight: 1, arbitrary: json },
);
const verb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...Object.values(VERBS)) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** Arrays nested `depth` deep around a value. */
const nested = fc
  .tuple(fc.integer({ min: 50, max: 12_000 }), fc.constantFrom('array', 'object'))
  .map(([depth, kind]) => ({ depth, kind }) as const);

const DELETE = Symbol('delete');
type Mutation = { path: string; value: unknown };
const ENVELOPE_PATHS = [
  'type',
  'id',
  'name',
  'text',
  'value',
  'value.action',
  'value.action.verb',
  'value.action.data',
  'from',
  'from.id',
  'from.aadObjectId',
  'from.name',
  'recipient',
  'recipient.id',
  'conversation',
  'conversation.id',
  'conversation.conversationType',
  'conversation.tenantId',
  'channelData',
  'channelData.tenant',
  'channelData.tenant.id',
  'channelData.team',
  'channelData.channel',
  'channelId',
  'serviceUrl',
  'locale',
  'timestamp',
  'attachments',
  'entities',
  'membersAdded',
  'membersRemoved',
  'replyToId',
  'action',
  '__proto__',
  'constructor',
];
const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.constantFrom(...ENVELOPE_PATHS),
  value: fc.oneof(
    { weight: 3, arbitrary: fc.constant(DELETE) },
    { weight: 4, arbitrary: json },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
    // Addresses that fail at once: no DNS look-up, no slow peer.
    { weight: 1, arbitrary: fc.constantFrom('http://127.0.0.1:1/', 'not a url', 'ftp://127.0.0.1/', 'https://evil.example:99999/') },
    // Built only when sent: fast-check would overflow its stack printing a 12 000-deep value.
    { weight: 1, arbitrary: nested.map(({ depth, kind }) => new Deep(depth, kind)) },
  ),
});

/** A value nested `depth` deep, built when the case is sent. */
class Deep {
  constructor(
    readonly depth: number,
    readonly kind: 'array' | 'object',
  ) {}
  toString(): string {
    return `Deep(${this.depth}, ${this.kind})`;
  }
  /** A stand-in string, swapped for the nested JSON text after JSON.stringify (which would overflow its stack). */
  token(): string {
    return `@@deep:${this.depth}:${this.kind}@@`;
  }
}

/** The JSON text of an activity, with every deep stand-in replaced by its nesting. */
function toJson(activity: unknown): string {
  return JSON.stringify(activity).replace(/"@@deep:(\d+):(array|object)@@"/g, (_match, depth: string, kind: string) =>
    kind === 'array'
      ? `${'['.repeat(Number(depth))}"bottom"${']'.repeat(Number(depth))}`
      : `${'{"a":'.repeat(Number(depth))}"bottom"${'}'.repeat(Number(depth))}`,
  );
}

function mutate(activity: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const copy = structuredClone(activity);
  for (const { path, value: replacement } of mutations) {
    const keys = path.split('.');
    let target: unknown = copy;
    for (const key of keys.slice(0, -1)) {
      const next: unknown = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[key] : undefined;
      if (typeof next !== 'object' || next === null) {
        target = undefined;
        break;
      }
      target = next;
    }
    if (typeof target !== 'object' || target === null) continue;
    const last = keys[keys.length - 1]!;
    if (replacement === DELETE) delete (target as Record<string, unknown>)[last];
    else
      Object.defineProperty(target, last, {
        value: replacement instanceof Deep ? replacement.token() : replacement,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return copy;
}

interface Posted {
  status: number;
  body: string;
}

/** Posts a JSON text as Teams would (or anything else as `raw`). */
async function post(endpoint: string, body: string): Promise<Posted> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, body: await response.text() };
}

describe('fuzzing the edge: message texts, Action.Execute, Action.Submit and envelopes', () => {
  // Thousands of HTTP round trips on a shared machine; a guard against a hang, not a speed assertion.
  jest.setTimeout(600_000);
  let stub: ConnectorStub;
  let bot: TestService;
  const owner = makePerson('anna.berg@region.example', 'Anna Berg');
  const stranger = makePerson('eva.strand@region.example', 'Eva Strand');
  const coordinator = makePerson('karin.controller@region.example', 'Karin Controller');
  const team = makeTeam('Fuzzteamet', ['Uppföljning']);
  const channel = channelConversation(team.id, team.channels[1]!.id);
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const problems: string[] = [];
  let cases = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    console.log(`fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);
    stub = await startConnectorStub();
    bot = await startTestService(
      { BOT_PASSWORD, REPORT_LINK_SECRET: LINK_SECRET, UTFALL_COORDINATORS: coordinator.email },
      { startScheduler: false },
      { captureLogs: true },
    );
    for (const person of [owner, stranger, coordinator]) {
      stub.addPerson(person);
      await new TeamsUser(person, stub, bot.endpoint).install();
    }
    stub.addTeam({ id: team.id, name: team.name, aadGroupId: team.aadGroupId, channels: team.channels });
    const imported = await bot.service.deps.importer.importFile({
      fileName: 'exempel-plan.json',
      bytes: readFixture(PLAN_FIXTURES.exempel),
    });
    expect(imported.ok).toBe(true);
    await bot.service.deps.collect.openPeriods(await bot.service.deps.collect.periodsFor('DÅ04', null, ['draft']));
    stub.reset();
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    console.log(`fuzz: ${cases} cases (seed ${SEED}); HTTP answers ${[...statuses].map(([status, n]) => `${status}×${n}`).join(', ')}`);
    await bot?.stop();
    await stub?.stop();
  });

  async function snapshot(): Promise<Map<string, string>> {
    const db = bot.service.mongo.db;
    const entries = await Promise.all(
      RECORDS.map(async (name) => [name, JSON.stringify(await db.collection(name).find({}).sort({ _id: 1 }).toArray())] as const),
    );
    return new Map(entries);
  }

  function changed(before: Map<string, string>, after: Map<string, string>): string[] {
    return RECORDS.filter((name) => before.get(name) !== after.get(name));
  }

  /** Sends one case and checks what the HTTP answer and everything sent to Teams in its wake may not be. */
  async function send(label: string, body: string): Promise<void> {
    cases += 1;
    let answer: Posted;
    try {
      answer = await post(bot.endpoint, body);
    } catch (error) {
      problems.push(`${label}: the request failed: ${String(error)}`);
      return;
    }
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    const requests = stub.requests();
    stub.reset();
    const fail = (why: string) => problems.push(`${label}: ${why} — ${body.slice(0, 300)}`);
    if (answer.status >= 500) fail(`HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
    if (Buffer.byteLength(answer.body) > MAX_REPLY_BYTES) fail(`HTTP answer of ${Buffer.byteLength(answer.body)} bytes`);
    for (const request of requests) {
      const sent = JSON.stringify(request.body ?? null);
      if (Buffer.byteLength(sent) > MAX_REPLY_BYTES) fail(`${request.method} ${request.path} of ${Buffer.byteLength(sent)} bytes`);
      if (CANARIES.some((canary) => sent.includes(canary))) fail(`a secret in ${request.method} ${request.path}`);
    }
    if (CANARIES.some((canary) => answer.body.includes(canary))) fail('a secret in the HTTP answer');
  }

  function assertClean(): void {
    const logs = bot.logs();
    // A reply to a serviceUrl nobody listens on (the fuzzed http://127.0.0.1:1/) cannot be delivered:
    // that is Teams out of reach, logged as such, not a turn the bot got wrong.
    const errors = logs.filter((line) => /"level":(50|60)\b/.test(line) && !line.includes('"type":"ConnectorCallError"'));
    const leaks = logs.filter((line) => CANARIES.some((canary) => line.includes(canary)));
    expect({ problems: problems.slice(0, 10), count: problems.length }).toEqual({ problems: [], count: 0 });
    expect(errors.slice(0, 5)).toEqual([]);
    expect(leaks.length).toBe(0);
    expect(rejections).toEqual([]);
  }

  const sayAs = (person: TeamsPerson, conversation?: ReturnType<typeof channelConversation>) => (textToSay: string) =>
    JSON.stringify(messageActivity({ serviceUrl: stub.url, person, text: textToSay, conversation }));

  test('when an owner, a stranger and a stranger in an unlinked channel write commands with random and hostile arguments, then no 5xx, no error, no write outside their rights', async () => {
    const before = await snapshot();
    const who = fc.constantFrom('owner', 'stranger', 'channel');
    let ownerChanged: string[] = [];
    await fc.assert(
      fc.asyncProperty(who, messageText, async (sender, said) => {
        const body =
          sender === 'owner' ? sayAs(owner)(said) : sender === 'stranger' ? sayAs(stranger)(said) : sayAs(stranger, channel)(said);
        await send(`message as ${sender}`, body);
      }),
      { seed: SEED, numRuns: runsOf('messages') },
    );
    ownerChanged = changed(before, await snapshot());
    // Chat commands of people who coordinate nothing change no record at all.
    expect(ownerChanged).toEqual([]);
    assertClean();
  });

  test('when Action.Execute invokes carry random verbs and data, then the answer is a card or a 400, and a stranger changes nothing', async () => {
    for (const [sender, person] of [
      ['stranger', stranger],
      ['owner', owner],
    ] as const) {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(verb, data, async (v, d) => {
          const activity = invokeAdaptiveCardAction({ serviceUrl: stub.url, person, verb: v, data: d });
          await send(`invoke ${v} as ${sender}`, JSON.stringify(activity));
        }),
        { seed: SEED + (sender === 'owner' ? 1 : 0), numRuns: Math.ceil(runsOf('execute') / 2) },
      );
      const touched = changed(before, await snapshot());
      if (sender === 'stranger') expect(touched).toEqual([]);
      else expect(touched.filter((name) => !OWNER_MAY_CHANGE.has(name))).toEqual([]);
    }
    assertClean();
  });

  test('when Action.Submit messages carry random verbs and data, then no 5xx and a stranger changes nothing', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(verb, data, fc.boolean(), async (v, d, inChannel) => {
        const activity: TeamsActivity = messageActivity({
          serviceUrl: stub.url,
          person: stranger,
          text: '',
          conversation: inChannel ? channel : undefined,
        });
        activity.value = typeof d === 'object' && d !== null && !Array.isArray(d) ? { ...d, verb: v } : d;
        await send(`submit ${v}`, JSON.stringify(activity));
      }),
      { seed: SEED + 2, numRuns: runsOf('submit') },
    );
    expect(changed(before, await snapshot())).toEqual([]);
    assertClean();
  });

  test('when envelopes lose fields, get wrong types or deep nesting, then the answer is never a 5xx and nothing is written', async () => {
    const bases = [
      messageActivity({ serviceUrl: stub.url, person: stranger, text: 'status' }),
      messageActivity({ serviceUrl: stub.url, person: stranger, text: 'öppna period DÅ08' }),
      invokeAdaptiveCardAction({ serviceUrl: stub.url, person: stranger, verb: VERBS.saveGoal, data: { period: IDS[0], goal: 'RS-G7' } }),
      installationUpdate({ serviceUrl: stub.url, person: stranger, action: 'add' }),
      messageActivity({ serviceUrl: stub.url, person: stranger, text: 'koppla RS', conversation: channel }),
    ];
    const before = await snapshot();
    const raw = fc.oneof(
      fc.string({ maxLength: 200 }),
      json.map((v) => JSON.stringify(v)),
      fc.constantFrom('', '{', '[]', 'null', '{"type":', '\u0000', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          {
            weight: 5,
            arbitrary: fc.tuple(fc.integer({ min: 0, max: bases.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 })),
          },
          { weight: 1, arbitrary: raw },
        ),
        async (input) => {
          if (typeof input === 'string') {
            await send('raw body', input);
            return;
          }
          const [index, mutations] = input;
          const activity = mutate(bases[index]! as Record<string, unknown>, mutations);
          await send(`envelope #${index} ${JSON.stringify(mutations).slice(0, 400)}`, toJson(activity));
        },
      ),
      { seed: SEED + 3, numRuns: runsOf('envelopes') },
    );
    expect(changed(before, await snapshot())).toEqual([]);
    assertClean();
  });
});
