# syntax=docker/dockerfile:1
# restash's one image: `restash <scheduler|injector|executor|status|job|agent>` (and the kubectl plugin's
# commands). Build: docker build -t ghcr.io/restash/restash:<version> .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------- build: install, compile, prune
FROM ${NODE_IMAGE} AS build
ARG PNPM_VERSION=12.4.2
RUN npm install -g --no-fund --no-audit "pnpm@${PNPM_VERSION}"
WORKDIR /app
# The store is filled from the lockfile alone, so this layer stays cached until dependencies change.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile
RUN node scripts/build.mjs
# Keep only what runs: a clean production install (from the same store), compiled output, the entry point.
RUN rm -rf node_modules libs/*/node_modules services/*/node_modules \
 && pnpm install --offline --frozen-lockfile --prod --config.confirmModulesPurge=false \
 && find libs services -mindepth 2 -maxdepth 2 -type d -name src -exec rm -rf {} +

# ---------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
# restic and the database clients the runner drives (mysqldump/mariadb-dump, pg_dump, psql).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      restic mariadb-client postgresql-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 restash \
 && useradd --system --uid 10001 --gid restash --home-dir /home/restash --create-home --shell /usr/sbin/nologin restash
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/services ./services
COPY --from=build /app/bin ./bin
# Young-generation semi-spaces of 4 MB (V8 grows them to 16 MB): the services keep little short-lived data,
# and each holds 30-70 MB less resident for a little more GC work (bench/RESULTS.md, benchmark 4).
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=4 \
    HOME=/home/restash \
    RESTIC_CACHE_DIR=/tmp/restic-cache
USER 10001:10001
ENTRYPOINT ["/app/bin/restash"]
