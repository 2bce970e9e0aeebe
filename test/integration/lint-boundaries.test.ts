import path from 'node:path';
import { ESLint } from 'eslint';

// The boundaries in eslint.config.js only help if they fire. Each case lints a small snippet at a
// virtual path, so the per-folder blocks apply exactly as they would to a real file there.
const ROOT = path.resolve(__dirname, '../..');
const RULE = 'no-restricted-imports';

let eslint: ESLint;
beforeAll(() => {
  // ESLint loads eslint.config.js with a dynamic import(), which jest's module sandbox refuses
  // without --experimental-vm-modules; requiring the same file and handing it over is equivalent.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'eslint.config.js')) as ESLint.Options['baseConfig'];
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, baseConfig: config });
});

/** The import sources that no-restricted-imports reports for `code` placed at `filePath`. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`ESLint could not parse ${filePath}: ${fatal[0]!.message}`);
  return result.messages
    .filter((message) => message.ruleId === RULE)
    .map((message) => /'([^']+)'/.exec(message.message)?.[1] ?? message.message);
}

const importing = (source: string) => `import * as imported from '${source}';\nexport const used = imported;\n`;

describe('lint boundaries', () => {
  test.each([
    ['src/domain/x.ts', 'mongodb'],
    ['src/domain/x.ts', 'botbuilder'],
    ['src/domain/x.ts', 'restify'],
    ['src/domain/x.ts', 'pino'],
    ['src/domain/x.ts', 'node:fs'],
    ['src/domain/x.ts', 'fs'],
    ['src/domain/x.ts', 'node:child_process'],
    ['src/domain/x.ts', 'node:net'],
    ['src/domain/x.ts', 'node:http'],
    ['src/domain/x.ts', '../store/claims'],
    ['src/domain/x.ts', '../services/collect-service'],
    ['src/domain/x.ts', '../bot/app'],
    ['src/domain/x.ts', '../http/server'],
    ['src/domain/x.ts', '../import/read-csv'],
    ['src/domain/x.ts', '../views/format'],
    ['src/domain/x.ts', '../cards/render'],
    ['src/domain/x.ts', '../scheduler/scheduler'],
    ['src/domain/x.test.ts', 'mongodb'],
    ['src/services/x.ts', '../bot/app'],
    ['src/services/x.ts', '../http/server'],
    ['src/services/x.ts', 'mongodb'],
    ['src/store/x.ts', '../services/collect-service'],
    ['src/store/x.ts', '../bot/proactive'],
    ['src/store/x.ts', '../http/server'],
    ['src/store/x.ts', 'botbuilder'],
    ['src/views/x.ts', 'botbuilder'],
    ['src/views/x.ts', 'botframework-connector'],
    ['src/cards/x.ts', '@microsoft/teams-ai'],
    ['src/scheduler/x.ts', 'mongodb'],
    ['src/bot/x.ts', 'mongodb'],
    ['src/bot/x.ts', 'restify'],
    ['src/http/x.ts', 'mongodb'],
    ['src/service.ts', 'mongodb'],
  ])('when %s imports %s, then the boundary rule reports it', async (filePath, source) => {
    expect(await restrictedImports(filePath, importing(source))).toEqual([source]);
  });

  test.each([
    ['src/domain/x.ts', 'zod'],
    ['src/domain/x.ts', './values'],
    ['src/domain/x.test.ts', 'node:fs'],
    ['src/services/x.ts', '../store/claims'],
    ['src/services/x.ts', '../domain/values'],
    ['src/store/x.ts', 'mongodb'],
    ['src/store/x.ts', '../domain/plan'],
    ['src/bot/x.ts', 'botbuilder'],
    ['src/bot/x.ts', '@microsoft/teams-ai'],
    ['src/bot/x.ts', '../services/collect-service'],
    ['src/http/x.ts', 'restify'],
    ['src/http/x.ts', 'botbuilder'],
    ['test/support/x.ts', 'mongodb'],
    ['test/integration/x.ts', 'botbuilder'],
    ['bench/x.ts', 'mongodb'],
  ])('when %s imports %s, then no boundary rule reports it', async (filePath, source) => {
    expect(await restrictedImports(filePath, importing(source))).toEqual([]);
  });

  test('when the composition root names the database and adapter types, then that is allowed, but a value import is not', async () => {
    const code =
      "import type { Db } from 'mongodb';\nimport type { TeamsAdapter } from '@microsoft/teams-ai';\nexport type Wired = [Db, TeamsAdapter];\n";
    expect(await restrictedImports('src/service.ts', code)).toEqual([]);
    expect(
      await restrictedImports('src/service.ts', "import { MongoClient } from 'mongodb';\nexport const client = MongoClient;\n"),
    ).toEqual(['mongodb']);
  });

  test('when a type-only import crosses a boundary outside the composition root, then it is still reported', async () => {
    expect(await restrictedImports('src/views/x.ts', "import type { Db } from 'mongodb';\nexport type D = Db;\n")).toEqual(['mongodb']);
  });

  test('when a domain file re-exports from the store, then the rule reports it as well', async () => {
    expect(await restrictedImports('src/domain/x.ts', "export { Claims } from '../store/claims';\n")).toEqual(['../store/claims']);
  });

  test('when the message is shown, then it says why the boundary exists', async () => {
    const [result] = await eslint.lintText(importing('mongodb'), { filePath: path.join(ROOT, 'src/domain/x.ts') });
    expect(result?.messages.find((message) => message.ruleId === RULE)?.message).toMatch(/Only src\/store talks to MongoDB/);
  });
});
