/**
 * Uploads a file to the URL Teams gave after a file consent (an upload session in the person's
 * OneDrive): one PUT with Content-Range. Only https, unless running locally without credentials.
 */
export async function uploadFile(url: string, bytes: Buffer, allowHttp: boolean): Promise<{ ok: true } | { ok: false; detail: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, detail: 'not a URL' };
  }
  if (parsed.protocol !== 'https:' && !(allowHttp && parsed.protocol === 'http:'))
    return { ok: false, detail: `refused protocol ${parsed.protocol}` };
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-length': String(bytes.length), 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
    body: bytes,
    signal: AbortSignal.timeout(60_000),
  }).catch((error: unknown) => error);
  if (!(response instanceof Response)) return { ok: false, detail: String(response) };
  await response.body?.cancel();
  return response.ok ? { ok: true } : { ok: false, detail: `HTTP ${response.status}` };
}
