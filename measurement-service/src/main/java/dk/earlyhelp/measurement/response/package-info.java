/** Questionnaire responses: one child's answers for one enrolment at one occasion, imported or collected. */
package dk.earlyhelp.measurement.response;
