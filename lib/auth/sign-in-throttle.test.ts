import { describe, expect, it } from "vitest";
import { clientAddressOf, createSignInThrottle } from "./sign-in-throttle";

const settings = { windowMs: 60_000, maxFailuresPerEmail: 3, maxFailuresPerAddress: 5 };

describe("sign-in throttle", () => {
  it("refuses an email after its limit of failures until the window has passed", () => {
    const throttle = createSignInThrottle(settings);
    for (let i = 0; i < 2; i++) throttle.recordFailure("a@x.com", null, 1_000);
    expect(throttle.retryAfterSeconds("a@x.com", null, 1_000)).toBe(0);
    throttle.recordFailure("a@x.com", null, 1_000);
    expect(throttle.retryAfterSeconds("a@x.com", null, 1_000)).toBe(60);
    expect(throttle.retryAfterSeconds("a@x.com", null, 31_000)).toBe(30);
    expect(throttle.retryAfterSeconds("a@x.com", null, 61_000)).toBe(0);
    expect(throttle.retryAfterSeconds("b@x.com", null, 1_000)).toBe(0);
  });

  it("refuses an address that guesses across many emails", () => {
    const throttle = createSignInThrottle(settings);
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}@x.com`, "203.0.113.9", 0);
    expect(throttle.retryAfterSeconds("new@x.com", "203.0.113.9", 0)).toBe(60);
    expect(throttle.retryAfterSeconds("new@x.com", "198.51.100.1", 0)).toBe(0);
  });

  it("clears the email's count on success but keeps the address's", () => {
    const throttle = createSignInThrottle(settings);
    for (let i = 0; i < 3; i++) throttle.recordFailure("a@x.com", "203.0.113.9", 0);
    throttle.recordSuccess("a@x.com");
    expect(throttle.retryAfterSeconds("a@x.com", null, 0)).toBe(0);
    throttle.recordFailure("b@x.com", "203.0.113.9", 0);
    throttle.recordFailure("c@x.com", "203.0.113.9", 0);
    expect(throttle.retryAfterSeconds("d@x.com", "203.0.113.9", 0)).toBe(60);
  });

  it("reads the client address from the first X-Forwarded-For entry", () => {
    expect(clientAddressOf({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" })).toBe("203.0.113.9");
    expect(clientAddressOf({ "x-forwarded-for": ["198.51.100.1"] })).toBe("198.51.100.1");
    expect(clientAddressOf({})).toBeNull();
    expect(clientAddressOf(undefined)).toBeNull();
  });
});
