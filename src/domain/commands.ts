/**
 * Chat commands: Swedish words first, English aliases, case- and accent-insensitive
 * ("påminn", "paminn", "PÅMINN" and "remind" are the same command).
 */
export const COMMANDS = {
  help: ['hjälp', 'help', '?'],
  status: ['status'],
  remind: ['påminn', 'remind'],
  openPeriod: ['öppna period', 'öppna', 'open period', 'open'],
  closePeriod: ['stäng period', 'stäng', 'close period', 'close'],
  summary: ['sammanfattning', 'summary'],
  link: ['koppla', 'link'],
  unlink: ['koppla bort', 'unlink'],
  links: ['kopplingar', 'links'],
  importPlan: ['importera', 'import'],
  report: ['rapport', 'report'],
  delegate: ['delegera', 'delegate'],
} as const;

export type CommandName = keyof typeof COMMANDS;

export type ParsedCommand =
  | { kind: 'command'; name: CommandName; args: string[]; text: string }
  | { kind: 'unknown'; text: string; suggestion: CommandName | null }
  | { kind: 'empty' };

/** Lower-case and strip diacritics, so that typing without å/ä/ö on a phone still works. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

const ALIASES: { name: CommandName; words: string[] }[] = Object.entries(COMMANDS)
  .flatMap(([name, aliases]) => aliases.map((alias) => ({ name: name as CommandName, words: foldText(alias).split(' ') })))
  // Longest alias first so "koppla bort" wins over "koppla" and "öppna period" over "öppna".
  .sort((a, b) => b.words.length - a.words.length);

/** No key, code, name part or e-mail address is longer; a longer word is cut (and marked) before it is echoed. */
export const MAX_WORD_LENGTH = 254;
/** Longest text echoed back ("Jag förstod inte ”…”"): a 50 kB message is not repeated whole. */
export const MAX_ECHO_LENGTH = 300;

export function parseCommand(rawText: string): ParsedCommand {
  const whole = rawText.replace(/\s+/g, ' ').trim();
  if (whole === '') return { kind: 'empty' };
  const text = capText(whole, MAX_ECHO_LENGTH);
  // The ellipsis makes a cut word match nothing, so a cut never turns into a valid key by chance.
  const tokens = whole.split(' ').slice(0, 200).map((token) => capText(token, MAX_WORD_LENGTH));
  const folded = tokens.map(foldText);
  for (const alias of ALIASES) {
    if (alias.words.every((word, index) => folded[index] === word.replace(/[.!]$/, ''))) {
      return { kind: 'command', name: alias.name, args: tokens.slice(alias.words.length), text };
    }
  }
  // Tolerate trailing punctuation on a one-word command ("hjälp!", "status?").
  const bare = folded[0]?.replace(/[.!?]+$/, '') ?? '';
  const single = ALIASES.find((alias) => alias.words.length === 1 && alias.words[0] === bare);
  if (single) return { kind: 'command', name: single.name, args: tokens.slice(1), text };
  return { kind: 'unknown', text, suggestion: suggestCommand(bare) };
}

function capText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The command whose alias is nearest by edit distance, if it is near enough to be a typo. */
export function suggestCommand(word: string): CommandName | null {
  let best: { name: CommandName; distance: number } | null = null;
  for (const alias of ALIASES) {
    const distance = editDistance(word, alias.words[0] ?? '');
    if (best === null || distance < best.distance) best = { name: alias.name, distance };
  }
  if (best === null) return null;
  return best.distance <= Math.max(1, Math.floor(word.length / 3)) ? best.name : null;
}

/** Levenshtein distance: how many single-character edits turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}
