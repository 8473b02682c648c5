# The Casebook server. Build from the repository root: docker build -t casebook .
# Stage 1 installs and builds with the compilers the native modules need; stage 2 keeps only what
# runs. Settings are environment variables (.env.example); data lives in /app/data (SQLite, the
# generated auth secret) unless DATABASE_URL points at PostgreSQL.

FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm ci --no-audit --no-fund \
  && npm run build \
  && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000 CASEBOOK_LOCAL_AGENT=0
COPY --from=build /app /app
# Casebook writes its data, Next's cache, and published drafts into content/; it bundles its playbook
# parse worker into node_modules/.cache/casebook at first start.
RUN useradd --system --home-dir /app casebook && mkdir -p /app/data /app/node_modules/.cache/casebook \
  && chown -R casebook /app/data /app/.next /app/content /app/node_modules/.cache/casebook
USER casebook
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# npm start: migrations (waiting for another instance's lock), then the server. The build is
# already stamped, so it is not rebuilt.
CMD ["npm", "start"]
