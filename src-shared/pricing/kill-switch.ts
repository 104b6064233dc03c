export interface KillSwitchSettings {
  /** A drop of at least this share of the old price counts as sharp. */
  sharpDropPercent: number;
  /** Pause the store when at least this share of the products decided in one cycle drop sharply... */
  maxSharpShare: number;
  /** ...and at least this many of them (a store with three products is not an anomaly at 1 of 3). */
  minSharpCount: number;
}

export const DEFAULT_KILL_SWITCH_SETTINGS: KillSwitchSettings = { sharpDropPercent: 20, maxSharpShare: 0.3, minSharpCount: 5 };

export interface PlannedChange {
  oldPrice: number;
  newPrice: number;
}

export interface KillSwitchVerdict {
  trip: boolean;
  sharpDrops: number;
  considered: number;
  share: number;
}

/**
 * Judges one cycle's planned changes of one store. `considered` counts every product decided in the
 * cycle (holds included), so a quiet catalogue with a few moves is not mistaken for a crash.
 */
export function evaluateKillSwitch(
  changes: readonly PlannedChange[],
  considered: number,
  s: KillSwitchSettings = DEFAULT_KILL_SWITCH_SETTINGS,
): KillSwitchVerdict {
  // Integer comparison: drop·100 ≥ old·percent, so no float rounding decides a pause.
  const sharpDrops = changes.filter((c) => (c.oldPrice - c.newPrice) * 100 >= c.oldPrice * s.sharpDropPercent && c.newPrice < c.oldPrice).length;
  const total = Math.max(considered, changes.length);
  const share = total === 0 ? 0 : sharpDrops / total;
  return { trip: sharpDrops >= s.minSharpCount && share >= s.maxSharpShare, sharpDrops, considered: total, share };
}
