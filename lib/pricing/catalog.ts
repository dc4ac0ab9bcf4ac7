import type { PriceCatalog } from "./catalog-types";
import catalogJson from "./catalog.json";

export type { CatalogEntry, PriceCatalog } from "./catalog-types";

/** The built-in price catalog (LiteLLM's table, see `catalog.json`'s `source`), one object per process. */
export function loadCatalog(): PriceCatalog {
  return catalogJson as unknown as PriceCatalog;
}
