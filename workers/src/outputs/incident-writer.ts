// Turns a camera's incident actions into alarms: raised (or folded into the alarm they repeat) with snapshots and an elephant warning, updated, ended.
import type pg from 'pg';
import {
  endLeftoverDetections,
  findWarningForSighting,
  insertEventUpdate,
  updateDetectedEvent,
} from '@toc/server/repositories/events.repository';
import type { Camera, Event, NewEvent } from '@toc/server/schemas';
import type { EventStore } from '@toc/server/services/event-store.service';
import type { IncidentAction } from '../rules/incident-book';
import { ruleTitle } from '../rules/rule-titles';
import type { RuleSignal } from '../pipeline/types';
import { storeEventSnapshots, type FrameForSnapshot } from './event-snapshots';
import { warnAboutElephant } from './elephant-warnings';
import { incidentFoldKey } from './fold-keys';
import { notifyEvent, shouldNotify, type NotifierContext } from './notifier';
import { groundPaths, type GroundPath } from './track-paths';

export interface IncidentWriterContext {
  db: pg.Pool;
  events: EventStore;
  snapshotDir: string;
  notifier: NotifierContext;
  log: NotifierContext['log'];
}

/**
 * Where an incident happened: its calibrated ground position, else the camera's own position; with the ground
 * paths of the tracks involved (calibrated cameras), so the map can draw how it came about.
 */
export function eventFromSignal(
  signal: RuleSignal,
  source: { cameraId: number | null; location: Camera['location']; modelId: string },
  paths: readonly GroundPath[] = [],
): NewEvent {
  const title = ruleTitle(signal.kind);
  return {
    type: signal.type,
    severity: signal.severity,
    location: signal.ground ?? source.location,
    cameraId: source.cameraId,
    startedAt: new Date(signal.onset).toISOString(),
    confidence: Math.min(1, Math.max(0, signal.confidence)),
    modelId: source.modelId,
    payload: {
      kind: signal.kind,
      title,
      trackIds: signal.trackIds,
      positionFrom: signal.ground ? 'calibration' : 'camera',
      imagePoint: signal.imagePoint.map((v) => Math.round(v)),
      ...(paths.length > 0 ? { paths } : {}),
      ...signal.detail,
    },
  };
}

interface OpenIncident {
  eventId: number;
  warningId: number | null;
}

export class IncidentWriter {
  private readonly open = new Map<string, OpenIncident>();

  constructor(
    private readonly ctx: IncidentWriterContext,
    private readonly camera: Camera,
  ) {}

  /** Writes one action; a failure is thrown, for the caller to hold it (database away) or give it up. */
  async applyAction(action: IncidentAction, shot: FrameForSnapshot): Promise<void> {
    if (action.action === 'open') await this.raise(action.signal, shot);
    // A signal back within the book's cooldown is a repeat as well: it counts, and it un-ends the alarm.
    else if (action.action === 'update' && action.reopened) await this.raise(action.signal, shot);
    else if (action.action === 'update') await this.updateIncident(action.key, action.signal, shot);
    else await this.endIncident(action.key, action.at);
  }

  /**
   * Ends the alarms this camera's analytics left running when the camera last stopped without a chance to end
   * them (a worker that died, a camera moved): nothing here is tracking them any more. If the condition is still
   * there, its next trigger folds back into the same alarm.
   */
  async closeLeftovers(): Promise<void> {
    const ended = await endLeftoverDetections(this.ctx.db, this.camera.id);
    for (const event of ended) await this.ctx.events.announce(event);
  }

  /** The stream stopped (offline, reconfigured, handed over): every alarm it was tracking ends at `at`. */
  async endAll(at: number): Promise<void> {
    let failure: unknown = null;
    for (const key of [...this.open.keys()]) {
      await this.endIncident(key, at).catch((error: unknown) => (failure ??= error));
    }
    // Thrown once all were tried: the journal holds the call (database away) and ends the ones left when it is back.
    if (failure) throw failure;
  }

  private async raise(signal: RuleSignal, shot: FrameForSnapshot): Promise<void> {
    const { event, folded } = await this.ctx.events.raise(
      this.eventFrom(signal, shot),
      incidentFoldKey(this.camera.id, signal),
    );
    const before = this.open.get(signal.key);
    const warningId =
      before?.eventId === event.id
        ? before.warningId
        : folded
          ? await findWarningForSighting(this.ctx.db, event.id)
          : null;
    this.open.set(signal.key, { eventId: event.id, warningId });
    if (!folded) {
      await storeEventSnapshots(
        { db: this.ctx.db, snapshotDir: this.ctx.snapshotDir },
        event.id,
        shot,
        signal.trackIds,
      ).catch((error: Error) =>
        this.ctx.log('warn', 'snapshot failed', { eventId: event.id, error: error.message }),
      );
    }
    await this.followUp(signal.key, event);
    // A repeat adds to an alarm people already have: only a new one wakes them.
    if (!folded && shouldNotify(event)) {
      const title = ruleTitle(signal.kind);
      await notifyEvent(this.ctx.notifier, event, {
        title,
        body: {
          en: `${title.en} at camera ${this.camera.name}`,
          th: `${title.th} ที่กล้อง ${this.camera.nameTh}`,
        },
      });
    }
  }

  private eventFrom(signal: RuleSignal, shot: FrameForSnapshot): NewEvent {
    const source = { cameraId: this.camera.id, location: this.camera.location, modelId: this.camera.modelId };
    return eventFromSignal(signal, source, groundPaths(shot.tracks, signal.trackIds));
  }

  private async updateIncident(key: string, signal: RuleSignal, shot: FrameForSnapshot): Promise<void> {
    const open = this.open.get(key);
    if (!open) return;
    const base = this.eventFrom(signal, shot);
    const event = await updateDetectedEvent(this.ctx.db, open.eventId, {
      severity: base.severity,
      confidence: base.confidence,
      payload: base.payload,
      location: base.location,
    });
    if (!event) return;
    await insertEventUpdate(this.ctx.db, {
      eventId: event.id,
      kind: 'updated',
      detail: { severity: signal.severity, confidence: signal.confidence },
    });
    await this.ctx.events.announce(event);
    await this.followUp(key, event);
  }

  private async endIncident(key: string, at: number): Promise<void> {
    const open = this.open.get(key);
    if (!open) return;
    const event = await updateDetectedEvent(this.ctx.db, open.eventId, {
      endedAt: new Date(at).toISOString(),
    });
    // Forgotten only once ended: an end that failed (database away) is held and tried again, and must find it.
    this.open.delete(key);
    if (!event) return;
    await insertEventUpdate(this.ctx.db, { eventId: event.id, kind: 'ended', detail: {} });
    await this.ctx.events.announce(event);
    if (open.warningId) {
      const warning = await updateDetectedEvent(this.ctx.db, open.warningId, {
        endedAt: new Date(at).toISOString(),
      });
      if (warning) await this.ctx.events.announce(warning);
    }
  }

  /** An elephant sighting gets (or refreshes) its warning to the places within 10 km. */
  private async followUp(key: string, event: Event): Promise<void> {
    if (event.type !== 'elephant.sighting') return;
    const open = this.open.get(key)!;
    const warning = await warnAboutElephant(
      { db: this.ctx.db, events: this.ctx.events, notifier: this.ctx.notifier },
      event,
      open.warningId,
    );
    if (warning) open.warningId = warning.id;
  }
}
