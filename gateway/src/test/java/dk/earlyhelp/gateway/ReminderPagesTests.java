package dk.earlyhelp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * The reminders of overdue questionnaires over real HTTP, logged in as the demo coordinator and
 * volunteer: measurement-service's reminders API is played by {@link OutcomesService}, answering a
 * list in the shape of its {@code Reminder}; the service decides whose reminders a caller gets.
 */
class ReminderPagesTests extends RunningGateway {

    @Test
    void theCoordinatorSeesWhatIsOverdueWithWhoSeesToItAndALinkToTheQuestionnaire() throws Exception {
        BrowserSession coordinator = new BrowserSession(BASE);
        coordinator.logIn("koordinator.powerkids", "demo");

        HttpResponse<String> page = coordinator.get("/paamindelser");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Påmindelser om spørgeskemaer</h1>", "for alle organisationens børn",
                "href=\"/paamindelser\"", "POWERKIDS, Før-måling", "1. december 2026", "Den, der er med barnet",
                "POWERKIDS, Baggrundsspørgsmål", "28. november 2026", "Koordinatoren",
                "href=\"/spoergeskema/5d0f7a52-3f4b-4f0a-9c55-2f1de0b8a001/BEFORE\"")
                .doesNotContain("9b7e2c1a-6c1d-4e8f-8a3b-0c2d4e6f8a10");
        assertThat(OUTCOMES.reminderQueries()).contains("token").doesNotContain("anonymous");
    }

    @Test
    void theVolunteerIsToldTheseAreTheirChildrensInEnglishToo() throws Exception {
        BrowserSession volunteer = new BrowserSession(BASE);
        volunteer.logIn("frivillig.powerkids", "demo");

        HttpResponse<String> danish = volunteer.get("/paamindelser");
        HttpResponse<String> english = volunteer.get("/paamindelser?lang=en");

        assertThat(danish.body()).contains("for de børn, du er sammen med", "href=\"/paamindelser\"");
        assertThat(english.body()).contains("<h1>Questionnaire reminders</h1>", "for the children you are with",
                "December 1, 2026", "Open the questionnaire");
    }

    @Test
    void municipalStaffHaveNoReminders() throws Exception {
        BrowserSession teacher = new BrowserSession(BASE);
        teacher.logIn("laerer.aarhus", "demo");

        HttpResponse<String> page = teacher.get("/paamindelser");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Ingen adgang").doesNotContain("POWERKIDS");
    }
}
