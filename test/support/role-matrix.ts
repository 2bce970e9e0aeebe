/**
 * Who may do what: every chat command (src/domain/command-catalog.ts) and every card action verb
 * (src/cards/actions.ts VERBS) for every role. test/e2e/role-matrix.test.ts runs each cell through
 * the real endpoint, and checks that README.md's table ("Säkerhet och drift") is this one.
 */

export const ROLES = [
  'owner',
  'delegate',
  'goalOwner',
  'coordinator',
  'manager',
  'chef',
  'unlinked',
  'stranger',
  'foreign',
  'anonymous',
] as const;
export type Role = (typeof ROLES)[number];

/** Column headings of the README table. */
export const ROLE_TITLES: Readonly<Record<Role, string>> = {
  owner: 'målägare (mätetal)',
  delegate: 'delegat',
  goalOwner: 'målägare (mål)',
  coordinator: 'samordnare',
  manager: 'enhetschef',
  chef: 'chef i kopplad kanal',
  unlinked: 'medlem i okopplad kanal',
  stranger: 'okänd i organisationen',
  foreign: 'annan organisation',
  anonymous: 'utan token',
};

/**
 * One cell: `ok` the action is done (the answer contains `shows`; exactly the collections in
 * `writes` change), `no` it is refused (the answer contains `says`; nothing in the database
 * changes), `forbidden` 403 at the edge (another tenant), `unauthorized` 401 at the edge.
 * `note` is what the README cell says besides ✓ or —.
 */
export type Cell =
  | { kind: 'ok'; shows: string; writes?: readonly string[]; note?: string }
  | { kind: 'no'; says: string; note?: string }
  | { kind: 'forbidden' }
  | { kind: 'unauthorized' };

export const ok = (shows: string, writes: readonly string[] = [], note?: string): Cell => ({
  kind: 'ok',
  shows,
  writes,
  ...(note ? { note } : {}),
});
export const no = (says: string, note?: string): Cell => ({ kind: 'no', says, ...(note ? { note } : {}) });

/** Markdown for one cell of the README table. */
export function cellMark(cell: Cell): string {
  switch (cell.kind) {
    case 'ok':
      return cell.note ? `✓ ${cell.note}` : '✓';
    case 'no':
      return cell.note ? `— ${cell.note}` : '—';
    case 'forbidden':
      return '403';
    case 'unauthorized':
      return '401';
  }
}

/** The README table: one row per action, one column per role. */
export function matrixMarkdown(rows: readonly { title: string; cells: Readonly<Record<Role, Cell>> }[]): string {
  const head = `| | ${ROLES.map((role) => ROLE_TITLES[role]).join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => '---').join('|')}|`;
  const lines = rows.map((row) => `| ${row.title} | ${ROLES.map((role) => cellMark(row.cells[role])).join(' | ')} |`);
  return [head, rule, ...lines].join('\n');
}
