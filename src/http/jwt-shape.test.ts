import { looksLikeBotFrameworkJwt } from './jwt-shape';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(looksLikeBotFrameworkJwt.name, () => {
  test.each([
    ['no header', undefined, false],
    ['an empty header', '', false],
    ['a basic auth header', 'Basic dXNlcjpwYXNz', false],
    ['an unsigned token', `Bearer ${part({ alg: 'none' })}.${part({ iss: 'x' })}.`, false],
    ['an HMAC token', `Bearer ${part({ alg: 'HS256' })}.${part({ iss: 'x' })}.c2ln`, false],
    ['garbage in the header part', 'Bearer bm9wZQ.bm9wZQ.bm9wZQ', false],
    ['an RS256 token', `Bearer ${part({ alg: 'RS256', kid: 'k1' })}.${part({ iss: 'x' })}.c2ln`, true],
  ])('when the header is %s, then the answer is as expected', (_label, header, expected) => {
    expect(looksLikeBotFrameworkJwt(header)).toBe(expected);
  });
});
