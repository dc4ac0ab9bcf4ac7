// Bedrock inference-profile prefixes: `us.anthropic.claude-…`, `apac.amazon.nova-…`.
const REGION_PREFIX = /^(?:us|eu|apac|ap|au|jp|ca|global|us-gov)\.(?=[a-z0-9-]+\.)/;
// Bedrock model ids name the vendor first and a version last: `anthropic.claude-…-v2:0`.
const VENDOR_PREFIX = /^(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|openai|qwen|writer|twelvelabs|google|minimax|moonshot|nvidia)\.(.+)$/;
const BEDROCK_VERSION = /-v\d+(?::\d+)?$/;
// Vertex AI writes a release as `claude-3-5-sonnet@20240620`, Anthropic as `…-20240620`.
const VERTEX_RELEASE = /^(.+)@(\d{8})$/;

// Release and version suffixes providers append to a model name, stripped one at a time.
const VERSION_SUFFIXES = [
  /-v\d+@[^@/]*$/, // Vertex `claude-3-5-sonnet-v2@20241022`
  /@[^@/]*$/, // Vertex `@20240620`, `@default`, `@latest`
  /-\d{4}-\d{2}-\d{2}$/, // OpenAI `gpt-4o-2024-08-06`
  /-\d{8}$/, // Anthropic `claude-sonnet-4-20250514`
  /-latest$/,
  /-v\d+:\d+$/, // Bedrock `-v1:0`
  /-\d{4}$/, // `gpt-4-0613`, `mistral-large-2411`
  /-0\d\d$/, // Google `gemini-1.5-pro-002`
];

function addUnique(list: string[], seen: Set<string>, name: string): void {
  if (name && !seen.has(name)) {
    seen.add(name);
    list.push(name);
  }
}

/**
 * The names to look a model up under, in three levels, best first: the name as given; the same
 * release spelled another way (path prefix dropped, Bedrock region or vendor form, Vertex `@`);
 * then with release suffixes stripped, which may land on a differently priced sibling and so
 * comes last. All lower-case.
 */
export function listModelNameVariants(model: string): [string[], string[], string[]] {
  const seen = new Set<string>();
  const exact: string[] = [];
  addUnique(exact, seen, model.trim().toLowerCase());

  const respelled: string[] = [];
  for (let i = 0; i < exact.length + respelled.length; i++) {
    const name = i < exact.length ? exact[i] : respelled[i - exact.length];
    const slash = name.indexOf("/");
    if (slash >= 0) {
      addUnique(respelled, seen, name.slice(slash + 1));
      addUnique(respelled, seen, name.slice(name.lastIndexOf("/") + 1));
    }
    addUnique(respelled, seen, name.replace(REGION_PREFIX, ""));
    const vendor = VENDOR_PREFIX.exec(name);
    if (vendor) {
      addUnique(respelled, seen, vendor[1]);
      addUnique(respelled, seen, vendor[1].replace(BEDROCK_VERSION, ""));
    }
    const release = VERTEX_RELEASE.exec(name);
    if (release) addUnique(respelled, seen, `${release[1]}-${release[2]}`);
  }

  const stripped: string[] = [];
  for (const start of [...exact, ...respelled]) {
    let name = start;
    for (let changed = true; changed; ) {
      changed = false;
      for (const suffix of VERSION_SUFFIXES) {
        const shorter = name.replace(suffix, "");
        if (shorter !== name && shorter.length > 0) {
          name = shorter;
          addUnique(stripped, seen, name);
          changed = true;
          break;
        }
      }
    }
  }
  return [exact, respelled, stripped];
}
