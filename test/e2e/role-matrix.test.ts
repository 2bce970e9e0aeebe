import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BSON, type Db } from 'mongodb';
import { VERBS, type Verb } from '../../src/cards/actions';
import { COMMAND_NAMES, type CommandName } from '../../src/domain/command-catalog';
import {
  channelConversation,
  fileAttachment,
  installationUpdate,
  invokeAdaptiveCardAction,
  makePerson,
  makeTeam,
  messageActivity,
  personalConversation,
  postActivity,
  TEST_BOT_ID,
  TEST_TENANT_ID,
  type ConversationFixture,
  type TeamsActivity,
  type TeamsPerson,
} from '../support/activities';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { startOpenIdStub, type OpenIdStub } from '../support/openid-stub';
import { matrixMarkdown, no, ok, ROLES, type Cell, type Role } from '../support/role-matrix';
import { startTestService, type TestService } from '../support/service';

/**
 * The role matrix (issue 15): every chat command and every card action verb, sent by every role
 * through the real endpoint as Teams sends it, on one service with a seeded plan. An allowed cell
 * shows its effect (the answer, and exactly the collections it writes); a refused one answers in
 * Swedish and leaves every document of every collection as it was (see `snapshot` for the two
 * fields that any activity may touch). Another tenant gets 403 at the edge; a caller without a
 * token 401 (on a second service over the same database with BOT_ID set: with credentials,
 * botbuilder fetches an outbound token from Entra ID before each reply, which a test cannot reach,
 * so the roles that are answered talk to the service in local mode with ALLOWED_TENANTS set).
 */

const README = path.resolve(__dirname, '../../README.md');
const DOMAIN = 'region.example';
const FOREIGN_TENANT = '0badc0de-0000-4000-8000-00000000f0f0';
const person = (local: string, name: string) => makePerson(`${local}@${DOMAIN}`, name);
const PEOPLE = {
  owner: person('olle.agare', 'Olle Ägare'),
  goalOwner: person('gunilla.malagare', 'Gunilla Målägare'),
  delegate: person('dag.delegat', 'Dag Delegat'),
  coordinator: person('karin.samordnare', 'Karin Samordnare'),
  manager: person('maja.chef', 'Maja Chef'),
  chef: person('lena.ledning', 'Lena Ledning'),
  unlinked: person('ulf.kanal', 'Ulf Kanal'),
  stranger: person('sven.okand', 'Sven Okänd'),
  colleague: person('annika.annan', 'Annika Annan'),
};
/** Someone in another tenant whose directory gives the coordinator's address: the worst case. */
const FOREIGN: TeamsPerson = {
  ...makePerson('x@annan.example', 'Eve Annan', FOREIGN_TENANT),
  email: PEOPLE.coordinator.email,
};
/** Who sends as whom: the anonymous caller claims to be the coordinator. */
const SENDER: Record<Role, TeamsPerson> = {
  owner: PEOPLE.owner,
  delegate: PEOPLE.delegate,
  goalOwner: PEOPLE.goalOwner,
  coordinator: PEOPLE.coordinator,
  manager: PEOPLE.manager,
  chef: PEOPLE.chef,
  unlinked: PEOPLE.unlinked,
  stranger: PEOPLE.stranger,
  foreign: FOREIGN,
  anonymous: PEOPLE.coordinator,
};

const TEAM = makeTeam('Regionledningen', ['Ledningsgrupp', 'Fika']);
const LINKED = TEAM.channels[1]!.id;
const UNLINKED = TEAM.channels[2]!.id;

const PERIOD = { code: 'DÅ04', label: 'Delår per april 2026', opens: '2026-04-30', deadline: '2026-05-12', closes: '2026-05-20' };
const plan = (key: string, unit: string, goal: Record<string, unknown>) => ({
  key,
  unit,
  year: 2026,
  name: `Verksamhetsplan ${unit} 2026`,
  periods: [PERIOD],
  perspectives: [{ key: `${unit}-P1`, name: 'Medarbetare', goals: [goal] }],
});
const PLAN = {
  organisation: 'Region Exempel',
  units: [
    { key: 'RM', name: 'Regionledningen', manager: PEOPLE.manager.email },
    { key: 'RX', name: 'Servicenämnden' },
  ],
  plans: [
    plan('RM-2026', 'RM', {
      key: 'RM-G1',
      title: 'Arbetsmiljön ska vara hälsofrämjande',
      owners: [PEOPLE.goalOwner.email],
      indicators: [
        {
          key: 'RM-G1-I1',
          name: 'Sjukfrånvaro',
          owner: PEOPLE.owner.email,
          valueType: 'percent',
          unit: '%',
          direction: 'decrease',
          baseline: 5.1,
          target: 4.6,
          periods: ['DÅ04'],
        },
        {
          key: 'RM-G1-I2',
          name: 'Svarsfrekvens medarbetarenkät',
          owner: PEOPLE.goalOwner.email,
          valueType: 'percent',
          unit: '%',
          direction: 'increase',
          target: 80,
          periods: ['DÅ04'],
        },
      ],
    }),
    plan('RX-2026', 'RX', {
      key: 'RX-G1',
      title: 'Servicen ska vara tillgänglig',
      owners: [PEOPLE.colleague.email],
      indicators: [
        {
          key: 'RX-G1-I1',
          name: 'Svarstid',
          owner: PEOPLE.colleague.email,
          valueType: 'number',
          unit: 'dagar',
          direction: 'decrease',
          target: 5,
          periods: ['DÅ04'],
        },
      ],
    }),
  ],
};
const PERIOD_RM = 'RM-2026/DÅ04';

