// The viewing copy's filter graph: scaling, the name label, and a burned-in Bangkok clock that follows the clip's parts.
import { BANGKOK_OFFSET_MS } from './bangkok-clock';
import type { ClipPart } from './clip-plan';

/** A wall-clock jump under this between two parts is the recorder's clock correction, not a gap. */
const SEAMLESS_MS = 500;

/** Parts joined where the clock runs on without a gap: one clock overlay each. */
export function clockRuns(parts: readonly ClipPart[]): { fromS: number; toS: number; wallAtZeroS: number }[] {
  const runs: { fromS: number; toS: number; wallAtZeroS: number }[] = [];
  parts.forEach((part, i) => {
    const previous = parts[i - 1];
    const last = runs[runs.length - 1];
    if (last && previous && Math.abs(part.wallFrom.getTime() - previous.wallTo.getTime()) < SEAMLESS_MS) {
      last.toS = part.toS;
      return;
    }
    // drawtext prints pts + offset as a UTC time: the offset puts output zero at this run's Bangkok wall time.
    const wallAtZeroS = (part.wallFrom.getTime() + BANGKOK_OFFSET_MS) / 1000 - part.fromS;
    runs.push({ fromS: part.fromS, toS: part.toS, wallAtZeroS });
  });
  return runs;
}

/**
 * Scale, the name label at the top left, and one drawtext clock per run, each shown over its own output seconds only
 * (the text files hold `%{pts:gmtime:offset}`, so the filter string needs no escaping of the time).
 */
export function workingCopyFilter(
  layout: { outHeight: number; marginPx: number; fontPx: number },
  runs: readonly { fromS: number; toS: number }[],
): string {
  const { outHeight, marginPx, fontPx } = layout;
  const clocks = runs.map((run, i) => {
    // between() is inclusive: the next run takes over from its first frame on; the last one runs to the end.
    const shown =
      runs.length === 1
        ? ''
        : i === runs.length - 1
          ? `:enable='gte(t,${run.fromS.toFixed(4)})'`
          : `:enable='between(t,${run.fromS.toFixed(4)},${(run.toS - 0.0005).toFixed(4)})'`;
    return (
      `,drawtext=fontfile=clock.ttf:textfile=clock-${i}.txt:fontsize=${fontPx}:fontcolor=white` +
      `:box=1:boxcolor=black@0.55:boxborderw=${Math.round(fontPx * 0.3)}:x=${marginPx}:y=h-th-${marginPx}${shown}`
    );
  });
  return `[0:v]scale=w=-2:h=${outHeight}[scaled];[scaled][1:v]overlay=x=${marginPx}:y=${marginPx}${clocks.join('')}[v]`;
}
