import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { COMMAND_CATALOG, COMMAND_NAMES, commandEntry, type MenuScope } from '../../src/domain/command-catalog';
import { parseCommand } from '../../src/domain/commands';
import { manifestCommandMenus } from '../../src/tools/manifest-commands';
import { appPackageDir, packageApp, pngSize, renderColorIcon, renderOutlineIcon, type PackageResult } from '../../src/tools/package-app';

const BOT_ID = '6f0b2c1e-9a4d-4b7e-8c3f-1d2e5a7b9c80';
const TEAMS_APP_ID = '0c7d9e21-3b4a-4f5e-9d8c-7b6a5f4e3d2c';
const BOT_DOMAIN = 'utfall.example.se';
const EXPECTED_FILES = ['color.png', 'en.json', 'manifest.json', 'outline.png'];

type Json = Record<string, unknown>;
interface CommandList {
  scopes: string[];
  commands: Array<{ title: string; description: string }>;
}

/** The official schemas as shipped offline by the npm package @microsoft/app-manifest. */
function officialSchema(manifestVersion: string, name: 'MicrosoftTeams' | 'MicrosoftTeams.Localization'): Json {
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, `${name}.schema.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function validator(schema: Json): (data: unknown) => string[] {
  // The official localization schema has patterns that are not valid with the `u` flag (`\b]`).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function decode(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}

let outDir: string;
let result: PackageResult;
let zip: JSZip;
let manifest: Json;
let en: Json;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'utfall-app-package-'));
  result = await packageApp({ BOT_ID, BOT_DOMAIN }, outDir);
  zip = await JSZip.loadAsync(readFileSync(result.zipPath));
  manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Json;
  en = JSON.parse(await zip.file('en.json')!.async('string')) as Json;
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

async function zipBytes(name: string): Promise<Buffer> {
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is not in the zip`);
  return file.async('nodebuffer');
}

function commandLists(): CommandList[] {
  const bots = manifest.bots as Array<{ commandLists: CommandList[] }>;
  return bots[0].commandLists;
}

