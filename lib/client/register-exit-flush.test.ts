import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerExitFlush, type ExitProcess } from "./register-exit-flush";
import { startScriptedServer, type ScriptedServer } from "./testing/start-scripted-server";

function fakeProcess() {
  const emitter = new EventEmitter();
  const kill = vi.fn();
  const proc = Object.assign(emitter, { pid: 4242, kill }) as unknown as ExitProcess & EventEmitter;
  return { proc, kill };
}

describe("registerExitFlush", () => {
  it("flushes on beforeExit only when something is pending", () => {
    const { proc } = fakeProcess();
    const flush = vi.fn(async () => {});
    let pending = false;
    registerExitFlush({ proc, flush, hasPending: () => pending, reportUnfinished: () => {}, timeoutMs: 1000 });

    proc.emit("beforeExit", 0);
    expect(flush).not.toHaveBeenCalled();
    pending = true;
    proc.emit("beforeExit", 0);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("on SIGTERM flushes, removes its listeners, then re-raises the signal for the default exit", async () => {
    const { proc, kill } = fakeProcess();
    let finish!: () => void;
    const flush = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    registerExitFlush({ proc, flush, hasPending: () => true, reportUnfinished: () => {}, timeoutMs: 1000 });

    proc.emit("SIGTERM", "SIGTERM");
    expect(flush).toHaveBeenCalledTimes(1);
    expect(proc.listenerCount("SIGTERM") + proc.listenerCount("SIGINT") + proc.listenerCount("beforeExit")).toBe(0);
    expect(kill).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(kill).toHaveBeenCalledWith(4242, "SIGTERM"));
  });

  it("leaves the signal to the app when the app listens to it too", async () => {
    const { proc, kill } = fakeProcess();
    const flush = vi.fn(async () => {});
    proc.on("SIGINT", () => {});
    registerExitFlush({ proc, flush, hasPending: () => true, reportUnfinished: () => {}, timeoutMs: 1000 });

    proc.emit("SIGINT", "SIGINT");
    await vi.waitFor(() => expect(flush).toHaveBeenCalled());
    await new Promise((resolve) => setImmediate(resolve));
    expect(kill).not.toHaveBeenCalled();
  });

  it("reports what is unsent when the flush outlasts the deadline, and exits anyway", async () => {
    const { proc, kill } = fakeProcess();
    const reportUnfinished = vi.fn();
    registerExitFlush({ proc, flush: () => new Promise<void>(() => {}), hasPending: () => true, reportUnfinished, timeoutMs: 10 });

    proc.emit("SIGTERM", "SIGTERM");
    await vi.waitFor(() => expect(kill).toHaveBeenCalledWith(4242, "SIGTERM"));
    expect(reportUnfinished).toHaveBeenCalledTimes(1);
  });

  it("unregisters every listener", () => {
    const { proc } = fakeProcess();
    const unregister = registerExitFlush({ proc, flush: async () => {}, hasPending: () => true, reportUnfinished: () => {}, timeoutMs: 10 });
    expect(proc.listenerCount("SIGTERM")).toBe(1);
    unregister();
    expect(proc.listenerCount("SIGTERM") + proc.listenerCount("SIGINT") + proc.listenerCount("beforeExit")).toBe(0);
  });
});

describe("registerExitFlush in a real process", () => {
  const child = path.join(import.meta.dirname, "testing", "exit-flush-child.ts");
  let server: ScriptedServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  function runChild(mode: "natural" | "signal") {
    const proc = spawn(process.execPath, ["--import", "tsx", child], {
      cwd: path.join(import.meta.dirname, "..", ".."),
      env: { ...process.env, MARGINAL_URL: server!.url, MODE: mode },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    proc.stderr.on("data", (chunk) => (stderr += String(chunk)));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
      proc.on("exit", (code, signal) => resolve({ code, signal, stderr })),
    );
    return { proc, exited };
  }

  it("sends queued events when the process ends on its own (beforeExit, unref'd timer)", async () => {
    server = await startScriptedServer();
    const { exited } = runChild("natural");
    const result = await exited;
    expect(result).toEqual({ code: 0, signal: null, stderr: "" });
    expect(server.itemsOf("events").flat().map((e) => e.id)).toEqual(["exit-0", "exit-1", "exit-2"]);
  });

  it("sends queued events on SIGTERM and still dies of the signal", async () => {
    server = await startScriptedServer();
    const { proc, exited } = runChild("signal");
    await new Promise<void>((resolve) => proc.stdout.once("data", () => resolve()));
    proc.kill("SIGTERM");
    const result = await exited;
    expect(result).toEqual({ code: null, signal: "SIGTERM", stderr: "" });
    expect(server.itemsOf("events").flat().map((e) => e.id)).toEqual(["exit-0", "exit-1", "exit-2"]);
  });
});
