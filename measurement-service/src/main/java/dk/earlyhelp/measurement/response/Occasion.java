package dk.earlyhelp.measurement.response;

/** When a questionnaire is answered (instrument.json, "occasions"). */
public enum Occasion { BEFORE, AFTER, FOLLOW_UP, PROGRESS }
