// `npm run user:create-admin -- --username <name> [--display-name <name>]`: a deployment's first (or a spare)
// administrator, with a temporary password that must be changed at first sign-in. The password is TOC_ADMIN_PASSWORD
// when set (it must pass the password policy), otherwise one is made and printed once.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { HttpError } from '../lib/http-error';
import { insertAudit } from '../repositories/audit.repository';
import { insertUser } from '../repositories/users.repository';
import { USERNAME_PATTERN } from '../schemas';
import { assertPasswordAllowed } from '../services/password-policy';
import { hashPassword } from '../services/passwords';
import { temporaryPassword } from '../services/temporary-password';
import { applyMigrations } from './migrate';
import { createPool } from './pool';
import { withTransaction } from './transaction';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: { username: { type: 'string' }, 'display-name': { type: 'string' } },
  strict: true,
});
const username = values.username?.trim().toLowerCase() ?? '';
if (!new RegExp(USERNAME_PATTERN).test(username)) {
  fail(
    'Usage: npm run user:create-admin -- --username <name> [--display-name <name>]\n' +
      'The username: 3 to 64 of a-z, 0-9, . _ - (starting with a letter or digit) / ชื่อผู้ใช้ 3–64 ตัว a-z 0-9 . _ -',
  );
}
const displayName = values['display-name']?.trim() || 'Administrator / ผู้ดูแลระบบ';
const given = process.env.TOC_ADMIN_PASSWORD;
const password = given ?? temporaryPassword(username);
try {
  assertPasswordAllowed(password, username);
} catch (error) {
  if (error instanceof HttpError) fail(`TOC_ADMIN_PASSWORD: ${error.message}\n${error.messageTh}`);
  throw error;
}

const pool = createPool(loadConfig().databaseUrl, 2);
try {
  await applyMigrations(pool);
  const passwordHash = await hashPassword(password);
  const id = await withTransaction(pool, async (tx) => {
    const created = await insertUser(tx, {
      username,
      displayName,
      role: 'admin',
      station: null,
      districts: null,
      passwordHash,
      mustChangePassword: true,
    });
    if (created !== null) {
      await insertAudit(tx, {
        userId: null,
        username: null,
        action: 'user.create',
        target: `user:${created}`,
        detail: { username, role: 'admin', via: 'cli' },
      });
    }
    return created;
  });
  if (id === null) fail(`The username ${username} is already taken / ชื่อผู้ใช้ ${username} มีผู้ใช้แล้ว`);
  console.log(`Administrator ${username} created / สร้างผู้ดูแลระบบ ${username} แล้ว`);
  if (given === undefined)
    console.log(`Temporary password (shown once) / รหัสผ่านชั่วคราว (แสดงครั้งเดียว): ${password}`);
  console.log('It must be changed at first sign-in / ต้องเปลี่ยนรหัสผ่านเมื่อเข้าสู่ระบบครั้งแรก');
} finally {
  await pool.end();
}
