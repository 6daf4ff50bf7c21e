/** HTTP adapter of offer search and the eligibility check. */
package dk.earlyhelp.referrals.search.web;
