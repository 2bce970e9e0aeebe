import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Parser from 'web-tree-sitter';
import { ENV_VARIABLES, parseConfig } from '../../src/config';

const INFRA = path.resolve(__dirname, '..', '..', 'infra');
/** Settings App Service and its agents read, not the service. */
const PLATFORM_SETTINGS = [
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'WEBSITES_PORT',
];
/** Without these the service cannot reach Teams or its data in production. */
const REQUIRED_SETTINGS = ['BOT_ID', 'BOT_TYPE', 'BOT_TENANT_ID', 'MONGODB_URI', 'MONGODB_DB', 'UTFALL_COORDINATORS', 'ALLOWED_TENANTS'];

function bicepFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? bicepFiles(path.join(dir, entry.name)) : entry.name.endsWith('.bicep') ? [path.join(dir, entry.name)] : [],
  );
}

/** Syntax errors as "line:column text", from tree-sitter's ERROR and MISSING nodes. */
function syntaxErrors(tree: Parser.Tree): string[] {
  const errors: string[] = [];
  const visit = (node: Parser.SyntaxNode) => {
    if (node.isError || node.isMissing)
      errors.push(
        `${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.isMissing ? `missing ${node.type}` : JSON.stringify(node.text.slice(0, 60))}`,
      );
    else if (node.hasError) node.children.forEach(visit);
  };
  visit(tree.rootNode);
  return errors;
}

interface ParamInfo {
  name: string;
  decorators: string[];
}

/** Each `param` with the decorators written above it (tree-sitter puts them in a sibling node). */
function parameters(tree: Parser.Tree): ParamInfo[] {
  const out: ParamInfo[] = [];
  const children = tree.rootNode.namedChildren;
  children.forEach((node, index) => {
    if (node.type !== 'parameter_declaration') return;
    const previous = children[index - 1];
    const decorators = previous?.type === 'decorators' ? previous.namedChildren.map((decorator) => decorator.text) : [];
    out.push({ name: node.namedChildren[0]?.text ?? '', decorators });
  });
  return out;
}

