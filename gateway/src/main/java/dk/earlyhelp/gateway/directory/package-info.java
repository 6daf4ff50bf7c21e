/**
 * The user directory's colleague search: a municipal professional finds colleagues of their own
 * municipality by name or role, e.g. to let one follow a referral. The run mode answers from the
 * embedded identity provider's users; in production the same search maps to the identity provider's
 * user directory (Keycloak: users whose attribute {@code org} is the municipality, see gateway/README.md).
 */
package dk.earlyhelp.gateway.directory;
