# One image for every service; a Deployment picks the service with its command
# (node apps/<service>/dist/main.js). NODE_VERSION is the Node of tools/runtime/node.mjs;
# the image is tagged <release>-node<NODE_VERSION> (docker-compose.yml, the Helm chart).
ARG NODE_VERSION=24.21.0

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /repo
COPY . .
# .npmrc makes the install strict: engines enforced, install scripts only as package.json allows.
RUN npm ci --no-audit --no-fund \
 && node node_modules/typescript/bin/tsc -b tsconfig.build.json \
 && npm prune --omit=dev --no-audit --no-fund \
 && find apps libs -path '*/src' -prune -exec rm -rf {} + \
 && rm -rf apps/*/test libs/*/test libs/testing

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /repo/package.json ./
COPY --from=build --chown=node:node /repo/node_modules ./node_modules
COPY --from=build --chown=node:node /repo/libs ./libs
COPY --from=build --chown=node:node /repo/apps ./apps
USER node
CMD ["node", "apps/gateway/dist/main.js"]
