import { toUnits } from "@/lib/format/decimal";
import { formatUsdTotal } from "@/lib/format/format-money";

/** The sections of a review, in the order the page and the presentation show them. */
export const REVIEW_SECTIONS = [
  { id: "summary", title: "Week at a glance" },
  { id: "workflows", title: "Top workflows" },
  { id: "budgets", title: "Budgets needing attention" },
  { id: "anomalies", title: "New anomalies" },
  { id: "findings", title: "New shadow-AI findings" },
  { id: "action-items", title: "Action items" },
] as const;
export type ReviewSectionId = (typeof REVIEW_SECTIONS)[number]["id"];

/** What a key does in presentation mode, or null when it is not ours. */
export type SlideKeyAction = "next" | "previous" | "first" | "last" | "exit";

const KEYS: Record<string, SlideKeyAction> = {
  ArrowRight: "next",
  PageDown: "next",
  " ": "next",
  Spacebar: "next",
  ArrowLeft: "previous",
  PageUp: "previous",
  Home: "first",
  End: "last",
  Escape: "exit",
};

/** The presentation's keys: ArrowRight/PageDown/Space next, ArrowLeft/PageUp previous, Home/End, Escape. */
export function slideKeyAction(key: string): SlideKeyAction | null {
  return KEYS[key] ?? null;
}

/** The slide a move lands on, clamped to the deck (no wrap-around: the last slide stays last). */
export function moveSlide(current: number, action: Exclude<SlideKeyAction, "exit">, count: number): number {
  if (count <= 0) return 0;
  const target = action === "next" ? current + 1 : action === "previous" ? current - 1 : action === "first" ? 0 : count - 1;
  return Math.min(Math.max(target, 0), count - 1);
}

/** A signed amount: `+$2.50`, `−$2.00`, `$0.00`. */
export function formatSignedUsd(amount: string): string {
  const units = toUnits(amount);
  if (units === BigInt(0)) return formatUsdTotal("0");
  const abs = units < BigInt(0) ? amount.replace(/^-/, "") : amount;
  return `${units < BigInt(0) ? "−" : "+"}${formatUsdTotal(abs)}`;
}

/** A percent change as people read it: `+20%`, `−33.3%`, or `new` without a base. */
export function formatChangePct(pct: number | null): string {
  if (pct === null) return "new";
  if (pct === 0) return "0%";
  const rounded = Math.abs(pct) >= 100 ? Math.round(Math.abs(pct)).toString() : (Math.round(Math.abs(pct) * 10) / 10).toString();
  return `${pct < 0 ? "−" : "+"}${rounded}%`;
}

/** A change as one phrase: `+$2.50 (+20%)`, or `new` for a workflow with no cost last week. */
export function formatChange(changeUsd: string, pct: number | null, isNew: boolean): string {
  if (isNew) return "new";
  return `${formatSignedUsd(changeUsd)} (${formatChangePct(pct)})`;
}

/** `2026-W46` → `week 46 of 2026`, for "carried over from …". */
export function weekPhrase(label: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  return match ? `week ${Number(match[2])} of ${match[1]}` : label;
}
