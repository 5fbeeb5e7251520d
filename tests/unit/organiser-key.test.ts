// Issue 11: beyond loopback, creating events needs an organiser key unless the operator opts out.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isLoopback, resolveOrganiserKey } from "../../server/organiser-key";

const dirs: string[] = [];
const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), "plenary-key-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the organiser key", () => {
  it("is created on the first start when listening on all interfaces, kept readable by this user only, and the same after a restart", () => {
    const dir = dataDir();
    const first = resolveOrganiserKey({ envKey: null, host: "0.0.0.0", dataDir: dir, openCreate: false });
    expect(first.source).toBe("created");
    expect(first.key).toMatch(/^org_[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(first.file, "utf8").trim()).toBe(first.key);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const again = resolveOrganiserKey({ envKey: null, host: "0.0.0.0", dataDir: dir, openCreate: false });
    expect(again).toEqual({ ...first, source: "file" });
  });

  it("is the one ORGANISER_KEY sets, whatever the host", () => {
    expect(resolveOrganiserKey({ envKey: "mine", host: "0.0.0.0", dataDir: dataDir(), openCreate: false })).toMatchObject({ key: "mine", source: "env" });
    expect(resolveOrganiserKey({ envKey: "mine", host: "127.0.0.1", dataDir: dataDir(), openCreate: true })).toMatchObject({ key: "mine", source: "env" });
  });

  it("is not needed on loopback, nor with PLENARY_OPEN_CREATE=1; an empty key file is replaced", () => {
    expect(resolveOrganiserKey({ envKey: null, host: "127.0.0.1", dataDir: dataDir(), openCreate: false })).toMatchObject({ key: null, source: "open" });
    expect(resolveOrganiserKey({ envKey: null, host: "192.168.1.20", dataDir: dataDir(), openCreate: true })).toMatchObject({ key: null, source: "open" });
    const dir = dataDir();
    writeFileSync(join(dir, "organiser-key.txt"), "\n");
    expect(resolveOrganiserKey({ envKey: null, host: "192.168.1.20", dataDir: dir, openCreate: false }).source).toBe("created");
    expect(isLoopback("localhost") && isLoopback("::1") && isLoopback("127.0.0.2")).toBe(true);
    expect(isLoopback("0.0.0.0") || isLoopback("10.0.0.1")).toBe(false);
  });
});
