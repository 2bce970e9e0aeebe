import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';

// Deliberately free of botbuilder types: these are the JSON payloads Teams puts on the wire, so the
// e2e tests keep working unchanged if the bot moves to a successor SDK (SPEC §7).

export const TEST_TENANT_ID = '5c3e1a7d-2b9f-4e6a-8d0c-7f1b3a5e9c24';
export const TEST_BOT_ID = '6f0b2c1e-9a4d-4b7e-8c3f-1d2e5a7b9c80';
export const BOT_NAME = 'Utfall';
const TIMEZONE = 'Europe/Stockholm';

export interface TeamsPerson {
  aadObjectId: string;
  name: string;
  email: string;
  /** Bot Framework user id, `29:…`; unlike aadObjectId it is per bot, which is why Teams sends both. */
  userId: string;
  tenantId: string;
}

export interface TeamsTeam {
  /** Teams uses the General channel's thread id as the team id. */
  id: string;
  name: string;
  aadGroupId: string;
  channels: Array<{ id: string; name: string }>;
}

export type ConversationType = 'personal' | 'channel' | 'groupChat';

/** Where an activity happens: the `conversation` object plus the `channelData` that goes with it. */
export interface ConversationFixture {
  conversation: { id: string; conversationType: ConversationType; tenantId: string; isGroup?: boolean };
  channelData: Record<string, unknown> & { tenant: { id: string } };
}

export interface TeamsAttachment {
  contentType: string;
  name?: string;
  contentUrl?: string;
  content?: unknown;
}

/** A Teams activity as JSON. Only the fields tests commonly read are named. */
export interface TeamsActivity {
  type: string;
  id: string;
  channelId: 'msteams';
  serviceUrl: string;
  timestamp: string;
  localTimestamp: string;
  localTimezone: string;
  locale: string;
  from: { id: string; name?: string; aadObjectId?: string };
  recipient: { id: string; name: string };
  conversation: ConversationFixture['conversation'];
  channelData: ConversationFixture['channelData'];
  [field: string]: unknown;
}

interface CommonOptions {
  serviceUrl: string;
  locale?: string;
  botId?: string;
  now?: Date;
}

function digest(input: string): Buffer {
  return createHash('sha256').update(input).digest();
}

