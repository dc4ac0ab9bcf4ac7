import { createHash } from "node:crypto";
import { fromUnits, toUnits } from "@/lib/format/decimal";
import type { ImportColumn } from "@/lib/imports/types";
import { AI_VENDOR_CATALOG } from "./ai-vendor-catalog";
import { calendarDate, readMappedCsv, recordReader, resolveMappedColumns } from "@/lib/imports/mapped-csv";
import { matchMerchant, type MerchantMatch } from "./match-merchant";

/**
 * The fields of a SaaS subscription (SPEC 6), in the order a preview lists them. A file gives the
 * cost as `amount` with a `billing_cycle`, or as `annual_amount` / `monthly_amount` (the column
 * names the cycle).
 */
export const SUBSCRIPTION_FIELDS = [
  "application",
  "vendor",
  "plan",
  "owner",
  "email",
  "seats",
  "amount",
  "annual_amount",
  "monthly_amount",
  "billing_cycle",
  "currency",
  "start_date",
  "renewal_date",
  "cost_center",
] as const;
export type SubscriptionField = (typeof SUBSCRIPTION_FIELDS)[number];

// Headers as SaaS-management exports (Zylo, Productiv, Vendr, BetterCloud, Torii) and finance
// sheets write them, normalized: lower case, letters and digits only.
const ALIASES: Record<SubscriptionField, readonly string[]> = {
  application: ["application", "applicationname", "app", "appname", "product", "productname", "tool", "software", "service", "subscription", "subscriptionname"],
  vendor: ["vendor", "vendorname", "supplier", "suppliername", "publisher", "merchant", "provider"],
  plan: ["plan", "planname", "tier", "edition", "licensetype", "sku", "package"],
  owner: ["owner", "ownername", "appowner", "applicationowner", "businessowner", "contractowner", "itowner", "primaryowner"],
  email: ["owneremail", "email", "appowneremail", "businessowneremail", "contractowneremail", "itowneremail", "contactemail", "emailaddress"],
  seats: ["seats", "licenses", "licences", "licensecount", "seatcount", "quantity", "qty", "totallicenses", "purchasedlicenses", "provisionedlicenses", "contractedlicenses"],
  amount: ["cost", "amount", "amountusd", "costusd", "price", "spend", "totalcost", "contractcost"],
  annual_amount: ["annualcost", "annualcostusd", "annualspend", "annualamount", "annualvalue", "annualcontractvalue", "acv", "yearlycost", "annualizedcost", "annualizedspend"],
  monthly_amount: ["monthlycost", "monthlycostusd", "monthlyspend", "monthlyamount", "mrr"],
  billing_cycle: ["billingfrequency", "billingcycle", "billingperiod", "billingterm", "frequency", "paymentfrequency", "paymentterm", "term"],
  currency: ["currency", "currencycode"],
  start_date: ["contractstart", "contractstartdate", "startdate", "start", "subscriptionstart", "subscriptionstartdate", "purchasedate"],
  renewal_date: ["renewaldate", "renewal", "nextrenewal", "nextrenewaldate", "contractrenewaldate", "contractend", "contractenddate", "enddate"],
  cost_center: ["costcenter", "costcentre", "department", "team", "businessunit"],
};

const CYCLES: Record<string, "monthly" | "annual"> = {
  monthly: "monthly",
  month: "monthly",
  mo: "monthly",
  "1month": "monthly",
  annual: "annual",
  annually: "annual",
  yearly: "annual",
  year: "annual",
  yr: "annual",
  "12months": "annual",
  "1year": "annual",
};

/**
 * Clean application names that card statements cannot be trusted with (a first name, an ordinary
 * word) but a SaaS inventory can: its rows are software by construction. Normalized as in
 * `normalizeName`; each id is a catalog entry.
 */
