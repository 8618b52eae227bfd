// What the event path costs the stores during a scale step: Redis commands, CPU and memory (INFO), PostgreSQL commits
// and the CPU of this database's backends (pg_stat_database, pg_stat_activity, /proc), and the rows written.
import type { Redis } from 'ioredis';
import type { Queryable } from '@toc/server/db/pool';
import { processCpuSeconds } from './bench-media';

export interface LoadSample {
  at: number;
  redisCommands: number;
  redisCpuS: number;
  redisMemoryMb: number;
  pgCommits: number;
  /** CPU seconds of each backend of this database, by pid (backends of pooled connections live on). */
  pgBackendCpuS: Map<number, number>;
  /** Every insert or update of an event takes the next `event_seq`. */
  eventSeq: number;
  events: number;
  /** Alarms nobody acknowledged, escalated by the workers' escalator (each an update, an audit row, a message). */
  escalations: number;
  seriesRows: number;
}

export interface StoreLoad {
  redisOpsPerS: number;
  redisCpuPct: number;
  redisMemoryMb: number;
  pgCommitsPerS: number;
  pgCpuPct: number;
  eventsPerS: number;
  eventWritesPerS: number;
  escalationsPerS: number;
  seriesRowsPerS: number;
}

const infoField = (info: string, field: string) =>
  Number(new RegExp(`^${field}:(\\S+)`, 'm').exec(info)?.[1] ?? 0);

export async function sampleLoad(db: Queryable, redis: Redis): Promise<LoadSample> {
  const info = await redis.info();
  const { rows: stats } = await db.query<{
    commits: string;
    seq: string;
    events: string;
    escalations: string;
    series: string;
  }>(
    `SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS commits,
            (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM event_seq) AS seq,
            (SELECT count(*) FROM events) AS events,
            (SELECT count(*) FROM event_updates WHERE kind = 'escalated') AS escalations,
            (SELECT count(*) FROM crowd_counts) + (SELECT count(*) FROM line_counts) AS series`,
  );
  const { rows: backends } = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  const row = stats[0]!;
  return {
    at: performance.now(),
    redisCommands: infoField(info, 'total_commands_processed'),
    redisCpuS: infoField(info, 'used_cpu_sys') + infoField(info, 'used_cpu_user'),
    redisMemoryMb: infoField(info, 'used_memory') / 1024 / 1024,
    pgCommits: Number(row.commits),
    pgBackendCpuS: new Map(backends.map(({ pid }) => [pid, processCpuSeconds(pid)])),
    eventSeq: Number(row.seq),
    events: Number(row.events),
    escalations: Number(row.escalations),
    seriesRows: Number(row.series),
  };
}

export function storeLoad(before: LoadSample, after: LoadSample): StoreLoad {
  const seconds = (after.at - before.at) / 1000;
  let pgCpuS = 0;
  for (const [pid, cpu] of after.pgBackendCpuS) pgCpuS += cpu - (before.pgBackendCpuS.get(pid) ?? cpu);
  return {
    redisOpsPerS: (after.redisCommands - before.redisCommands) / seconds,
    redisCpuPct: (100 * (after.redisCpuS - before.redisCpuS)) / seconds,
    redisMemoryMb: after.redisMemoryMb,
    pgCommitsPerS: (after.pgCommits - before.pgCommits) / seconds,
    pgCpuPct: (100 * pgCpuS) / seconds,
    eventsPerS: (after.events - before.events) / seconds,
    eventWritesPerS: (after.eventSeq - before.eventSeq) / seconds,
    escalationsPerS: (after.escalations - before.escalations) / seconds,
    seriesRowsPerS: (after.seriesRows - before.seriesRows) / seconds,
  };
}
