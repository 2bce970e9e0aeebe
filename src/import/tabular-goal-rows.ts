import type { IndicatorField } from './tabular-headers';
import type { RowFacts } from './tabular-rows';
import { rowIssue, slugOf, type TreeContext } from './tabular-context';

type Structural = 'unitKey' | 'year' | 'perspective' | 'area' | 'goal' | 'owners';

const STRUCTURAL: readonly { fact: Structural; field: IndicatorField; required: boolean }[] = [
  { fact: 'unitKey', field: 'unitKey', required: true },
  { fact: 'year', field: 'planYear', required: true },
  { fact: 'perspective', field: 'perspective', required: true },
  { fact: 'area', field: 'area', required: false },
  { fact: 'goal', field: 'goal', required: true },
  { fact: 'owners', field: 'goalOwner', required: true },
];

/**
 * Completes a row from its goal's first row. Spreadsheets repeat (or merge, or leave blank) the
 * goal cells on every indicator row: a blank cell inherits, a different one is a conflict. The
 * first row of a goal must carry them all. Returns undefined when the row cannot be placed.
 */
export function resolveGoalRow(context: TreeContext, facts: RowFacts, base: RowFacts | undefined): RowFacts | undefined {
  if (facts.goalKey === '') {
    rowIssue(context, 'missing_value', facts.row, 'goalKey', '');
    return undefined;
  }
  if (base === undefined) {
    const missing = STRUCTURAL.filter(({ fact, required }) => required && isBlank(facts, fact));
    for (const { field } of missing) rowIssue(context, 'missing_value', facts.row, field, '');
    return missing.length === 0 ? facts : undefined;
  }
  const resolved: RowFacts = { ...facts };
  for (const { fact, field } of STRUCTURAL) {
    if (isBlank(facts, fact)) {
      Object.assign(resolved, { [fact]: base[fact] });
    } else if (comparable(facts, fact) !== comparable(base, fact)) {
      rowIssue(context, 'conflicting_values', facts.row, field, shown(facts, fact), String(base.row));
      Object.assign(resolved, { [fact]: base[fact] });
    }
  }
  return resolved;
}

function isBlank(facts: RowFacts, fact: Structural): boolean {
  const value = facts[fact];
  if (value === undefined) return true;
  return typeof value === 'number' ? false : value.length === 0;
}

// Perspectives and areas are grouped by the key fragment of their name, so compare those.
function comparable(facts: RowFacts, fact: Structural): string {
  switch (fact) {
    case 'perspective':
    case 'area':
      return slugOf(facts[fact]);
    case 'owners':
      return facts.owners.map((owner) => owner.toLowerCase()).join(',');
    default:
      return String(facts[fact]);
  }
}

function shown(facts: RowFacts, fact: Structural): string {
  return fact === 'owners' ? facts.owners.join(', ') : String(facts[fact]);
}
