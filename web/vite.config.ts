// Vite build and dev server for the control room: proxies the API and socket.io to the local server.
import { defineConfig } from 'vite';

const serverUrl = `http://127.0.0.1:${process.env.TOC_PORT || '3000'}`;
const proxy = {
  '/api': { target: serverUrl, changeOrigin: false },
  '/socket.io': { target: serverUrl, ws: true, changeOrigin: false },
};

export default defineConfig({
  // Relative asset URLs: the fastify server serves dist/ at `/`, and nothing assumes a host.
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  server: { host: '127.0.0.1', proxy },
  preview: { host: '127.0.0.1', proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // maplibre-gl alone is ~1 MB minified; it lives in its own lazily loaded chunk.
    chunkSizeWarningLimit: 1200,
    // Two pages: the control room, and the public stop sign (its own small bundle, no map, no React).
    rolldownOptions: { input: { main: 'index.html', stop: 'stop.html' } },
  },
});
