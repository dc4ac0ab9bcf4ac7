import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createBudget } from "@/lib/budgets/create-budget";
import { evaluateBudgets } from "@/lib/budgets/evaluate-budgets";
import type { ChannelInput } from "@/lib/budgets/schemas";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { RETRY_WINDOW_MS } from "./backoff";
import { deliverDueAlerts } from "./deliver-alerts";
import { getAlertOrThrow } from "./list-alerts";
import { verifySignature } from "./signature";
import { ALLOW_PRIVATE_WEBHOOKS_ENV } from "./webhook-address";

withTestDatabase();

const T0 = new Date("2026-10-15T12:00:00Z");
const plus = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;
const SECRET = "whsec-test-0123456789";

type Received = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** A real webhook receiver on a local port that answers 500 until told to recover, and can be shut. */
async function startReceiver() {
  const received: Received[] = [];
  let healthy = false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = healthy ? 200 : 500;
      received.push({ status, body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/marginal`,
    received,
    recover: () => {
      healthy = true;
    },
    shut: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    reopen: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
  };
}

async function orgWithBudget(channels: ChannelInput[]) {
  const owner = await createOrgWithOwner();
  const key = (await createApiKey(owner, { name: "all", scopes: ["ingest", "read", "manage"] })).secret;
  const budget = await createBudget(owner, { name: "Support bot", scope: { dimension: "org" }, period: "month", amount_usd: "100", workflow_cap_pct: 0, channels }, T0);
  const spend = async (cost: string, at: Date) => {
    const res = await callRoute(postEvents, { key, body: { events: [{ id: `e-${randomBytes(6).toString("hex")}`, timestamp: "2026-10-15T10:00:00Z", provider: "openai", model: "gpt-4o-mini", cost_usd: cost }] } });
    expect(res.status).toBe(200);
    return evaluateBudgets(owner.orgId, at);
  };
  return { owner, budget, spend };
}

async function pendingFor(orgId: string) {
  return db.alertDelivery.count({ where: { orgId, status: "pending" } });
}

const noJitter = () => 0;

/** The Subject header of a raw message, unfolded and with RFC 2047 Q-encoded words decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? "";
  return header
    .replace(/\?=\r\n[ \t]+=\?/g, "?==?")
    .replace(/\r\n[ \t]+/g, " ")
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, text: string) => Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"));
}

afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("webhook delivery through the outbox", () => {
  it("gets every alert to a receiver that fails, then is down, then recovers: exactly once each, signed, with the same id on every retry", async () => {
    const receiver = await startReceiver();
    const { owner, spend } = await orgWithBudget([{ type: "webhook", url: receiver.url, secret: SECRET }]);
    const yellow = (await spend("80", plus(1_000)))[0];
    expect(yellow.level).toBe("yellow");
    await deliverDueAlerts(plus(2_000), { random: noJitter });
    expect(receiver.received.map((r) => r.status)).toEqual([500]);

    const red = (await spend("20", plus(3_000)))[0];
    expect(red.level).toBe("red");
    await deliverDueAlerts(plus(4_000), { random: noJitter });
    await receiver.shut();
    // Down for two hours of retries: every attempt fails to connect.
    for (let t = 5 * 60_000; t <= 2 * HOUR; t += 10 * 60_000) await deliverDueAlerts(plus(t), { random: noJitter });
    const whileDown = receiver.received.length;
    await receiver.reopen();
    receiver.recover();
    for (let t = 3 * HOUR; t <= 6 * HOUR && (await pendingFor(owner.orgId)) > 0; t += HOUR) await deliverDueAlerts(plus(t), { random: noJitter });
    // Once delivered, nothing is sent again.
    await deliverDueAlerts(plus(30 * HOUR), { random: noJitter });
    await receiver.shut();

    expect(await pendingFor(owner.orgId)).toBe(0);
    const delivered = receiver.received.filter((r) => r.status === 200).map((r) => JSON.parse(r.body).id);
    expect(delivered.sort()).toEqual([yellow.alertId, red.alertId].sort());
    for (const request of receiver.received) {
      expect(verifySignature(request.body, SECRET, request.headers["x-marginal-signature"] as string)).toBe(true);
      expect(request.headers["idempotency-key"]).toBe(JSON.parse(request.body).id);
      expect(request.headers["content-type"]).toBe("application/json");
    }
    // Every attempt for one alert carried the same bytes.
    const yellowBodies = new Set(receiver.received.filter((r) => JSON.parse(r.body).id === yellow.alertId).map((r) => r.body));
    expect(yellowBodies.size).toBe(1);
    expect(JSON.parse([...yellowBodies][0])).toMatchObject({ level: "yellow", previous_level: "green", budget_id: expect.any(String), spend_usd: "80.0000000000", amount_usd: "100", text: expect.stringContaining("YELLOW") });
    expect(whileDown).toBe(2);

    // The delivery log shows each attempt: a 500, refused connections, then the success.
    const log = await getAlertOrThrow(owner, yellow.alertId!);
    expect(log.deliveries).toEqual([expect.objectContaining({ status: "delivered", channel: { type: "webhook", url: receiver.url } })]);
    expect(JSON.stringify(log)).not.toContain(SECRET);
    const attempts = log.attempts;
    expect(attempts[0]).toMatchObject({ attempt: 1, ok: false, status_code: 500, error: "HTTP 500" });
    expect(attempts.slice(1, -1).every((a) => !a.ok && a.status_code === null && a.error)).toBe(true);
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts[attempts.length - 1]).toMatchObject({ ok: true, status_code: 200, error: null });
    expect(attempts.map((a) => a.attempt)).toEqual(attempts.map((_, i) => i + 1));
  });

  it("sends an unsigned webhook when the channel has no secret", async () => {
    const receiver = await startReceiver();
    receiver.recover();
    const { spend } = await orgWithBudget([{ type: "webhook", url: receiver.url }]);
    await spend("100", plus(1_000));
    await deliverDueAlerts(plus(2_000));
    await receiver.shut();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].headers["x-marginal-signature"]).toBeUndefined();
  });

  it("refuses to reach a private receiver unless private webhooks are allowed (SSRF)", async () => {
    const receiver = await startReceiver();
    receiver.recover();
    const byName = receiver.url.replace("127.0.0.1", "localhost");
    // Stored while allowed (as the test config allows), then sent with the guard on.
    const { owner, spend } = await orgWithBudget([{ type: "webhook", url: receiver.url }, { type: "webhook", url: byName }]);
    const allowed = process.env[ALLOW_PRIVATE_WEBHOOKS_ENV];
    delete process.env[ALLOW_PRIVATE_WEBHOOKS_ENV];
    try {
      await spend("100", plus(1_000));
      await deliverDueAlerts(plus(2_000));
      await expect(createBudget(owner, { name: "Internal", scope: { dimension: "org" }, period: "month", amount_usd: "5", workflow_cap_pct: 0, channels: [{ type: "webhook", url: "http://169.254.169.254/latest" }] }, T0)).rejects.toMatchObject({
        issues: [{ path: "channels.0.url", message: expect.stringMatching(/public address/) }],
      });
    } finally {
      process.env[ALLOW_PRIVATE_WEBHOOKS_ENV] = allowed;
    }
    await receiver.shut();
    expect(receiver.received).toHaveLength(0);
    const attempts = await db.alertDeliveryAttempt.findMany({ where: { orgId: owner.orgId } });
    expect(attempts).toHaveLength(2);
    for (const attempt of attempts) expect(attempt).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/private address/) });
  });

  it("never sends one delivery twice when workers race", async () => {
    const receiver = await startReceiver();
    receiver.recover();
    const { owner, spend } = await orgWithBudget([{ type: "webhook", url: receiver.url, secret: SECRET }, { type: "webhook", url: `${receiver.url}?second`, secret: SECRET }]);
    await spend("100", plus(1_000));
    await Promise.all(Array.from({ length: 6 }, () => deliverDueAlerts(plus(2_000))));
    await receiver.shut();
    expect(receiver.received).toHaveLength(2);
    expect(await db.alertDeliveryAttempt.count({ where: { orgId: owner.orgId } })).toBe(2);
  });

  it("keeps retrying a receiver that stays down for 24 hours, then marks the delivery failed", async () => {
    const receiver = await startReceiver();
    await receiver.shut();
    const { owner, spend } = await orgWithBudget([{ type: "webhook", url: receiver.url }]);
    const alertId = (await spend("100", T0))[0].alertId!;
    for (let t = 0; t <= 30 * HOUR && (await pendingFor(owner.orgId)) > 0; t += 30 * 60_000) await deliverDueAlerts(plus(t), { random: noJitter });
    const log = await getAlertOrThrow(owner, alertId);
    expect(log.deliveries[0]).toMatchObject({ status: "failed", delivered_at: null });
    const last = log.attempts[log.attempts.length - 1];
    expect(new Date(last.started_at).getTime() - T0.getTime()).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(log.attempts.length).toBeGreaterThanOrEqual(24);
    const beforeLast = log.attempts[log.attempts.length - 2];
    expect(new Date(beforeLast.started_at).getTime() - T0.getTime()).toBeLessThan(RETRY_WINDOW_MS);
  });
});

describe("email delivery", () => {
  it("sends the alert to a real local SMTP server, retrying while SMTP is not configured", async () => {
    const messages: { from: string; to: string[]; data: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
        stream.on("end", () => {
          messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as AddressInfo).port;
    try {
      const { owner, spend } = await orgWithBudget([{ type: "email", to: "finance@example.test" }]);
      const alertId = (await spend("100", plus(1_000)))[0].alertId!;
      // No SMTP_URL yet: the attempt fails and is logged, and the delivery stays in the outbox.
      await deliverDueAlerts(plus(2_000), { random: noJitter });
      const first = await getAlertOrThrow(owner, alertId);
      expect(first.deliveries[0]).toMatchObject({ status: "pending", attempts: 1, last_error: expect.stringContaining("SMTP_URL") });

      process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
      await deliverDueAlerts(plus(HOUR), { random: noJitter });
      await deliverDueAlerts(plus(3 * HOUR), { random: noJitter });
      expect(messages).toHaveLength(1);
      expect(messages[0].to).toEqual(["finance@example.test"]);
      expect(subjectOf(messages[0].data)).toBe('[Marginal] Budget "Support bot" is RED');
      expect(messages[0].data).toContain(alertId);
      const done = await getAlertOrThrow(owner, alertId);
      expect(done.deliveries[0]).toMatchObject({ status: "delivered", attempts: 2, channel: { type: "email", to: "finance@example.test" } });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
