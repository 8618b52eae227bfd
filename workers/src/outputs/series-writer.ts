// Stores the planners' time series: people per crowd zone and line crossings per interval.
import type { Queryable } from '@toc/server/db/pool';
import { insertCrowdSample, insertLineCounts } from '@toc/server/repositories/counts.repository';
import type { CrowdSample } from '../rules/crowd.rule';
import type { LineCount } from '../rules/line-counter';

export async function writeSeries(db: Queryable, cameraId: number, crowd: readonly CrowdSample[], lines: readonly LineCount[]): Promise<void> {
  for (const sample of crowd) {
    await insertCrowdSample(db, cameraId, {
      zoneId: sample.zoneId,
      at: new Date(sample.endedAt).toISOString(),
      countMean: sample.meanCount,
      countMax: sample.maxCount,
      density: sample.densityUnit === 'per_m2' ? sample.density : null,
    });
  }
  const rows = lines.flatMap((line) =>
    Object.entries(line.counts).map(([label, counts]) => ({
      lineId: line.lineId,
      startedAt: new Date(line.startedAt).toISOString(),
      endedAt: new Date(line.endedAt).toISOString(),
      label,
      forward: counts.forward,
      reverse: counts.reverse,
    })),
  );
  await insertLineCounts(db, cameraId, rows);
}
