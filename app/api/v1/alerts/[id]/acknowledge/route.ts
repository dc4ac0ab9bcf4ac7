import { NextResponse } from "next/server";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { AppError } from "@/lib/errors/app-error";
import { withApi } from "@/lib/http/with-api";

const MAX_BODY_CHARS = 16 * 1024;

/** Acknowledges an alert with an optional `note` (scope `manage`); an empty body is no note; a second acknowledgement is 409. */
export const POST = withApi<{ id: string }>("manage_budgets", async (req, { ctx, params }) => {
  const text = await req.text();
  if (text.length > MAX_BODY_CHARS) throw new AppError("PAYLOAD_TOO_LARGE", "The body must be at most 16 KB");
  let body: unknown = {};
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("INVALID_INPUT", "The body is not valid JSON", { issues: [{ path: "(body)", message: "is not valid JSON" }] });
    }
  }
  return NextResponse.json(await acknowledgeAlert(ctx, params.id, body as never));
});
