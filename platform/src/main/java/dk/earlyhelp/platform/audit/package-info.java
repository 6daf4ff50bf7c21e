/** An append-only record of who read, changed or was refused personal data, kept in the owning service's store. */
package dk.earlyhelp.platform.audit;
