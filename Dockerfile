# One image for the web process and the workers (compose.yaml runs both).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY . .
# postinstall generates the Prisma clients and the GraphQL types from the sources copied above.
RUN npm ci && npx remix vite:build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
COPY --from=build /app /app
EXPOSE 3000
# `npm run worker` for a worker; `npm run setup` applies migrations once per deploy.
CMD ["npm", "start"]
