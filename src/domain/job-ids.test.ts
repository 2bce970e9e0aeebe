import { jobBatches, jobIds, manualReminderSlot, promptBatches, scheduledReminderSlot } from './job-ids';

// Job ids are the de-duplication keys of stored jobs: these strings must never change shape.
const PERIOD = 'HL-RGS-2022/UR1';
const EMAIL = 'anna.lind@regionexempel.se';
const REF = { code: 'DÅ08', year: 2026 };
const INBOX = { code: 'UR1', year: 2022 };
const CHANNEL = '19:abc@thread.tacv2';

describe('jobIds', () => {
  test('when periods open, then each owner has one prompt id per inbox (code and year) and what the card covers', () => {
    expect(jobIds.prompt(INBOX, EMAIL, 'HL-RGS-2022+HL-RS-2022')).toBe('prompt:2022/UR1:anna.lind@regionexempel.se:HL-RGS-2022+HL-RS-2022');
  });

  test('when someone installs late, then the first round has no number and later rounds are numbered from 2', () => {
    expect([1, 2, 5].map((round) => jobIds.latePrompt(INBOX, EMAIL, 'HL-RGS-2022', round))).toEqual([
      'prompt-late:2022/UR1:anna.lind@regionexempel.se:HL-RGS-2022',
      'prompt-late:2022/UR1:anna.lind@regionexempel.se:HL-RGS-2022:2',
      'prompt-late:2022/UR1:anna.lind@regionexempel.se:HL-RGS-2022:5',
    ]);
  });

  test('when something is delegated, then the prompt id names the subject and the instant in milliseconds', () => {
    expect(jobIds.delegatedPrompt(PERIOD, 'bo@regionexempel.se', 'IND-1.2', new Date(1_651_392_000_000))).toBe(
      'prompt:HL-RGS-2022/UR1:bo@regionexempel.se:delegated:IND-1.2:1651392000000',
    );
  });

  test('when reminders are enqueued, then the ids name the inbox, the slot (with its deadline) and the owner', () => {
    expect(jobIds.reminder(INBOX, scheduledReminderSlot('2022-05-12', '7wd'), EMAIL)).toBe(
      'reminder:2022/UR1:2022-05-12/7wd:anna.lind@regionexempel.se',
    );
    expect(jobIds.reminder(INBOX, manualReminderSlot('2022-05-02T08:00:00.000Z'), EMAIL)).toBe(
      'reminder:2022/UR1:manual-2022-05-02T08:00:00.000Z:anna.lind@regionexempel.se',
    );
    expect(jobIds.missingReport('UR1', '2022-05-12', EMAIL)).toBe('missing-report:UR1:2022-05-12:anna.lind@regionexempel.se');
  });

  test('when summaries are enqueued, then post and final are once per channel and period and updates once per time slot', () => {
    expect(jobIds.summary('post', CHANNEL, REF)).toBe('summary:post:19:abc@thread.tacv2:2026/DÅ08');
    expect(jobIds.summary('final', CHANNEL, REF)).toBe('summary:final:19:abc@thread.tacv2:2026/DÅ08');
    expect(jobIds.summaryUpdate(CHANNEL, REF, 29_000_123)).toBe('summary:update:19:abc@thread.tacv2:2026/DÅ08:29000123');
  });
});

describe('jobBatches', () => {
  test('when jobs are grouped for reporting, then each batch has its own key', () => {
    expect([
      jobBatches.prompt(INBOX),
      jobBatches.latePrompt(INBOX),
      jobBatches.delegatedPrompt(INBOX),
      jobBatches.reminder(INBOX, '2022-05-12/deadline'),
      jobBatches.missingReport('UR1', '2022-05-12'),
      jobBatches.summary(REF),
    ]).toEqual([
      'prompt:2022/UR1',
      'prompt-late:2022/UR1',
      'delegated:2022/UR1',
      'reminder:2022/UR1:2022-05-12/deadline',
      'missing-report:UR1:2022-05-12',
      'summary:2026/DÅ08',
    ]);
    expect(promptBatches(INBOX)).toEqual(['prompt:2022/UR1', 'prompt-late:2022/UR1', 'delegated:2022/UR1']);
  });
});
