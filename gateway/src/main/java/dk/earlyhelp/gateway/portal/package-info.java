/** The portal: server-rendered pages in Danish and English, logged in through OIDC, calling the services with the user's token. */
package dk.earlyhelp.gateway.portal;
