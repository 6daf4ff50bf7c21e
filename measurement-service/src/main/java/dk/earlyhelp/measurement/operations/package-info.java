/**
 * Operations figures of METRICS.md §5 for coordinators and steering groups: the referral funnel,
 * response and waiting times, decline reasons and where declined children went, referral sources
 * and capacity. A read model per referral kept from referral-service's and ngo-service's events;
 * every event sets only its own fields (earliest time wins), so redelivery and any order give the
 * same record.
 */
package dk.earlyhelp.measurement.operations;
