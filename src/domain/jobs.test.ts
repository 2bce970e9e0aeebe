import fc from 'fast-check';
import { JOB_KINDS, parseJobSpec, type JobSpec } from './jobs';

/** One spec of each kind (and reminder type) as the services enqueue them. */
const VALID: JobSpec[] = [
  { kind: 'prompt', payload: { period: 'HL-RGS-2022/UR1', email: 'anna.lind@regionexempel.se' } },
  {
    kind: 'reminder',
    payload: { type: 'reminder', period: 'HL-RGS-2022/UR1', email: 'anna.lind@regionexempel.se', slot: 'manual-2022-05-02T08:00:00.000Z' },
  },
  { kind: 'reminder', payload: { type: 'missing-report', code: 'UR1', deadline: '2022-05-12', email: 'samordnare@regionexempel.se' } },
  { kind: 'summary', payload: { conversation: '19:abc@thread.tacv2', code: 'DÅ08', year: '2026', mode: 'update' } },
];

describe(parseJobSpec.name, () => {
  test.each(VALID)('when a $kind job is stored as it was enqueued, then it parses to the same kind and payload', (spec) => {
    expect(parseJobSpec(spec.kind, spec.payload)).toEqual({ ok: true, spec });
  });

  test('when a stored payload carries fields the kind does not know, then they are left out and the job still runs', () => {
    expect(parseJobSpec('prompt', { period: 'P/UR1', email: 'a@x.se', extra: 'x' })).toEqual({
      ok: true,
      spec: { kind: 'prompt', payload: { period: 'P/UR1', email: 'a@x.se' } },
    });
  });

  test.each([
    'constructor',
    '__proto__',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    'Prompt',
    'prompt ',
    '',
    'summary:post',
    'e7f3a9c1',
  ])('when the kind is %j, then it is an unknown kind and the payload is not looked at', (kind) => {
    expect(parseJobSpec(kind, { period: 'P/UR1', email: 'a@x.se' })).toEqual({
      ok: false,
      problem: 'unknown kind',
      error: `unknown job kind ${JSON.stringify(kind)}`,
    });
  });

  test.each([null, undefined, 42, {}, ['prompt']])('when the stored kind is not a string (%j), then it is an unknown kind', (kind) => {
    expect(parseJobSpec(kind, { period: 'P/UR1', email: 'a@x.se' })).toMatchObject({ ok: false, problem: 'unknown kind' });
  });

  test('when the kind is any other string, then it is an unknown kind and parsing never throws', () => {
    fc.assert(
      fc.property(
        fc.string().filter((kind) => !JOB_KINDS.some((known) => known === kind)),
        fc.anything(),
        (kind, payload) => {
          expect(parseJobSpec(kind, payload)).toMatchObject({ ok: false, problem: 'unknown kind' });
        },
      ),
    );
  });

  test.each<[string, unknown]>([
    ['prompt', {}],
    ['prompt', { period: 'P/UR1' }],
    ['prompt', { period: 'P/UR1', email: '' }],
    ['prompt', { period: 'P/UR1', email: 42 }],
    ['prompt', null],
    ['prompt', 'prompt:P/UR1:a@x.se'],
    ['prompt', ['P/UR1', 'a@x.se']],
    ['prompt', JSON.parse('{"period":"P/UR1","__proto__":{"email":"a@x.se"}}')],
    ['reminder', { period: 'P/UR1', email: 'a@x.se', slot: '7wd' }],
    ['reminder', { type: 'nudge', period: 'P/UR1', email: 'a@x.se', slot: '7wd' }],
    ['reminder', { type: 'missing-report', period: 'P/UR1', email: 'a@x.se' }],
    ['summary', { conversation: '19:c', code: 'DÅ08', year: '2026', mode: 'delete' }],
    ['summary', { conversation: '19:c', code: 'DÅ08', year: 'tjugo', mode: 'post' }],
    ['summary', { conversation: '19:c', code: 'DÅ08', year: 2026, mode: 'post' }],
    ['summary', { code: 'DÅ08', year: '2026', mode: 'post' }],
  ])('when a %s payload is %j, then it is malformed and says which kind', (kind, payload) => {
    const parsed = parseJobSpec(kind, payload);
    expect(parsed).toMatchObject({ ok: false, problem: 'malformed payload' });
    expect(parsed.ok || parsed.error).toMatch(new RegExp(`^malformed ${kind} payload: \\S`));
  });
});
