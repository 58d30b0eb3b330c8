# No `# syntax=` line: the built-in frontend is enough, and a build behind a firewall then fetches only
# the base image. Keep to FROM, WORKDIR, ENV, COPY, RUN, USER, EXPOSE, HEALTHCHECK and exec-form CMD:
# test/docker/dockerfile-steps.test.ts replays this file without Docker and refuses anything else.

# Build stage: compile TypeScript with the full dependency set.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies and the compiled output only.
FROM node:20.20.2-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node is PID 1 and handles SIGTERM itself (graceful drain); npm would not forward it.
CMD ["node", "dist/main.js"]
