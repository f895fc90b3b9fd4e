import { describe, expect, it } from 'vitest';
import { bodyKindOf, ownHosts } from '@backend/server/request-guard';

describe('the Host values the server answers to', () => {
  it('are its loopback names with the bound port', () => {
    expect([...ownHosts(3000)].sort()).toEqual(['127.0.0.1:3000', '[::1]:3000', 'localhost:3000']);
  });

  it('add the configured host and server name, lower-cased, IPv6 in brackets', () => {
    const hosts = ownHosts(8080, ['192.168.1.20', 'WuYe.Local', 'fe80::1']);
    for (const host of ['192.168.1.20:8080', 'wuye.local:8080', '[fe80::1]:8080']) expect(hosts.has(host), host).toBe(true);
    expect(hosts.has('192.168.1.20')).toBe(false);
  });

  it('include the bare names on port 80, where browsers leave the port out', () => {
    const hosts = ownHosts(80, ['wuye.local']);
    for (const host of ['localhost', '127.0.0.1', 'wuye.local', 'localhost:80']) expect(hosts.has(host), host).toBe(true);
  });
});

describe('which routes take which body when written to', () => {
  it.each([
    ['/api/functions/orders', 'json'],
    ['/api/dev/clock', 'json'],
    ['/api/files', 'upload'],
    ['/api/files/f0123456789.png', null],
    ['/api/health', null],
    ['/', null],
  ])('%s → %s', (pathname, kind) => {
    expect(bodyKindOf(pathname)).toBe(kind);
  });
});
