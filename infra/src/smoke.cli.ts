// `npm run smoke` client half: log in as the demo operator and wait for a live traffic.vehicles event.
import { login, waitForLiveEvent } from './live-event.client';

const baseUrl = process.env.SMOKE_URL ?? 'http://127.0.0.1:3000';
const password = process.env.TOC_PASSWORD_OPERATOR;
if (!password) throw new Error('TOC_PASSWORD_OPERATOR is not set');

const token = await login(baseUrl, 'operator', password);
const event = await waitForLiveEvent(baseUrl, token, {
  type: 'traffic.vehicles',
  timeoutMs: 120_000,
  accept: (e) => Number(e.payload.total) > 0,
});
console.log(`live event ${event.id} from camera ${event.cameraId}: ${JSON.stringify(event.payload.counts)}`);
