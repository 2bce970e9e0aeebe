// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

// Layer boundaries (README "Architecture"): each restriction below names what it keeps out and why.
// no-restricted-imports is one rule, and a later block's options replace an earlier one's, so each
// folder gets one block that lists every restriction that applies to it (see `boundaries`).
// Regexes match the import string; `(\.\./)+(src/)?` catches a sibling layer at any depth.
const sibling = (layers) => `^(\\.\\./)+(src/)?(${layers.join('|')})(/|$)`;

const BOT_SDK = {
  regex: '^(botbuilder(-[^/]+)?|botframework-[^/]+|@microsoft/teams-ai)(/|$)',
  message: 'The Bot Framework and teams-ai are used only in src/bot and src/http, so the rest of the code outlives an SDK change.',
};
const MONGODB = {
  regex: '^mongodb(/|$)',
  message: 'Only src/store talks to MongoDB, so persisted documents and driver types never leak into other layers.',
};
const RESTIFY = {
  regex: '^restify(-[^/]+)?(/|$)',
  message: 'restify is the HTTP edge and lives only in src/http.',
};
const DOMAIN_LAYERS = {
  regex: sibling(['store', 'services', 'bot', 'http', 'import', 'views', 'cards', 'scheduler']),
  message: 'src/domain is the pure core that every other layer depends on, so it imports none of them.',
};
const DOMAIN_IO = {
  regex: '^(node:)?(fs|child_process|net|https?)(/|$)',
  message: 'src/domain does no I/O: pass data and `now` in, so its functions stay pure and testable without a machine.',
};
const DOMAIN_LIBS = {
  regex: '^pino(/|$)',
  message: 'src/domain does not log: it returns results and DomainErrors, and the caller decides what to log.',
};
const SERVICES_LAYERS = {
  regex: sibling(['bot', 'http']),
  message: 'Use cases in src/services must not depend on the Teams or HTTP edge; the bot calls services, not the other way round.',
};
const STORE_LAYERS = {
  regex: sibling(['services', 'bot', 'http']),
  message: 'src/store is below services and the edge: repositories return domain types and never call upward.',
};

/** One no-restricted-imports block for `files`, combining every restriction that applies there. */
function boundaries(files, ...restrictions) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: restrictions }] } };
}

module.exports = tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', '.tools/', 'coverage/', 'data/', 'devTools/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration only in src/config.ts.' }],
    },
  },
  {
    files: ['src/config.ts', 'src/main.ts', 'src/cli.ts', 'src/tools/playground.ts', 'test/**', 'scripts/**', 'bench/**', '*.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { globals: { module: 'writable', require: 'readonly' } },
  },
  // Everything under src/ (cards, views, import, i18n, scheduler, tools, …) unless a folder below says otherwise.
  // test/, bench/ and scripts/ stay free: they drive the real SDK, driver and server from outside.
  boundaries(['src/**/*.ts'], BOT_SDK, MONGODB, RESTIFY),
  boundaries(['src/bot/**/*.ts'], MONGODB, RESTIFY),
  boundaries(['src/http/**/*.ts'], MONGODB),
  boundaries(['src/store/**/*.ts'], BOT_SDK, RESTIFY, STORE_LAYERS),
  boundaries(['src/services/**/*.ts'], BOT_SDK, MONGODB, RESTIFY, SERVICES_LAYERS),
  boundaries(['src/domain/**/*.ts'], BOT_SDK, MONGODB, RESTIFY, DOMAIN_LAYERS, DOMAIN_IO, DOMAIN_LIBS),
  // A domain unit test may read its fixtures from disk; the code under test still may not.
  boundaries(['src/domain/**/*.test.ts'], BOT_SDK, MONGODB, RESTIFY, DOMAIN_LAYERS, DOMAIN_LIBS),
  // The composition root wires the database and the adapter together, so it may name their types
  // (Db, TeamsAdapter); anything it needs at run time still comes from src/store and src/bot.
  boundaries(['src/service.ts'], ...[BOT_SDK, MONGODB, RESTIFY].map((restriction) => ({ ...restriction, allowTypeImports: true }))),
);
