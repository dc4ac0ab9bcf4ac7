import { describe, expect, it } from "vitest";
import { AI_VENDOR_CATALOG } from "./ai-vendor-catalog";
import { matchSubscription, resolveSubscriptionColumns, SUBSCRIPTION_APP_NAMES, subscriptionsFromCsv } from "./subscriptions-from-csv";

describe("subscriptionsFromCsv", () => {
  it("maps a Zylo-style export: application, vendor, licenses, annual cost, owner email", () => {
    const text = [
      "Application,Vendor,Plan,Owner,Owner Email,Licenses,Annual Cost (USD),Billing Frequency,Contract Start,Renewal Date,Department",
      "ChatGPT,OpenAI,Enterprise,Dana Ruiz,DANA@X.TEST,150,108000,Annual,2026-01-01,2027-01-01,IT",
      'Slack,Salesforce,Business+,Ed,ed@x.test,300,"54000.5",Annually,2026-03-01,2027-03-01,IT',
    ].join("\r\n");
    const { columns, warnings, rows } = subscriptionsFromCsv(text);
    expect(columns.map((c) => c.field)).toEqual(["application", "vendor", "plan", "owner", "email", "seats", "annual_amount", "billing_cycle", "start_date", "renewal_date", "cost_center"]);
    expect(warnings).toEqual([]);
    expect(rows[0]).toMatchObject({
      line: 2,
      message: null,
      subscription: { vendorName: "ChatGPT", plan: "Enterprise", email: "dana@x.test", seats: 150, amountUsd: "108000.0000000000", billingCycle: "annual", startDate: "2026-01-01", renewalDate: "2027-01-01", costCenter: "IT", match: { vendorId: "openai-chatgpt-business" } },
    });
    expect(rows[1].subscription).toMatchObject({ vendorName: "Slack", amountUsd: "54000.5000000000", match: null });
  });

  it("reads the cycle from the cost column, from a billing cycle beside a plain cost, and prefers the column the cycle names", () => {
    const text = [
      "App,Seats,Monthly Cost,Annual Cost,Cost,Billing Cycle",
      "Cursor,12,480,,,",
      "Midjourney,1,,,30,monthly",
      "Claude,40,1200,14400,,Yearly",
      "Perplexity,5,,,,monthly",
    ].join("\n");
    const { rows } = subscriptionsFromCsv(text);
    expect(rows[0].subscription).toMatchObject({ amountUsd: "480.0000000000", billingCycle: "monthly", match: { vendorId: "cursor" } });
    expect(rows[1].subscription).toMatchObject({ amountUsd: "30.0000000000", billingCycle: "monthly", match: { vendorId: "midjourney" } });
    expect(rows[2].subscription).toMatchObject({ amountUsd: "14400.0000000000", billingCycle: "annual", match: { vendorId: "anthropic-claude" } });
    expect(rows[3]).toMatchObject({ subscription: null, message: "amount: is required (amount with billing_cycle, annual_amount or monthly_amount)" });
  });

  it("names the line, column and field of each problem", () => {
    const text = ["Application,Licenses,Cost,Billing Frequency,Contract Start,Currency", "Cursor,ten,$20,weekly,03/01/2026,EUR", ",1,20,,2026-02-30,", "Midjourney,1,1200,,,"].join("\n");
    const { rows } = subscriptionsFromCsv(text);
    expect(rows[0].message).toBe(
      'Billing Frequency (billing_cycle): "weekly" is not monthly or annual; Cost (amount): "$20" is not a number of dollars (e.g. 1200.00); currency: "EUR" is not USD; amounts are kept in US dollars; Licenses (seats): "ten" is not a whole number of seats; Contract Start (start_date): "03/01/2026" is not a date (YYYY-MM-DD)',
    );
    expect(rows[1].message).toBe('application or vendor: one is required; billing_cycle: is required with Cost (amount) (monthly or annual); Contract Start (start_date): "2026-02-30" is not a date (YYYY-MM-DD)');
    expect(rows[2].message).toBe("billing_cycle: is required with Cost (amount) (monthly or annual)");
  });

  it("rejects negative amounts and warns about unknown columns and missing fields", () => {
    expect(subscriptionsFromCsv("app,cost,billing cycle\nCursor,-20,monthly").rows[0].message).toBe('cost (amount): "-20" is not a number of dollars (e.g. 1200.00)');
    expect(subscriptionsFromCsv("renewal,foo\n2026-10-01,x").warnings).toEqual([
      'Column "foo" is not a subscription field and is ignored',
      "No column maps to application or vendor: every row will be rejected",
      "No column maps to amount, annual_amount or monthly_amount: every row will be rejected",
    ]);
  });

  it("gives identical rows of one file different hashes, and the same file the same hashes", () => {
    const text = "application,monthly cost\nMidjourney,30\nMidjourney,30\n";
    const [first, second] = subscriptionsFromCsv(text).rows.map((r) => r.subscription!.rowHash);
    expect(first).not.toBe(second);
    expect(subscriptionsFromCsv(text).rows.map((r) => r.subscription!.rowHash)).toEqual([first, second]);
  });

  it("lets an explicit mapping claim a column first, or ignore one", () => {
    expect(resolveSubscriptionColumns(["Name", "Vendor", "Spend"], { Name: "application", Vendor: null })).toEqual(["application", null, "amount"]);
  });
});

describe("matchSubscription", () => {
  it.each([
    ["ChatGPT", "OpenAI", "Team", "openai-chatgpt-business"],
    ["ChatGPT Plus", null, null, "openai-chatgpt"],
    ["OpenAI API", "OpenAI", null, "openai-api"],
    ["Claude", "Anthropic", "Team", "anthropic-claude-team"],
    ["Claude for Work", null, null, "anthropic-claude-team"],
    ["Claude", null, "Pro", "anthropic-claude"],
    ["Copilot", "GitHub", "Business", "github-copilot"],
    ["Microsoft 365 Copilot", "Microsoft", null, "microsoft-copilot"],
    ["Cursor", "Anysphere", "Business", "cursor"],
    ["Perplexity", null, "Enterprise Pro", "perplexity"],
    ["Gemini for Google Workspace", "Google", null, "google-gemini"],
    ["Jasper", null, null, "jasper"],
    ["Notion AI", "Notion Labs", null, "notion-ai"],
    ["Otter.ai", null, "Business", "otter-ai"],
  ])("%s (%s, %s) is %s", (application, vendor, plan, id) => {
    expect(matchSubscription(application, vendor, plan)?.vendorId).toBe(id);
  });

  it.each([
    ["Notion", "Notion Labs", "Plus"],
    ["GitHub", "GitHub", "Enterprise"],
    ["Slack", "Salesforce", null],
    ["Zoom", null, null],
    ["Figma", null, "Organization"],
  ])("%s (%s, %s) is not AI spend", (application, vendor, plan) => {
    expect(matchSubscription(application, vendor, plan)).toBeNull();
  });

  it("names only catalog entries", () => {
    const ids = new Set(AI_VENDOR_CATALOG.map((v) => v.id));
    expect(Object.values(SUBSCRIPTION_APP_NAMES).filter((id) => !ids.has(id))).toEqual([]);
  });
});
