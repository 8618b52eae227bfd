// `npm run seed -w @toc/server`: load the demo (passwords from TOC_PASSWORD_<USERNAME>, the trap key from
// TOC_TRAP_KEY, RTSP_BASE for streams). TOC_DEMO=1 (set by `npm start`) keeps those passwords usable as they are;
// without it they are temporary: each user must change theirs at first sign-in.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config';
import { applyMigrations } from './migrate';
import { createPool } from './pool';
import { DEMO_USERS, seedDemo } from './seed';
import { seedDemoCrashes } from './seed-crashes';

const config = loadConfig();
const passwords = Object.fromEntries(
  DEMO_USERS.map((u) => [u.username, process.env[`TOC_PASSWORD_${u.username.toUpperCase()}`] ?? '']),
);
const missing = DEMO_USERS.filter((u) => !passwords[u.username]).map((u) => `TOC_PASSWORD_${u.username.toUpperCase()}`);
if (missing.length) {
  console.error(`Set ${missing.join(', ')} to seed the demo users`);
  process.exit(2);
}
const pool = createPool(config.databaseUrl, 2);
try {
  await applyMigrations(pool);
  await seedDemo(pool, {
    rtspBase: process.env.RTSP_BASE ?? 'rtsp://127.0.0.1:8554',
    sharedDir: config.sharedDir,
    passwords,
    demo: process.env.TOC_DEMO === '1',
    trapKey: process.env.TOC_TRAP_KEY ?? randomBytes(18).toString('base64url'),
  });
  const crashes = await seedDemoCrashes(pool, config.sharedDir);
  if (crashes > 0) console.log(`Crash store: ${crashes} real crashes imported`);
  console.log(
    process.env.TOC_DEMO === '1'
      ? 'Demo data seeded'
      : 'Demo data seeded; the users must change their passwords at first sign-in (TOC_DEMO=1 for the demo)',
  );
} finally {
  await pool.end();
}
