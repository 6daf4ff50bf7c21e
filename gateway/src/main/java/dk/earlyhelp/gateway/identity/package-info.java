/**
 * Who the user is: the run mode's own OAuth2/OIDC authorization server (demo users and clients,
 * a persisted signing key), or an external one such as Keycloak, described by the same properties.
 */
package dk.earlyhelp.gateway.identity;
