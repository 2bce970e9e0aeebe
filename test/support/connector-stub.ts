import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { personalConversationId, type TeamsPerson } from './activities';

// A stand-in for the Bot Connector REST API (the `serviceUrl` of Teams activities). Paths follow
// botframework-connector's operation specs: `v3/conversations/{conversationId}/…`, with every id
// encodeURIComponent-ed, which is why ids are decoded per path segment here.

const ActivitySchema = z.looseObject({
  type: z.string(),
  id: z.string().nullish(),
  text: z.string().nullish(),
  replyToId: z.string().nullish(),
  attachments: z.array(z.looseObject({ contentType: z.string(), content: z.unknown().optional() })).nullish(),
});
export type StubActivity = z.infer<typeof ActivitySchema>;

const ConversationParametersSchema = z.looseObject({
  isGroup: z.boolean().nullish(),
  members: z.array(z.looseObject({ id: z.string(), aadObjectId: z.string().nullish() })).nullish(),
  tenantId: z.string().nullish(),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: z.string() }).nullish(),
      channel: z.looseObject({ id: z.string() }).nullish(),
    })
    .nullish(),
  activity: ActivitySchema.nullish(),
});
type ConversationParameters = z.infer<typeof ConversationParametersSchema>;

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as received (still URL-encoded). */
  path: string;
  /** Decoded, e.g. `19:abc@thread.tacv2;messageid=1`. For POST /v3/conversations: the id created. */
  conversationId?: string;
  /** PUT/DELETE: the id in the path. Successful sends: the id the stub answered with. */
  activityId?: string;
  replyToId?: string;
  body: unknown;
  /** Lower-cased names; lets a test check e.g. that no `authorization` header was sent. */
  headers: Record<string, string>;
  /** Date.now() on arrival. */
  at: number;
  status: number;
  failedWith?: number;
}

export interface SentActivity {
  conversationId: string;
  id: string;
  replyToId?: string;
  activity: StubActivity;
  at: number;
}
export interface UpdatedActivity {
  conversationId: string;
  activityId: string;
  activity: StubActivity;
  at: number;
}
export interface DeletedActivity {
  conversationId: string;
  activityId: string;
  at: number;
}

/** A roster entry, shaped like botbuilder's TeamsChannelAccount. */
export interface StubMember {
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
  userPrincipalName: string;
  tenantId?: string;
  givenName?: string;
  surname?: string;
}

export interface StubTeam {
  id: string;
  name: string;
  aadGroupId?: string;
  channels?: Array<{ id: string; name?: string }>;
  /** E-mail addresses of the team's members; without it, everyone on the roster is a member. */
  members?: string[];
}

export type StubFault =
  | { status: 429; retryAfterSeconds?: number }
  | { status: 403; code?: string }
  | { status: 400 | 404 | 412 | 500 | 502 | 503 | 504; code?: string };

export interface FaultMatch {
  method?: string;
  /** Tested against both the raw and the decoded path. */
  pathIncludes?: string;
}

export interface StormOptions {
  rate429: number;
  rate500: number;
  seed: number;
  retryAfterSeconds?: number;
  match?: FaultMatch;
}

