import { editDistance, foldText } from './commands';
import type { Unit } from './plan';

export interface UnitMatch {
  units: Unit[];
  /** What was typed that matches no unit, each with the nearest unit name when one is close. */
  unknown: { typed: string; suggestion: string | null }[];
}

/**
 * Reads one or more units from what a coordinator typed after a command: a unit key ("RS") or name
 * ("Regionstyrelsen"), case- and accent-insensitive. The whole text is tried as one name first (names
 * have spaces), then parts separated by commas or "och"/"and", then single words.
 */
export function matchUnits(units: readonly Unit[], text: string): UnitMatch {
  const byFolded = new Map<string, Unit>();
  for (const unit of units) {
    byFolded.set(fold(unit.key), unit);
    if (!byFolded.has(fold(unit.name))) byFolded.set(fold(unit.name), unit);
  }
  const found = new Map<string, Unit>();
  const unknown: UnitMatch['unknown'] = [];
  // Widest reading first: a whole part that is a name wins over splitting it ("Kultur och fritid").
  const read = (part: string, splitters: RegExp[]): void => {
    const trimmed = part.trim();
    if (trimmed === '') return;
    const unit = byFolded.get(fold(trimmed));
    if (unit) return void found.set(unit.key, unit);
    const [splitter, ...rest] = splitters;
    const pieces = splitter ? trimmed.split(splitter) : [trimmed];
    if (!splitter || pieces.length === 1)
      return splitter ? read(trimmed, rest) : void unknown.push({ typed: trimmed, suggestion: nearestName(units, trimmed) });
    for (const piece of pieces) read(piece, rest);
  };
  read(text, [/\s*,\s*/, /\s+(?:och|and|&)\s+/i, /\s+/]);
  return { units: [...found.values()], unknown };
}

function fold(text: string): string {
  return foldText(text.trim().replace(/\s+/g, ' '));
}

function nearestName(units: readonly Unit[], typed: string): string | null {
  const folded = fold(typed);
  const prefix = units.find((unit) => fold(unit.name).startsWith(folded) || fold(unit.key).startsWith(folded));
  if (prefix && folded.length >= 3) return prefix.name;
  return closest(units, folded);
}

function closest(units: readonly Unit[], folded: string): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const unit of units) {
    for (const candidate of [fold(unit.key), fold(unit.name)]) {
      const distance = editDistance(folded, candidate);
      if (!best || distance < best.distance) best = { name: unit.name, distance };
    }
  }
  return best && best.distance <= Math.max(1, Math.floor(folded.length / 3)) ? best.name : null;
}
