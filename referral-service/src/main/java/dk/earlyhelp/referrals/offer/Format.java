package dk.earlyhelp.referrals.offer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How an offer runs (group course, mentoring, counselling), as the catalogue states it; every field is optional. */
@JsonIgnoreProperties(ignoreUnknown = true) // a newer catalogue may say more than this version reads
public record Format(String kind, Integer sessions, Integer sessionEveryDays, Integer durationWeeks,
                     Integer maxSessions, Integer groupSizeMax, Integer meetingsPerMonthMin, Integer meetingHours,
                     String note) {
}