function guidFrom(input: string): string {
  const hex = digest(input).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/** Ids are derived from the lower-cased email, so the same email always yields the same person. */
export function makePerson(email: string, name = nameFromEmail(email), tenantId = TEST_TENANT_ID): TeamsPerson {
  const key = email.toLowerCase();
  return {
    aadObjectId: guidFrom(`aad:${key}`),
    name,
    email,
    userId: `29:1${digest(`user:${key}`).toString('base64url').slice(0, 42)}`,
    tenantId,
  };
}

export function makeTeam(name: string, channelNames: string[] = []): TeamsTeam {
  const id = `19:${digest(`team:${name}`).toString('hex').slice(0, 32)}@thread.tacv2`;
  const channels = channelNames.map((channel) => ({
    id: `19:${digest(`channel:${name}/${channel}`).toString('hex').slice(0, 32)}@thread.tacv2`,
    name: channel,
  }));
  return { id, name, aadGroupId: guidFrom(`group:${name}`), channels: [{ id, name: 'General' }, ...channels] };
}

/**
 * The bot↔user chat id. Teams keeps one 1:1 chat per bot and user, and createConversation returns
 * that same id, so the connector stub uses this function too and the two always agree.
 */
export function personalConversationId(aadObjectId: string): string {
  return `a:personal-${aadObjectId.toLowerCase()}`;
}

export function personalConversation(person: TeamsPerson): ConversationFixture {
  return {
    conversation: { id: personalConversationId(person.aadObjectId), conversationType: 'personal', tenantId: person.tenantId },
    channelData: { tenant: { id: person.tenantId } },
  };
}

/** A thread in a channel; `rootMessageId` is the id of the post that started it. */
export function channelConversation(
  teamId: string,
  channelId: string,
  options: { tenantId?: string; rootMessageId?: string } = {},
): ConversationFixture {
  const tenantId = options.tenantId ?? TEST_TENANT_ID;
  const rootMessageId = options.rootMessageId ?? '1717000000000';
  return {
    conversation: {
      id: `${channelId};messageid=${rootMessageId}`,
      conversationType: 'channel',
      tenantId,
      isGroup: true,
    },
    channelData: {
      teamsChannelId: channelId,
      teamsTeamId: teamId,
      channel: { id: channelId },
      team: { id: teamId },
      tenant: { id: tenantId },
    },
  };
}

let sequence = 0;

/** Teams message ids are epoch milliseconds; the counter keeps them unique when tests pin `now`. */
function messageId(now: Date): string {
  sequence += 1;
  return String(now.getTime() + sequence);
}

function eventId(): string {
  sequence += 1;
  return `f:${digest(`event:${sequence}:${process.hrtime.bigint()}`).readBigUInt64BE().toString()}`;
}

function envelope(options: CommonOptions, person: TeamsPerson, fixture: ConversationFixture) {
  const now = options.now ?? new Date();
  const locale = options.locale ?? 'sv-SE';
  return {
    channelId: 'msteams' as const,
    serviceUrl: options.serviceUrl,
    timestamp: now.toISOString(),
    localTimestamp: DateTime.fromJSDate(now).setZone(TIMEZONE).toISO() ?? now.toISOString(),
    localTimezone: TIMEZONE,
    locale,
    from: { id: person.userId, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: `28:${options.botId ?? TEST_BOT_ID}`, name: BOT_NAME },
    conversation: fixture.conversation,
    channelData: fixture.channelData,
  };
}

function clientInfo(locale: string): Record<string, unknown> {
  return { type: 'clientInfo', locale, country: locale.split('-')[1] ?? 'SE', platform: 'Web', timezone: TIMEZONE };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface MessageOptions extends CommonOptions {
  person: TeamsPerson;
  text: string;
  conversation?: ConversationFixture;
  attachments?: TeamsAttachment[];
  /** Defaults to true outside personal chats, where Teams only delivers messages that @mention the bot. */
  mentionBot?: boolean;
}

/**
 * A message as Teams delivers it, including the `text/html` copy of the text that Teams appends to
 * `attachments` (bots that treat "has attachments" as "has a file" get that wrong in production too).
 */
export function messageActivity(options: MessageOptions): TeamsActivity {
  const fixture = options.conversation ?? personalConversation(options.person);
  const base = envelope(options, options.person, fixture);
  const mention = options.mentionBot ?? fixture.conversation.conversationType !== 'personal';
  const mentionText = `<at>${BOT_NAME}</at>`;
  const text = mention ? `${mentionText} ${options.text}` : options.text;
  const html = mention
    ? `<p><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">${BOT_NAME}</span> ${escapeHtml(options.text)}</p>`
    : `<p>${escapeHtml(options.text)}</p>`;
  const mentions = mention ? [{ type: 'mention', text: mentionText, mentioned: { id: base.recipient.id, name: BOT_NAME } }] : [];
  return {
    ...base,
    type: 'message',
    id: messageId(options.now ?? new Date()),
    text,
    textFormat: 'plain',
    attachments: [...(options.attachments ?? []), { contentType: 'text/html', content: html }],
    entities: [...mentions, clientInfo(base.locale)],
  };
}

export interface CardActionOptions extends CommonOptions {
  person: TeamsPerson;
  verb: string;
  data: unknown;
  conversation?: ConversationFixture;
  /** Id of the message that holds the card; Teams sends it so the bot can update that message. */
  replyToId?: string;
}

/** The `adaptiveCard/action` invoke Teams sends for an `Action.Execute`; the answer comes back in the HTTP body. */
export function invokeAdaptiveCardAction(options: CardActionOptions): TeamsActivity {
  const fixture = options.conversation ?? personalConversation(options.person);
  const base = envelope(options, options.person, fixture);
  const replyToId = options.replyToId ?? '1717000000001';
  return {
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: eventId(),
    replyToId,
    entities: [clientInfo(base.locale)],
    channelData: { ...fixture.channelData, source: { name: 'message' }, legacy: { replyToId } },
    value: { action: { type: 'Action.Execute', verb: options.verb, data: options.data }, trigger: 'manual' },
  };
}

/** The `application/search` invoke Teams sends as someone types in a dynamic typeahead (Data.Query); answered in the HTTP body. */
export function searchInvoke(
  options: CommonOptions & { person: TeamsPerson; dataset: string; queryText: string; top?: number },
): TeamsActivity {
  const fixture = personalConversation(options.person);
  const base = envelope(options, options.person, fixture);
  return {
    ...base,
    type: 'invoke',
    name: 'application/search',
    id: eventId(),
    entities: [clientInfo(base.locale)],
    channelData: { ...fixture.channelData, source: { name: 'message' } },
    value: { queryText: options.queryText, queryOptions: { skip: 0, top: options.top ?? 15 }, dataset: options.dataset },
  };
}

/** Personal-scope install or uninstall of the app. */
export function installationUpdate(options: CommonOptions & { person: TeamsPerson; action: 'add' | 'remove' }): TeamsActivity {
  const fixture = personalConversation(options.person);
  const base = envelope(options, options.person, fixture);
  return {
    ...base,
    type: 'installationUpdate',
    id: eventId(),
    action: options.action,
    entities: [clientInfo(base.locale)],
    channelData: { ...fixture.channelData, source: { name: 'message' } },
  };
}

export interface MembersAddedOptions extends CommonOptions {
  /** Who installed the app or added the bot; Teams always says. */
  person?: TeamsPerson;
  scope: 'personal' | 'channel';
  /** Required for channel scope. */
  team?: Pick<TeamsTeam, 'id' | 'name' | 'aadGroupId'>;
}

/**
 * The bot itself appearing in `membersAdded`: after a personal install, or after being added to a
 * team (`eventType: 'teamMemberAdded'`, in the team's General thread with `settings.selectedChannel`).
 */
export function conversationUpdateMembersAdded(options: MembersAddedOptions): TeamsActivity {
  const person = options.person ?? makePerson('installer@example.se', 'Installer');
  const fixture = options.scope === 'personal' ? personalConversation(person) : teamFixture(options, person.tenantId);
  const base = envelope(options, person, fixture);
  return {
    ...base,
    type: 'conversationUpdate',
    id: eventId(),
    membersAdded: [{ id: base.recipient.id }],
  };
}

function teamFixture(options: MembersAddedOptions, tenantId: string): ConversationFixture {
  if (!options.team) throw new Error('conversationUpdateMembersAdded: channel scope needs a team');
  const { id, name, aadGroupId } = options.team;
  return {
    conversation: { id, conversationType: 'channel', tenantId, isGroup: true },
    channelData: {
      team: { id, name, aadGroupId },
      eventType: 'teamMemberAdded',
      tenant: { id: tenantId },
      settings: { selectedChannel: { id } },
    },
  };
}

/** A file a user attached in a personal chat; `downloadUrl` is pre-authenticated, as in Teams. */
export function fileAttachment(options: { name: string; downloadUrl: string; fileType: string }): TeamsAttachment {
  return {
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name: options.name,
    contentUrl: options.downloadUrl,
    content: {
      downloadUrl: options.downloadUrl,
      uniqueId: guidFrom(`file:${options.downloadUrl}`).toUpperCase(),
      fileType: options.fileType,
    },
  };
}

/**
 * POSTs an activity to the bot. `endpointUrl` is the messages URL; a bare origin gets
 * `/api/messages` appended. `body` is the parsed JSON (or text) of the reply, undefined when empty.
 */
export async function postActivity(
  endpointUrl: string,
  activity: TeamsActivity | Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const url = new URL(endpointUrl);
  if (url.pathname === '/') url.pathname = '/api/messages';
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: parseBody(text) };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
