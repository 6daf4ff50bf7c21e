/**
 * Topics as the AsyncAPI file declares them: every service that uses Kafka creates the missing
 * ones with the stated partitions, replicas and configuration, and brings the configuration of
 * existing ones in line, before its bindings start (so the binder never creates them with defaults).
 */
package dk.earlyhelp.platform.topics;