// What the answers say (src/i18n): the refusals a person reads.
const ONLY_COORDINATORS = 'Bara samordnare kan';
const NOT_OWNER = 'Du är inte ägare till det här målet';
const NOT_YOURS = 'Du kan bara delegera det du själv ansvarar för';
const NOT_YOUR_DELEGATION = 'Bara den som delegerade, eller en samordnare';
const SUMMARY_WHERE = 'Sammanfattningen visas i en kopplad kanal';
const NOT_LINKED = 'Kanalen är inte kopplad till någon enhet ännu';
const NO_SUMMARY = 'Det finns ingen sammanfattning att visa för det här';
const REPORT_WHO = 'Rapporten kan samordnare och enhetschefer';
const ONLY_PERSONAL = 'Det här gör du i chatten med mig, inte i en kanal.';

type Send = { text: string; attach?: boolean } | { verb: Verb; data: Record<string, unknown> };
interface Row {
  /** What the README row says. */
  title: string;
  /** The catalog command or card verb the row proves. */
  covers: CommandName | Verb;
  /** Where the personal roles send it (channel commands: a channel of the team); default their chat. */
  place?: 'linked' | 'unlinked';
  send: (role: Role) => Send | Promise<Send>;
  cells: Record<Role, Cell>;
  /** Run before a role's cell (as the coordinator or the role), so that the cell has something to act on. */
  prepare?: (role: Role) => Promise<void>;
  /** Run after an allowed cell, so that the next one starts from the same state. */
  undo?: (role: Role) => Promise<void>;
}

/** The two columns every row shares: another tenant is refused at the edge, no token is 401. */
/** What a delegation writes: the delegation, its history entry, the plan's revision, and the colleague's fresh inbox card. */
const DELEGATED = ['claims', 'delegations', 'history', 'jobs', 'planRevisions'];
/** The same by card, after the command row: the colleague's card for the subject went out then (same job id at the same instant). */
const DELEGATED_AGAIN = ['delegations', 'history', 'planRevisions'];
const EDGE = { foreign: { kind: 'forbidden' }, anonymous: { kind: 'unauthorized' } } as const;

/** Allowed for everyone who reaches the bot. */
function everyone(shows: string, overrides: Partial<Record<Role, Cell>> = {}): Record<Role, Cell> {
  const cell = ok(shows);
  return {
    owner: cell,
    delegate: cell,
    goalOwner: cell,
    coordinator: cell,
    manager: cell,
    chef: cell,
    unlinked: cell,
    stranger: cell,
    ...EDGE,
    ...overrides,
  };
}

/** Only the coordinator; everyone else is told so. */
function coordinatorOnly(allowed: Cell, says = ONLY_COORDINATORS): Record<Role, Cell> {
  const refused = no(says);
  return {
    owner: refused,
    delegate: refused,
    goalOwner: refused,
    coordinator: allowed,
    manager: refused,
    chef: refused,
    unlinked: refused,
    stranger: refused,
    ...EDGE,
  };
}

const summaryData = { code: 'DÅ04', year: 2026, units: ['RM'] };
/** Summary drill-downs: coordinators and the unit's manager in chat, anyone in a linked channel. */
function summaryCells(shows: string): Record<Role, Cell> {
  return {
    owner: no(NO_SUMMARY),
    delegate: no(NO_SUMMARY),
    goalOwner: no(NO_SUMMARY),
    coordinator: ok(shows),
    manager: ok(shows, [], 'sin enhet'),
    chef: ok(shows, [], 'kanalens enheter'),
    unlinked: no(NO_SUMMARY),
    stranger: no(NO_SUMMARY),
    ...EDGE,
  };
}

