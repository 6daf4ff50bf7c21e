package dk.earlyhelp.ngo.volunteers;

/**
 * A part of the week a person can meet children. Volunteers work in their free time, so most
 * give evenings and weekends; the slots are coarse on purpose, enough to propose a match.
 */
public enum WeeklySlot {
    MON_DAYTIME, MON_EVENING, TUE_DAYTIME, TUE_EVENING, WED_DAYTIME, WED_EVENING, THU_DAYTIME, THU_EVENING,
    FRI_DAYTIME, FRI_EVENING, SAT_DAYTIME, SAT_EVENING, SUN_DAYTIME, SUN_EVENING
}
