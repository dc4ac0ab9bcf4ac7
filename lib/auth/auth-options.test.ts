import { describe, expect, it } from "vitest";
import { oidcProviderFromEnv } from "./auth-options";

describe("OIDC from the environment", () => {
  it("is off unless issuer, client id and secret are all set", () => {
    expect(oidcProviderFromEnv({})).toBeNull();
    expect(oidcProviderFromEnv({ OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "marginal" })).toBeNull();
  });

  it("uses the issuer's discovery document, PKCE and the ID token", () => {
    const provider = oidcProviderFromEnv({ OIDC_ISSUER: "https://id.example.com/realms/acme/", OIDC_CLIENT_ID: "marginal", OIDC_CLIENT_SECRET: "s3cret", OIDC_NAME: "Acme SSO" });
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Acme SSO",
      wellKnown: "https://id.example.com/realms/acme/.well-known/openid-configuration",
      clientId: "marginal",
      idToken: true,
      checks: ["pkce", "state"],
    });
    expect(provider!.profile!({ sub: "42", email: "a@acme.com", name: "A" }, {})).toEqual({ id: "42", email: "a@acme.com", name: "A" });
  });
});
