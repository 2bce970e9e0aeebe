import { splitUnitAndPeriod } from '../domain/command-args';
import { unitsUnder } from '../domain/owner-work';
import { channelLocale, type Locale } from '../i18n/locale';
import type { Unit } from '../domain/plan';
import { matchUnits, type UnitMatch } from '../domain/unit-match';
import type { ChannelLinkRepository } from '../store/channel-link-repository';
import type { Person } from '../store/people-repository';
import type { PlanRepository } from '../store/plan-repository';
import type { IdentityService, ChannelToRemember } from './identity-service';
import type { LoadedSummary, SummaryService } from './summary-service';

/** Units named in a command: every one found, or why not. */
export type UnitsNamed =
  { kind: 'units'; units: Unit[] } | { kind: 'usage' } | { kind: 'no_units' } | { kind: 'unknown'; unknown: UnitMatch['unknown'] };

export type LinkResult =
  Exclude<UnitsNamed, { kind: 'units' }> | { kind: 'already_linked'; named: string[] } | { kind: 'linked'; named: string[]; all: string[] };
export type UnlinkResult =
  | Exclude<UnitsNamed, { kind: 'units' }>
  | { kind: 'not_linked'; named: string[] }
  | { kind: 'unlinked'; named: string[]; remaining: string[] };

export type SummaryRequest =
  | { kind: 'not_linked' }
  | { kind: 'unknown'; unknown: UnitMatch['unknown'] }
  | { kind: 'outside'; unit: string }
  | { kind: 'outside_managed'; unit: string }
  | { kind: 'not_coordinator' }
  | { kind: 'no_summary'; code: string | null }
  /** `locale` is the channel's language for a summary shown in a channel; null in personal chat (the asker's). */
  | { kind: 'summary'; loaded: LoadedSummary; scope: string[]; locale: Locale | null };

export interface ChannelServiceDeps {
  plans: PlanRepository;
  links: ChannelLinkRepository;
  summaries: SummaryService;
  identity: IdentityService;
  /** UTFALL_LANGUAGE: with `auto`, a channel's cards are in the language of whoever linked it. */
  language: 'auto' | Locale;
  kick: () => void;
  now: () => Date;
}

/** Management channels: which units a channel follows, and the summaries it may see. */
export class ChannelService {
  constructor(private readonly deps: ChannelServiceDeps) {}

  /**
   * `koppla <enhet …>`: the channel follows those units (and everything below them); its summaries
   * follow, in `locale` (the linker's Teams language) when UTFALL_LANGUAGE is `auto`.
   */
  async link(channel: ChannelToRemember, unitText: string, by: Person, locale: Locale | null = null): Promise<LinkResult> {
    const named = await this.unitsNamed(unitText);
    if (named.kind !== 'units') return named;
    await this.deps.identity.rememberChannel(channel);
    const created = await this.deps.links.link(
      channel.conversationId,
      named.units.map((unit) => unit.key),
      by.email,
      this.deps.now(),
      locale,
    );
    const all = await this.deps.links.unitsOf(channel.conversationId);
    const names = named.units.map((unit) => unit.name);
    if (created === 0) return { kind: 'already_linked', named: names };
    if ((await this.deps.summaries.enqueueForChannel(channel.conversationId, all)) > 0) this.deps.kick();
    return { kind: 'linked', named: names, all: await this.unitNames(all) };
  }

  async unlink(channelId: string, unitText: string): Promise<UnlinkResult> {
    const named = await this.unitsNamed(unitText);
    if (named.kind !== 'units') return named;
    const removed = await this.deps.links.unlink(
      channelId,
      named.units.map((unit) => unit.key),
    );
    const names = named.units.map((unit) => unit.name);
    if (removed === 0) return { kind: 'not_linked', named: names };
    return { kind: 'unlinked', named: names, remaining: await this.unitNames(await this.deps.links.unitsOf(channelId)) };
  }

  /** The names of the units a channel follows. */
  async linkedNames(channelId: string): Promise<string[]> {
    return this.unitNames(await this.deps.links.unitsOf(channelId));
  }

  /** The language of a channel's cards (see {@link channelLocale}). */
  async localeOf(channelId: string): Promise<Locale> {
    return channelLocale(this.deps.language, await this.deps.links.localeOf(channelId));
  }

  /** The units a channel follows (its links; never anything a payload says). */
  linkedUnits(channelId: string): Promise<string[]> {
    return this.deps.links.unitsOf(channelId);
  }

