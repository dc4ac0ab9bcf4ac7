/** The cookie that remembers which organization a signed-in person last worked in. */
export const ACTIVE_ORG_COOKIE = "marginal-org";
