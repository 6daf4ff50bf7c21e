/**
 * Children an NGO registered itself, without a municipal referral (parents' own contact, outreach;
 * models B1/B3), kept from the NGO's events: only the registering NGO records their consent.
 */
package dk.earlyhelp.consent.registration;
