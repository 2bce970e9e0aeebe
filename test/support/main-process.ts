import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LOCAL_SERVICE_URLS } from './service';

export interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  port: number;
}

/** Runs the built service in `root` as `npm start` does and waits for its "listening" log line. */
export async function startMain(options: { root: string; env: Record<string, string> }): Promise<Started> {
  const main = path.join(options.root, 'dist/src/main.js');
  const env = options.env;
  if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" (npm test does) first.`);
  const child = spawn(process.execPath, [main], {
    cwd: options.root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SERVICE_URL_ALLOWLIST: LOCAL_SERVICE_URLS,
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a stray service behind a failed test
      reject(new Error(`no "listening" line within 15 s:\n${output}`));
    }, 15_000);
    const check = () => {
      const match = /"port":(\d+),"authDisabled":\w+,"msg":"listening"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
  return { child, output: () => output, port };
}

export function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, ms: Date.now() - started })));
}

export async function waitForReady(port: number): Promise<number> {
  for (let i = 0; i < 100; i += 1) {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    if (response?.status === 200) return 200;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 503;
}