/** mulberry32: a small seeded generator, so a storm falls the same way on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ConnectorStub {
  /** `http://127.0.0.1:<port>/`; use it as the activity `serviceUrl`. */
  readonly url: string;
  addMember(member: StubMember): void;
  /** Adds a {@link TeamsPerson} to the roster (UPN = email) and returns the entry. */
  addPerson(person: TeamsPerson): StubMember;
  addTeam(team: StubTeam): void;
  /** The next `n` requests matching `match` (default: any) answer `fault` with a Bot Framework error body. */
  failNext(n: number, fault: StubFault, match?: FaultMatch): void;
  /** The next `n` requests matching `match` (default: any) are answered only after `ms` (a slow Teams). */
  delayNext(n: number, ms: number, match?: FaultMatch): void;
  /**
   * A storm: each request matching `match` (default: activity sends) fails at random, seeded — `rate429`
   * of them with 429 and Retry-After, `rate500` with 500; `null` ends it. Failed requests send nothing.
   */
  storm(options: StormOptions | null): void;
  /** Behave like Teams' per-app limit: sends beyond `perSecond` in any one-second window get 429. */
  limitRate(perSecond: number | null): void;
  /** Serves `body` at GET `/files/<path>` and returns the absolute URL (for `downloadUrl`). */
  serveFile(path: string, body: Buffer, contentType?: string): string;
  /** An upload URL as Teams gives one after a file consent (OneDrive, here the stub): PUT bodies are kept. */
  uploadUrl(name: string): string;
  /** What was PUT to each upload URL (by name), with its Content-Range header. */
  uploads(): Map<string, { data: Buffer; contentRange: string | undefined }>;
  /** Successful sends (POST activities, POST conversations carrying an activity), typing excluded. */
  sent(): SentActivity[];
  updates(): UpdatedActivity[];
  deletes(): DeletedActivity[];
  requests(): RecordedRequest[];
  /** Resolves with the first `n` sent activities; rejects listing what did arrive. */
  waitForActivities(n: number, timeoutMs?: number): Promise<SentActivity[]>;
  /** Re-runs `probe` after every request; resolves with its first value that is not undefined/null/false. */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Forgets recorded requests and pending faults; the roster, teams and files stay. */
  reset(): void;
  stop(): Promise<void>;
}

interface Reply {
  status: number;
  json?: unknown;
  file?: { data: Buffer; contentType: string };
  headers?: Record<string, string>;
}

interface Waiter {
  check: () => void;
  cancel: (reason: Error) => void;
}

