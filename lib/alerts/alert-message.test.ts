import { describe, expect, it } from "vitest";
import { alertEmail, alertText, webhookBody, type AlertForMessage } from "./alert-message";

const alert: AlertForMessage = {
  id: "0b5e2f38-4c1d-4c55-9f51-1c7b9a3f1a10",
  kind: "budget",
  budgetId: "bud1",
  title: "Support bot",
  level: "red",
  previousLevel: "yellow",
  spendUsd: "1050.1234567890",
  amountUsd: "1000",
  forecastUsd: null,
  reason: "Spend $1,050 is 105% of the $1,000 budget (red at 100%)",
  periodStart: new Date("2026-10-01T00:00:00Z"),
  createdAt: new Date("2026-10-15T12:00:00Z"),
};

describe("alert messages", () => {
  it("has the SPEC 5 webhook fields and a Slack-compatible text", () => {
    const body = JSON.parse(webhookBody(alert));
    expect(body).toMatchObject({ id: alert.id, budget_id: "bud1", level: "red", previous_level: "yellow", spend_usd: "1050.1234567890", amount_usd: "1000" });
    expect(body.text).toBe(":red_circle: Budget *Support bot* is now RED (was yellow): Spend $1,050 is 105% of the $1,000 budget (red at 100%). Spend $1,050 of $1,000.");
    expect(alertText({ ...alert, level: "green", previousLevel: "red" })).toMatch(/^:large_green_circle: .* now GREEN \(was red\)/);
  });

  it("serializes the same alert to the same bytes on every retry", () => {
    expect(webhookBody(alert)).toBe(webhookBody({ ...alert }));
  });

  it("makes an email whose subject says the level", () => {
    const email = alertEmail(alert);
    expect(email.subject).toBe('[Marginal] Budget "Support bot" is RED');
    expect(email.text).toContain(alert.id);
    expect(email.text).toContain("Budget: $1,000");
  });
});
