import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { wirePlugin } from "./build-wire.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../dist/client", import.meta.url));
const api = process.env.PLENARY_API ?? "http://127.0.0.1:3000";

export default defineConfig({
  root,
  plugins: [react(), wirePlugin(outDir)],
  // preact/compat instead of React in the browser: the phone's first load is ~45 KB gzipped lighter
  // (docs/PERFORMANCE.md, "Slow phone"). The code and its types stay React's; only the bundle changes.
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
      { find: /^react-dom$/, replacement: "preact/compat" },
      { find: /^react\/jsx-runtime$/, replacement: "preact/jsx-runtime" },
      { find: /^react\/jsx-dev-runtime$/, replacement: "preact/jsx-dev-runtime" },
      { find: /^react$/, replacement: "preact/compat" },
    ],
  },
  build: {
    outDir,
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
