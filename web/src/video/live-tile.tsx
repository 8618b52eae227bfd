// A live camera picture with its detection boxes, streaming only while the tile is on screen.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveData } from '../state/live-data.context';
import { drawFrame } from './draw-frame';

export interface LiveTileProps {
  cameraId: number;
  /** Caption drawn over the picture (camera name in the current language); also its tooltip and label. */
  title?: string;
  /** Drawn as the caption instead of `title` (the wall splits long names), which stays the tooltip. */
  caption?: ReactNode;
  /** Told the picture's width / height when the first frame arrives and whenever it changes. */
  onPictureAspect?: (aspect: number) => void;
  /** Frames per second wanted for this tile (the server caps it at 5). */
  maxFps?: number;
  showBoxes?: boolean;
  /** Drawn over the picture, e.g. an event banner on the wall's takeover tile. */
  overlay?: ReactNode;
  className?: string;
}

/** Without a frame for this long the tile says the picture is stale. */
const STALE_AFTER_MS = 5_000;

export function LiveTile({ cameraId, title, caption, onPictureAspect, maxFps = 2, showBoxes = true, overlay, className }: LiveTileProps) {
  const { t } = useTranslation();
  const live = useLiveData();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [onScreen, setOnScreen] = useState(false);
  const [lastFrameAt, setLastFrameAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  // A ref, so a new callback each render does not restart the frame subscription.
  const onAspect = useRef(onPictureAspect);
  useEffect(() => {
    onAspect.current = onPictureAspect;
  });

  // Only tiles that are on screen stream: a wall page scrolled away or a collapsed panel costs nothing.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new IntersectionObserver((entries) => setOnScreen(entries.some((e) => e.isIntersecting)));
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !onScreen) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    let drawing = false;
    let aspect = 0;
    const maxWidth = Math.ceil(canvas.clientWidth * (window.devicePixelRatio || 1));
    return live.realtime.watchFrames(cameraId, { maxFps, maxWidth }, (meta, jpeg) => {
      // Latest wins: a frame that arrives while the previous one is still decoding is dropped.
      if (drawing) return;
      drawing = true;
      void createImageBitmap(jpeg)
        .then((bitmap) => {
          const width = Math.max(1, Math.round(canvas.clientWidth * (window.devicePixelRatio || 1)));
          const height = Math.max(1, Math.round(canvas.clientHeight * (window.devicePixelRatio || 1)));
          if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
          drawFrame(context, bitmap, meta.boxes, showBoxes);
          canvas.dataset.frames = String(Number(canvas.dataset.frames ?? 0) + 1);
          if (Math.abs(bitmap.width / bitmap.height - aspect) > 1e-3) {
            aspect = bitmap.width / bitmap.height;
            // Read by the wall's end-to-end test to measure the black bars.
            canvas.dataset.pictureAspect = aspect.toFixed(4);
            onAspect.current?.(aspect);
          }
          bitmap.close();
          setLastFrameAt(Date.parse(meta.at));
        })
        .catch(() => undefined)
        .finally(() => {
          drawing = false;
        });
    });
  }, [live, cameraId, maxFps, showBoxes, onScreen]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const stale = lastFrameAt === null || now - lastFrameAt > STALE_AFTER_MS;
  return (
    <figure className={`live-tile ${className ?? ''}`} data-testid="live-tile" data-camera-id={cameraId} data-live={!stale}>
      <canvas ref={canvasRef} className="live-canvas" aria-label={title ?? t('video.live')} />
      {(caption ?? title) && (
        <figcaption className="live-title" title={title}>
          {caption ?? title}
        </figcaption>
      )}
      {stale && <div className="live-notice">{lastFrameAt === null ? t('video.waiting') : t('video.stale')}</div>}
      {overlay}
    </figure>
  );
}