describe(packageApp.name, () => {
  test('when packaged, then the zip holds exactly manifest.json, the icons and en.json at its root', () => {
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(EXPECTED_FILES);
    expect(Object.values(zip.files).some((f) => f.dir)).toBe(false);
    expect(path.basename(result.zipPath)).toBe('appPackage.zip');
    expect([...result.files].sort()).toEqual(EXPECTED_FILES);
  });

  test('when packaged, then the manifest is valid against the official schema of its manifestVersion', () => {
    const version = manifest.manifestVersion as string;
    expect(Number(version.split('.')[1])).toBeGreaterThanOrEqual(17);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
    expect(validator(officialSchema(version, 'MicrosoftTeams'))(manifest)).toEqual([]);
  });

  test('when packaged, then en.json is valid against the official localization schema', () => {
    const version = manifest.manifestVersion as string;
    expect(validator(officialSchema(version, 'MicrosoftTeams.Localization'))(en)).toEqual([]);
    const localization = manifest.localizationInfo as Json;
    expect(localization.defaultLanguageTag).toBe('sv');
    expect(localization.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
  });

  test('when packaged, then no ${{…}} placeholder is left and the values are filled in', async () => {
    for (const name of ['manifest.json', 'en.json']) {
      expect((await zipBytes(name)).toString('utf8')).not.toContain('${{');
    }
    expect(manifest.id).toBe(BOT_ID); // TEAMS_APP_ID defaults to BOT_ID
    expect((manifest.bots as Array<Json>)[0].botId).toBe(BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://${BOT_DOMAIN}/${BOT_ID}` });
    expect(manifest.validDomains).toContain(BOT_DOMAIN);
    expect(manifest.version).toBe(JSON.parse(readFileSync(path.join(appPackageDir(), '..', 'package.json'), 'utf8')).version);
  });

  test("when packaged, then the names and descriptions fit Teams' limits in both languages", () => {
    const name = manifest.name as { short: string; full: string };
    const description = manifest.description as { short: string; full: string };
    for (const [short, full] of [
      [name.short, name.full],
      [en['name.short'], en['name.full']],
    ] as Array<[string, string]>) {
      expect(short.length).toBeGreaterThan(0);
      expect(short.length).toBeLessThanOrEqual(30);
      expect(full.length).toBeLessThanOrEqual(100);
    }
    for (const [short, full] of [
      [description.short, description.full],
      [en['description.short'], en['description.full']],
    ] as Array<[string, string]>) {
      expect(short.length).toBeLessThanOrEqual(80);
      expect(full.length).toBeLessThanOrEqual(4000);
    }
    expect(name.full).toMatch(/uppföljning/);
  });

  test("when packaged, then each scope's command menu is the catalog's, in its order, in Swedish and in English", () => {
    const bot = (manifest.bots as Array<Json>)[0];
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    const lists = commandLists();
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team']]);
    lists.forEach((list, i) => {
      const scope = list.scopes[0] as MenuScope;
      const offered = COMMAND_NAMES.filter((name) => commandEntry(name).menu[scope] !== undefined).sort(
        (a, b) => (commandEntry(a).menu[scope] ?? 0) - (commandEntry(b).menu[scope] ?? 0),
      );
      expect(list.commands.map((command) => command.title)).toEqual(offered.map((name) => COMMAND_CATALOG[name].words.sv[0]));
      expect(list.commands.map((_, j) => en[`bots[0].commandLists[${i}].commands[${j}].title`])).toEqual(
        offered.map((name) => COMMAND_CATALOG[name].words.en[0]),
      );
      offered.forEach((name, j) => {
        expect(list.commands[j]!.description.startsWith(commandEntry(name).help.sv)).toBe(true);
        expect(String(en[`bots[0].commandLists[${i}].commands[${j}].description`]).startsWith(commandEntry(name).help.en)).toBe(true);
      });
      expect(list.commands[0]?.title).toBe('hjälp');
    });
    // en.json names nothing else in the menus, and nothing the manifest does not have
    const menuKeys = Object.keys(en).filter((key) => key.startsWith('bots['));
    expect(Object.fromEntries(menuKeys.map((key) => [key, en[key]]))).toEqual(manifestCommandMenus().english);
    expect(commandLists()).toEqual(manifestCommandMenus().commandLists);
  });

  test("when packaged, then the command menus keep within Teams' limits in both languages", () => {
    const tooLong: string[] = [];
    commandLists().forEach((list, i) => {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      list.commands.forEach((command, j) => {
        const key = `bots[0].commandLists[${i}].commands[${j}]`;
        for (const [title, description] of [
          [command.title, command.description],
          [en[`${key}.title`], en[`${key}.description`]],
        ] as Array<[string, string]>) {
          if (title.length < 1 || title.length > 32) tooLong.push(`title ${title.length}: ${title}`);
          if (description.length < 1 || description.length > 128) tooLong.push(`description ${description.length}: ${description}`);
        }
      });
    });
    expect(tooLong).toEqual([]);
  });

  test('when a command from the menu is sent, then the bot knows it, in Swedish and in English', () => {
    commandLists().forEach((list, i) => {
      list.commands.forEach((command, j) => {
        const english = en[`bots[0].commandLists[${i}].commands[${j}].title`] as string;
        const swedish = parseCommand(command.title);
        expect(swedish).toMatchObject({ kind: 'command', args: [] });
        expect(parseCommand(english)).toEqual({ ...swedish, text: english });
      });
    });
  });

  test('when appPackage/ holds command menus of its own, then packaging refuses, naming the catalog', async () => {
    expect(JSON.stringify(readJson(path.join(appPackageDir(), 'manifest.json')))).not.toContain('commandLists');
    expect(Object.keys(readJson(path.join(appPackageDir(), 'en.json'))).filter((key) => key.startsWith('bots['))).toEqual([]);
    for (const [file, edit] of [
      ['manifest.json', (json: Json) => Object.assign((json.bots as Json[])[0]!, { commandLists: commandLists() })],
      ['en.json', (json: Json) => Object.assign(json, { 'bots[0].commandLists[0].commands[0].title': 'help' })],
    ] as const) {
      const source = mkdtempSync(path.join(os.tmpdir(), 'utfall-app-source-'));
      try {
        cpSync(appPackageDir(), source, { recursive: true });
        const json = readJson(path.join(source, file));
        edit(json);
        writeFileSync(path.join(source, file), JSON.stringify(json));
        await expect(packageApp({ BOT_ID, BOT_DOMAIN }, source, source)).rejects.toThrow(/generated from src\/domain\/command-catalog\.ts/);
      } finally {
        rmSync(source, { recursive: true, force: true });
      }
    }
  });

  test('when packaged, then the colour icon is 192×192 and the outline icon 32×32 (IHDR)', async () => {
    expect(pngSize(await zipBytes('color.png'))).toEqual({ width: 192, height: 192 });
    expect(pngSize(await zipBytes('outline.png'))).toEqual({ width: 32, height: 32 });
    expect((manifest.icons as Json).color).toBe('color.png');
    expect((manifest.icons as Json).outline).toBe('outline.png');
  });

  test('when packaged, then outline.png is white on transparent', async () => {
    const png = decode(await zipBytes('outline.png'));
    let opaque = 0;
    let transparent = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < png.width * png.height; i++) {
      const [r, g, b, a] = png.data.subarray(i * 4, i * 4 + 4);
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) notWhite.push(i);
      if (a === 255) opaque++;
    }
    expect(notWhite).toEqual([]);
    expect(opaque).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(100);
  });

  test('when packaged, then color.png is fully opaque with the accent colour as background', async () => {
    const png = decode(await zipBytes('color.png'));
    let translucent = 0;
    for (let i = 0; i < png.width * png.height; i++) if (png.data[i * 4 + 3] !== 255) translucent++;
    expect(translucent).toBe(0);
    const corner = [...png.data.subarray(0, 3)].map((n) => n.toString(16).padStart(2, '0')).join('');
    expect(`#${corner}`.toUpperCase()).toBe((manifest.accentColor as string).toUpperCase());
  });

  test('when the icons are drawn again, then they equal the committed PNGs pixel for pixel', () => {
    for (const [file, rendered] of [
      ['color.png', renderColorIcon()],
      ['outline.png', renderOutlineIcon()],
    ] as const) {
      const committed = decode(readFileSync(path.join(appPackageDir(), file)));
      const fresh = decode(rendered);
      expect([fresh.width, fresh.height]).toEqual([committed.width, committed.height]);
      expect(Buffer.compare(fresh.data, committed.data)).toBe(0);
    }
  });

  test('when packaged twice with the same values, then the zips are byte for byte the same', async () => {
    const again = mkdtempSync(path.join(os.tmpdir(), 'utfall-app-package-'));
    try {
      const second = await packageApp({ BOT_ID, BOT_DOMAIN }, again);
      expect(readFileSync(second.zipPath).equals(readFileSync(result.zipPath))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  test('when TEAMS_APP_ID is given, then it is the app id and BOT_ID stays the bot id', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'utfall-app-package-'));
    try {
      const { manifest: m } = await packageApp({ BOT_ID, TEAMS_APP_ID, BOT_DOMAIN }, dir);
      expect(m.id).toBe(TEAMS_APP_ID);
      expect((m.bots as Array<Json>)[0].botId).toBe(BOT_ID);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('when values are missing, then it fails naming every missing environment variable', async () => {
    await expect(packageApp({}, outDir)).rejects.toThrow(/missing environment variable\(s\) BOT_ID, BOT_DOMAIN/);
    await expect(packageApp({ BOT_ID, BOT_DOMAIN: ' ' }, outDir)).rejects.toThrow(/missing environment variable\(s\) BOT_DOMAIN\./);
    await expect(packageApp({ BOT_DOMAIN }, outDir)).rejects.toThrow(/missing environment variable\(s\) BOT_ID\./);
  });

  test('when the manifest names a placeholder that has no value, then it fails naming it', async () => {
    const source = mkdtempSync(path.join(os.tmpdir(), 'utfall-app-source-'));
    try {
      cpSync(appPackageDir(), source, { recursive: true });
      const template = JSON.parse(readFileSync(path.join(source, 'manifest.json'), 'utf8')) as Json;
      (template.developer as Json).mpnId = '${{PARTNER_ID}}';
      writeFileSync(path.join(source, 'manifest.json'), JSON.stringify(template));
      await expect(packageApp({ BOT_ID, BOT_DOMAIN }, source, source)).rejects.toThrow(/no value for placeholder\(s\) PARTNER_ID/);
    } finally {
      rmSync(source, { recursive: true, force: true });
    }
  });

  test('when a value is malformed, then it fails saying which and why', async () => {
    await expect(packageApp({ BOT_ID: 'not-a-guid', BOT_DOMAIN: 'https://utfall.example.se/' }, outDir)).rejects.toThrow(
      /BOT_ID must be a GUID[\s\S]*BOT_DOMAIN must be a bare host name/,
    );
  });
});
