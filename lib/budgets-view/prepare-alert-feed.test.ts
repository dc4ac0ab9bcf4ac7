import { describe, expect, it } from "vitest";
import type { AlertJson } from "@/lib/alerts/schemas";
import { alertsCsv, attemptRows, deliveryStatusText, filterAlerts, isEscalation, levelChangeLabel, readAlertFilter } from "./prepare-alert-feed";

const alert = (id: string, over: Partial<AlertJson> = {}): AlertJson => ({
  id,
  kind: "budget",
  budget_id: "b1",
  title: "Checkout",
  level: "red",
  previous_level: "yellow",
  spend_usd: "101.0000000000",
  amount_usd: "100",
  forecast_usd: null,
  reason: "Spend is over",
  details: null,
  period_start: null,
  created_at: "2026-11-24T04:00:00.000Z",
  acknowledged_at: null,
  acknowledged_by: null,
  note: null,
  deliveries: [],
  ...over,
});

describe("alert feed filters", () => {
  const feed = [alert("a"), alert("b", { acknowledged_at: "2026-11-24T05:00:00.000Z", acknowledged_by: "f@x.test", note: "ok" })];
  it("reads the filter from the URL, defaulting to open", () => {
    expect(readAlertFilter("acknowledged")).toBe("acknowledged");
    expect(readAlertFilter(["all", "open"])).toBe("all");
    expect(readAlertFilter("nope")).toBe("open");
    expect(readAlertFilter(undefined)).toBe("open");
  });
  it("keeps open, acknowledged or all alerts in order", () => {
    expect(filterAlerts(feed, "open").map((a) => a.id)).toEqual(["a"]);
    expect(filterAlerts(feed, "acknowledged").map((a) => a.id)).toEqual(["b"]);
    expect(filterAlerts(feed, "all").map((a) => a.id)).toEqual(["a", "b"]);
  });
});

describe("wording", () => {
  it("names the change of level in words", () => {
    expect(levelChangeLabel(alert("a"))).toBe("Yellow → Red");
    expect(levelChangeLabel(alert("a", { previous_level: null, level: "yellow" }))).toBe("Yellow");
    expect(isEscalation(alert("a"))).toBe(true);
    expect(isEscalation(alert("a", { level: "green", previous_level: "red" }))).toBe(false);
  });
  it("says how each delivery went", () => {
    expect(deliveryStatusText({ status: "delivered", attempts: 1, last_error: null })).toBe("Delivered (1 attempt)");
    expect(deliveryStatusText({ status: "pending", attempts: 0, last_error: null })).toBe("Pending (not tried yet)");
    expect(deliveryStatusText({ status: "pending", attempts: 3, last_error: "HTTP 500" })).toBe("Retrying (3 attempts so far, last: HTTP 500)");
    expect(deliveryStatusText({ status: "failed", attempts: 12, last_error: "timeout" })).toBe("Failed after 12 attempts: timeout");
  });
});

describe("alertsCsv", () => {
  it("exports exact decimals and each delivery", () => {
    const csv = alertsCsv([
      alert("a", {
        deliveries: [
          { id: "d1", channel: { type: "webhook", url: "https://hooks.example.test/x" }, status: "delivered", attempts: 2, last_error: null, next_attempt_at: null, delivered_at: "2026-11-24T04:01:00.000Z" },
          { id: "d2", channel: { type: "email", to: "fin@example.test" }, status: "pending", attempts: 1, last_error: "SMTP is not configured", next_attempt_at: "2026-11-24T04:02:00.000Z", delivered_at: null },
        ],
      }),
    ]);
    const row = Object.fromEntries(csv.header.map((h, i) => [h, csv.rows[0][i]]));
    expect(row).toMatchObject({ spend_usd: "101.0000000000", previous_level: "yellow", level: "red", deliveries: "https://hooks.example.test/x: delivered (2); fin@example.test: pending (1)" });
  });
});

describe("attemptRows", () => {
  it("lists attempts in time order with their channel and answer", () => {
    const rows = attemptRows(
      [{ id: "d1", channel: { type: "webhook", url: "https://hooks.example.test/x" } }],
      [
        { delivery_id: "d1", attempt: 2, started_at: "2026-11-24T04:01:00.000Z", duration_ms: 40, ok: true, status_code: 200, error: null },
        { delivery_id: "d1", attempt: 1, started_at: "2026-11-24T04:00:00.000Z", duration_ms: 10, ok: false, status_code: 500, error: "HTTP 500" },
        { delivery_id: "gone", attempt: 1, started_at: "2026-11-24T04:00:30.000Z", duration_ms: 5, ok: false, status_code: null, error: null },
      ],
    );
    expect(rows.map((r) => [r.channel, r.attempt, r.result])).toEqual([
      ["Webhook https://hooks.example.test/x", 1, "HTTP 500"],
      ["Removed channel", 1, "Failed"],
      ["Webhook https://hooks.example.test/x", 2, "OK (HTTP 200)"],
    ]);
  });
});
