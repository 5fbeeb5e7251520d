// Configuration from the environment, and the address phones are told to use.
import { expect, it } from "vitest";
import { defaultPublicUrl, pickLanAddress, readConfig } from "../../server/config";

it("prefers a Wi-Fi address over a container bridge, whatever the interface order", () => {
  expect(pickLanAddress(["172.17.0.1", "192.168.1.20"])).toBe("192.168.1.20");
  expect(pickLanAddress(["172.17.0.1", "10.0.4.7"])).toBe("10.0.4.7");
  expect(pickLanAddress(["100.64.0.3", "172.20.1.2"])).toBe("172.20.1.2");
  expect(pickLanAddress(["100.64.0.3"])).toBe("100.64.0.3");
  expect(pickLanAddress([])).toBeNull();
});

it("reads the documented defaults and overrides", () => {
  const defaults = readConfig({});
  expect(defaults.port).toBe(3000);
  expect(defaults.host).toBe("0.0.0.0");
  expect(defaults.dataDir.endsWith("/data")).toBe(true);
  expect(defaults.organiserKey).toBeNull();
  expect(defaults.resultsIntervalMs).toBe(100);
  const set = readConfig({ PORT: "8080", HOST: "127.0.0.1", DATA_DIR: "/tmp/x", ORGANISER_KEY: "k", PUBLIC_URL: "http://10.1.1.1:8080/", RESULTS_INTERVAL_MS: "250" });
  expect(set).toMatchObject({ port: 8080, host: "127.0.0.1", dataDir: "/tmp/x", organiserKey: "k", publicUrl: "http://10.1.1.1:8080", resultsIntervalMs: 250 });
  expect(() => readConfig({ PORT: "http" })).toThrow(/PORT/);
});

it("names the listening host itself when it is not all interfaces", () => {
  expect(defaultPublicUrl("127.0.0.1", 3000)).toBe("http://127.0.0.1:3000");
  expect(defaultPublicUrl("192.168.0.9", 80)).toBe("http://192.168.0.9");
});
