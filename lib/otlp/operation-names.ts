import type { Operation } from "@/lib/ingest/schemas";

/** Agent spans: they give a trace its run and workflow, and repeat their children's usage. */
export const AGENT_OPERATIONS: ReadonlySet<string> = new Set(["invoke_agent", "create_agent"]);

// Spans that are not a model call even when they carry usage: agents and workflows repeat the
// usage of the calls under them, and tools and retrieval are priced by the calls they make.
const NOT_MODEL_CALLS: ReadonlySet<string> = new Set([...AGENT_OPERATIONS, "invoke_workflow", "execute_tool", "retrieval"]);

/** Whether a `gen_ai.operation.name` names a model call (chat, text_completion, embeddings, ...). */
export function isModelCallOperation(operationName: string | undefined): operationName is string {
  return operationName !== undefined && !NOT_MODEL_CALLS.has(operationName);
}

const OPERATION_BY_OTEL_NAME: Record<string, Operation> = {
  chat: "chat",
  generate_content: "chat",
  text_completion: "completion",
  embeddings: "embedding",
};

/** Marginal's operation for a GenAI operation name; operations it has no name for are `other`. */
export function toOperation(operationName: string): Operation {
  return OPERATION_BY_OTEL_NAME[operationName] ?? "other";
}