export const SUBSCRIPTION_APP_NAMES: Readonly<Record<string, string>> = Object.freeze({
  CLAUDE: "anthropic-claude",
  "CLAUDE FOR WORK": "anthropic-claude-team",
  "ANTHROPIC CLAUDE FOR WORK": "anthropic-claude-team",
  CURSOR: "cursor",
  "CURSOR BUSINESS": "cursor",
  "CURSOR TEAMS": "cursor",
  PERPLEXITY: "perplexity",
  "PERPLEXITY ENTERPRISE": "perplexity",
  JASPER: "jasper",
  WRITER: "writer",
  WINDSURF: "windsurf",
  "WINDSURF TEAMS": "windsurf",
  RUNWAY: "runway",
  GAMMA: "gamma",
  FATHOM: "fathom",
  POE: "poe",
  GRANOLA: "granola",
  LOVABLE: "lovable",
  KRISP: "krisp",
  TOME: "tome",
  DEVIN: "cognition-devin",
  CODY: "sourcegraph-cody",
  "SOURCEGRAPH CODY": "sourcegraph-cody",
  LEONARDO: "leonardo-ai",
  GEMINI: "google-gemini",
  "GEMINI FOR GOOGLE WORKSPACE": "google-gemini",
  "CHATGPT EDU": "openai-chatgpt-business",
  COHERE: "cohere",
});

const catalogById = new Map(AI_VENDOR_CATALOG.map((v) => [v.id, v]));

/** A subscription row ready to store: the cost of one billing cycle as an exact decimal string, with its catalog match. */
export type SubscriptionRow = {
  vendorName: string;
  plan: string | null;
  owner: string | null;
  email: string | null;
  seats: number | null;
  amountUsd: string;
  billingCycle: "monthly" | "annual";
  startDate: string | null;
  renewalDate: string | null;
  costCenter: string | null;
  match: MerchantMatch | null;
  /** The row's content and its occurrence among identical rows: the same file stores once. */
  rowHash: string;
};

/** One data row: its CSV line, and either the subscription or what is wrong (naming the column and field). */
export type PreparedSubscriptionRow = { line: number; index: number; subscription: SubscriptionRow | null; message: string | null };
export type PreparedSubscriptions = { columns: ImportColumn[]; warnings: string[]; rows: PreparedSubscriptionRow[] };

/** An explicit mapping `{ "<CSV header>": "<field>" | null }` overrides the automatic match. */
export type SubscriptionColumnMapping = Record<string, SubscriptionField | null>;

const AMOUNT = /^\d+(?:\.\d+)?$/;
const SEATS = /^\d{1,9}$/;

// "Annual Cost (USD)" and "Owner E-mail" must find their aliases: letters and digits only.
const headerKey = (header: string) => header.trim().toLowerCase().replace(/[^a-z0-9]+/g, "");
const nameKey = (name: string) =>
  name
    .toUpperCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Z0-9]+/g, " ")
    .trim();

function fieldForHeader(header: string): SubscriptionField | null {
  const key = headerKey(header);
  return SUBSCRIPTION_FIELDS.find((f) => ALIASES[f].includes(key)) ?? null;
}

/** Which column fills which field: an explicit mapping first, then the aliases; a field takes the first column that claims it. */
export function resolveSubscriptionColumns(headers: readonly string[], mapping: SubscriptionColumnMapping = {}): (SubscriptionField | null)[] {
  return resolveMappedColumns(headers, mapping, fieldForHeader);
}

/**
 * The catalog entry a subscription is to: the vendor, application and plan read together as a
 * statement would be (the longest pattern wins: `OpenAI` + `ChatGPT` + `Enterprise`), else the
 * application's clean name (`Cursor`, `Claude`), else null (not AI spend).
 */
export function matchSubscription(application: string | null, vendor: string | null, plan: string | null): MerchantMatch | null {
  const parts = [vendor, application, plan].filter((p): p is string => p !== null);
  // The vendor is left out when the application already names it ("OpenAI API" under "OpenAI").
  const text = application && vendor && nameKey(application).startsWith(nameKey(vendor)) ? [application, plan].filter(Boolean).join(" ") : parts.join(" ");
  const statement = matchMerchant(text) ?? (application ? matchMerchant([application, plan].filter(Boolean).join(" ")) : null);
  if (statement) return statement;
  for (const candidate of [[application, plan], [application], [vendor, application], [vendor]]) {
    const words = candidate.filter((p): p is string => p !== null);
    if (words.length === 0) continue;
    const id = SUBSCRIPTION_APP_NAMES[nameKey(words.join(" "))];
    const entry = id ? catalogById.get(id) : undefined;
    if (entry) {
      return { vendorId: entry.id, vendor: entry.vendor, product: entry.product, category: entry.category, apiProvider: entry.apiProvider, confidence: "exact", matched: nameKey(words.join(" ")), source: "statement" };
    }
  }
  return null;
}

/**
 * Reads a SaaS subscriptions CSV: maps headers, checks each row strictly (amounts, seats, dates,
 * billing cycle), matches the application to the AI catalog. Stores nothing.
 */
