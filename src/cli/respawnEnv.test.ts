import { describe, expect, it } from 'vitest';
import { asksForHugePages, respawnEnv } from './respawnEnv.js';

describe('respawnEnv', () => {
  it('marks the re-run and asks for huge pages, keeping the rest of the environment', () => {
    const env = respawnEnv({ PATH: '/bin', TZ: 'UTC' });
    expect(env).toEqual({ PATH: '/bin', TZ: 'UTC', IDWEAVE_NO_RESPAWN: '1', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
  });

  it("adds to the caller's other tunables", () => {
    expect(respawnEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
    expect(respawnEnv({ GLIBC_TUNABLES: '' }).GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=1');
  });

  it("keeps the caller's own choice of huge pages", () => {
    expect(respawnEnv({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }).GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=0');
    expect(respawnEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2' }).GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2');
  });

  it('does not change the environment it is given', () => {
    const env = { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' };
    respawnEnv(env);
    expect(env).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' });
  });

  it('knows whether an environment already asks for huge pages, whatever the value', () => {
    expect(asksForHugePages({})).toBe(false);
    expect(asksForHugePages({ GLIBC_TUNABLES: '' })).toBe(false);
    expect(asksForHugePages({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toBe(false);
    expect(asksForHugePages({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' })).toBe(true);
    expect(asksForHugePages({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0' })).toBe(true);
    expect(asksForHugePages(respawnEnv({}))).toBe(true);
  });
});