describe('role matrix: every command and card action for every role', () => {
  jest.setTimeout(240_000);
  let stub: ConnectorStub;
  let openId: OpenIdStub;
  let bot: TestService;
  let authBot: TestService;
  const now = new Date('2026-05-04T08:00:00Z');
  let reportToken = '';

  const conversationFor = (role: Role, place?: 'linked' | 'unlinked'): ConversationFixture => {
    const sender = SENDER[role];
    const where = role === 'chef' ? 'linked' : role === 'unlinked' ? 'unlinked' : place;
    if (!where) return personalConversation(sender);
    return channelConversation(TEAM.id, where === 'linked' ? LINKED : UNLINKED, { tenantId: sender.tenantId });
  };

  const activityFor = (role: Role, send: Send, place?: 'linked' | 'unlinked'): TeamsActivity => {
    const common = { serviceUrl: stub.url, person: SENDER[role], conversation: conversationFor(role, place), now };
    if ('verb' in send) return invokeAdaptiveCardAction({ ...common, verb: send.verb, data: send.data });
    const attachments = send.attach
      ? [fileAttachment({ name: 'plan.json', downloadUrl: `${stub.url}files/plan.json`, fileType: 'json' })]
      : [];
    return messageActivity({ ...common, text: send.text, attachments });
  };

  /** Posts as the role; returns the HTTP status and everything the bot answered (body, sends, updates). */
  const run = async (role: Role, send: Send, place?: 'linked' | 'unlinked'): Promise<{ status: number; answer: string }> => {
    const sent = stub.sent().length;
    const updated = stub.updates().length;
    const activity = activityFor(role, send, place);
    const endpoint = role === 'anonymous' ? authBot.endpoint : bot.endpoint;
    const response = await postActivity(endpoint, activity);
    await bot.service.scheduler.idle();
    const answer = JSON.stringify([
      response.body ?? null,
      ...stub
        .sent()
        .slice(sent)
        .map((s) => s.activity),
      ...stub
        .updates()
        .slice(updated)
        .map((u) => u.activity),
    ]).replace(/\\u00a0|\u00a0/g, ' ');
    return { status: response.status, answer };
  };

  const say = async (role: Role, text: string, place?: 'linked' | 'unlinked') => {
    const result = await run(role, { text }, place);
    expect(result.status).toBe(200);
    return result.answer;
  };

  const issued = () => now.toISOString();
  const version = async (subject: string): Promise<number> => {
    const found = await bot.service.mongo.db.collection('responses').findOne({ indicator: subject, period: PERIOD_RM });
    return typeof found?.version === 'number' ? found.version : 0;
  };
  /** The goal form each role would save: their own subject, or the owner's indicator when they have none. */
  const saveFor = async (role: Role): Promise<Send> => {
    const base = { period: PERIOD_RM, goal: 'RM-G1' };
    if (role === 'delegate')
      return { verb: VERBS.saveGoal, data: { ...base, versions: { 'RM-G1-I2': await version('RM-G1-I2') }, 'RM-G1-I2.outcome': '85 %' } };
    if (role === 'goalOwner')
      return {
        verb: VERBS.saveGoal,
        data: { ...base, versions: { 'RM-G1': 0 }, 'RM-G1.assessment': 'achieved', 'RM-G1.analysis': 'Arbetet går enligt plan.' },
      };
    return {
      verb: VERBS.saveGoal,
      data: { ...base, versions: { 'RM-G1-I1': await version('RM-G1-I1') }, 'RM-G1-I1.outcome': '4,5 %', 'RM-G1-I1.comment': '' },
    };
  };
  /** What each role would delegate: their own subject, or someone else's. */
  const SUBJECT: Record<Role, string> = {
    owner: 'RM-G1-I1',
    delegate: 'RM-G1-I2',
    goalOwner: 'RM-G1',
    coordinator: 'RX-G1-I1',
    manager: 'RM-G1-I1',
    chef: 'RM-G1-I1',
    unlinked: 'RM-G1-I1',
    stranger: 'RM-G1-I1',
    foreign: 'RM-G1-I1',
    anonymous: 'RM-G1-I1',
  };
  const target = (role: Role) => (role === 'coordinator' ? PEOPLE.owner.email : PEOPLE.colleague.email);
  /** After an allowed delegation: the subject goes back to where setup left it. */
  const undoDelegation = async (role: Role) => {
    if (role === 'delegate') await say('coordinator', `delegera RM-G1-I2 ${PEOPLE.delegate.email}`);
    else await say('coordinator', `delegera tillbaka ${SUBJECT[role]}`);
  };

  const ROWS: Row[] = [
    { title: '`hjälp`', covers: 'help', send: () => ({ text: 'hjälp' }), cells: everyone('Utfall') },
    {
      title: '`status`',
      covers: 'status',
      send: () => ({ text: 'status' }),
      cells: everyone('Du har inget att svara på just nu.', {
        owner: ok('Delår per april 2026'),
        delegate: ok('Delår per april 2026'),
        goalOwner: ok('Delår per april 2026'),
        manager: ok('målägare har svarat', [], 'även enhetens läge'),
      }),
    },
    {
      title: '`sammanfattning [enhet] [period]`',
      covers: 'summary',
      send: () => ({ text: 'sammanfattning' }),
      cells: {
        owner: no(SUMMARY_WHERE),
        delegate: no(SUMMARY_WHERE),
        goalOwner: no(SUMMARY_WHERE),
        coordinator: ok('Måluppfyllelse – Delår per april 2026', [], 'alla enheter'),
        manager: ok('Måluppfyllelse – Delår per april 2026', [], 'sin enhet'),
        chef: ok('Måluppfyllelse – Delår per april 2026', [], 'kanalens enheter'),
        unlinked: no(NOT_LINKED),
        stranger: no(SUMMARY_WHERE),
        ...EDGE,
      },
    },
    {
      title: '`kopplingar` (i en kanal)',
      covers: 'links',
      place: 'linked',
      send: () => ({ text: 'kopplingar' }),
      cells: everyone('Regionledningen', { unlinked: ok('inte kopplad') }),
    },
    {
      title: '`delegera <nyckel> <e-post>`',
      covers: 'delegate',
      send: (role) => ({ text: `delegera ${SUBJECT[role]} ${target(role)}` }),
      cells: {
        owner: ok('Annika Annan', DELEGATED, 'sitt mätetal'),
        delegate: ok('Annika Annan', DELEGATED, 'det delegerade'),
        goalOwner: ok('Annika Annan', DELEGATED, 'sitt mål'),
        coordinator: ok('Olle Ägare', DELEGATED, 'allas'),
        manager: no(NOT_YOURS),
        chef: no(NOT_YOURS),
        unlinked: no(NOT_YOURS),
        stranger: no(NOT_YOURS),
        ...EDGE,
      },
      undo: undoDelegation,
    },
    {
      title: '`delegera tillbaka <nyckel>`',
      covers: 'delegate',
      send: (role) => ({ text: `delegera tillbaka ${role === 'owner' ? 'RM-G1-I1' : 'RM-G1-I2'}` }),
      prepare: async (role) => {
        if (role === 'owner') await say('owner', `delegera RM-G1-I1 ${PEOPLE.colleague.email}`);
      },
      cells: {
        owner: ok('tillbaka', ['delegations', 'history', 'planRevisions'], 'det hen delegerade'),
        delegate: no(NOT_YOUR_DELEGATION),
        goalOwner: ok('tillbaka', ['delegations', 'history', 'planRevisions'], 'det hen delegerade'),
        coordinator: ok('tillbaka', ['delegations', 'history', 'planRevisions'], 'allas'),
        manager: no(NOT_YOUR_DELEGATION),
        chef: no(NOT_YOUR_DELEGATION),
        unlinked: no(NOT_YOUR_DELEGATION),
        stranger: no(NOT_YOUR_DELEGATION),
        ...EDGE,
      },
      undo: async (role) => {
        if (role !== 'owner') await say('coordinator', `delegera RM-G1-I2 ${PEOPLE.delegate.email}`);
      },
    },
    {
      title: '`importera` (med fil)',
      covers: 'importPlan',
      send: () => ({ text: 'importera', attach: true }),
      cells: { ...coordinatorOnly(ok('Planen är importerad')), chef: no(ONLY_PERSONAL), unlinked: no(ONLY_PERSONAL) },
    },
    {
      title: '`öppna period <kod> [enhet]`',
      covers: 'openPeriod',
      send: () => ({ text: 'öppna period DÅ04' }),
      cells: coordinatorOnly(ok('Skicka')),
    },
    {
      title: '`stäng period <kod> [enhet]`',
      covers: 'closePeriod',
      send: () => ({ text: 'stäng period DÅ04' }),
      cells: coordinatorOnly(ok('Stäng perioden')),
    },
    {
      title: '`påminn [enhet]`',
      covers: 'remind',
      send: () => ({ text: 'påminn RM' }),
      cells: coordinatorOnly(ok('Skicka')),
    },
    {
      title: '`koppla <enhet>` (i en kanal)',
      covers: 'link',
      place: 'unlinked',
      send: () => ({ text: 'koppla RX' }),
      cells: coordinatorOnly(ok('Servicenämnden', ['channelLinks', 'conversations', 'jobs', 'claims', 'summaries'])),
      undo: async () => void (await say('coordinator', 'koppla bort RX', 'unlinked')),
    },
    {
      title: '`koppla bort <enhet>` (i en kanal)',
      covers: 'unlink',
      place: 'linked',
      send: () => ({ text: 'koppla bort RM' }),
      cells: coordinatorOnly(ok('Regionledningen', ['channelLinks'])),
      undo: async () => void (await say('coordinator', 'koppla RM', 'linked')),
    },
    {
      title: '`rapport [period] [enhet]`',
      covers: 'report',
      send: () => ({ text: 'rapport' }),
      cells: {
        owner: no(REPORT_WHO),
        delegate: no(REPORT_WHO),
        goalOwner: no(REPORT_WHO),
        coordinator: ok('/rapport/', [], 'alla enheter'),
        manager: ok('/rapport/', [], 'sin enhet'),
        chef: ok('/rapport/', [], 'kanalens enheter'),
        unlinked: no(NOT_LINKED),
        stranger: no(REPORT_WHO),
        ...EDGE,
      },
    },
    {
      title: '`historik <nyckel>`',
      covers: 'history',
      send: () => ({ text: 'historik RM-G1-I2' }),
      cells: coordinatorOnly(ok('Historik för RM-G1-I2')),
    },
    {
      title: 'kort: inkorgen (`inbox.show`)',
      covers: VERBS.showInbox,
      send: () => ({ verb: VERBS.showInbox, data: { period: PERIOD_RM } }),
      cells: everyone('Delår per april 2026', {
        owner: ok('Arbetsmiljön ska vara hälsofrämjande'),
        delegate: ok('Arbetsmiljön ska vara hälsofrämjande'),
        goalOwner: ok('Arbetsmiljön ska vara hälsofrämjande'),
      }),
    },
    {
      title: 'kort: öppna ett mål (`goal.open`)',
      covers: VERBS.openGoal,
      send: () => ({ verb: VERBS.openGoal, data: { period: PERIOD_RM, goal: 'RM-G1' } }),
      cells: everyone('', {
        owner: ok('Sjukfrånvaro', [], 'sina mätetal'),
        delegate: ok('Svarsfrekvens medarbetarenkät', [], 'det delegerade'),
        goalOwner: ok('Arbetsmiljön ska vara hälsofrämjande'),
        coordinator: no(NOT_OWNER),
        manager: no(NOT_OWNER),
        chef: no(NOT_OWNER),
        unlinked: no(NOT_OWNER),
        stranger: no(NOT_OWNER),
      }),
    },
    {
      title: 'kort: spara svar (`goal.save`)',
      covers: VERBS.saveGoal,
      send: saveFor,
      cells: {
        owner: ok('tack!', ['history', 'jobs', 'responses'], 'sina mätetal'),
        delegate: ok('tack!', ['history', 'responses'], 'det delegerade'),
        goalOwner: ok('tack!', ['goalResponses', 'history'], 'målets bedömning'),
        coordinator: no(NOT_OWNER),
        manager: no(NOT_OWNER),
        chef: no(NOT_OWNER),
        unlinked: no(NOT_OWNER),
        stranger: no(NOT_OWNER),
        ...EDGE,
      },
    },
    {
      title: 'kort: delegera (`delegate.open`)',
      covers: VERBS.openDelegate,
      send: (role) => ({ verb: VERBS.openDelegate, data: { period: PERIOD_RM, goal: 'RM-G1', subject: SUBJECT[role] } }),
      // The form only for someone who may delegate the subject; saving is checked again like `delegera`.
      cells: {
        owner: ok('Delegera till en kollega', [], 'sitt mätetal'),
        delegate: ok('Delegera till en kollega', [], 'det delegerade'),
        goalOwner: ok('Delegera till en kollega', [], 'sitt mål'),
        coordinator: ok('Delegera till en kollega', [], 'allas'),
        manager: no(NOT_YOURS),
        chef: no(NOT_YOURS),
        unlinked: no(NOT_YOURS),
        stranger: no(NOT_YOURS),
        ...EDGE,
      },
    },
    {
      title: 'kort: delegera till (`delegate.save`)',
      covers: VERBS.saveDelegate,
      send: (role) => ({
        verb: VERBS.saveDelegate,
        data: { period: PERIOD_RM, goal: 'RM-G1', subject: SUBJECT[role], email: target(role) },
      }),
      cells: {
        owner: ok('Annika Annan', DELEGATED_AGAIN, 'sitt mätetal'),
        delegate: ok('Annika Annan', DELEGATED_AGAIN, 'det delegerade'),
        goalOwner: ok('Annika Annan', DELEGATED_AGAIN, 'sitt mål'),
        coordinator: ok('Olle Ägare', DELEGATED_AGAIN, 'allas'),
        manager: no(NOT_YOURS),
        chef: no(NOT_YOURS),
        unlinked: no(NOT_YOURS),
        stranger: no(NOT_YOURS),
        ...EDGE,
      },
      undo: undoDelegation,
    },
    {
      title: 'kort: skicka periodens kort (`period.open.confirm`)',
      covers: VERBS.confirmOpenPeriod,
      send: () => ({ verb: VERBS.confirmOpenPeriod, data: { code: 'DÅ04', unit: null, owners: 0, issued: issued() } }),
      cells: coordinatorOnly(ok('Perioden DÅ04 är öppen')),
    },
    {
      title: 'kort: avbryt öppning (`period.open.cancel`)',
      covers: VERBS.cancelOpenPeriod,
      send: () => ({ verb: VERBS.cancelOpenPeriod, data: {} }),
      cells: everyone('', {}),
    },
    {
      title: 'kort: stäng perioden (`period.close.confirm`)',
      covers: VERBS.confirmClosePeriod,
      send: () => ({ verb: VERBS.confirmClosePeriod, data: { code: 'DÅ04', unit: null, issued: issued() } }),
      cells: coordinatorOnly(ok('stängd', ['claims', 'jobs', 'periods', 'summaries'])),
    },
    {
      title: 'kort: avbryt stängning (`period.close.cancel`)',
      covers: VERBS.cancelClosePeriod,
      send: () => ({ verb: VERBS.cancelClosePeriod, data: {} }),
      cells: everyone(''),
    },
    {
      title: 'kort: öppna igen (`period.reopen.confirm`)',
      covers: VERBS.confirmReopenPeriod,
      send: () => ({ verb: VERBS.confirmReopenPeriod, data: { code: 'DÅ04', unit: null, issued: issued() } }),
      cells: coordinatorOnly(ok('igen', ['claims', 'jobs', 'periods'])),
    },
    {
      title: 'kort: Påminn (`remind.preview`)',
      covers: VERBS.previewRemind,
      send: () => ({ verb: VERBS.previewRemind, data: { unit: 'RM' } }),
      // Everyone in RM has answered by now (the goal.save row): nothing to send.
      cells: coordinatorOnly(ok('Ingen påminnelse behövs')),
    },
    {
      title: 'kort: skicka påminnelser (`remind.confirm`)',
      covers: VERBS.confirmRemind,
      send: () => ({ verb: VERBS.confirmRemind, data: { unit: 'RM', owners: 1, issued: issued() } }),
      cells: coordinatorOnly(ok('Påminnelser skickas')),
    },
    {
      title: 'kort: avbryt påminnelser (`remind.cancel`)',
      covers: VERBS.cancelRemind,
      send: () => ({ verb: VERBS.cancelRemind, data: {} }),
      cells: everyone(''),
    },
    {
      title: 'kort: sammanfattning (`summary.show`)',
      covers: VERBS.showSummary,
      send: () => ({ verb: VERBS.showSummary, data: summaryData }),
      cells: summaryCells('Måluppfyllelse'),
    },
    {
      title: 'kort: perspektiv (`summary.perspective`)',
      covers: VERBS.showPerspective,
      send: () => ({ verb: VERBS.showPerspective, data: { ...summaryData, perspective: 'Medarbetare' } }),
      cells: summaryCells('Medarbetare'),
    },
    {
      title: 'kort: mål (`summary.goal`)',
      covers: VERBS.showGoalDetail,
      send: () => ({ verb: VERBS.showGoalDetail, data: { ...summaryData, goal: 'RM-G1' } }),
      cells: summaryCells('Arbetsmiljön'),
    },
    {
      title: 'kort: vilka saknas (`summary.missing`)',
      covers: VERBS.showMissing,
      send: () => ({ verb: VERBS.showMissing, data: summaryData }),
      cells: summaryCells('svarat'),
    },
    {
      title: 'kort: röda mål (`summary.red`)',
      covers: VERBS.showRedGoals,
      send: () => ({ verb: VERBS.showRedGoals, data: summaryData }),
      cells: summaryCells('röd'),
    },
    {
      title: 'kort: Rapport (`summary.report`)',
      covers: VERBS.showReport,
      send: () => ({ verb: VERBS.showReport, data: summaryData }),
      cells: {
        ...summaryCells('/rapport/'),
        owner: no(REPORT_WHO),
        delegate: no(REPORT_WHO),
        goalOwner: no(REPORT_WHO),
        unlinked: no('Jag hittar ingen period'),
        stranger: no(REPORT_WHO),
      },
    },
    {
      title: 'kort: Word/Excel (`report.file`)',
      covers: VERBS.reportFile,
      send: () => ({ verb: VERBS.reportFile, data: { format: 'docx', token: reportToken } }),
      // The payload carries the signed scope of a report card someone was shown: whoever holds it gets that file.
      cells: everyone('Godkänn uppladdningen', {}),
    },
  ];

  /** Every collection's documents as canonical Extended JSON, sorted; see the two exclusions. */
  const snapshot = async (db: Db): Promise<Map<string, string>> => {
    const names = (await db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .filter((name) => !DERIVED.has(name))
      .sort();
    const entries = await Promise.all(
      names.map(async (name) => {
        const docs = await db.collection(name).find({}).toArray();
        const texts = docs.map((doc) => BSON.EJSON.stringify(lastActivityOut(name, doc), { relaxed: false })).sort();
        return [name, texts.join('\n')] as const;
      }),
    );
    return new Map(entries);
  };
  const changed = (before: Map<string, string>, after: Map<string, string>): string[] =>
    [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name)).sort();

  const observed: string[] = [];

  beforeAll(async () => {
    stub = await startConnectorStub();
    openId = await startOpenIdStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: PEOPLE.coordinator.email, ALLOWED_TENANTS: TEST_TENANT_ID, UTFALL_LANGUAGE: 'sv' },
      { now: () => now, startScheduler: false },
    );
    authBot = await startTestService(
      {
        MONGODB_DB: bot.config.mongo.dbName,
        BOT_ID: TEST_BOT_ID,
        BOT_PASSWORD: 'role-matrix-password',
        BOT_TYPE: 'SingleTenant',
        BOT_TENANT_ID: TEST_TENANT_ID,
        BOT_OPENID_METADATA_URL: openId.metadataUrl,
        UTFALL_COORDINATORS: PEOPLE.coordinator.email,
      },
      { now: () => now, startScheduler: false },
    );
    for (const someone of Object.values(PEOPLE)) stub.addPerson(someone);
    stub.addPerson(FOREIGN);
    stub.addTeam({ id: TEAM.id, name: TEAM.name, aadGroupId: TEAM.aadGroupId, channels: TEAM.channels });
    stub.serveFile('/plan.json', Buffer.from(JSON.stringify(PLAN)));
    for (const someone of [
      PEOPLE.owner,
      PEOPLE.goalOwner,
      PEOPLE.delegate,
      PEOPLE.coordinator,
      PEOPLE.manager,
      PEOPLE.stranger,
      PEOPLE.colleague,
    ]) {
      const response = await postActivity(bot.endpoint, installationUpdate({ serviceUrl: stub.url, person: someone, action: 'add', now }));
      expect(response.status).toBe(200);
    }
    const imported = await run('coordinator', { text: 'importera', attach: true });
    expect(imported.answer).toContain('Planen är importerad');
    const opened = await run('coordinator', {
      verb: VERBS.confirmOpenPeriod,
      data: { code: 'DÅ04', unit: null, owners: 3, issued: issued() },
    });
    expect(opened.answer).toContain('Delår per april 2026');
    expect(await say('goalOwner', `delegera RM-G1-I2 ${PEOPLE.delegate.email}`)).toContain('Dag Delegat');
    expect(await say('coordinator', 'koppla RM', 'linked')).toContain('Regionledningen');
    // Everyone is seen once (people, identities, their chat) and the report secret exists, before any cell.
    for (const role of ROLES) if (role !== 'foreign' && role !== 'anonymous') await say(role, 'status');
    const report = await say('coordinator', 'rapport');
    reportToken = /"token":"([^"]+)"/.exec(report)?.[1] ?? '';
    expect(reportToken).not.toBe('');
  });
  afterAll(async () => {
    await authBot?.stop();
    await bot?.stop();
    await openId?.stop();
    await stub?.stop();
    if (observed.length > 0) console.log(observed.join('\n'));
  });

  test('when the table is read, then it names every command of the catalog and every card verb', () => {
    const covered = new Set<string>(ROWS.map((row) => row.covers));
    expect(COMMAND_NAMES.filter((name) => !covered.has(name))).toEqual([]);
    expect(Object.values(VERBS).filter((verb) => !covered.has(verb))).toEqual([]);
  });

  test('when every role tries every action, then each is allowed with its effect or refused with nothing changed', async () => {
    const failures: string[] = [];
    const db = bot.service.mongo.db;
    let before = await snapshot(db);
    // Refused cells in a row are compared together (one snapshot after the run of them): nothing
    // can undo a write, so unchanged after the run is unchanged after each.
    let refusedSince: string[] = [];
    const compareRefused = async () => {
      if (refusedSince.length === 0) return;
      const after = await snapshot(db);
      const writes = changed(before, after);
      if (writes.length > 0) failures.push(`one of ${refusedSince.join('; ')}: wrote [${writes}] though refused`);
      refusedSince = [];
      before = after;
    };
    for (const row of ROWS) {
      for (const role of ROLES) {
        const cell = row.cells[role];
        const where = `${row.title} × ${role}`;
        if (row.prepare) {
          await compareRefused();
          await row.prepare(role);
          before = await snapshot(db);
        }
        if (cell.kind === 'ok') await compareRefused();
        const { status, answer } = await run(role, await row.send(role), row.place);
        const expectedStatus = cell.kind === 'forbidden' ? 403 : cell.kind === 'unauthorized' ? 401 : 200;
        if (process.env.ROLE_MATRIX_OBSERVE) observed.push(`${where}: ${status} ${answer.slice(0, 2000)}`);
        if (status !== expectedStatus) failures.push(`${where}: HTTP ${status}, expected ${expectedStatus}`);
        const text = cell.kind === 'ok' ? cell.shows : cell.kind === 'no' ? cell.says : '';
        if (!answer.includes(text)) failures.push(`${where}: the answer lacks "${text}": ${answer.slice(0, 400)}`);
        if (cell.kind === 'forbidden' || cell.kind === 'unauthorized') {
          if (answer !== JSON.stringify([cell.kind === 'forbidden' ? { error: 'Forbidden' } : { error: 'Unauthorized' }]))
            failures.push(`${where}: sent or answered more than the refusal: ${answer.slice(0, 300)}`);
        }
        if (cell.kind !== 'ok') {
          refusedSince.push(where);
          continue;
        }
        const after = await snapshot(db);
        const writes = changed(before, after);
        const wanted = [...(cell.writes ?? [])].sort();
        if (JSON.stringify(writes) !== JSON.stringify(wanted)) failures.push(`${where}: wrote [${writes}], expected [${wanted}]`);
        if (row.undo) await row.undo(role);
        before = row.undo ? await snapshot(db) : after;
      }
    }
    await compareRefused();
    expect(failures).toEqual([]);
  });

  test("when README.md's role table is read, then it is this test's table", () => {
    const readme = readFileSync(README, 'utf8');
    const table = matrixMarkdown(ROWS);
    const start = readme.indexOf('<!-- role-matrix:start -->');
    const end = readme.indexOf('<!-- role-matrix:end -->');
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const written = readme.slice(start + '<!-- role-matrix:start -->'.length, end).trim();
    // ROLE_MATRIX_WRITE_README=1 writes the table into the README instead of comparing.
    if (process.env.ROLE_MATRIX_WRITE_README && written !== table) {
      writeFileSync(README, `${readme.slice(0, start)}<!-- role-matrix:start -->\n${table}\n${readme.slice(end)}`);
      return;
    }
    expect(written).toBe(table);
  });
});

/**
 * Left out of the comparison, and only these: caches derived from the records, rebuilt by whichever
 * read or background pass comes first after a change (so not attributable to one cell): plan
 * snapshots (plan-cache.ts), change stamps (stamps.ts) and the summary roll-ups (rollups.ts, written
 * 0,5 s after an answer) and the send slots the shared pacer takes (shared-pacer.ts). Every record — plans, periods, people, conversations, answers, history,
 * delegations, links, jobs, settings — is compared document by document, less one field (below).
 */
const DERIVED = new Set(['planSnapshots', 'stamps', 'rollupMarks', 'goalRollups', 'periodRollups', 'sendSlots']);

/**
 * The one field any personal message changes: a stored chat's last activity id (what a later reply
 * threads under, conversation-reference.ts). Every other field of every conversation is compared.
 */
function lastActivityOut(collection: string, doc: Record<string, unknown>): Record<string, unknown> {
  const reference = doc.reference as Record<string, unknown> | undefined;
  if (collection !== 'conversations' || !reference) return doc;
  const { activityId: _lastActivity, ...kept } = reference;
  return { ...doc, reference: kept };
}
