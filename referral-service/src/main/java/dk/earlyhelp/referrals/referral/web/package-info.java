/** HTTP API of referrals: request and response records, never the stored document. */
package dk.earlyhelp.referrals.referral.web;
