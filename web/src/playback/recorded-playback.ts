// One camera's recorded footage in a <video>: hls.js plays an hour of playlist from the instant asked for, and the
// wall-clock time of the frame on screen is worked out from the segments' PROGRAM-DATE-TIME (never burned in).
import Hls, { ErrorDetails, Events } from 'hls.js';
import { ApiError } from '../api/api-error';
import { playlistUrl } from '../api/recordings.api';
import { estimateFps, frameStepTarget } from './frame-step';
import { hlsError } from './hls-error';
import { mediaTimeAt, wallClockAt, wallClockRange, type TimedFragment } from './media-time';
import { PlayerStateStore, WallClockStore, type PlayerStatus } from './player-state';

/** The playlist starts a little before the instant (its segment began earlier) and runs an hour after it. */
const WINDOW_BEFORE_MS = 60_000;
const WINDOW_AFTER_MS = 3_600_000;
/** Back-to-back segments can be this far apart on the wall clock (keyframe cuts, clock jitter) and still be one span. */
const SEAM_MS = 1_500;
/**
 * Footage that begins this soon after the instant asked for is started on (an alarm's pre-roll from before recording
 * began); later than that, the instant is reported as having no footage rather than silently skipped.
 */
const LEAD_IN_MS = 10_000;
/** Frame-to-frame gaps kept for the frame-rate estimate. */
const FRAME_GAPS_KEPT = 40;

export class RecordedPlayback {
  readonly state = new PlayerStateStore();
  readonly clock = new WallClockStore();
  private video: HTMLVideoElement | null = null;
  private hls: Hls | null = null;
  /** The stretch of wall-clock time the current playlist was asked for. */
  private window: { from: number; to: number } | null = null;
  /** Where playback is or was asked to be (epoch ms), for jumps when no frame is shown. */
  private position: number | null = null;
  private frameTime: number | null = null;
  private frameGaps: number[] = [];
  private wantPlay = false;
  private recovered = false;
  private detachVideo: (() => void) | null = null;

  /** `continuous`: at the end of a playlist, go on with the next hour (the main player; the others follow it). */
  constructor(
    readonly cameraId: number,
    private readonly continuous: boolean,
  ) {}

