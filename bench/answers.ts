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
