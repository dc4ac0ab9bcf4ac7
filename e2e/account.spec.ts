import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail, uniqueName, uniquePassword } from "./support";
import { signUpWithOrganization } from "./support/session";

async function signUp(page: Page, options: { email: string; password: string; organization: string }) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Dana Finance");
  await page.getByLabel("Work email").fill(options.email);
  await page.getByLabel("Password").fill(options.password);
  await page.getByLabel("Organization name").fill(options.organization);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

test("sign up, create an API key and see it once, sign out, sign back in", async ({ page }) => {
  const email = uniqueEmail("owner");
  const password = uniquePassword();
  const organization = uniqueName("Acme");
  await signUp(page, { email, password, organization });
  const orgUrl = new URL(page.url()).pathname;
  expect(orgUrl).toMatch(/^\/o\/acme-/);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).first().click();
  await page.getByLabel("Key name").fill("reporting job");
  await page.getByRole("checkbox", { name: /^read/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(secret).toMatch(/^mk_[0-9A-Za-z]{40}$/);

  // The key works against the API, for this organization.
  const response = await page.request.get("/api/v1/org", { headers: { Authorization: `Bearer ${secret}` } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ name: organization, via: "api_key" });

  // Shown once: after a reload only its prefix is on the page.
  await page.reload();
  await expect(page.getByRole("cell", { name: "reporting job", exact: true })).toBeVisible();
  await expect(page.getByText(`${secret.slice(0, 11)}…`)).toBeVisible();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto(orgUrl);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${orgUrl}$`));
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});

test("after ten wrong passwords the right one is refused too, with a clear message", async ({ page, browser }) => {
  const email = uniqueEmail("guessed");
  const password = uniquePassword();
  await signUp(page, { email, password, organization: uniqueName("Locked") });

  const guesser = await browser.newPage();
  await guesser.goto("/signin");
  for (let attempt = 1; attempt <= 10; attempt++) {
    await guesser.getByLabel("Email").fill(email);
    await guesser.getByLabel("Password").fill(`wrong-${attempt}`);
    await guesser.getByRole("button", { name: "Sign in" }).click();
    await expect(guesser.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    // The alert is cleared on submit; wait for the button to be ready before the next guess.
    await expect(guesser.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await guesser.getByLabel("Password").fill(password);
  await guesser.getByRole("button", { name: "Sign in" }).click();
  await expect(guesser.getByRole("alert").filter({ hasText: "Too many failed sign-ins" })).toBeVisible();
  await expect(guesser).toHaveURL(/\/signin/);
  await guesser.close();
});

test("an invited viewer joins through the link and sees only what a viewer may do", async ({ page, browser }) => {
  await signUp(page, { email: uniqueEmail("admin"), password: uniquePassword(), organization: uniqueName("Invite") });
  const orgPath = new URL(page.url()).pathname;
  await page.goto(`${orgPath}/settings/members`);
  const viewerEmail = uniqueEmail("viewer");
  await page.getByLabel("Email").fill(viewerEmail);
  await page.getByLabel("Role").selectOption("VIEWER");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  await expect(page.getByRole("table", { name: "Pending invitations" }).getByRole("cell", { name: viewerEmail, exact: true })).toBeVisible();

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByText("You are invited as VIEWER")).toBeVisible();
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await expect(invitee.getByLabel("Work email")).toHaveValue(viewerEmail);
  await invitee.getByLabel("Password").fill(uniquePassword());
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee).toHaveURL(new RegExp(`${orgPath}$`));

  const nav = invitee.getByRole("navigation", { name: "Main" }).first();
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await invitee.goto(`${orgPath}/settings/api-keys`);
  await expect(invitee.getByRole("heading", { name: "Create a key" })).toHaveCount(0);
  await expect(invitee.getByText("An engineer or admin can create one.")).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByText("No pending invitations")).toBeVisible();
  const row = page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: viewerEmail });
  await expect(row.getByRole("combobox")).toHaveValue("VIEWER");
});

test("the API answers JSON errors without credentials and for unknown paths", async ({ request }) => {
  const unauthenticated = await request.get("/api/v1/org");
  expect(unauthenticated.status()).toBe(401);
  expect(await unauthenticated.json()).toHaveProperty("error");
  const unknown = await request.get("/api/v1/no-such-thing");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: "No such API endpoint" });
  const health = await request.get("/api/health");
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true, kind: "postgresql" } });
});

test("pages and the API carry the security headers, and pages run under the content security policy", async ({ page, request }) => {
  const nonces = new Set<string>();
  for (const path of ["/signin", "/signin", "/api/health", "/api/v1/org"]) {
    const response = await request.get(path);
    const headers = response.headers();
    if (!path.startsWith("/api/")) {
      // A page's scripts run by this response's nonce, never by being inline.
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(headers["content-security-policy"])?.[1];
      expect(nonce, path).toBeTruthy();
      expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(await response.text()).toContain(`nonce="${nonce}"`);
      nonces.add(nonce!);
    } else {
      expect(headers["content-security-policy"], path).toContain("default-src 'none'");
    }
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
  }
  expect(nonces.size, "a fresh nonce per response").toBe(2);
  // Chromium reports every blocked script, style or request on the console.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  await signUp(page, { email: uniqueEmail("csp"), password: uniquePassword(), organization: uniqueName("Csp") });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Explorer" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Explorer" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the session cookie is HttpOnly and SameSite=Lax, and another site cannot write with it", async ({ page }) => {
  const orgPath = await signUpWithOrganization(page, "Cookie");
  const slug = orgPath.split("/")[2];
  const session = (await page.context().cookies()).find((c) => /next-auth\.session-token$/.test(c.name));
  expect(session, "a session cookie after sign-up").toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

  // The same cookie, the same request: refused when a page on another site sends it, taken from our own.
  const body = { title: "Renegotiate the OpenAI discount" };
  const forged = await page.request.post(`/api/v1/action-items?org=${slug}`, { data: body, headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error).toMatch(/Cross-site request refused/);
  const own = await page.request.post(`/api/v1/action-items?org=${slug}`, { data: body, headers: { Origin: new URL(page.url()).origin, "Sec-Fetch-Site": "same-origin" } });
  expect(own.status()).toBe(201);
  const listed = await page.request.get(`/api/v1/action-items?org=${slug}`);
  expect((await listed.json()).action_items.map((i: { title: string }) => i.title)).toEqual([body.title]);
});
