// Occasional real-world GPS faults for the simulator: a repeated fix, a 0,0 fix, a fix delivered late (out of order).
import type { Rng } from './prng';

export interface FaultRates {
  duplicate: number;
  zero: number;
  late: number;
}

export const DEFAULT_FAULT_RATES: FaultRates = { duplicate: 0.01, zero: 0.005, late: 0.01 };

/** The fields a fault can change. */
export interface FaultableFix {
  lon: number;
  lat: number;
}

/**
 * Given each fix as it is due, returns what the device actually sends now: usually the fix itself; sometimes the fix
 * twice, a 0,0 fix of the same moment first (a receiver without a lock), or nothing now and the fix after the next one.
 */
export class FaultInjector<F extends FaultableFix> {
  private held: F | null = null;

  constructor(
    private readonly rng: Rng,
    private readonly rates: FaultRates = DEFAULT_FAULT_RATES,
  ) {}

  push(fix: F): F[] {
    const out: F[] = [];
    if (this.rng.chance(this.rates.zero)) out.push({ ...fix, lon: 0, lat: 0 });
    if (this.held === null && this.rng.chance(this.rates.late)) {
      this.held = fix;
      return out;
    }
    out.push(fix);
    if (this.rng.chance(this.rates.duplicate)) out.push({ ...fix });
    if (this.held !== null) {
      out.push(this.held);
      this.held = null;
    }
    return out;
  }
}
