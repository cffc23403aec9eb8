// Shared by playwright.config.ts and the specs that start their own server.
export const E2E_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";
