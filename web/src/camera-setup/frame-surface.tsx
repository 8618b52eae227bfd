// The camera's still picture with an SVG drawing layer on top; shapes are stored in image fractions, drawn in pixels.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImagePoint } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { useLanguage } from '../i18n/use-language';
import { toFraction, type Size } from './geometry';
import { fetchFrame } from './scene.api';

interface SurfaceApi {
  size: Size;
  /** The image point under a pointer event, kept inside the picture. */
  pointAt: (clientX: number, clientY: number) => ImagePoint;
}

const SurfaceContext = createContext<SurfaceApi | null>(null);

export function useSurface(): SurfaceApi {
  const api = useContext(SurfaceContext);
  if (!api) throw new Error('useSurface outside FrameSurface');
  return api;
}

type FrameState =
  | { kind: 'loading' }
  | { kind: 'ready'; url: string; width: number; height: number }
  | { kind: 'failed'; error: unknown };

interface CameraFrame {
  state: FrameState;
  reload: () => void;
}

/** Until the picture arrives (or when there is none), shapes are drawn on a 16:9 surface, the usual camera shape. */
const DEFAULT_ASPECT = 16 / 9;

const FrameContext = createContext<CameraFrame | null>(null);

/**
 * Fetches the camera's still picture once for everything under it (both editors' tabs draw on the same picture);
 * "Refresh picture" asks the camera again.
 */
export function CameraFrameProvider({ cameraId, children }: { cameraId: number; children: ReactNode }) {
  const [state, setState] = useState<FrameState>({ kind: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    let url: string | null = null;
    setState({ kind: 'loading' });
    fetchFrame(cameraId, abort.signal)
      .then(async (blob) => {
        url = URL.createObjectURL(blob);
        // The natural size sets the surface's shape, so shapes line up with the picture at any width.
        const image = new Image();
        image.src = url;
        await image.decode();
        if (!abort.signal.aborted) setState({ kind: 'ready', url, width: image.naturalWidth, height: image.naturalHeight });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setState({ kind: 'failed', error });
      });
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [cameraId, reloadKey]);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const value = useMemo(() => ({ state, reload }), [state, reload]);
  return <FrameContext.Provider value={value}>{children}</FrameContext.Provider>;
}

function useCameraFrame(): CameraFrame {
  const frame = useContext(FrameContext);
  if (!frame) throw new Error('FrameSurface outside CameraFrameProvider');
  return frame;
}

export interface FrameSurfaceProps {
  /** Clicks on the picture (not on a shape's handle), as image fractions, with the picture's size on screen. */
  onPoint?: (point: ImagePoint, size: Size) => void;
  /** Where the pointer is over the picture, for rubber-band previews; null when it leaves. */
  onHover?: (point: ImagePoint | null) => void;
  /** Shows a crosshair: the next click places something. */
  placing?: boolean;
  children?: ReactNode;
  testId?: string;
}

export function FrameSurface({ onPoint, onHover, placing = false, children, testId = 'frame-surface' }: FrameSurfaceProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state: frame, reload } = useCameraFrame();
  const boxRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(() => setSize({ width: box.clientWidth, height: box.clientHeight }));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const pointAt = useCallback((clientX: number, clientY: number): ImagePoint => {
    const rect = boxRef.current?.getBoundingClientRect();
    return rect ? toFraction(clientX - rect.left, clientY - rect.top, { width: rect.width, height: rect.height }) : [0, 0];
  }, []);

  const surface = useMemo(() => ({ size, pointAt }), [size, pointAt]);
  const aspect = frame.kind === 'ready' ? frame.width / frame.height : DEFAULT_ASPECT;
  const reason =
    frame.kind === 'failed'
      ? frame.error instanceof ApiError
        ? frame.error.localizedMessage(language)
        : t('setup.frame.unavailable')
      : null;

  return (
    <div className="frame-surface-wrap">
      <div
        ref={boxRef}
        className={`frame-surface${placing ? ' placing' : ''}`}
        style={{ aspectRatio: String(aspect) }}
        data-testid={testId}
        data-frame={frame.kind}
        data-natural-width={frame.kind === 'ready' ? frame.width : undefined}
        data-natural-height={frame.kind === 'ready' ? frame.height : undefined}
      >
        {frame.kind === 'ready' && <img className="frame-image" src={frame.url} alt={t('setup.frame.alt')} draggable={false} />}
        <svg
          className="frame-overlay"
          width={size.width}
          height={size.height}
          onClick={(e) => onPoint?.(pointAt(e.clientX, e.clientY), size)}
          onPointerMove={(e: PointerEvent<SVGSVGElement>) => onHover?.(pointAt(e.clientX, e.clientY))}
          onPointerLeave={() => onHover?.(null)}
        >
          <SurfaceContext.Provider value={surface}>{size.width > 0 && children}</SurfaceContext.Provider>
        </svg>
        {frame.kind === 'loading' && <div className="frame-notice">{t('setup.frame.loading')}</div>}
        {reason && (
          <div className="frame-notice error" role="status" data-testid="frame-error">
            {reason}
          </div>
        )}
      </div>
      <button type="button" className="button ghost frame-reload" onClick={reload}>
        {t('setup.frame.reload')}
      </button>
    </div>
  );
}
