import type { ConnectorClient } from 'botframework-connector';

/**
 * The part of the Azure HTTP pipeline inside botframework-connector's ConnectorClient that this
 * module uses. It is not public API (`ServiceClientContext.client` is private), so it is reached
 * through this narrow shape and checked at run time: if it ever changes, calls go out unbounded and
 * `attached` says so, rather than the bot failing.
 */
interface PipelineRequest {
  url: string;
  abortSignal?: AbortSignal;
}
interface PipelinePolicy {
  name: string;
  sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<unknown>): Promise<unknown>;
}
interface Pipeline {
  addPolicy(policy: PipelinePolicy, options?: { beforePolicies?: string[]; afterPolicies?: string[] }): void;
  getOrderedPolicies(): Array<{ name: string }>;
}

const RETRY_POLICY = 'defaultRetryPolicy';
/** A connection that cannot be made now will not be made a second later: fail at once, without the pipeline's retries. */
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

/** A failed call to Teams that the pipeline must not retry (it retries only its own RestError). */
export class ConnectorCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConnectorCallError';
  }
}

/**
 * Bounds every call of `client` to Teams: the whole call, retries and their waits included, ends
 * after `totalMs`; a refused or unresolvable connection fails at once instead of being retried for
 * seconds. Returns false when the client's pipeline could not be reached (calls then go out as before).
 */
export function boundConnectorCalls(client: ConnectorClient, totalMs: number): boolean {
  const pipeline = (client as unknown as { client?: { pipeline?: Partial<Pipeline> } }).client?.pipeline;
  if (typeof pipeline?.addPolicy !== 'function' || typeof pipeline.getOrderedPolicies !== 'function') return false;
  const names = pipeline.getOrderedPolicies().map((policy) => policy.name);
  if (!names.includes(RETRY_POLICY)) return false;
  if (names.includes('utfallConnectorBudget')) return true;
  pipeline.addPolicy(
    {
      name: 'utfallConnectorBudget',
      async sendRequest(request, next) {
        const budget = AbortSignal.timeout(totalMs);
        request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal, budget]) : budget;
        try {
          return await next(request);
        } catch (error) {
          if (!budget.aborted) throw error;
          throw new ConnectorCallError(`Teams did not answer within ${totalMs} ms (${hostOf(request.url)})`, 'CONNECTOR_TIMEOUT', {
            cause: error,
          });
        }
      },
    },
    { beforePolicies: [RETRY_POLICY] },
  );
  pipeline.addPolicy(
    {
      name: 'utfallConnectFailFast',
      async sendRequest(request, next) {
        try {
          return await next(request);
        } catch (error) {
          const code = (error as { code?: unknown } | null)?.code;
          if (typeof code !== 'string' || !CONNECT_FAILURES.has(code)) throw error;
          throw new ConnectorCallError(`Could not connect to ${hostOf(request.url)} (${code})`, code, { cause: error });
        }
      },
    },
    { afterPolicies: [RETRY_POLICY] },
  );
  return true;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}
