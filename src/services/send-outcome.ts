import { backoffMs, type JobOutcome } from './job-runner';
import type { SendFailure } from './messenger';

/**
 * What a failed send to the Bot Connector means for the job (SPEC §7): 429 waits for Retry-After,
 * 412/5xx retry with backoff, 403 (blocked or uninstalled), 404, 400 and 401 are permanent.
 */
export function outcomeOfFailedSend(failure: SendFailure, attempts: number): JobOutcome & { permanentCode?: string } {
  const { status, code } = failure;
  const message = `${status ?? 'network'} ${code ?? ''} ${failure.message}`.trim();
  if (status === 429) {
    return { status: 'retry', afterMs: failure.retryAfterMs ?? backoffMs(attempts), error: message, rateLimited: true };
  }
  if (status === 403 || status === 404 || status === 400 || status === 401) {
    return { status: 'failed', error: message, permanentCode: code ?? String(status) };
  }
  return { status: 'retry', afterMs: backoffMs(attempts), error: message };
}
