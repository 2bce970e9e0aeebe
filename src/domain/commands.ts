import { COMMAND_NAMES, commandAliases, type CommandName } from './command-catalog';

export type { CommandName } from './command-catalog';

/**
 * Chat commands: Swedish words first, English aliases, case- and accent-insensitive
 * ("påminn", "paminn", "PÅMINN" and "remind" are the same command). The words come from
 * domain/command-catalog.ts; this is each command's aliases in the catalog's order.
 */
export const COMMANDS: { readonly [K in CommandName]: readonly string[] } = Object.freeze(
  Object.fromEntries(COMMAND_NAMES.map((name) => [name, commandAliases(name)])) as Record<CommandName, string[]>,
);

export type ParsedCommand =
  | { kind: 'command'; name: CommandName; args: string[]; text: string }
  | { kind: 'unknown'; text: string; suggestion: CommandName | null }
  | { kind: 'empty' };

/** Lower-case and strip diacritics, so that typing without å/ä/ö on a phone still works. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

interface Alias {
  name: CommandName;
  words: string[];
}

const ALIASES: Alias[] = COMMAND_NAMES.flatMap((name) => commandAliases(name).map((alias) => ({ name, words: foldText(alias).split(' ') })))
  // Longest alias first so "koppla bort" wins over "koppla" and "öppna period" over "öppna".
  .sort((a, b) => b.words.length - a.words.length);
/** Shortest alias first, so that a tie goes to it: "kopla" suggests "koppla", not "koppla bort"; "linkk" "link", not "links". */
const SUGGESTIONS: Alias[] = [...ALIASES].sort(
  (a, b) => a.words.length - b.words.length || a.words.join(' ').length - b.words.join(' ').length,
);

/** No key, code, name part or e-mail address is longer; a longer word is cut (and marked) before it is echoed. */
export const MAX_WORD_LENGTH = 254;
/** Longest text echoed back ("Jag förstod inte ”…”"): a 50 kB message is not repeated whole. */
export const MAX_ECHO_LENGTH = 300;

export function parseCommand(rawText: string): ParsedCommand {
  const whole = rawText.replace(/\s+/g, ' ').trim();
  if (whole === '') return { kind: 'empty' };
  const text = capText(whole, MAX_ECHO_LENGTH);
  // The ellipsis makes a cut word match nothing, so a cut never turns into a valid key by chance.
  const tokens = whole
    .split(' ')
    .slice(0, 200)
    .map((token) => capText(token, MAX_WORD_LENGTH));
  const folded = tokens.map(foldText);
  const alias = matchAlias(folded);
  if (alias) return { kind: 'command', name: alias.name, args: tokens.slice(alias.words.length), text };
  return { kind: 'unknown', text, suggestion: suggestCommand(bareWord(folded)) };
}

/** The words that named the command, as typed ("Rapport", "koppla bort"); '' when the text names none. */
export function typedCommandWords(text: string): string {
  const tokens = text.replace(/\s+/g, ' ').trim().split(' ');
  const alias = matchAlias(tokens.map(foldText));
  return alias ? tokens.slice(0, alias.words.length).join(' ') : '';
}

function matchAlias(folded: string[]): Alias | undefined {
  const exact = ALIASES.find((alias) => alias.words.every((word, index) => folded[index] === word.replace(/[.!]$/, '')));
  if (exact) return exact;
  // Tolerate trailing punctuation on a one-word command ("hjälp!", "status?").
  const bare = bareWord(folded);
  return ALIASES.find((alias) => alias.words.length === 1 && alias.words[0] === bare);
}

function bareWord(folded: string[]): string {
  return folded[0]?.replace(/[.!?]+$/, '') ?? '';
}

function capText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The command whose alias is nearest by edit distance, if it is near enough to be a typo. */
export function suggestCommand(word: string): CommandName | null {
  let best: { name: CommandName; distance: number } | null = null;
  for (const alias of SUGGESTIONS) {
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
