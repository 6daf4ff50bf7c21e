/** The NGO's inbox: referrals to its interventions, as they arrive from the municipalities. */
package dk.earlyhelp.ngo.inbox;
