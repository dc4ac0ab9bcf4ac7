/** One string per (provider, model), safe as a map key and as a form option's value. */
export function modelKey(provider: string, model: string): string {
  return JSON.stringify([provider, model]);
}

/** The (provider, model) a modelKey stands for. */
export function parseModelKey(key: string): { provider: string; model: string } {
  const [provider, model] = JSON.parse(key) as [string, string];
  return { provider, model };
}
