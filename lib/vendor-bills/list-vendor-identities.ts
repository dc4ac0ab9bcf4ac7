import type { Vendor } from "./schemas";

/** A key or project a vendor file names, with when it was seen: the input of "unknown keys/projects". */
export type VendorIdentity = {
  vendor: Vendor;
  kind: "project" | "apiKey";
  /** OpenAI project id / Anthropic workspace id, or the vendor's API key id. */
  id: string;
  firstSeen: string;
  lastSeen: string;
  rows: number;
};

type IdentifiedRow = { vendor: Vendor; date: string; project: string | null; apiKeyId: string | null };

/**
 * The distinct projects and API keys named by billed-cost or usage rows, each with first and last
 * date seen, sorted by vendor, kind and id. Null (ungrouped, or Anthropic's default workspace) is
 * not an identity and is left out.
 */
export function listVendorIdentities(rows: readonly IdentifiedRow[]): VendorIdentity[] {
  const seen = new Map<string, VendorIdentity>();
  const note = (vendor: Vendor, kind: VendorIdentity["kind"], id: string | null, date: string) => {
    if (!id) return;
    const key = JSON.stringify([vendor, kind, id]);
    const found = seen.get(key);
    if (!found) {
      seen.set(key, { vendor, kind, id, firstSeen: date, lastSeen: date, rows: 1 });
      return;
    }
    if (date < found.firstSeen) found.firstSeen = date;
    if (date > found.lastSeen) found.lastSeen = date;
    found.rows += 1;
  };
  for (const row of rows) {
    note(row.vendor, "project", row.project, row.date);
    note(row.vendor, "apiKey", row.apiKeyId, row.date);
  }
  return [...seen.values()].sort((a, b) => a.vendor.localeCompare(b.vendor) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}
