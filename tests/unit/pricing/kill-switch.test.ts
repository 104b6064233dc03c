import { describe, expect, it } from 'vitest';
import { evaluateKillSwitch } from '../../../src-shared/pricing';

const drop = (from: number, to: number) => ({ oldPrice: from, newPrice: to });

describe('kill switch', () => {
  it('trips when an unusual share of a store drops sharply in one cycle', () => {
    const changes = Array.from({ length: 6 }, () => drop(10_000, 5_000));
    expect(evaluateKillSwitch(changes, 10)).toMatchObject({ trip: true, sharpDrops: 6 });
  });
  it('stays calm for ordinary one-step undercuts', () => {
    const changes = Array.from({ length: 50 }, () => drop(10_000, 9_999));
    expect(evaluateKillSwitch(changes, 50).trip).toBe(false);
  });
  it('stays calm for a few sharp drops in a big catalogue', () => {
    const changes = Array.from({ length: 6 }, () => drop(10_000, 5_000));
    expect(evaluateKillSwitch(changes, 1000).trip).toBe(false);
  });
  it('treats exactly the sharp-drop percentage as sharp', () => {
    expect(evaluateKillSwitch(Array.from({ length: 5 }, () => drop(1000, 800)), 5).trip).toBe(true);
    expect(evaluateKillSwitch(Array.from({ length: 5 }, () => drop(1000, 801)), 5).trip).toBe(false);
  });
});
