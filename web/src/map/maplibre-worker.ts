// Points MapLibre at its worker file. MapLibre 6 derives the URL from its own module's location,
// which bundling moves, so the worker is emitted as an asset and its URL set explicitly.
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
