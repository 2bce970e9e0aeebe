import type { PlanFileInput } from '../src/domain/plan-format';

export interface RegionSize {
  owners: number;
  goalsPerOwner: number;
  indicatorsPerGoal: number;
  plans: number;
}

/**
 * A large region in the import format: one region board, administrations and units beneath it,
 * one plan per unit, goals spread over four perspectives, each owner owning `goalsPerOwner` goals
 * and every second indicator owned by a colleague (so goal owners and indicator owners differ).
 */
export function syntheticRegion(size: RegionSize): PlanFileInput {
  const units = [{ key: 'R', name: 'Regionstyrelsen' }];
  const plans: PlanFileInput['plans'] = [];
  const goalsPerPlan = Math.ceil((size.owners * size.goalsPerOwner) / size.plans);
  let goalNumber = 0;
  for (let p = 0; p < size.plans; p += 1) {
    const admin = `F${Math.floor(p / 10)}`;
    if (p % 10 === 0) units.push({ key: admin, name: `Förvaltning ${Math.floor(p / 10) + 1}`, parent: 'R' } as (typeof units)[number]);
    const unit = `${admin}-E${p}`;
    units.push({ key: unit, name: `Enhet ${p + 1}`, parent: admin } as (typeof units)[number]);
    const perspectives = ['Medborgare', 'Verksamhet', 'Medarbetare', 'Ekonomi'].map((name, index) => ({
      key: `${unit}-P${index}`,
      name,
      goals: [] as NonNullable<PlanFileInput['plans'][number]['perspectives'][number]['goals']>,
    }));
    for (let g = 0; g < goalsPerPlan && goalNumber < size.owners * size.goalsPerOwner; g += 1, goalNumber += 1) {
      const owner = `agare${goalNumber % size.owners}@region.example`;
      const colleague = `agare${(goalNumber + 1) % size.owners}@region.example`;
      const key = `G${goalNumber}`;
      perspectives[g % 4]!.goals.push({
        key,
        title: `Mål ${goalNumber}: verksamheten ska utvecklas hållbart och med god kvalitet för invånarna`,
        owners: [owner],
        indicators: Array.from({ length: size.indicatorsPerGoal }, (_, i) => ({
          key: `${key}-I${i}`,
          name: `Mätetal ${i + 1} för mål ${goalNumber}: andel (%) av verksamheten som når kvalitetsmålet`,
          owner: i % 2 === 0 ? owner : colleague,
          valueType: 'percent' as const,
          unit: '%',
          direction: (['increase', 'decrease', 'atLeast', 'maintain'] as const)[i % 4]!,
          baseline: 50 + (i % 7),
          target: 60 + (i % 5),
          periods: i % 3 === 0 ? ['ÅR'] : ['T1', 'T2', 'ÅR'],
        })),
      });
    }
    plans.push({
      key: `${unit}-2026`,
      unit,
      year: 2026,
      name: `Verksamhetsplan 2026 – Enhet ${p + 1}`,
      periods: [
        { code: 'T1', label: 'Tertial 1 2026', opens: '2026-04-30', deadline: '2026-05-12', closes: '2026-05-20' },
        { code: 'T2', label: 'Tertial 2 2026', opens: '2026-08-31', deadline: '2026-09-11', closes: '2026-09-18' },
        { code: 'ÅR', label: 'Helår 2026', opens: '2027-01-08', deadline: '2027-01-22', closes: '2027-02-01' },
      ],
      perspectives,
    });
  }
  return { organisation: 'Region Syntet', units, plans };
}