describe('infra/ Bicep', () => {
  let parser: Parser;
  const files = bicepFiles(INFRA);
  const trees = new Map<string, Parser.Tree>();

  beforeAll(async () => {
    await Parser.init();
    const bicep = await Parser.Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
    parser = new Parser();
    parser.setLanguage(bicep);
    for (const file of files) trees.set(file, parser.parse(readFileSync(file, 'utf8')));
  });

  test('when the templates are listed, then the main template and the bot registration are there', () => {
    expect(files.map((file) => path.relative(INFRA, file)).sort()).toEqual(
      expect.arrayContaining(['azure.bicep', path.join('botRegistration', 'azurebot.bicep')]),
    );
  });

  test('when a template has a syntax error, then the parser reports it (the check can fail)', () => {
    const broken = parser.parse("param location string = \nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'x'\n");
    expect(syntaxErrors(broken).length).toBeGreaterThan(0);
  });

  test.each(bicepFiles(INFRA).map((file) => [path.relative(INFRA, file), file]))(
    'when %s is parsed with the Bicep grammar, then it has no syntax errors',
    (_name, file) => {
      expect(syntaxErrors(trees.get(file)!)).toEqual([]);
    },
  );

  test('when parameters are declared, then each has a @description and every secret is @secure()', () => {
    for (const [file, tree] of trees) {
      for (const param of parameters(tree)) {
        const where = `${path.relative(INFRA, file)}: param ${param.name}`;
        expect({ where, described: param.decorators.some((d) => d.startsWith('@description(')) }).toEqual({ where, described: true });
        if (/password|secret|uri$/i.test(param.name))
          expect({ where, secure: param.decorators.includes('@secure()') }).toEqual({ where, secure: true });
      }
    }
  });

  test('when a template refers to a module, then the file exists', () => {
    for (const [file, tree] of trees) {
      for (const match of tree.rootNode.text.matchAll(/^module \w+ '([^']+)'/gm))
        expect(existsSync(path.resolve(path.dirname(file), match[1]!))).toBe(true);
    }
  });

  test('when the web app gets its settings, then each is one the service reads (or App Service does) and none the service needs is missing', () => {
    const main = readFileSync(path.join(INFRA, 'azure.bicep'), 'utf8');
    const settings = [...main.matchAll(/\{ name: '([A-Za-z_]+)', value: /g)].map((match) => match[1]!);
    expect(settings.length).toBeGreaterThan(10);
    expect(settings.filter((name) => !ENV_VARIABLES.includes(name) && !PLATFORM_SETTINGS.includes(name))).toEqual([]);
    expect(REQUIRED_SETTINGS.filter((name) => !settings.includes(name))).toEqual([]);
    // Secrets come from Key Vault references, never as plain values.
    expect(main).toMatch(/name: 'MONGODB_URI', value: '@Microsoft\.KeyVault\(SecretUri=/);
  });

  test('when the bot authentication choices of the template are given to the service, then its configuration accepts them', () => {
    const registration = readFileSync(path.join(INFRA, 'botRegistration', 'azurebot.bicep'), 'utf8');
    const allowed =
      /@allowed\(\[\s*([\s\S]*?)\]\)\s*param botAuth/
        .exec(registration)?.[1]
        ?.match(/'(\w+)'/g)
        ?.map((quoted) => quoted.slice(1, -1)) ?? [];
    expect(allowed).toEqual(['UserAssignedMSI', 'SingleTenant']);
    const tenant = '00000000-0000-0000-0000-000000000001';
    expect(parseConfig({ BOT_TYPE: 'UserAssignedMSI', BOT_ID: 'client-id', BOT_TENANT_ID: tenant, BOT_PASSWORD: '' }).bot.appType).toBe(
      'UserAssignedMSI',
    );
    expect(parseConfig({ BOT_TYPE: 'SingleTenant', BOT_ID: 'app-id', BOT_TENANT_ID: tenant, BOT_PASSWORD: 'secret' }).bot.appType).toBe(
      'SingleTenant',
    );
    expect(() => parseConfig({ BOT_TYPE: 'UserAssignedMSI', BOT_ID: 'client-id', BOT_TENANT_ID: tenant, BOT_PASSWORD: 'secret' })).toThrow(
      /BOT_PASSWORD/,
    );
  });

  test('when nothing is chosen, then it deploys to Sweden Central and writes no secret to an output', () => {
    const main = readFileSync(path.join(INFRA, 'azure.bicep'), 'utf8');
    expect(main).toMatch(/^param location string = 'swedencentral'$/m);
    for (const [file, tree] of trees) {
      const secure = parameters(tree)
        .filter((param) => param.decorators.includes('@secure()'))
        .map((param) => param.name);
      const outputs = tree.rootNode.text.split('\n').filter((line) => line.startsWith('output '));
      for (const name of secure)
        expect({ file: path.relative(INFRA, file), leaks: outputs.filter((line) => new RegExp(`\\b${name}\\b`).test(line)) }).toEqual({
          file: path.relative(INFRA, file),
          leaks: [],
        });
    }
  });

  test('when the example parameter file is used, then it names only parameters of azure.bicep and gives every required one', () => {
    const main = trees.get(path.join(INFRA, 'azure.bicep'))!;
    const declared = new Map(
      main.rootNode.namedChildren
        .filter((node) => node.type === 'parameter_declaration')
        .map((node) => [node.namedChildren[0]!.text, /=\s*\S/.test(node.text)]),
    );
    const example = JSON.parse(readFileSync(path.join(INFRA, 'azure.parameters.example.json'), 'utf8')) as {
      parameters: Record<string, unknown>;
    };
    const given = Object.keys(example.parameters);
    expect(given.filter((name) => !declared.has(name))).toEqual([]);
    const required = [...declared].filter(([, hasDefault]) => !hasDefault).map(([name]) => name);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
  });
});
