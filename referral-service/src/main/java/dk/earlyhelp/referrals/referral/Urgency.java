package dk.earlyhelp.referrals.referral;

/** How soon the referrer thinks the child needs help; orders the NGO's waiting list. */
public enum Urgency { NORMAL, HIGH }
