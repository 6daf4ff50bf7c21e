/** Listens to the NGO's news about referrals (the closed loop). */
package dk.earlyhelp.referrals.referral.messaging;
