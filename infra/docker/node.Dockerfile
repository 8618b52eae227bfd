# One image for the API server (which also serves the built control room) and the camera workers: Node 20 + ffmpeg, TypeScript run by tsx.
FROM node:20-bookworm-slim AS base
# ffmpeg reads the RTSP cameras and cuts evidence clips; tini reaps ffmpeg children and forwards signals.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

FROM base AS deps
# The CPU build of onnxruntime ships in the package; its install script would try to download CUDA libraries.
ENV ONNXRUNTIME_NODE_INSTALL=skip
# Manifests first, so the dependency layer is rebuilt only when the lock file changes.
COPY package.json package-lock.json .npmrc ./
COPY models/package.json models/
COPY server/package.json server/
COPY workers/package.json workers/
COPY web/package.json web/
COPY infra/package.json infra/
RUN npm ci --no-audit --no-fund

FROM deps AS app
COPY . .
RUN npm run build -w @toc/web
# Snapshots, trap stills, recordings, evidence and held writes live on the storage volume at /var/lib/toc (the
# variables below point every process there); created here so the volume starts out owned by node.
RUN mkdir -p /var/lib/toc && chown node:node /var/lib/toc
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST_DIR=/app/web/dist \
    MODELS_DIR=/models \
    SHARED_DIR=/shared \
    TOC_DATA_DIR=/var/lib/toc \
    SNAPSHOT_DIR=/var/lib/toc/snapshots \
    EVIDENCE_DIR=/var/lib/toc/evidence \
    RECORDINGS_DIR=/var/lib/toc/recordings \
    HELD_WRITES_DIR=/var/lib/toc/held-writes
USER node
EXPOSE 3000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["npx", "tsx", "server/src/main.ts"]
