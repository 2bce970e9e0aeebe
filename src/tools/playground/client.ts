import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { stopProcess } from '../../child-process';
import path from 'node:path';

export interface PlaygroundClient {
  /** http://localhost:PORT, the page a person opens. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface PlaygroundClientOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** 0 picks a free port. */
  port: number;
  /** Holds .m365agentsplayground.yml; the playground also writes its log there (devTools/). */
  configDir: string;
  /** The environment the playground runs with (the caller's own, usually). */
  env: Readonly<Record<string, string | undefined>>;
  startTimeoutMs?: number;
}

/**
 * Starts the Microsoft 365 Agents Playground (a devDependency) as a child process and waits until
 * it answers. It behaves like Teams toward the bot and hosts the Bot Connector the bot replies to.
 */
export async function startPlaygroundClient(options: PlaygroundClientOptions): Promise<PlaygroundClient> {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(
    process.execPath,
    [cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      cwd: options.configDir,
      // Without these it probes cloud hosts for statsbeat and tries to open a browser.
      env: { ...options.env, APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = () => stopProcess(child);
  try {
    const port = await listeningPort(child, options.startTimeoutMs ?? 60_000);
    const url = `http://localhost:${port}`;
    await waitForPing(url, options.configDir, options.startTimeoutMs ?? 60_000);
    return { url, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`The Agents Playground did not start within ${timeoutMs} ms. It printed:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        // Stop collecting: the playground keeps printing for as long as it runs.
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The Agents Playground exited (code ${code}) before it listened. It printed:\n${output}`));
    });
  });
}

/** An invalid config file leaves the server listening but broken (/_debug/ping 404), the reason only in its log. */
async function waitForPing(url: string, configDir: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/_debug/ping`);
      const body = await response.text();
      if (response.ok && body.includes('pong')) return;
      last = `${response.status} ${body.slice(0, 200)}`;
      if (response.status === 404) break;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const log = await readFile(path.join(configDir, 'devTools', 'm365agentsplayground.log'), 'utf8').catch(() => '(no log)');
  throw new Error(`The Agents Playground at ${url} is not ready (${last}). The end of its log:\n${log.slice(-2000)}`);
}
