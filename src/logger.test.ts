import { createLogger } from './logger';

function capture(secrets: string[]) {
  const lines: string[] = [];
  const logger = createLogger('info', { destination: { write: (line: string) => void lines.push(line) }, secrets });
  return { logger, lines };
}

describe('the logger', () => {
  test('when a secret occurs anywhere in a line (an error message, a URL, a nested field), then it is replaced', () => {
    const { logger, lines } = capture(['p@ss"word-123']);
    logger.error(
      { err: new Error('connect to mongodb://u:p@ss"word-123@db failed'), nested: { deep: ['p@ss"word-123'] } },
      'failed with p@ss"word-123',
    );

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('p@ss');
    expect(lines[0]).toContain('[redacted]');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'failed with [redacted]' });
  });

  test('when settings, headers or tokens are logged by name, then their values are redacted whatever they are', () => {
    const { logger, lines } = capture([]);
    logger.info(
      {
        settings: { MicrosoftAppPassword: 'abc', MicrosoftAppId: 'id-1' },
        req: { headers: { authorization: 'Bearer xyz' } },
        token: 'eyJ',
      },
      'probe',
    );

    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      settings: { MicrosoftAppPassword: '[redacted]', MicrosoftAppId: 'id-1' },
      req: { headers: { authorization: '[redacted]' } },
      token: '[redacted]',
    });
  });
});
