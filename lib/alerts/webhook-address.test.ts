import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALLOW_PRIVATE_WEBHOOKS_ENV, isPrivateAddress, webhookUrlProblem } from "./webhook-address";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
    "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc12:3456::1", "ff02::1", "::ffff:127.0.0.1",
    "::ffff:7f00:1", "64:ff9b::a9fe:a9fe", "[::1]", "2001:db8::1", "not an address",
  ])("%s is private", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(["8.8.8.8", "172.32.0.1", "172.15.255.255", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2a00:1450:4001:80b::200e"])(
    "%s is public",
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );
});

describe("webhookUrlProblem", () => {
  const saved = process.env[ALLOW_PRIVATE_WEBHOOKS_ENV];
  beforeEach(() => {
    delete process.env[ALLOW_PRIVATE_WEBHOOKS_ENV];
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[ALLOW_PRIVATE_WEBHOOKS_ENV];
    else process.env[ALLOW_PRIVATE_WEBHOOKS_ENV] = saved;
  });

  it("refuses loopback, private and metadata addresses however they are written", () => {
    for (const url of [
      "http://localhost:8080/hook", "http://LOCALHOST./hook", "http://api.localhost/hook", "http://127.0.0.1/hook",
      "http://2130706433/hook", "http://0x7f.1/hook", "http://[::1]:9000/hook", "http://169.254.169.254/latest/meta-data",
      "https://10.0.0.5/hook", "http://[::ffff:192.168.0.1]/",
    ]) {
      expect(webhookUrlProblem(url), url).not.toBeNull();
    }
  });

  it("accepts public names and addresses", () => {
    expect(webhookUrlProblem("https://hooks.slack.com/services/T000/B000/XXX")).toBeNull();
    expect(webhookUrlProblem("https://8.8.8.8/hook")).toBeNull();
  });

  it("lets everything through when private receivers are allowed", () => {
    process.env[ALLOW_PRIVATE_WEBHOOKS_ENV] = "1";
    expect(webhookUrlProblem("http://127.0.0.1:4000/hook")).toBeNull();
  });
});