export function subscriptionsFromCsv(text: string, mapping: SubscriptionColumnMapping = {}): PreparedSubscriptions {
  const mapped = readMappedCsv(text, mapping, fieldForHeader, "a subscription field");
  if (!mapped) return { columns: [], warnings: ["The file is empty"], rows: [] };
  const { records, fields, columns, warnings } = mapped;
  if (!fields.includes("application") && !fields.includes("vendor")) warnings.push("No column maps to application or vendor: every row will be rejected");
  if (!fields.some((f) => f === "amount" || f === "annual_amount" || f === "monthly_amount")) warnings.push("No column maps to amount, annual_amount or monthly_amount: every row will be rejected");

  const occurrences = new Map<string, number>();
  const rows = records.map((record, index): PreparedSubscriptionRow => {
    const { value, label } = recordReader(mapped, record, headerKey);
    const problems: string[] = [];
    const application = value("application");
    const vendor = value("vendor");
    if (application === null && vendor === null) problems.push("application or vendor: one is required");

    const rawCycle = value("billing_cycle");
    const statedCycle = rawCycle === null ? null : (CYCLES[headerKey(rawCycle)] ?? null);
    if (rawCycle !== null && statedCycle === null) problems.push(`${label("billing_cycle")}: "${rawCycle.slice(0, 40)}" is not monthly or annual`);
    // The column that names its period wins; with both filled, the one the billing cycle names.
    const candidates = (
      [
        ["annual_amount", "annual"],
        ["monthly_amount", "monthly"],
        ["amount", statedCycle],
      ] as const
    ).filter(([f]) => value(f) !== null);
    const chosen = candidates.find(([, cycle]) => cycle !== null && cycle === statedCycle) ?? candidates[0];
    let amountUsd: string | null = null;
    let billingCycle: "monthly" | "annual" | null = null;
    if (!chosen) problems.push("amount: is required (amount with billing_cycle, annual_amount or monthly_amount)");
    else {
      const [field, cycle] = chosen;
      const raw = value(field)!;
      if (!AMOUNT.test(raw)) problems.push(`${label(field)}: "${raw.slice(0, 40)}" is not a number of dollars (e.g. 1200.00)`);
      else amountUsd = fromUnits(toUnits(raw));
      if (cycle === null) {
        if (rawCycle === null) problems.push(`billing_cycle: is required with ${label(field)} (monthly or annual)`);
      } else billingCycle = cycle;
    }
    const currency = (value("currency") ?? "USD").toUpperCase();
    if (currency !== "USD") problems.push(`${label("currency")}: "${currency.slice(0, 10)}" is not USD; amounts are kept in US dollars`);
    const rawSeats = value("seats");
    if (rawSeats !== null && !SEATS.test(rawSeats)) problems.push(`${label("seats")}: "${rawSeats.slice(0, 40)}" is not a whole number of seats`);
    const dates: Partial<Record<"start_date" | "renewal_date", string | null>> = {};
    for (const f of ["start_date", "renewal_date"] as const) {
      const raw = value(f);
      dates[f] = raw === null ? null : calendarDate(raw);
      if (raw !== null && dates[f] === null) problems.push(`${label(f)}: "${raw.slice(0, 40)}" is not a date (YYYY-MM-DD)`);
    }
    if (problems.length > 0) return { line: record.line, index, subscription: null, message: problems.join("; ") };

    const plan = value("plan");
    const owner = value("owner");
    const email = value("email")?.toLowerCase() ?? null;
    const seats = rawSeats === null ? null : Number(rawSeats);
    const costCenter = value("cost_center");
    const vendorName = application ?? vendor!;
    const content = JSON.stringify([vendorName, vendor, plan, owner, email, seats, amountUsd, billingCycle, dates.start_date, dates.renewal_date, costCenter]);
    const occurrence = (occurrences.get(content) ?? 0) + 1;
    occurrences.set(content, occurrence);
    return {
      line: record.line,
      index,
      message: null,
      subscription: {
        vendorName,
        plan,
        owner,
        email,
        seats,
        amountUsd: amountUsd!,
        billingCycle: billingCycle!,
        startDate: dates.start_date ?? null,
        renewalDate: dates.renewal_date ?? null,
        costCenter,
        match: matchSubscription(application, vendor, plan),
        rowHash: createHash("sha256").update(`${content}#${occurrence}`).digest("hex"),
      },
    };
  });
  return { columns, warnings, rows };
}