const FAULT_CODES: Record<number, string> = {
  400: 'BadArgument',
  403: 'MessageWritesBlocked',
  404: 'ConversationNotFound',
  412: 'PreconditionFailed',
  429: 'Throttled',
  500: 'ServiceError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

function errorReply(status: number, code: string, message: string, headers?: Record<string, string>): Reply {
  return { status, json: { error: { code, message } }, headers };
}

function describeActivity(sent: SentActivity, index: number): string {
  const cards = (sent.activity.attachments ?? []).map((a) => a.contentType).join(', ');
  const text = sent.activity.text ? ` "${sent.activity.text.slice(0, 80)}"` : '';
  return `  #${index + 1} ${sent.activity.type} → ${sent.conversationId}${text}${cards ? ` [${cards}]` : ''}`;
}

/** The Adaptive Card payloads attached to an activity, in order. */
export function adaptiveCards(activity: StubActivity): unknown[] {
  return (activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content);
}

class ConnectorStubServer implements ConnectorStub {
  url = '';
  private readonly log: RecordedRequest[] = [];
  private readonly sentLog: SentActivity[] = [];
  private readonly updateLog: UpdatedActivity[] = [];
  private readonly deleteLog: DeletedActivity[] = [];
  private readonly roster: StubMember[] = [];
  private readonly teams = new Map<string, StubTeam>();
  private readonly files = new Map<string, { data: Buffer; contentType: string }>();
  private readonly uploaded = new Map<string, { data: Buffer; contentRange: string | undefined }>();
  private faults: Array<{ remaining: number; fault: StubFault; match: FaultMatch }> = [];
  private delays: Array<{ remaining: number; ms: number; match: FaultMatch }> = [];
  private rateLimit: number | null = null;
  private stormy: { options: StormOptions; random: () => number } | null = null;
  private recentSends: number[] = [];
  private readonly waiters = new Set<Waiter>();
  // Teams message ids are epoch milliseconds; counting up from start keeps them unique and ordered.
  private nextId = Date.now();

  constructor(private readonly server: Server) {}

  addMember(member: StubMember): void {
    this.roster.push(member);
  }

  addPerson(person: TeamsPerson): StubMember {
    const member = {
      id: person.userId,
      aadObjectId: person.aadObjectId,
      name: person.name,
      email: person.email,
      userPrincipalName: person.email,
      tenantId: person.tenantId,
    };
    this.addMember(member);
    return member;
  }

  addTeam(team: StubTeam): void {
    this.teams.set(team.id, team);
  }

  storm(options: StormOptions | null): void {
    this.stormy = options ? { options, random: seededRandom(options.seed) } : null;
  }

  private stormFault(method: string, rawPath: string, decodedPath: string): StubFault | undefined {
    if (!this.stormy) return undefined;
    const { options, random } = this.stormy;
    const match = options.match ?? { method: 'POST', pathIncludes: '/activities' };
    if (!matches(match, method, rawPath, decodedPath)) return undefined;
    const roll = random();
    if (roll < options.rate429) return { status: 429, retryAfterSeconds: options.retryAfterSeconds ?? 1 };
    if (roll < options.rate429 + options.rate500) return { status: 500 };
    return undefined;
  }

  limitRate(perSecond: number | null): void {
    this.rateLimit = perSecond;
    this.recentSends = [];
  }

  /** A sliding one-second window over activity sends, as the Bot Connector's throttling does. */
  private overRateLimit(method: string, path: string): boolean {
    if (this.rateLimit === null || method !== 'POST' || !path.includes('/activities')) return false;
    const now = Date.now();
    this.recentSends = this.recentSends.filter((at) => now - at < 1000);
    if (this.recentSends.length >= this.rateLimit) return true;
    this.recentSends.push(now);
    return false;
  }

  delayNext(n: number, ms: number, match: FaultMatch = {}): void {
    this.delays.push({ remaining: n, ms, match });
  }

  failNext(n: number, fault: StubFault, match: FaultMatch = {}): void {
    this.faults.push({ remaining: n, fault, match });
  }

  uploadUrl(name: string): string {
    return new URL(`uploads/${encodeURIComponent(name)}`, this.url).toString();
  }

  uploads(): Map<string, { data: Buffer; contentRange: string | undefined }> {
    return new Map(this.uploaded);
  }

  serveFile(path: string, body: Buffer, contentType = 'application/octet-stream'): string {
    const segments = ['files', ...path.split('/').filter((s) => s.length > 0 && s !== 'files')];
    this.files.set(`/${segments.join('/')}`, { data: body, contentType });
    return new URL(segments.map(encodeURIComponent).join('/'), this.url).toString();
  }

  sent(): SentActivity[] {
    return [...this.sentLog];
  }
  updates(): UpdatedActivity[] {
    return [...this.updateLog];
  }
  deletes(): DeletedActivity[] {
    return [...this.deleteLog];
  }
  requests(): RecordedRequest[] {
    return [...this.log];
  }

  waitForActivities(n: number, timeoutMs = 5000): Promise<SentActivity[]> {
    const probe = () => (this.sentLog.length >= n ? this.sentLog.slice(0, n) : undefined);
    return this.waitUntil(probe, timeoutMs, `expected ${n} sent activities, got ${this.sentLog.length}`);
  }

  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    return this.waitUntil(probe, timeoutMs, 'condition not met');
  }

  reset(): void {
    this.log.length = 0;
    this.sentLog.length = 0;
    this.updateLog.length = 0;
    this.deleteLog.length = 0;
    this.faults = [];
    this.delays = [];
  }

  async stop(): Promise<void> {
    for (const waiter of this.waiters) waiter.cancel(new Error('connector stub stopped'));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  describe(): string {
    const sent = this.sentLog.map(describeActivity);
    const requests = this.log.map((r) => `  ${r.method} ${r.path} → ${r.status}${r.failedWith ? ' (injected)' : ''}`);
    return [`sent activities (${sent.length}):`, ...sent, `requests (${requests.length}):`, ...requests].join('\n');
  }

  private waitUntil<T>(probe: () => T | undefined | null | false, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        outcome();
      };
      const waiter: Waiter = {
        check: () => {
          try {
            const value = probe();
            if (value !== undefined && value !== null && value !== false) finish(() => resolve(value));
          } catch (error) {
            finish(() => reject(error));
          }
        },
        cancel: (reason) => finish(() => reject(reason)),
      };
      const timer = setTimeout(() => {
        const message = `connector stub: ${what} within ${timeoutMs} ms\n${this.describe()}`;
        finish(() => reject(new Error(message)));
      }, timeoutMs);
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    if (method === 'PUT' && path.startsWith('/uploads/')) {
      // OneDrive's upload session: the file's bytes in one PUT with a Content-Range header.
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      const header = req.headers['content-range'];
      this.uploaded.set(decodeURIComponent(path.slice('/uploads/'.length)), {
        data: Buffer.concat(chunks),
        contentRange: Array.isArray(header) ? header[0] : header,
      });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'uploaded' }));
      return;
    }
    const { body, invalid } = await readBody(req);
    const url = new URL(path, 'http://stub');
    const decoded = url.pathname
      .split('/')
      .filter((s) => s.length > 0)
      .map(decodeSegment);
    const segments = apiSegments(decoded);
    const headers = flattenHeaders(req);
    const record: RecordedRequest = { method, path, body, headers, at: Date.now(), status: 0, ...idsFromPath(method, segments) };
    this.log.push(record);
    const delay = this.delays.find((entry) => entry.remaining > 0 && matches(entry.match, method, path, `/${decoded.join('/')}`));
    if (delay) {
      delay.remaining -= 1;
      // Unref'd: a held reply must not keep the test process alive after the stub and the test are done.
      await new Promise((resolve) => setTimeout(resolve, delay.ms).unref());
    }
    const fault = this.overRateLimit(method, path)
      ? ({ status: 429, retryAfterSeconds: 1 } as const)
      : (this.takeFault(method, path, `/${decoded.join('/')}`) ?? this.stormFault(method, path, `/${decoded.join('/')}`));
    let reply: Reply;
    if (fault) {
      record.failedWith = fault.status;
      reply = faultReply(fault);
    } else if (invalid) {
      reply = errorReply(400, 'BadSyntax', 'The request body is not valid JSON.');
    } else {
      const file = method === 'GET' ? this.files.get(`/${decoded.join('/')}`) : undefined;
      reply = file ? { status: 200, file } : this.route(method, segments, url.searchParams, record);
    }
    record.status = reply.status;
    writeReply(res, reply);
    for (const waiter of [...this.waiters]) waiter.check();
  }

  private takeFault(method: string, rawPath: string, decodedPath: string): StubFault | undefined {
    const entry = this.faults.find(({ remaining, match }) => remaining > 0 && matches(match, method, rawPath, decodedPath));
    if (!entry) return undefined;
    entry.remaining -= 1;
    return entry.fault;
  }

  private route(method: string, segments: string[], query: URLSearchParams, record: RecordedRequest): Reply {
    const [version, collection, id, sub, subId, ...rest] = segments;
    if (version === 'v3' && collection === 'conversations' && rest.length === 0) {
      if (id === undefined && method === 'POST') return this.createConversation(record);
      if (id !== undefined && sub === 'activities') return this.activityRoute(method, id, subId, record);
      if (id !== undefined && method === 'GET' && sub === 'members') return this.memberRoute(id, subId);
      if (id !== undefined && method === 'GET' && sub === 'pagedmembers' && subId === undefined) {
        return this.pagedMembers(id, query);
      }
    }
    if (version === 'v3' && collection === 'teams' && id !== undefined && method === 'GET' && subId === undefined) {
      return this.teamRoute(id, sub);
    }
    return errorReply(404, 'NotFound', `connector stub has no route for ${method} /${segments.join('/')}`);
  }

  private activityRoute(method: string, conversationId: string, activityId: string | undefined, record: RecordedRequest): Reply {
    if (method === 'POST' && activityId !== 'history') return this.send(conversationId, activityId, record);
    if (activityId === undefined) return errorReply(405, 'BadArgument', `${method} needs an activity id`);
    if (method === 'DELETE') {
      this.deleteLog.push({ conversationId, activityId, at: record.at });
      return { status: 200 };
    }
    if (method !== 'PUT') return errorReply(405, 'BadArgument', `${method} is not supported on an activity`);
    const parsed = ActivitySchema.safeParse(record.body);
    if (!parsed.success) return errorReply(400, 'BadArgument', `Invalid activity: ${parsed.error.message}`);
    this.updateLog.push({ conversationId, activityId, activity: parsed.data, at: record.at });
    return { status: 200, json: { id: activityId } };
  }

  private send(conversationId: string, replyToId: string | undefined, record: RecordedRequest): Reply {
    const parsed = ActivitySchema.safeParse(record.body);
    if (!parsed.success) return errorReply(400, 'BadArgument', `Invalid activity: ${parsed.error.message}`);
    const id = this.newActivityId();
    this.recordSend({ conversationId, id, replyToId, activity: parsed.data, at: record.at });
    record.activityId = id;
    return { status: 200, json: { id } };
  }

  private newActivityId(): string {
    this.nextId += 1;
    return String(this.nextId);
  }

  private recordSend(sent: SentActivity): void {
    if (sent.activity.type !== 'typing') this.sentLog.push(sent);
  }

  /** Personal: the bot↔user chat id (stable per user, as in Teams). Channel post: `<channel>;messageid=<id>`. */
  private createConversation(record: RecordedRequest): Reply {
    const parsed = ConversationParametersSchema.safeParse(record.body);
    if (!parsed.success) return errorReply(400, 'BadSyntax', `Invalid conversation parameters: ${parsed.error.message}`);
    const params = parsed.data;
    if (!params.tenantId && !params.channelData?.tenant?.id) {
      return errorReply(400, 'BadSyntax', 'Incorrect conversation creation parameters: tenant id is required.');
    }
    const channelId = params.channelData?.channel?.id;
    if (channelId && !params.activity) return errorReply(400, 'BadSyntax', 'A channel post needs an activity.');
    const conversationId = channelId ? undefined : this.personalIdFor(params);
    if (!channelId && !conversationId) return errorReply(400, 'BadSyntax', 'No members given.');
    if (!params.activity) {
      record.conversationId = conversationId;
      return { status: 201, json: { id: conversationId } };
    }
    const activityId = this.newActivityId();
    const id = conversationId ?? `${channelId};messageid=${activityId}`;
    this.recordSend({ conversationId: id, id: activityId, activity: params.activity, at: record.at });
    Object.assign(record, { conversationId: id, activityId });
    return { status: 201, json: { id, activityId } };
  }

  private personalIdFor(params: ConversationParameters): string | undefined {
    const member = params.members?.[0];
    if (!member) return undefined;
    const aadObjectId = member.aadObjectId ?? this.findMember(member.id)?.aadObjectId ?? member.id;
    return personalConversationId(aadObjectId);
  }

  /** By Teams user id, Entra object id, or (as Teams accepts) e-mail/UPN, case-insensitively for the last two. */
  private findMember(memberId: string, among: readonly StubMember[] = this.roster): StubMember | undefined {
    const key = memberId.toLowerCase();
    return among.find(
      (m) =>
        m.id === memberId ||
        m.aadObjectId.toLowerCase() === key ||
        m.email.toLowerCase() === key ||
        m.userPrincipalName.toLowerCase() === key,
    );
  }

  /**
   * Who is in a conversation, as Teams answers it: a personal chat (`a:personal-<aad>`) has only
   * its user; a team (by its id or one of its channels) its `members` when given; anything else
   * the whole roster.
   */
  private membersOf(conversationId: string): StubMember[] {
    const personal = /^a:personal-(.+)$/u.exec(conversationId);
    if (personal) return this.roster.filter((m) => m.aadObjectId.toLowerCase() === personal[1]!.toLowerCase());
    const channel = conversationId.split(';')[0]!;
    const team = [...this.teams.values()].find((t) => t.id === channel || (t.channels ?? []).some((c) => c.id === channel));
    if (!team?.members) return this.roster;
    const emails = new Set(team.members.map((email) => email.toLowerCase()));
    return this.roster.filter((m) => emails.has(m.email.toLowerCase()));
  }

  private memberRoute(conversationId: string, memberId: string | undefined): Reply {
    const members = this.membersOf(conversationId);
    if (memberId === undefined) return { status: 200, json: members.map(memberJson) };
    const member = this.findMember(memberId, members);
    if (member) return { status: 200, json: memberJson(member) };
    return errorReply(404, 'MemberNotFoundInConversation', `The member ${memberId} was not found in the conversation.`);
  }

  /** `continuationToken` is the offset of the next page; Teams' token is just as opaque. */
  private pagedMembers(conversationId: string, query: URLSearchParams): Reply {
    const roster = this.membersOf(conversationId);
    const pageSize = Number(query.get('pageSize') ?? 200) || 200;
    const offset = Number(query.get('continuationToken') ?? 0) || 0;
    const members = roster.slice(offset, offset + pageSize).map(memberJson);
    const next = offset + pageSize < roster.length ? String(offset + pageSize) : undefined;
    return { status: 200, json: { members, continuationToken: next } };
  }

  private teamRoute(teamId: string, sub: string | undefined): Reply {
    const team = this.teams.get(teamId);
    if (!team) return errorReply(404, 'NotFound', `Team ${teamId} was not found.`);
    const channels = team.channels ?? [{ id: team.id, name: 'General' }];
    if (sub === 'conversations') return { status: 200, json: { conversations: channels } };
    if (sub !== undefined) return errorReply(404, 'NotFound', `connector stub has no route for teams/${sub}`);
    return {
      status: 200,
      json: { id: team.id, name: team.name, aadGroupId: team.aadGroupId, channelCount: channels.length, memberCount: this.roster.length },
    };
  }
}

