/**
 * Enrolments: one child's course in one intervention, from its start to its end, as far as measuring
 * outcomes needs it. A read model kept from {@code referral.submitted.v1} (who, where, which offer)
 * and {@code ngo.referral-progressed.v1} (started, completed, dropped out, and who delivers the course);
 * the id is the referral id.
 */
package dk.earlyhelp.measurement.enrolment;
