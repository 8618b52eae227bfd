// Drawing an area on the map: while `drawing`, clicks add corners, a double-click or a click on the first corner
// closes the polygon, Backspace removes the last corner and Escape cancels.
import { useEffect, useRef, useState } from 'react';
import type { MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { DrawnPolygon } from '../crash-filter-state';
import { drawingSketch } from './drawing-sketch';
import { EMPTY_COLLECTION } from './crash-features';
import { setDrawingSketch } from './drawn-polygon.layer';
import { closeRing, isNear, roundVertex, type RingProblem, type Vertex } from './polygon-geometry';

/** A click this close to the first corner closes the area (the first corner's circle is 7 px). */
const CLOSE_TOLERANCE_PX = 10;
/** A click this close to the last corner adds nothing: it is the second click of a double-click, or a slip. */
const REPEAT_TOLERANCE_PX = 4;

interface DrawingCallbacks {
  onPolygonDrawn: (polygon: DrawnPolygon) => void;
  onDrawingCancelled: () => void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Returns why the last attempt to close the area failed (null while there is nothing to say). */
export function usePolygonDrawing(
  map: MapLibreMap | null,
  drawing: boolean,
  callbacks: DrawingCallbacks,
): RingProblem | null {
  const [problem, setProblem] = useState<RingProblem | null>(null);
  // Callbacks through a ref: a parent's new function on each render must not restart (and so clear) a drawing.
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;

  useEffect(() => {
    if (!map || !drawing) return;
    const vertices: Vertex[] = [];
    let pointer: Vertex | null = null;
    const canvas = map.getCanvas();
    const redraw = () => setDrawingSketch(map, drawingSketch(vertices, pointer));
    const reset = () => {
      vertices.length = 0;
      pointer = null;
      setDrawingSketch(map, EMPTY_COLLECTION);
    };

    const finish = () => {
      const result = closeRing(vertices);
      if ('problem' in result) {
        setProblem(result.problem);
        return;
      }
      reset();
      setProblem(null);
      callbacksRef.current.onPolygonDrawn(result.polygon);
    };

    const onClick = (event: MapMouseEvent) => {
      const first = vertices[0];
      const last = vertices[vertices.length - 1];
      if (first && vertices.length >= 3 && isNear(map.project(first), event.point, CLOSE_TOLERANCE_PX))
        return finish();
      if (last && isNear(map.project(last), event.point, REPEAT_TOLERANCE_PX)) return;
      vertices.push(roundVertex(event.lngLat.lng, event.lngLat.lat));
      setProblem(null);
      redraw();
    };
    const onDoubleClick = (event: MapMouseEvent) => {
      event.preventDefault();
      finish();
    };
    const onMove = (event: MapMouseEvent) => {
      pointer = [event.lngLat.lng, event.lngLat.lat];
      if (vertices.length > 0) redraw();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        reset();
        setProblem(null);
        callbacksRef.current.onDrawingCancelled();
      } else if (event.key === 'Backspace' && !isTyping(event.target) && vertices.length > 0) {
        event.preventDefault();
        vertices.pop();
        setProblem(null);
        redraw();
      }
    };

    map.doubleClickZoom.disable();
    canvas.style.cursor = 'crosshair';
    map.on('click', onClick);
    map.on('dblclick', onDoubleClick);
    map.on('mousemove', onMove);
    window.addEventListener('keydown', onKey);
    return () => {
      map.off('click', onClick);
      map.off('dblclick', onDoubleClick);
      map.off('mousemove', onMove);
      window.removeEventListener('keydown', onKey);
      map.doubleClickZoom.enable();
      canvas.style.cursor = '';
      reset();
      setProblem(null);
    };
  }, [map, drawing]);

  return problem;
}
