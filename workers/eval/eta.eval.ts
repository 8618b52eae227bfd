// `npm run eval:eta`: arrival-time accuracy of the transit engine on replayed service days (train a day, score the next),
// beside two baselines on the same calls: the timetable, and the timetable shifted by the bus's delay at the time.
import { createPool } from '@toc/server/db/pool';
import { applyMigrations } from '@toc/server/db/migrate';
import { evaluateEta, etaLine } from '../src/transit/eta-evaluation';
import { ensureEvalFeeds } from '../src/transit/eval-feeds';

const db = createPool(process.env.DATABASE_URL ?? 'postgres://toc:toc@127.0.0.1:55432/toc', 4);
try {
  await applyMigrations(db);
  const wanted = process.env.EVAL_FEEDS?.split(',');
  const feeds = (await ensureEvalFeeds(db)).filter((name) => !wanted || wanted.includes(name));
  const scores = await evaluateEta(db, { feeds, date: process.env.EVAL_DATE });
  console.log(
    `feeds ${feeds.join(', ')}; days (trained → scored): ${scores.days.map((d) => `${d.train} → ${d.score}`).join(', ')}`,
  );
  console.log(
    `fixes ${scores.fixes} on the scored days, ${scores.matchedPct.toFixed(1)} % on their true trip; engine ${scores.usPerFix.toFixed(1)} µs per fix`,
  );
  const { timetable, delayCarried } = scores.baselines;
  console.log('  window   engine  timetable  timetable + delay now   (% within window; predictions scored)');
  for (const [name, b] of Object.entries(scores.buckets)) {
    const key = name as keyof typeof scores.buckets;
    const cell = (w: { withinPct: number; count: number }) => `${w.withinPct.toFixed(1).padStart(5)} % (${w.count})`;
    console.log(`  ${name.padEnd(7)} ${cell(b)}  ${cell(timetable.buckets[key])}  ${cell(delayCarried.buckets[key])}`);
  }
  console.log(
    `  mean absolute error: engine ${scores.maeS.toFixed(0)} s, timetable ${timetable.maeS.toFixed(0)} s, timetable + delay ${delayCarried.maeS.toFixed(0)} s`,
  );
  console.log(etaLine(scores));
} finally {
  await db.end();
}
