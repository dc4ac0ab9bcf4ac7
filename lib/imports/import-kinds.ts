import "server-only";
import { expensesImportKind, subscriptionsImportKind, vendorBillsImportKind } from "@/lib/shadow-ai/import-files";
import { revenueImportKind } from "@/lib/revenue/import-revenue";
import { eventsImportKind } from "./import-events";
import type { ImportKindDefinition } from "./types";

/**
 * The kinds `POST /api/v1/imports/{kind}` serves. A new kind is one module exporting an
 * `ImportKindDefinition` (permission, JSON field, preview, commit) and one line here.
 */
const IMPORT_KINDS = new Map<string, ImportKindDefinition>([
  ["events", eventsImportKind],
  ["expenses", expensesImportKind],
  ["subscriptions", subscriptionsImportKind],
  ["vendor-bills", vendorBillsImportKind],
  ["revenue", revenueImportKind],
]);

/** The definition of an import kind, or null when there is no such kind. */
export function getImportKind(kind: string): ImportKindDefinition | null {
  return IMPORT_KINDS.get(kind) ?? null;
}

/** Every kind served, with its definition, e.g. to build one route handler per kind. */
export function listImportKinds(): [string, ImportKindDefinition][] {
  return [...IMPORT_KINDS.entries()];
}
