// A process that tracks events and never flushes them itself: the exit hooks must send them.
// MODE=natural lets the process end on its own (beforeExit); MODE=signal waits to be sent SIGTERM.
import { createMarginalClient } from "../create-marginal-client";

const client = createMarginalClient({
  baseUrl: process.env.MARGINAL_URL ?? "",
  apiKey: "mk_child",
  flushIntervalMs: 60_000,
  onError: (failure) => {
    console.error(failure.message);
    process.exitCode = 3;
  },
});

for (let i = 0; i < 3; i++) client.track({ provider: "openai", model: "gpt-4o-mini", id: `exit-${i}` });

if (process.env.MODE === "signal") {
  setInterval(() => {}, 60_000);
  process.stdout.write("ready\n");
}
