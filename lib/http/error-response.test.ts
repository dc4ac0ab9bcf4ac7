import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "./error-response";

describe("errorResponse", () => {
  it("maps AppError codes to statuses with Retry-After where given", async () => {
    const res = errorResponse(new AppError("RATE_LIMITED", "slow down", { retryAfterSeconds: 3 }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    expect(await res.json()).toEqual({ error: "slow down" });
    expect(errorResponse(new AppError("NOT_FOUND", "x")).status).toBe(404);
  });

  it("answers Zod errors with 400 and the fields", async () => {
    const parsed = z.object({ name: z.string() }).safeParse({});
    const res = errorResponse(parsed.error);
    expect(res.status).toBe(400);
    expect((await res.json()).issues[0].path).toBe("name");
  });

  it("answers an unreachable database with 503 and Retry-After", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const res = errorResponse(error);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
  });

  it("answers a connection the database cut while restarting with 503", () => {
    const error = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    expect(errorResponse(error).status).toBe(503);
  });

  it("never shows internals in a 500", async () => {
    const res = errorResponse(new Error("secret stack detail"));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secret");
  });
});
