// The router's own refusals (over-long parameter, broken percent-encoding) answer in Thai and English.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { replyToFrameworkError } from './framework-errors';

async function appWithOneRoute() {
  // No wildcard route: with one (the web app's), find-my-way would fall back to it and hide the limit.
  const app = Fastify({ frameworkErrors: replyToFrameworkError });
  app.get('/things/:id', async (request) => request.params);
  await app.ready();
  return app;
}

describe('router refusals', () => {
  it('refuse a path parameter over 100 characters with 414 and a bilingual reason, without echoing it', async () => {
    const app = await appWithOneRoute();
    const response = await app.inject({ method: 'GET', url: `/things/${'A'.repeat(100_000)}` });
    expect(response.statusCode).toBe(414);
    const body = response.json();
    expect(body.message).toMatch(/longer than 100/);
    expect(body.messageTh).toMatch(/ยาวเกิน/);
    expect(response.body).not.toContain('AAAA');
    await app.close();
  });

  it('refuse a broken percent-encoding with 400 and a bilingual reason', async () => {
    const app = await appWithOneRoute();
    const response = await app.inject({ method: 'GET', url: '/things/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.json().messageTh).toMatch(/เข้ารหัส/);
    await app.close();
  });

  it('leave a parameter of 100 characters to the route', async () => {
    const app = await appWithOneRoute();
    const response = await app.inject({ method: 'GET', url: `/things/${'A'.repeat(100)}` });
    expect(response.statusCode).toBe(200);
    await app.close();
  });
});