function memberJson(member: StubMember): Record<string, unknown> {
  const [givenName, ...rest] = member.name.split(' ');
  return {
    ...member,
    givenName: member.givenName ?? givenName,
    surname: member.surname ?? rest.join(' '),
    userRole: 'user',
  };
}

function idsFromPath(method: string, segments: string[]): Partial<RecordedRequest> {
  const [version, collection, conversationId, sub, subId] = segments;
  if (version !== 'v3' || collection !== 'conversations' || conversationId === undefined) return {};
  if (sub !== 'activities' || subId === undefined) return { conversationId };
  return method === 'POST' ? { conversationId, replyToId: subId } : { conversationId, activityId: subId };
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Real serviceUrls carry a region prefix (`…/emea/`); dropping everything before `v3` lets tests use one too. */
function apiSegments(segments: string[]): string[] {
  const start = segments.indexOf('v3');
  return start > 0 ? segments.slice(start) : segments;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function faultReply(fault: StubFault): Reply {
  const code = ('code' in fault ? fault.code : undefined) ?? FAULT_CODES[fault.status] ?? 'ServiceError';
  const headers = fault.status === 429 ? { 'Retry-After': String(fault.retryAfterSeconds ?? 0) } : undefined;
  return errorReply(fault.status, code, `Injected by the connector stub (${fault.status} ${code}).`, headers);
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; invalid: boolean }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { body: undefined, invalid: false };
  try {
    return { body: JSON.parse(text) as unknown, invalid: false };
  } catch {
    return { body: text, invalid: true };
  }
}

function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.file) {
    res.writeHead(reply.status, { ...headers, 'content-type': reply.file.contentType });
    res.end(reply.file.data);
    return;
  }
  if (reply.json === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(reply.json));
}

/** Starts a stub on 127.0.0.1 with an OS-assigned port. Call `stop()` in afterAll. */
function matches(match: FaultMatch, method: string, rawPath: string, decodedPath: string): boolean {
  return (
    (!match.method || match.method.toUpperCase() === method) &&
    (!match.pathIncludes || rawPath.includes(match.pathIncludes) || decodedPath.includes(match.pathIncludes))
  );
}

export async function startConnectorStub(): Promise<ConnectorStub> {
  const server = createServer();
  const stub = new ConnectorStubServer(server);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    stub.handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`connector stub crashed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  stub.url = `http://127.0.0.1:${port}/`;
  return stub;
}
