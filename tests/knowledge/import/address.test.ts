import { describe, expect, it } from 'vitest';
import { addressKind, describeKind } from '../../../src/knowledge/import/address.ts';

describe('addressKind', () => {
  it.each([
    ['93.184.215.14', undefined],
    ['8.8.8.8', undefined],
    ['2606:4700:4700::1111', undefined],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fd00::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['192.0.2.10', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['255.255.255.255', 'reserved'],
    ['not an address', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it('judges an IPv6 address that carries an IPv4 one by the IPv4 address', () => {
    expect(addressKind('::ffff:127.0.0.1')).toBe('loopback');
    expect(addressKind('::ffff:7f00:1')).toBe('loopback');
    expect(addressKind('::ffff:10.1.2.3')).toBe('private');
    expect(addressKind('::ffff:169.254.169.254')).toBe('link-local');
    expect(addressKind('64:ff9b::a00:1')).toBe('private');
    expect(addressKind('2002:c0a8:0101::1')).toBe('private');
    expect(addressKind('::ffff:8.8.8.8')).toBeUndefined();
  });

  it('does not take 172.32.0.0, just past the private block, for a private address', () => {
    expect(addressKind('172.32.0.1')).toBeUndefined();
    expect(addressKind('100.128.0.1')).toBeUndefined();
  });

  it('names the kind with its article', () => {
    expect(describeKind('private')).toBe('a private address');
    expect(describeKind('unspecified')).toBe('an unspecified address');
  });
});
