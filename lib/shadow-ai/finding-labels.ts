import type { FindingKind } from "./run-audit";
import type { FindingStatus } from "./schemas";

// Apart from prepare-findings-view.ts so that client pages naming findings do not bundle the vendor catalog.

/** How the page names each kind of finding. */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  unsanctioned_tool: "Unsanctioned tool",
  duplicate_spend: "Duplicate spend",
  unattributed_api_spend: "Unattributed API spend",
  unknown_key_or_project: "Unknown key or project",
};

/** One sentence per kind: what it means and what to do about it. */
export const FINDING_KIND_EXPLANATIONS: Record<FindingKind, string> = {
  unsanctioned_tool:
    "People pay for this AI tool on cards or expenses but it is not on the sanctioned list: review it, then sanction it (and license it centrally) or ask its users to stop.",
  duplicate_spend:
    "Several people pay for the same AI tool individually, or pay on cards for a tool the organization already licenses: move them onto one central license and cancel the personal subscriptions.",
  unattributed_api_spend:
    "The vendor billed more API spend this month than Marginal tracked from your events: find the service or key calling the API without sending events and instrument it, or retire it.",
  unknown_key_or_project:
    "The vendor bill charges a project, workspace or API key that none of your tracked events names: find who owns it and tag its events, or revoke the key.",
};

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = { open: "Open", sanctioned: "Sanctioned", to_retire: "To retire", dismissed: "Dismissed" };

export const FINDING_KIND_VALUES = Object.keys(FINDING_KIND_LABELS) as FindingKind[];
export const FINDING_STATUS_VALUES = Object.keys(FINDING_STATUS_LABELS) as FindingStatus[];
