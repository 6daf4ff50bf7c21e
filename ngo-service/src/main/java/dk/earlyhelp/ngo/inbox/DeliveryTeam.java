package dk.earlyhelp.ngo.inbox;

import java.util.List;

/**
 * Who delivers a child's course: the mentor matched with the child, or else the leaders of the
 * group the child has a seat in. The people and the groups are other features' knowledge, so the
 * groups feature implements this for the inbox's events.
 */
public interface DeliveryTeam {

    /**
     * @param mentorId the person the child is matched with; null for a group course
     * @param groupId  the group the child has a seat in; null for a one-to-one course
     * @return the mentor, or the group's leaders; empty when neither is known
     */
    List<Deliverer> of(String ngoCode, String mentorId, String groupId);
}
