// `npm run dev`: the API server (restarting on change) and Vite's dev server with a proxy to it.
// Open the Vite URL it prints; API calls and sockets are proxied to PORT (3000).
import { spawn, type ChildProcess } from "node:child_process";

const children: ChildProcess[] = [
  spawn("npx", ["tsx", "watch", "server/main.ts"], { stdio: "inherit", env: { ...process.env, HOST: process.env.HOST ?? "127.0.0.1" } }),
  spawn("npx", ["vite", "--config", "client/vite.config.ts"], { stdio: "inherit", env: { ...process.env, PLENARY_API: `http://127.0.0.1:${process.env.PORT ?? "3000"}` } }),
];

function stop(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
}
for (const child of children) child.on("exit", (code) => stop(code ?? 0));
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
