package dk.earlyhelp.gateway.portal;

import java.util.List;

import dk.earlyhelp.platform.security.Caller;

/**
 * The logged-in user as the portal shows them, read from their access token.
 *
 * @param unreadNotifications how many of their notifications are unread (municipal staff), else 0
 * @param demoMailbox         the run mode's demo mailbox is there to show their caught e-mail
 */
public record PortalUser(String displayName, Caller caller, long unreadNotifications, boolean demoMailbox) {

    /** The sections of the portal this user's role gives access to, in menu order. */
    public List<NavigationItem> navigation() {
        List<NavigationItem> items = new java.util.ArrayList<>();
        items.add(new NavigationItem("nav.home", "/"));
        if (caller.hasRole("MUNICIPAL_STAFF")) {
            items.add(new NavigationItem("nav.offers", "/tilbud"));
            items.add(new NavigationItem("nav.newReferral", "/henvisninger/ny"));
            items.add(new NavigationItem("nav.referrals", "/henvisninger"));
            items.add(new NavigationItem("nav.notifications", "/notifikationer", unreadNotifications));
            if ("CASEWORKER".equals(caller.staffRole()) || caller.leadsTeam()) {
                items.add(new NavigationItem("nav.concerns", "/underretninger"));
            }
        }
        if (caller.hasRole("NGO_COORDINATOR")) {
            items.add(new NavigationItem("nav.inbox", "/indbakke"));
            items.add(new NavigationItem("nav.concernTasks", "/bekymringsopgaver"));
            items.add(new NavigationItem("nav.reminders", "/paamindelser"));
            items.add(new NavigationItem("nav.capacity", "/kapacitet"));
        }
        if (caller.hasRole("VOLUNTEER")) {
            items.add(new NavigationItem("nav.myChildren", "/mine-boern"));
            items.add(new NavigationItem("nav.reminders", "/paamindelser"));
        }
        if (caller.hasRole("STEERING_GROUP") || caller.hasRole("ADMIN")) {
            items.add(new NavigationItem("nav.outcomes", "/resultater"));
        }
        if (caller.hasRole("STEERING_GROUP") || caller.hasRole("NGO_COORDINATOR") || caller.hasRole("ADMIN")) {
            items.add(new NavigationItem("nav.operations", "/drift"));
        }
        if (caller.hasRole("ADMIN")) {
            items.add(new NavigationItem("nav.concernTasks", "/bekymringsopgaver"));
            items.add(new NavigationItem("nav.erasures", "/sletninger"));
            items.add(new NavigationItem("nav.audit", "/revisionsspor"));
            if ("PLATFORM".equals(caller.organisationType())) {
                items.add(new NavigationItem("nav.catalogue", "/katalog"));
            }
            items.add(new NavigationItem("nav.apiDocs", "/swagger-ui.html"));
        }
        if (demoMailbox && caller.email() != null) {
            items.add(new NavigationItem("nav.demoMailbox", "/demo-post"));
        }
        return items;
    }

    /** The message key naming the user's main role, for the header. */
    public String roleKey() {
        return caller.roles().stream().sorted().findFirst().map(role -> "role." + role).orElse("role.NONE");
    }

    /** @param badge a count shown beside the label (unread notifications); 0 shows none */
    public record NavigationItem(String labelKey, String href, long badge) {

        NavigationItem(String labelKey, String href) {
            this(labelKey, href, 0);
        }
    }
}
