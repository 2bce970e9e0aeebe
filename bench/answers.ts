import { performance } from 'node:perf_hooks';
import type { RunningService } from '../src/service';
import type { ConnectorStub } from '../test/support/connector-stub';
import { invokeAdaptiveCardAction, makePerson, postActivity } from '../test/support/activities';

interface FanoutResult {
  service: RunningService;
  stub: ConnectorStub;
  owners: number;
}

/**
 * Answer handling under load: `concurrent` owners at once each open their goal form and save it
 * (card action in over HTTP, validated, stored, next card out), as Teams would send the invokes.
 */
export async function benchAnswers(fanout: FanoutResult, concurrent: number): Promise<void> {
  const { service, stub } = fanout;
  const endpoint = `${service.server.url}/api/messages`;
  const count = Math.min(concurrent, fanout.owners);
  const targets = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const goal = await service.repositories.plans.findGoal(`G${i}`);
      return { person: makePerson(`agare${i}@region.example`), goal: `G${i}`, period: `${goal?.plan ?? ''}/T1` };
    }),
  );
  const latencies: number[] = [];
  const invoke = async (person: ReturnType<typeof makePerson>, verb: string, data: unknown) => {
    const started = performance.now();
    const response = await postActivity(endpoint, invokeAdaptiveCardAction({ serviceUrl: stub.url, person, verb, data }));
    latencies.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`invoke answered ${response.status}`);
    return JSON.stringify(response.body);
  };
  const started = performance.now();
  const results = await Promise.all(
    targets.map(async ({ person, goal, period }) => {
      await invoke(person, 'goal.open', { period, goal });
      const fields: Record<string, string> = { [`${goal}.assessment`]: 'achieved', [`${goal}.analysis`]: '' };
      const versions: Record<string, number> = { [goal]: 0 };
      for (const i of [1, 2, 4]) {
        fields[`${goal}-I${i}.outcome`] = `${60 + i},${i} %`;
        fields[`${goal}-I${i}.comment`] = 'Enligt plan.';
        if (i % 2 === 0) versions[`${goal}-I${i}`] = 0;
      }
      return invoke(person, 'goal.save', { period, goal, versions, ...fields });
    }),
  );
  const elapsed = performance.now() - started;
  const saved = results.filter((body) => body.includes('Sparat') || body.includes('tack')).length;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  console.log(`Answer handling: ${count} owners at once, each opens the goal form and saves it (2 invokes each)`);
  console.log(
    `  saved: ${saved}/${count}; ${((count * 2) / (elapsed / 1000)).toFixed(0)} invokes/s, ${(saved / (elapsed / 1000)).toFixed(0)} saves/s over ${(elapsed / 1000).toFixed(2)} s`,
  );
  console.log(
    `  invoke latency p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, max ${pct(100).toFixed(0)} ms (Teams allows 5 s)\n`,
  );
}

/**
 * One owner at a time at a steady pace: every 1/rate s another owner opens their goal form and
 * saves it (owners not used by benchAnswers), as single clicks arrive on an ordinary day.
 */
export async function benchSteadySaves(fanout: FanoutResult, firstOwner: number, rate: number, seconds: number): Promise<void> {
  const { service, stub } = fanout;
  const endpoint = `${service.server.url}/api/messages`;
  const count = Math.min(Math.round(rate * seconds), fanout.owners - firstOwner);
  const opens: number[] = [];
  const saves: number[] = [];
  const invoke = async (into: number[], person: ReturnType<typeof makePerson>, verb: string, data: unknown) => {
    const started = performance.now();
    const response = await postActivity(endpoint, invokeAdaptiveCardAction({ serviceUrl: stub.url, person, verb, data }));
    into.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`invoke answered ${response.status}`);
    return JSON.stringify(response.body);
  };
  let saved = 0;
  const started = performance.now();
  const runs: Promise<void>[] = [];
  for (let n = 0; n < count; n += 1) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const i = firstOwner + n;
    runs.push(
      (async () => {
        const goal = `G${i}`;
        const plan = (await service.repositories.plans.findGoal(goal))?.plan ?? '';
        const person = makePerson(`agare${i}@region.example`);
        const period = `${plan}/T1`;
        await invoke(opens, person, 'goal.open', { period, goal });
        const fields: Record<string, string> = { [`${goal}.assessment`]: 'achieved', [`${goal}.analysis`]: '' };
        for (const k of [1, 2, 4]) fields[`${goal}-I${k}.outcome`] = `${60 + k},${k} %`;
        const body = await invoke(saves, person, 'goal.save', {
          period,
          goal,
          versions: { [goal]: 0, [`${goal}-I2`]: 0, [`${goal}-I4`]: 0 },
          ...fields,
        });
        if (body.includes('Sparat') || body.includes('tack')) saved += 1;
      })(),
    );
  }
  await Promise.all(runs);
  const elapsed = (performance.now() - started) / 1000;
  const pct = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  };
  console.log(`One owner at a time, ${rate} saves/s for ${seconds} s (each opens the goal form, then saves)`);
  console.log(`  saved: ${saved}/${count} in ${elapsed.toFixed(1)} s (${(saved / elapsed).toFixed(1)} saves/s)`);
  console.log(`  goal.open p50 ${pct(opens, 50).toFixed(0)} ms, p99 ${pct(opens, 99).toFixed(0)} ms`);
  console.log(
    `  goal.save p50 ${pct(saves, 50).toFixed(0)} ms, p99 ${pct(saves, 99).toFixed(0)} ms, max ${pct(saves, 100).toFixed(0)} ms\n`,
  );
}
