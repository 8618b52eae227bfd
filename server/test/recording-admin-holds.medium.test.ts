// Medium: evidence holds on real PostGIS, and who may use the recording admin routes. The control room (admin,
// operator) reads holds, recording settings and the overview; only admins hold, release and change settings; viewers,
// planners and police are refused and change nothing. A hold covers a past period of a camera with the bytes recorded
// in it; holds are listed in force or all, released once with a reason, each audited; bad input is a 4xx with a
// reason in Thai and English and changes nothing.
import { describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { ALL_ROLES } from '../src/plugins/types';
import type { EvidenceHold, Role } from '../src/schemas';
import { at, DAY, expectReason, HOUR, NOW, useRecordingAdminFixture } from './recording-admin-fixture';

const fixture = useRecordingAdminFixture();

describe('who may use them', () => {
  it('lets admins and operators read, only admins write; viewers, planners and police are refused and change nothing', async () => {
    const reads: InjectOptions[] = [
      { method: 'GET', url: '/api/evidence-holds' },
      { method: 'GET', url: `/api/cameras/${fixture.cameraA}/recording` },
      { method: 'GET', url: '/api/recordings/overview' },
    ];
    const writes: InjectOptions[] = [
      { method: 'POST', url: '/api/evidence-holds', payload: fixture.holdBody() },
      { method: 'POST', url: '/api/evidence-holds/1/release', payload: { reason: 'คดีสิ้นสุด / case closed' } },
      {
        method: 'PUT',
        url: `/api/cameras/${fixture.cameraA}/recording`,
        payload: { enabled: false, minDays: 1, maxDays: 2, priority: 1 },
      },
    ];
    const before = await Promise.all([
      fixture.count('evidence_holds'),
      fixture.count('camera_recording'),
      fixture.count('audit_log'),
    ]);
    for (const request of [...reads, ...writes]) {
      const allowed = reads.includes(request) ? ['admin', 'operator'] : ['admin'];
      for (const role of ALL_ROLES.filter((r) => !allowed.includes(r))) {
        expect((await fixture.as(role, request)).statusCode, `${role} ${request.method} ${request.url}`).toBe(
          403,
        );
      }
      expect((await fixture.as(null, request)).statusCode, `anonymous ${request.method} ${request.url}`).toBe(
        401,
      );
    }
    expect(
      await Promise.all([
        fixture.count('evidence_holds'),
        fixture.count('camera_recording'),
        fixture.count('audit_log'),
      ]),
    ).toEqual(before);
    for (const role of ['admin', 'operator'] as const) {
      for (const request of reads)
        expect((await fixture.as(role, request)).statusCode, `${role} ${request.url}`).toBe(200);
    }
  });
});

describe('evidence holds', () => {
  it('holds a past period of a camera with the bytes recorded in it, audited', async () => {
    await fixture.insertSegment(fixture.cameraA, 90 * 60_000, 1000); // inside
    await fixture.insertSegment(fixture.cameraA, 59 * 60_000, 2000, 120); // straddles the end: held whole
    await fixture.insertSegment(fixture.cameraA, 30 * 60_000, 4000); // after
    await fixture.insertSegment(fixture.cameraB, 90 * 60_000, 8000); // another camera
    const reply = await fixture.as('admin', {
      method: 'POST',
      url: '/api/evidence-holds',
      payload: fixture.holdBody(),
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const hold = reply.json<EvidenceHold>();
    expect(hold).toMatchObject({
      cameraId: fixture.cameraA,
      caseNumber: '123/2574',
      createdBy: 'admin',
      releasedAt: null,
      expiresAt: null,
      bytes: 3000,
    });
    expect(await fixture.lastAudit()).toMatchObject({
      action: 'evidence-hold.create',
      target: `evidence-hold:${hold.id}`,
      username: 'admin',
      detail: { cameraId: fixture.cameraA, caseNumber: '123/2574' },
    });
  });

  it('refuses a period that is reversed or not over, an unknown camera and a past expiry, with reasons in Thai and English', async () => {
    const before = await Promise.all([fixture.count('evidence_holds'), fixture.count('audit_log')]);
    const bad = [
      fixture.holdBody({ from: at(HOUR).toISOString(), to: at(2 * HOUR).toISOString() }),
      fixture.holdBody({ from: at(HOUR).toISOString(), to: at(HOUR).toISOString() }),
      fixture.holdBody({ to: new Date(NOW.getTime() + HOUR).toISOString() }),
      fixture.holdBody({ cameraId: 999_999 }),
      fixture.holdBody({ expiresAt: at(1000).toISOString() }),
    ];
    for (const payload of bad)
      expectReason(await fixture.as('admin', { method: 'POST', url: '/api/evidence-holds', payload }), 400);
    // The schema's refusals carry both languages too.
    expectReason(
      await fixture.as('admin', {
        method: 'POST',
        url: '/api/evidence-holds',
        payload: fixture.holdBody({ reason: 'x' }),
      }),
      400,
    );
    expectReason(
      await fixture.as('admin', {
        method: 'POST',
        url: '/api/evidence-holds',
        payload: { ...fixture.holdBody(), extra: 1 },
      }),
      400,
    );
    expect(await Promise.all([fixture.count('evidence_holds'), fixture.count('audit_log')])).toEqual(before);
  });

  it('lists those in force by default, every hold on request, and one camera when asked', async () => {
    const expiring = (
      await fixture.as('admin', {
        method: 'POST',
        url: '/api/evidence-holds',
        payload: fixture.holdBody({
          cameraId: fixture.cameraB,
          expiresAt: new Date(NOW.getTime() + DAY).toISOString(),
        }),
      })
    ).json<EvidenceHold>();
    // An expired hold (as if made long ago) and a released one.
    const { rows } = await fixture.app.db.query<{ id: number }>(
      `INSERT INTO evidence_holds (camera_id, starts_at, ends_at, reason, expires_at, created_by)
       SELECT $1, $2, $3, 'expired hold', $4, id FROM users WHERE username = 'admin' RETURNING id`,
      [fixture.cameraB, at(10 * DAY), at(9 * DAY), at(DAY)],
    );
    const expired = rows[0]!.id;
    const released = (
      await fixture.as('admin', { method: 'POST', url: '/api/evidence-holds', payload: fixture.holdBody() })
    ).json<EvidenceHold>();
    expect(
      (
        await fixture.as('admin', {
          method: 'POST',
          url: `/api/evidence-holds/${released.id}/release`,
          payload: { reason: 'ปิดคดี / case closed' },
        })
      ).statusCode,
    ).toBe(200);

    const ids = async (url: string, role: Role = 'operator') => {
      const reply = await fixture.as(role, { method: 'GET', url });
      expect(reply.statusCode, reply.body).toBe(200);
      return reply.json<EvidenceHold[]>().map((h) => h.id);
    };
    const active = await ids('/api/evidence-holds');
    expect(active).toContain(expiring.id);
    expect(active).not.toContain(expired);
    expect(active).not.toContain(released.id);
    const all = await ids('/api/evidence-holds?state=all');
    expect(all).toEqual(expect.arrayContaining([expiring.id, expired, released.id]));
    expect(await ids(`/api/evidence-holds?state=all&cameraId=${fixture.cameraB}`)).toEqual(
      expect.arrayContaining([expiring.id, expired]),
    );
    expect(await ids(`/api/evidence-holds?state=all&cameraId=${fixture.cameraB}`)).not.toContain(released.id);
    expectReason(await fixture.as('operator', { method: 'GET', url: '/api/evidence-holds?state=some' }), 400);
  });

  it('releases a hold once, with the reason, audited; a second release is 409 and an unknown hold 404', async () => {
    const hold = (
      await fixture.as('admin', { method: 'POST', url: '/api/evidence-holds', payload: fixture.holdBody() })
    ).json<EvidenceHold>();
    expectReason(
      await fixture.as('admin', {
        method: 'POST',
        url: `/api/evidence-holds/${hold.id}/release`,
        payload: {},
      }),
      400,
    );
    expectReason(
      await fixture.as('admin', {
        method: 'POST',
        url: `/api/evidence-holds/${hold.id}/release`,
        payload: { reason: 'no' },
      }),
      400,
    );
    const reply = await fixture.as('admin', {
      method: 'POST',
      url: `/api/evidence-holds/${hold.id}/release`,
      payload: { reason: 'ศาลพิพากษาแล้ว / judgment given' },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json<EvidenceHold>()).toMatchObject({
      id: hold.id,
      releasedBy: 'admin',
      releaseReason: 'ศาลพิพากษาแล้ว / judgment given',
      releasedAt: NOW.toISOString(),
    });
    expect(await fixture.lastAudit()).toMatchObject({
      action: 'evidence-hold.release',
      target: `evidence-hold:${hold.id}`,
      detail: { reason: 'ศาลพิพากษาแล้ว / judgment given' },
    });

    const audits = await fixture.count('audit_log');
    expectReason(
      await fixture.as('admin', {
        method: 'POST',
        url: `/api/evidence-holds/${hold.id}/release`,
        payload: { reason: 'again / อีกครั้ง' },
      }),
      409,
    );
    expectReason(
      await fixture.as('admin', {
        method: 'POST',
        url: '/api/evidence-holds/999999/release',
        payload: { reason: 'none / ไม่มี' },
      }),
      404,
    );
    expect(await fixture.count('audit_log')).toBe(audits);
    // Released, never deleted.
    const row = await fixture.app.db.query('SELECT release_reason FROM evidence_holds WHERE id = $1', [
      hold.id,
    ]);
    expect(row.rows[0]).toEqual({ release_reason: 'ศาลพิพากษาแล้ว / judgment given' });
  });
});