  attach(video: HTMLVideoElement): void {
    this.detach();
    this.video = video;
    // Recorded CCTV has no sound to lose, and a muted video may start without a click (autoplay rules).
    video.muted = true;
    const listeners: [string, () => void][] = [
      ['play', () => this.state.update({ playing: true })],
      ['pause', () => this.state.update({ playing: false })],
      ['canplay', () => this.onCanPlay()],
      ['ended', () => this.onEnded()],
    ];
    let frameCallback = 0;
    if (typeof video.requestVideoFrameCallback === 'function') {
      // Each frame as it is shown, with its exact media time: the clock names the frame on screen, not a moment near it.
      const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
        this.shown(meta.mediaTime, true);
        frameCallback = video.requestVideoFrameCallback(onFrame);
      };
      frameCallback = video.requestVideoFrameCallback(onFrame);
    } else {
      const fromCurrentTime = () => this.shown(video.currentTime, false);
      listeners.push(['timeupdate', fromCurrentTime], ['seeked', fromCurrentTime]);
    }
    for (const [name, listener] of listeners) video.addEventListener(name, listener);
    this.detachVideo = () => {
      if (frameCallback) video.cancelVideoFrameCallback(frameCallback);
      for (const [name, listener] of listeners) video.removeEventListener(name, listener);
    };
  }

  detach(): void {
    this.stopLoading();
    this.detachVideo?.();
    this.detachVideo = null;
    this.video = null;
  }

  /** Loads the footage from `at` on and starts there (playing, or paused on its frame). */
  open(at: number, play: boolean): void {
    const video = this.video;
    if (!video) return;
    this.stopLoading();
    this.wantPlay = play;
    this.recovered = false;
    this.position = at;
    this.frameTime = null;
    this.window = { from: at - WINDOW_BEFORE_MS, to: at + WINDOW_AFTER_MS };
    this.setStatus({ kind: 'loading', at });
    // Started by hand once the playlist is read: the start position comes from its dates.
    const hls = new Hls({ autoStartLoad: false, maxBufferLength: 60, backBufferLength: 90 });
    this.hls = hls;
    let started = false;
    hls.on(Events.LEVEL_LOADED, (_event, data) => {
      if (started) return;
      started = true;
      const fragments = data.details.fragments;
      const start = mediaTimeAt(fragments, at, 'next', SEAM_MS);
      const startsAt = start && wallClockAt(fragments, start.mediaTime);
      if (start && startsAt !== null && (start.exact || startsAt - at <= LEAD_IN_MS))
        hls.startLoad(start.mediaTime);
      else this.nothingAt(at, null);
    });
    hls.on(Events.ERROR, (_event, data) => {
      if (data.details === ErrorDetails.LEVEL_EMPTY_ERROR) return this.nothingAt(at, null);
      if (!data.fatal) return;
      const error = hlsError(data);
      // A window without footage is a 404 that says where footage resumes: no footage, not a failure.
      if (
        data.details === ErrorDetails.MANIFEST_LOAD_ERROR &&
        error instanceof ApiError &&
        error.status === 404
      ) {
        return this.nothingAt(at, error);
      }
      if (data.type === 'mediaError' && !this.recovered) {
        this.recovered = true;
        hls.recoverMediaError();
        return;
      }
      this.stopLoading();
      this.setStatus({ kind: 'error', error });
    });
    hls.attachMedia(video);
    hls.loadSource(playlistUrl(this.cameraId, this.window.from, this.window.to));
  }

  /**
   * Shows the wall-clock instant `at`: a seek inside the loaded footage, else a new playlist. Inside a gap it goes to
   * the nearest footage that way (`prefer`).
   */
  seek(at: number, prefer: 'next' | 'previous' = 'next'): void {
    const video = this.video;
    const range = wallClockRange(this.fragments());
    if (video && this.ready && range && at >= range.from && at <= range.to) {
      const position = mediaTimeAt(this.fragments(), at, prefer, SEAM_MS);
      if (position) {
        this.position = at;
        video.currentTime = position.mediaTime;
        return;
      }
    }
    this.open(at, this.wantPlay || this.state.get().playing);
  }

  jump(seconds: number): void {
    if (this.position !== null) this.seek(this.position + seconds * 1000, seconds < 0 ? 'previous' : 'next');
  }

  play(): void {
    this.wantPlay = true;
    if (this.ready) void this.video?.play().catch(() => undefined);
  }

  pause(): void {
    this.wantPlay = false;
    this.video?.pause();
  }

  toggle(): void {
    if (this.wantPlay || this.state.get().playing) this.pause();
    else this.play();
  }

  setRate(rate: number): void {
    const video = this.video;
    if (video) {
      // The default too: a new playlist (a new source) starts at the default rate.
      video.defaultPlaybackRate = rate;
      video.playbackRate = rate;
    }
    this.state.update({ rate });
  }

  /** Pauses and shows the next (1) or previous (-1) frame. */
  stepFrame(direction: 1 | -1): void {
    const video = this.video;
    if (!video || !this.ready) return;
    this.pause();
    video.currentTime = frameStepTarget(
      this.frameTime ?? video.currentTime,
      estimateFps(this.frameGaps),
      direction,
    );
  }

  /**
   * Keeps this player on another's wall-clock time (the cameras beside the main one): seeks when it drifts, plays and
   * pauses with it, says "no footage" where this camera recorded nothing, and loads another hour when it runs out.
   */
  follow(at: number, playing: boolean, rate: number): void {
    const video = this.video;
    const status = this.state.get().status;
    if (!video || status.kind === 'loading') return;
    if (this.state.get().rate !== rate) this.setRate(rate);
    this.wantPlay = playing;
    const position = this.hls ? mediaTimeAt(this.fragments(), at, 'next', SEAM_MS) : null;
    if (position?.exact) {
      if (status.kind !== 'ready') this.setStatus({ kind: 'ready' });
      this.position = at;
      // Playing, the leader's clock arrives a little late (more so at speed); paused, frames must match.
      const allowed = playing ? 0.25 + 0.1 * rate : 0.02;
      if (Math.abs(video.currentTime - position.mediaTime) > allowed) video.currentTime = position.mediaTime;
      if (playing && video.paused) void video.play().catch(() => undefined);
      if (!playing && !video.paused) video.pause();
      return;
    }
    const inWindow = this.window !== null && at >= this.window.from && at < this.window.to;
    if (inWindow && status.kind !== 'error') {
      // This camera recorded nothing then: wait on a blank picture for its footage to resume (or the playlist to grow).
      video.pause();
      if (status.kind !== 'no-footage') this.setStatus({ kind: 'no-footage', at, reason: null });
      return;
    }
    if (!inWindow) this.open(at, playing);
  }

  destroy(): void {
    this.detach();
  }

  private get ready(): boolean {
    return this.hls !== null && this.state.get().status.kind === 'ready';
  }

  private fragments(): readonly TimedFragment[] {
    return this.hls?.levels[0]?.details?.fragments ?? [];
  }

  private shown(mediaTime: number, exactFrame: boolean): void {
    // Faster than real time the screen skips frames: only gaps seen at normal speed (or stepping) tell the frame rate.
    if (exactFrame && this.frameTime !== null && (this.video?.playbackRate ?? 1) <= 1) {
      const gap = Math.abs(mediaTime - this.frameTime);
      if (gap > 0 && gap < 1) this.frameGaps = [...this.frameGaps.slice(1 - FRAME_GAPS_KEPT), gap];
    }
    this.frameTime = mediaTime;
    const wall = wallClockAt(this.fragments(), mediaTime);
    if (wall === null) return;
    this.position = wall;
    this.clock.show(wall);
  }

  private onCanPlay(): void {
    if (this.state.get().status.kind !== 'loading') return;
    this.setStatus({ kind: 'ready' });
    if (this.wantPlay) void this.video?.play().catch(() => undefined);
  }

  /** The end of an hour's playlist: the main player goes on with the next hour (which may be "no footage"). */
  private onEnded(): void {
    const range = wallClockRange(this.fragments());
    if (!this.continuous || !range || range.to >= Date.now()) return;
    this.open(range.to, true);
  }

  private nothingAt(at: number, reason: Error | null): void {
    this.stopLoading();
    this.position = at;
    this.setStatus({ kind: 'no-footage', at, reason });
  }

  private stopLoading(): void {
    this.hls?.destroy();
    this.hls = null;
  }

  private setStatus(status: PlayerStatus): void {
    this.state.update({ status });
  }
}
