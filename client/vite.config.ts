import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.PLENARY_API ?? "http://127.0.0.1:3000";

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/client", import.meta.url)),
    emptyOutDir: true,
    // The participant chunk has a weight budget (tests/unit/bundle-weight.test.ts); a manifest lets it be measured per page.
    manifest: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      "/api": api,
      "/openapi.json": api,
      "/healthz": api,
      "/socket.io": { target: api, ws: true },
    },
  },
});
