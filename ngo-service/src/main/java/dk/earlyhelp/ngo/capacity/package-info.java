/**
 * Capacity of the NGOs' interventions: free places and the expected start of a child referred
 * today, published so the municipalities can choose an offer that has room.
 */
package dk.earlyhelp.ngo.capacity;
