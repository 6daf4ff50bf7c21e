/**
 * Finding the right offer: the offers a municipality may refer to, each with the child's
 * eligibility and its live availability, ranked for "help me choose".
 */
package dk.earlyhelp.referrals.search;
