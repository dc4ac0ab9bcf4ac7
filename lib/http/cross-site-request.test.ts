import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./cross-site-request";

function request(method: string, headers: Record<string, string>) {
  return new NextRequest("http://app.example.com/api/v1/action-items", { method, headers: { host: "app.example.com", ...headers } });
}

describe("isCrossSiteWrite", () => {
  it("refuses writes another site's page sends", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(request("PATCH", { "sec-fetch-site": "cross-site" }))).toBe(true);
    // A sibling subdomain is same-site but not same-origin: still refused.
    expect(isCrossSiteWrite(request("DELETE", { "sec-fetch-site": "same-site", origin: "http://blog.example.com" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { origin: "http://app.example.com:8080" }))).toBe(true);
  });

  it("lets the app's own pages and non-browser clients write", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "http://app.example.com", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", {}))).toBe(false);
    expect(isCrossSiteWrite(request("POST", { origin: "https://app.example.com", "x-forwarded-host": "app.example.com" }))).toBe(false);
  });

  it("never blocks reads", () => {
    expect(isCrossSiteWrite(request("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});
