# iwmo-gateway container image. See docs/deployment.md.
#
# NOT EXERCISED BY CI: there is no Docker engine on the development and CI machines of this
# project, so this file has only been reviewed by reading. Build and smoke-test it before use.
#
#   docker build -t iwmo-gateway .
#   docker compose up -d          (with BODY_ENCRYPTION_KEY set; see docker-compose.yml)

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# Build stage: all dependencies (libxmljs2 is a native addon), TypeScript → dist/, then the
# dev dependencies are pruned so node_modules can be copied into the runtime stage as it is.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build

# libxmljs2 0.35 installs with `prebuild-install || node-gyp rebuild`: when no prebuilt binary can
# be downloaded it compiles its bundled libxml2 (about a minute) and needs python3, make and g++.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*

# The official node images unpack the Node tarball, headers included, into /usr/local: point
# node-gyp at them instead of downloading headers.
ENV npm_config_nodedir=/usr/local

WORKDIR /app

# package.json runs `node scripts/verify-native.mjs` as postinstall (it fails the install when an
# XML binding is unusable), so that script has to be in place before `npm ci`.
COPY package.json package-lock.json ./
COPY scripts/verify-native.mjs ./scripts/verify-native.mjs
RUN npm ci --no-audit --no-fund

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
    && npm prune --omit=dev --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# Runtime stage: same base image (same glibc and Node ABI as the native addon was built for),
# no compilers, non-root.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime

# HTTP_HOST: listen on every interface of the container (the gateway's default is 127.0.0.1).
# Off loopback the gateway refuses to start without PARTIES_FILE (API keys, routes): mount one.
# DATA_DIR: only written when BODY_ENCRYPTION_KEY is not set (a generated key is stored there);
# set BODY_ENCRYPTION_KEY in production so that the key does not live and die with the container.
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080 \
    DATA_DIR=/var/lib/iwmo-gateway

WORKDIR /app

# Application files stay owned by root and read-only for the user that runs them.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Files the code resolves relative to dist/: the schemas (iWmo 3.2 and the StUF-GGk envelope,
# ../../schemas/…) and the bundled reference data (../../data/cbs-gemeenten.json for TR378).
COPY schemas ./schemas
COPY data ./data
# Dependency-free helper: `docker compose run --rm --no-deps gateway node scripts/make-api-key.mjs <id>`.
COPY scripts/make-api-key.mjs ./scripts/make-api-key.mjs

# DATA_DIR, and a place for `directory` deliveries (mount a volume here; see docs/deployment.md).
RUN mkdir -p /var/lib/iwmo-gateway/outbox \
    && chown -R node:node /var/lib/iwmo-gateway

# The node images ship an unprivileged user `node` (uid 1000).
USER node

EXPOSE 8080

# /healthz is 200 only when Redis answers and at least one worker process is connected.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || '8080') + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# The launcher runs one intake process and WORKER_PROCESSES worker processes and restarts one that
# dies. REDIS_URL is required here: the image contains no redis-server to embed.
CMD ["node", "dist/main/gateway.js"]
