# Utfall for container hosts (App Service for containers, Container Apps, Kubernetes).
# The image needs MONGODB_URI (the embedded FerretDB is for local runs and tests only).
#   docker build -t utfall .
#   docker run -p 3978:3978 -e MONGODB_URI=... -e BOT_ID=... -e BOT_TYPE=... utfall

# ---- build: compile TypeScript with the dev dependencies
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are not needed (no native addon is used) and are not run, as in development.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY cards ./cards
COPY bench ./bench
COPY test/support ./test/support
RUN npm run build

# ---- runtime: production dependencies and the compiled code only, as a non-root user
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/cards ./dist/cards
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM reaches node directly (exec form): it stops taking turns, finishes jobs in flight and exits.
CMD ["node", "dist/src/main.js"]
