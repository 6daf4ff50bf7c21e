/** Who the child is: CPR numbers kept encrypted, and the pseudonym the child is known by elsewhere. */
package dk.earlyhelp.referrals.child;
