import { countOutcome } from './fanout-report';

const job = (
  email: string,
  state: 'done' | 'failed' | 'pending',
  result: Record<string, string> | null = state === 'done' ? { activityId: '1' } : null,
) => ({
  kind: 'prompt',
  payload: { period: 'RS-2022/DÅ04', email },
  state,
  result,
});

describe(countOutcome.name, () => {
  const OWNERS = new Set(['anna@x.se', 'bo@x.se', 'cia@x.se', 'dan@x.se']);

  test("when an owner's fan-out card failed but a late-install card arrived, then they are reached, not unreachable", () => {
    const outcome = countOutcome(OWNERS, [job('anna@x.se', 'failed'), job('anna@x.se', 'done'), job('bo@x.se', 'done')]);
    expect(outcome).toEqual({ owners: 2, reached: 2, unreachable: [] });
  });

  test('when every card of an owner failed, then they are unreachable and not counted as reached', () => {
    const outcome = countOutcome(OWNERS, [
      job('cia@x.se', 'failed'),
      job('cia@x.se', 'failed'),
      job('bo@x.se', 'done'),
      job('anna@x.se', 'failed'),
    ]);
    expect(outcome).toEqual({ owners: 3, reached: 1, unreachable: ['anna@x.se', 'cia@x.se'] });
  });

  test('when a card was for someone outside the confirmation, was skipped as not needed, or is malformed, then it is not counted', () => {
    const outcome = countOutcome(OWNERS, [
      job('eva@x.se', 'done'),
      job('dan@x.se', 'done', { skipped: 'nothing to answer' }),
      { kind: 'prompt', payload: { email: 7 }, state: 'failed', result: null },
      job('bo@x.se', 'done'),
    ]);
    expect(outcome).toEqual({ owners: 1, reached: 1, unreachable: [] });
  });
});