  /**
   * `sammanfattning [enhet] [period]`: in a linked channel, what the channel follows (or a unit within
   * it); in personal chat, for coordinators only, any unit (default: the top units).
   */
  async summary(
    where: { channelId: string } | { coordinator: boolean; managed: readonly string[] },
    args: readonly string[],
  ): Promise<SummaryRequest> {
    const { unitText, period: code } = splitUnitAndPeriod(
      args,
      (await this.deps.plans.listPeriods()).map((period) => period.code),
    );
    const allUnits = await this.deps.plans.listUnits();
    let scope: string[];
    if ('channelId' in where) {
      const linked = await this.deps.links.unitsOf(where.channelId);
      if (linked.length === 0) return { kind: 'not_linked' };
      scope = linked;
      if (unitText !== '') {
        const matched = matchUnits(allUnits, unitText);
        if (matched.unknown.length > 0) return { kind: 'unknown', unknown: matched.unknown };
        const followed = unitsUnder(allUnits, linked);
        const outside = matched.units.find((unit) => !followed.has(unit.key));
        if (outside) return { kind: 'outside', unit: outside.name };
        scope = matched.units.map((unit) => unit.key);
      }
    } else if (where.coordinator) {
      if (unitText === '')
        scope = allUnits
          .filter((unit) => unit.parent === null || !allUnits.some((other) => other.key === unit.parent))
          .map((unit) => unit.key);
      else {
        const matched = matchUnits(allUnits, unitText);
        if (matched.unknown.length > 0) return { kind: 'unknown', unknown: matched.unknown };
        scope = matched.units.map((unit) => unit.key);
      }
    } else {
      // A unit's manager sees their own units (and any unit below them), nothing else.
      if (where.managed.length === 0) return { kind: 'not_coordinator' };
      scope = [...where.managed];
      if (unitText !== '') {
        const matched = matchUnits(allUnits, unitText);
        if (matched.unknown.length > 0) return { kind: 'unknown', unknown: matched.unknown };
        const managed = unitsUnder(allUnits, where.managed);
        const outside = matched.units.find((unit) => !managed.has(unit.key));
        if (outside) return { kind: 'outside_managed', unit: outside.name };
        scope = matched.units.map((unit) => unit.key);
      }
    }
    const ref = await this.deps.summaries.defaultRef(scope, code);
    const loaded = ref ? await this.deps.summaries.load(scope, ref) : null;
    if (!loaded) return { kind: 'no_summary', code };
    return { kind: 'summary', loaded, scope, locale: 'channelId' in where ? await this.localeOf(where.channelId) : null };
  }

  /** The units whose manager (chef) this person is, by the plan. */
  async managedBy(email: string): Promise<string[]> {
    const folded = email.toLowerCase();
    return (await this.deps.plans.listUnits()).filter((unit) => unit.manager === folded).map((unit) => unit.key);
  }

  /** True when every unit is one the person manages or lies below one (for drill-downs from a manager's card). */
  async withinManaged(email: string, units: readonly string[]): Promise<boolean> {
    const managed = await this.managedBy(email);
    if (managed.length === 0 || units.length === 0) return false;
    const scope = unitsUnder(await this.deps.plans.listUnits(), managed);
    return units.every((unit) => scope.has(unit));
  }

  /** Units named in a command's arguments, by key or name as `koppla` matches them. */
  async unitsNamed(text: string): Promise<UnitsNamed> {
    if (text.trim() === '') return { kind: 'usage' };
    const units = await this.deps.plans.listUnits();
    if (units.length === 0) return { kind: 'no_units' };
    const matched = matchUnits(units, text.trim());
    if (matched.unknown.length > 0 || matched.units.length === 0) return { kind: 'unknown', unknown: matched.unknown };
    return { kind: 'units', units: matched.units };
  }

  /** Every period code in the plans, for telling a period from a unit in what was typed. */
  async periodCodes(): Promise<string[]> {
    return [...new Set((await this.deps.plans.listPeriods()).map((period) => period.code))];
  }

  /** Unit names for keys (the key itself for an unknown one). */
  namesOf(keys: readonly string[]): Promise<string[]> {
    return this.unitNames(keys);
  }

  private async unitNames(keys: readonly string[]): Promise<string[]> {
    const units = await this.deps.plans.listUnits();
    return keys.map((key) => units.find((unit) => unit.key === key)?.name ?? key);
  }
}
