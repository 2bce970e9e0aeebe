import restify, { type Next, type Request, type Response } from 'restify';
import type { TurnContext } from 'botbuilder';
import { REQUEST_ORIGIN, type UtfallAdapter } from '../bot/adapter';
import type { Logger } from '../logger';
import { ActivityEnvelope } from './activity-envelope';
import { looksLikeBotFrameworkJwt } from './jwt-shape';
import { isAllowedTenant, tenantsOf } from './tenant';
import { registerReportRoute, type ServeReport } from './report-route';

export interface ServerDeps {
  port: number;
  host: string;
  adapter: UtfallAdapter;
  /** The bot's turn logic; the adapter calls it once authentication has passed. */
  runTurn: (context: TurnContext) => Promise<unknown>;
  /** False until the database is connected: activities then get 503 so the Bot Connector retries. */
  acceptingTurns: () => boolean;
  /** Readiness: true when the database answers. */
  isReady: () => Promise<boolean>;
  logger: Logger;
  /** True when BOT_ID is set: every request must then carry a Bot Framework JWT. */
  authRequired: boolean;
  /** ALLOWED_TENANTS (or BOT_TENANT_ID): an activity from any other tenant gets 403 and runs no turn; empty: any. */
  allowedTenants?: readonly string[];
  maxBodyBytes?: number;
  /** Opens a signed report link (GET /rapport/<token>.<format>); absent: no report route. */
  serveReport?: ServeReport;
}

export interface RunningServer {
  port: number;
  url: string;
  /** Stops accepting, lets in-flight turns finish (up to graceMs), then closes. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * The one place that knows restify. A request body is checked to be an activity-shaped object
 * before botbuilder sees it (see ActivityEnvelope), and authentication is decided here: any
 * failure to validate a token is 401 with a neutral body, never a 5xx or an internal message.
 */
export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  // A report link's token is one path segment of a few hundred characters; the router's default cap is 100.
  const server = restify.createServer({ name: 'utfall', handleUncaughtExceptions: false, maxParamLength: 9000 } as restify.ServerOptions);
  // Only JSON is read. restify's bodyParser would also hand multipart bodies to formidable, which
  // writes them to the temp directory before any token is checked and ignores maxBodySize.
  server.pre((req: Request, res: Response, next: Next) => {
    if (req.method === 'POST' && !req.is('application/json')) {
      res.send(415, { error: 'The body must be JSON (Content-Type: application/json).' });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.bodyReader({ maxBodySize: deps.maxBodyBytes ?? 1024 * 1024 }));
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true }));
  let inFlight = 0;
  let draining = false;

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (draining || !deps.acceptingTurns()) {
      res.header('Retry-After', '5');
      res.send(503, { error: draining ? 'shutting down' : 'starting' });
      return;
    }
    const envelope = ActivityEnvelope.safeParse(req.body);
    if (!envelope.success) {
      deps.logger.warn({ issues: envelope.error.issues.slice(0, 5) }, 'rejected a request that is not an activity');
      res.send(400, { error: 'The body must be a Bot Framework activity this bot handles (type, from.id, conversation.id).' });
      return;
    }
    const authorization = req.header('authorization') ?? '';
    if (deps.authRequired && !looksLikeBotFrameworkJwt(authorization)) {
      deps.logger.warn({ activityType: envelope.data.type }, 'rejected an unsigned or malformed token');
      res.send(401, { error: 'Unauthorized' });
      return;
    }
    inFlight += 1;
    try {
      const origin = requestOrigin(req);
      let foreignTenant = false;
      const outcome = await deps.adapter.authenticateAndProcess(envelope.data, authorization, (context) => {
        // After the token is validated (with BOT_ID, the activity comes from the Bot Connector), before any turn.
        if (!isAllowedTenant(context.activity, deps.allowedTenants ?? [])) {
          foreignTenant = true;
          return Promise.resolve();
        }
        context.turnState.set(REQUEST_ORIGIN, origin);
        return deps.runTurn(context).then(() => undefined);
      });
      if (outcome.kind === 'unauthorized') {
        // Also when the signing keys could not be fetched: the caller learns nothing about why.
        deps.logger.warn(
          { activityType: envelope.data.type, reason: outcome.reason.slice(0, 300) },
          'rejected a request whose token did not validate',
        );
        res.send(401, { error: 'Unauthorized' });
        return;
      }
      if (foreignTenant) {
        deps.logger.warn(
          { activityType: envelope.data.type, tenants: tenantsOf(envelope.data).map((id) => id.slice(0, 64)) },
          'refused an activity from a tenant not on ALLOWED_TENANTS',
        );
        res.send(403, { error: 'Forbidden' });
        return;
      }
      const invoke = outcome.invokeResponse;
      if (invoke?.body === undefined) res.send(invoke?.status ?? 200);
      else res.send(invoke.status, invoke.body);
    } catch (error) {
      deps.logger.error({ err: error }, 'turn failed outside the bot');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight -= 1;
    }
  });

  if (deps.serveReport) registerReportRoute(server, deps.serveReport, deps.logger);

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = !draining && (await deps.isReady());
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
  });

  server.on('restifyError', (req: Request, _res: Response, err: Error, callback: () => void) => {
    deps.logger.warn({ path: req.path(), err: err.message }, 'request error');
    callback();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host, () => resolve());
  });
  const address = server.address();
  const port = address.port;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async stop(graceMs = 8_000) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      server.server.closeAllConnections();
      await closed;
    },
  };
}

/** https://host as the caller reached us (App Service sets X-Forwarded-Proto); http only for a local host. */
function requestOrigin(req: Request): string {
  const host = String(req.header('host') ?? '').trim();
  const forwarded = String(req.header('x-forwarded-proto') ?? '')
    .split(',')[0]!
    .trim();
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const protocol = forwarded === 'http' || forwarded === 'https' ? forwarded : local ? 'http' : 'https';
  return /^[A-Za-z0-9.:[\]-]{1,300}$/.test(host) ? `${protocol}://${host}` : '';
}
