/**
 * The NGOs' offers as this service knows them: a read model of {@code ngo-service}'s catalogue and
 * live availability, fed only by its events, so offer search and eligibility work while it is down.
 */
package dk.earlyhelp.referrals.offer;
