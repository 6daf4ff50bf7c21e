/** A referral of one child to one intervention, from submission to its end, and the events it causes. */
package dk.earlyhelp.referrals.referral;
