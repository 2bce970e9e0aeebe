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
  const whole = byFolded.get(fold(text));
  if (whole) return { units: [whole], unknown: [] };
  const listed = text.split(/\s*,\s*|\s+(?:och|and|&)\s+/i).filter((part) => part.trim() !== '');
  const parts = listed.length > 1 || listed.every((part) => byFolded.has(fold(part))) ? listed : text.split(/\s+/);
  const found = new Map<string, Unit>();
  const unknown: UnitMatch['unknown'] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const unit = byFolded.get(fold(part));
    if (unit) found.set(unit.key, unit);
    else unknown.push({ typed: part, suggestion: nearestName(units, part) });
  }
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
