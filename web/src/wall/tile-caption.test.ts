import { describe, expect, it } from 'vitest';
import { captionParts } from './tile-caption';

describe('captionParts', () => {
  it('keeps the distinguishing end of two English names that share their start', () => {
    const names = ['Route 304, Mueang Chachoengsao', 'Route 304, Phanom Sarakham', 'Motorway 7, Bang Pakong'];
    expect(captionParts(names[0]!, names)).toEqual({ head: 'Route 304, ', tail: 'Mueang Chachoengsao' });
    expect(captionParts(names[1]!, names)).toEqual({ head: 'Route 304, ', tail: 'Phanom Sarakham' });
  });

  it('does the same for Thai names, cutting at a word and never inside one', () => {
    const names = ['ทางหลวง 304 อำเภอเมืองฉะเชิงเทรา', 'ทางหลวง 304 อำเภอพนมสารคาม'];
    const [a, b] = names.map((name) => captionParts(name, names));
    expect(a!.head + a!.tail).toBe(names[0]);
    expect(b!.head + b!.tail).toBe(names[1]);
    expect(a!.head.startsWith('ทางหลวง 304')).toBe(true);
    expect(a!.tail).toMatch(/เมืองฉะเชิงเทรา$/);
    expect(b!.tail).toMatch(/พนมสารคาม$/);
    // The tails differ from their first character: that is what stays on screen.
    expect(a!.tail[0]).not.toBe(b!.tail[0]);
  });

  it('keeps a Thai name whole as the tail when it shares no word with the others', () => {
    const names = ['ลานตลาดวัดโสธรวรารามวรวิหาร', 'ตัวอำเภอท่าตะเกียบ ทางไปเขาอ่างฤๅไน'];
    expect(captionParts(names[0]!, names)).toEqual({ head: '', tail: names[0] });
  });

  it('keeps the whole name as the tail when nothing or only part of a word is shared', () => {
    expect(captionParts('Route 304', ['Road 7'])).toEqual({ head: '', tail: 'Route 304' });
    expect(captionParts('Bang Pakong', [])).toEqual({ head: '', tail: 'Bang Pakong' });
    // Two cameras with the same name: nothing tells them apart, so nothing is moved aside.
    expect(captionParts('Gate', ['Gate'])).toEqual({ head: '', tail: 'Gate' });
  });

  it('never leaves the tail empty when one name is the start of another', () => {
    expect(captionParts('Route 304', ['Route 304 north'])).toEqual({ head: 'Route ', tail: '304' });
    expect(captionParts('Route 304 north', ['Route 304'])).toEqual({ head: 'Route 304 ', tail: 'north' });
  });
});
