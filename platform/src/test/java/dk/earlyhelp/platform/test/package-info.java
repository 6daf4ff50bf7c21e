/** Test support for every service: one real broker, one MongoDB-wire store and one token issuer per test JVM. */
package dk.earlyhelp.platform.test;
