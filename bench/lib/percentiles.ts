/** Growable sample buffer with percentiles (nearest-rank on the sorted samples). */
export class Samples {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** A copy of the samples so far (to pool several windows). */
  values(): Float64Array {
    return this.data.slice(0, this.length);
  }

  summary(): Summary {
    return summarize(this.data.subarray(0, this.length));
  }
}

export interface Summary {
  n: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

export function summarize(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n === 0) return { n, p50: null, p99: null, max: null, mean: null };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return { n, p50: at(0.5), p99: at(0.99), max: sorted[n - 1]!, mean: sum / n };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
