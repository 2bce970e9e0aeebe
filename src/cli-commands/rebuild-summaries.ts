import type { MongoConnection } from '../store/mongo';
import { summaryReaders } from '../services/rollups';
import { PlanRepository } from '../store/plan-repository';
import { ResponseRepository } from '../store/response-repository';
import { RollupRepository } from '../store/rollup-repository';

/**
 * `npm run cli -- rebuild-summaries`: every period's summary roll-ups built again from the answers
 * (after a restore, or to rule them out when a summary looks wrong). Safe while the service runs:
 * each roll-up is written whole and checked against what it was built from.
 */
export async function rebuildSummaries({ db }: Pick<MongoConnection, 'db'>): Promise<string> {
  const plans = new PlanRepository(db);
  const { rollups } = summaryReaders(plans, new ResponseRepository(db), new RollupRepository(db));
  const started = Date.now();
  const periods = await rollups.rebuildAll();
  return `Sammanfattningarna är uppbyggda på nytt: ${periods} perioder på ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} s.`;
}
