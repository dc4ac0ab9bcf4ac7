// The server's resident memory over a run, and the rule that calls it flat: after a warm-up, the
// mean of the second half of the samples is at most FLAT_TOLERANCE above the mean of the first half.
import { fmt } from "../bench/harness";
import type { Check } from "./checks";
import { residentMb } from "./stack";

const FLAT_TOLERANCE = 0.15;

export type MemorySampler = { stop(): Check };

/** Samples `pid`'s VmRSS every `everyMs`; `stop()` judges the samples taken after `warmUpMs`. */
export function sampleMemory(pid: number, everyMs: number, warmUpMs: number): MemorySampler {
  const startedAt = Date.now();
  const samples: { at: number; mb: number }[] = [];
  const take = () => {
    const mb = residentMb(pid);
    if (mb !== null) samples.push({ at: Date.now() - startedAt, mb });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      const mean = (xs: { mb: number }[]) => xs.reduce((a, s) => a + s.mb, 0) / xs.length;
      const steady = samples.filter((s) => s.at >= warmUpMs);
      const first = steady.slice(0, Math.floor(steady.length / 2));
      const second = steady.slice(Math.floor(steady.length / 2));
      const peak = Math.max(...samples.map((s) => s.mb));
      const figures = `start ${fmt(samples[0].mb)} MB, peak ${fmt(peak)} MB, end ${fmt(samples.at(-1)!.mb)} MB; ${samples.length} samples every ${everyMs / 1000} s`;
      if (first.length < 3) return { name: "server memory flat", ok: false, detail: `${figures}; too few samples after the ${warmUpMs / 1000} s warm-up to judge` };
      const growth = mean(second) / mean(first) - 1;
      return {
        name: "server memory flat",
        ok: growth <= FLAT_TOLERANCE,
        detail: `${figures}; after the ${warmUpMs / 1000} s warm-up, mean of the second half ${fmt(mean(second))} MB vs first half ${fmt(mean(first))} MB: ${growth >= 0 ? "+" : ""}${fmt(growth * 100, 1)}% (rule: at most +${FLAT_TOLERANCE * 100}%)`,
      };
    },
  };
}
