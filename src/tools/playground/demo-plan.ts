import { DateTime } from 'luxon';
import type { PlanFile } from '../../domain/plan-format';
import { deadlineNotes } from '../../domain/plan-checks';
import { DEMO_COLLEAGUES, DEMO_CURRENT_USER } from './demo-people';

function isWorkingDay(date: string): boolean {
  return deadlineNotes([{ label: '', deadline: date }]).length === 0;
}

/**
 * A small plan whose DÅ08 period is open today and whose DÅ04 is already closed, so that a
 * newcomer sees a real inbox card the moment the playground page loads. Dates follow the day it is
 * built, so the demo never goes stale; the deadline is three weeks away, so no reminder slot
 * (7 and 2 working days before) falls on the first day and the demo looks the same every day.
 */
export function buildDemoPlan(today: DateTime): PlanFile {
  const year = today.year;
  const day = (offset: number) => today.plus({ days: offset }).toISODate() ?? '';
  // Three weeks out, moved forward to a working day: a deadline on a Sunday or a holiday reads wrong.
  let deadlineOffset = 21;
  while (!isWorkingDay(day(deadlineOffset))) deadlineOffset += 1;
  const anna = DEMO_CURRENT_USER.email;
  const [erik, maria] = DEMO_COLLEAGUES;
  return {
    organisation: 'Region Exempel',
    units: [
      { key: 'RS', name: 'Regionstyrelsen' },
      { key: 'RS-HR', name: 'HR-avdelningen', parent: 'RS' },
      { key: 'RS-EK', name: 'Ekonomiavdelningen', parent: 'RS' },
    ],
    plans: [
      {
        key: `RS-${year}`,
        unit: 'RS',
        year,
        name: `Regionstyrelsens verksamhetsplan ${year}`,
        periods: [
          { code: 'DÅ04', label: `Delår per april ${year}`, opens: day(-60), deadline: day(-50), closes: day(-40) },
          {
            code: 'DÅ08',
            label: `Delår per augusti ${year}`,
            opens: day(0),
            deadline: day(deadlineOffset),
            closes: day(deadlineOffset + 7),
          },
        ],
        perspectives: [
          {
            key: 'RS-P1',
            name: 'Medarbetare',
            goals: [
              {
                key: 'RS-G1',
                title: 'Arbetsmiljön ska vara hälsofrämjande och bidra till ett hållbart arbetsliv',
                owners: [anna],
                indicators: [
                  {
                    key: 'RS-G1-I1',
                    name: 'Sjukfrånvaro',
                    owner: anna,
                    valueType: 'percent',
                    unit: '%',
                    direction: 'decrease',
                    baseline: 5.1,
                    target: 4.6,
                    periods: ['DÅ04', 'DÅ08'],
                  },
                  {
                    key: 'RS-G1-I2',
                    name: 'Hållbart medarbetarengagemang (HME)',
                    owner: anna,
                    valueType: 'number',
                    unit: 'index',
                    direction: 'atLeast',
                    baseline: 78,
                    target: 80,
                    periods: ['DÅ08'],
                  },
                  {
                    key: 'RS-G1-I3',
                    name: 'Handlingsplan för kemikalieriskbedömning är framtagen',
                    owner: anna,
                    valueType: 'yesno',
                    direction: 'yes',
                    target: true,
                    periods: ['DÅ08'],
                  },
                ],
                activities: [{ key: 'RS-G1-X1', name: 'Arbetsmiljöronder på alla enheter', start: `${year}-01-01`, end: `${year}-12-31` }],
              },
              {
                key: 'RS-G2',
                title: 'Regionen ska vara en attraktiv arbetsgivare',
                owners: [maria!.email],
                indicators: [
                  {
                    key: 'RS-G2-I1',
                    name: 'Personalomsättning',
                    owner: maria!.email,
                    valueType: 'percent',
                    unit: '%',
                    direction: 'decrease',
                    baseline: 9.8,
                    target: 8,
                    periods: ['DÅ04', 'DÅ08'],
                  },
                ],
              },
            ],
          },
          {
            key: 'RS-P2',
            name: 'Ekonomi',
            goals: [
              {
                key: 'RS-G3',
                title: 'Regionen ska ha en ekonomi i balans',
                owners: [erik!.email],
                indicators: [
                  {
                    key: 'RS-G3-I1',
                    name: 'Resultat i förhållande till budget',
                    owner: erik!.email,
                    valueType: 'currency',
                    unit: 'mnkr',
                    direction: 'atLeast',
                    baseline: -12.5,
                    target: 0,
                    periods: ['DÅ04', 'DÅ08'],
                  },
                  {
                    key: 'RS-G3-I2',
                    name: 'Kostnad för inhyrd personal',
                    owner: anna,
                    valueType: 'currency',
                    unit: 'mnkr',
                    direction: 'decrease',
                    baseline: 310,
                    target: 250,
                    periods: ['DÅ08'],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}
