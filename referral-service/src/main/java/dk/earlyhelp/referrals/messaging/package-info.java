/** Listens to {@code ngo.events}: the NGO's news about referrals (the closed loop) and its offers. */
package dk.earlyhelp.referrals.messaging;
