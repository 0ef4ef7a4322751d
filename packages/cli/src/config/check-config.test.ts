import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CHECK_CONFIG, mergeCheckConfig, parseCheckConfig, parseDeny } from './check-config.js';

describe('parseCheckConfig', () => {
  it('reads every key', () => {
    expect(parseCheckConfig({ $schema: 'x', maxSize: '50MB', maxFiles: 5000, deny: ['secrets', 'vcs'], builderDivergence: true }, 'f')).toEqual({ maxSize: 50_000_000, maxFiles: 5000, deny: ['secrets', 'vcs'], warn: undefined, allow: undefined, builderDivergence: true });
  });

  it.each([
    [{ maxSzie: 1 }, 'f: unknown key "maxSzie"'],
    [{ maxSize: 'big' }, 'f: maxSize "big" is not a size'],
    [{ maxFiles: 1.5 }, 'f: maxFiles must be a whole number, got 1.5'],
    [{ deny: ['nope'] }, 'f: unknown deny category "nope"'],
    [{ deny: [1] }, 'f: deny must list category names, got 1'],
    [{ builderDivergence: 'yes' }, 'f: builderDivergence must be true or false'],
    [[], 'f: the configuration must be a JSON object'],
    [{ warn: ['nope'] }, 'f: unknown warn category "nope"'],
    [{ allow: ['x'] }, 'f: allow: must be an object from category to a list of paths'],
    [{ allow: { secrets: 'x' } }, 'f: allow: "secrets" must list paths as strings'],
    [{ allow: { secret: ['x'] } }, 'f: allow: unknown category "secret"'],
    [{ allow: { '*': ['/etc/passwd'] } }, 'f: allow: "/etc/passwd" is not a path inside the context'],
  ])('%j -> %s', (raw, message) => {
    expect(() => parseCheckConfig(raw, 'f')).toThrow(ConfigError);
    expect(() => parseCheckConfig(raw, 'f')).toThrow(message);
  });
});

describe('parseDeny', () => {
  it('accepts comma lists, repeats and "none"', () => {
    expect(parseDeny(['secrets,vcs', 'logs', 'vcs'], '--deny')).toEqual(['secrets', 'vcs', 'logs']);
    expect(parseDeny('none', '--deny')).toEqual([]);
  });
});

describe('mergeCheckConfig', () => {
  it('allow lists add up across layers', () => {
    expect(mergeCheckConfig({ allow: { secrets: ['a'] } }, { allow: { secrets: ['b'], '*': ['c'] } }).allow).toEqual({ secrets: ['a', 'b'], '*': ['c'] });
  });

  it('defaults deny secrets; later layers win key by key', () => {
    expect(mergeCheckConfig()).toEqual(DEFAULT_CHECK_CONFIG);
    expect(mergeCheckConfig({ maxSize: 10, deny: ['vcs'] }, { maxSize: 20 })).toEqual({ maxSize: 20, maxFiles: undefined, deny: ['vcs'], builderDivergence: false, warn: [], allow: {} });
  });
});
