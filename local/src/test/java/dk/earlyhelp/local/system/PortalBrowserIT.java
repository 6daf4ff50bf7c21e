package dk.earlyhelp.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A real browser (Debian's headless Chromium) against the running system: logging in and the
 * Danish and English shell, offer search, referring across a closed tab, a hard exclusion,
 * bridge-building and withdrawal, the steering group's outcome and operations dashboards; axe-core checks
 * every page.
 */
@Order(5)
class PortalBrowserIT {

    static WebDriver browser;
    static String portal;

    @BeforeAll
    static void openBrowser() throws Exception {
        portal = RunningSystem.portal();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    /** Every journey starts logged out, in a fresh session. */
    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void teacherLogsInSeesTheDanishShellSwitchesToEnglishAndLogsOut() {
        browser.get(portal + "/");
        waitFor(By.id("username"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Log ind");
        assertAccessible("login page");

        browser.findElement(By.id("username")).sendKeys("laerer.aarhus");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(By.cssSelector("nav.main-nav"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Velkommen, Mette Holm");
        assertThat(navigation()).containsExactly("Forside", "Find et tilbud", "Henvis et barn", "Mine henvisninger",
                "Notifikationer", "E-mail (demo)");
        assertAccessible("home page in Danish");

        browser.findElement(By.linkText("English")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBe(By.tagName("h1"), "Welcome, Mette Holm"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(navigation()).containsExactly("Home", "Find an offer", "Refer a child", "My referrals",
                "Notifications", "E-mail (demo)");
        assertAccessible("home page in English");

        browser.findElement(By.linkText("My referrals")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "My referrals"));
        assertAccessible("referrals page");

        browser.findElement(By.xpath("//button[normalize-space()='Log out']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBe(By.tagName("h1"), "You are logged out"));
        assertAccessible("logged-out page");

        browser.get(portal + "/");
        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).as("logged out for real").endsWith("/login");
    }

    @Test
    void coordinatorDeclinesWithABetterOfferAndTheTeacherReRefersInOneClick() throws Exception {
        String teacher = UserTokens.accessToken(portal, "laerer.aarhus");
        String referralId = ReferralsApi.submit(portal, teacher, "Bo", "Nielsen", "2016-05-02", "BOY");
        ConsentsApi.recordOnPaper(portal, teacher, ReferralsApi.get(portal, teacher, referralId), "URK_AAR",
                "\"CONCERNS\", \"CHILD_VIEW\"", null);
        logIn("koordinator.powerkids");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/indbakke");
            return !driver.findElements(By.cssSelector("a[href$='/indbakke/" + referralId + "']")).isEmpty();
        });

        browser.get(portal + "/indbakke");
        browser.findElement(By.cssSelector("a[href$='/indbakke/" + referralId + "']")).click();
        waitFor(By.id("decision"));

        // The duty to notify: the coordinator tells the municipality of a concern, correcting an empty text first.
        browser.findElement(By.id("concern-submit")).click();
        waitFor(By.id("concern-error"));
        browser.findElement(By.id("concern-description")).sendKeys("Bo sagde, at han ikke har fået aftensmad i flere dage");
        browser.findElement(By.id("concern-submit")).click();
        waitFor(By.cssSelector("#concern .alert-success"));
        assertAccessible("the decision page after a notification of concern");

        browser.findElement(By.id("decision-DECLINED")).click();
        browser.findElement(By.cssSelector("button[type=submit].button:not(.button-secondary)")).click();

        waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Vælg en begrundelse");
        assertThat(browser.findElement(By.id("decision-DECLINED")).isSelected()).as("no lost input").isTrue();
        assertAccessible("decision form with errors");

        new Select(browser.findElement(By.id("reason"))).selectByValue("OUTSIDE_TARGET_GROUP");
        new Select(browser.findElement(By.id("suggestedInterventionCode"))).selectByValue("CYKELHJELM");
        browser.findElement(By.cssSelector("button[type=submit].button:not(.button-secondary)")).click();
        waitFor(By.cssSelector(".alert-success"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("afvist");
        logOut();

        logIn("laerer.aarhus");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/henvisninger/" + referralId);
            return driver.findElement(By.cssSelector("dd.status")).getText().equals("Afvist");
        });
        assertThat(browser.findElement(By.cssSelector(".alert-info")).getText()).contains("CYKELHJELM");
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("Barnet er uden for målgruppen");
        assertThat(browser.findElement(By.id("referral-concerns")).getText()).as("the referrer reads the concern")
                .contains("ikke har fået aftensmad", "URK_AAR");
        assertAccessible("referral declined with a suggestion");

        browser.findElement(By.linkText("Henvis barnet til det foreslåede tilbud")).click();
        waitFor(By.id("firstName"));
        assertThat(browser.findElement(By.id("firstName")).getAttribute("value")).isEqualTo("Bo");
        assertThat(new Select(browser.findElement(By.id("interventionCode"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("CYKELHJELM");
        assertThat(browser.findElement(By.id("whatIsHard")).getAttribute("value")).isEqualTo("Mor og far skændes");
        assertThat(browser.findElement(By.id("eligibility")).getText()).as("divorce is not what the offer is for")
                .contains("Ikke opfyldt");
        browser.findElement(By.id("overrideReason")).sendKeys("Far har en psykisk sygdom, som ikke er nævnt før");
        browser.findElement(By.cssSelector("button[value=submit]")).click();
        waitFor(By.cssSelector(".alert-success"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Henvisning af Bo Nielsen");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("CYKELHJELM");
        logOut();
    }

    @Test
    void teacherFindsPowerkidsRefersAcrossAClosedTabTheParentConsentsByLinkAndLaterWithdraws() throws Exception {
        String parent = "pia.skov." + System.nanoTime() + "@example.org";
        logIn("laerer.aarhus");
        browser.findElement(By.linkText("Find et tilbud")).click();
        waitFor(By.id("alder"));
        browser.findElement(By.id("alder")).sendKeys("10");
        browser.findElement(By.id("bekymring-PARENTAL_DIVORCE")).click();
        browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();

        waitFor(By.cssSelector(".offer-list li"));
        WebElement best = browser.findElement(By.cssSelector(".offer-list li"));
        assertThat(best.getAttribute("id")).isEqualTo("offer-POWERKIDS");
        assertThat(best.getText()).contains("Barnet passer til målgruppen", "Ungdommens Røde Kors Aarhus");
        assertThat(best.findElement(By.cssSelector(".expected-start")).getText()).contains("Forventet start:");
        assertAccessible("offer search results");
        best.findElement(By.linkText("Henvis til Powerkids")).click();

        waitFor(By.id("firstName"));
        assertThat(new Select(browser.findElement(By.id("interventionCode"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("POWERKIDS");
        assertThat(browser.findElement(By.id("concern-PARENTAL_DIVORCE")).isSelected()).isTrue();
        browser.findElement(By.id("firstName")).sendKeys("Ida");
        browser.findElement(By.id("lastName")).sendKeys("Skov");
        browser.findElement(By.id("holder1Name")).sendKeys("Pia Skov");
        browser.findElement(By.id("holder1Phone")).sendKeys("+45 22334455");
        browser.findElement(By.id("holder1Email")).sendKeys(parent);
        // Day and month alike, so the date reads the same whichever order the browser's date field uses.
        LocalDate tenYearsAgo = LocalDate.now().minusYears(10).minusMonths(1);
        LocalDate birthDate = tenYearsAgo.withDayOfMonth(tenYearsAgo.getMonthValue());
        int age = Period.between(birthDate, LocalDate.now()).getYears();
        browser.findElement(By.id("birthDate")).sendKeys(birthDate.format(DateTimeFormatter.ofPattern("ddMMyyyy")));
        browser.findElement(By.id("gender")).click();
        browser.findElement(By.id("whatIsHard")).sendKeys("Jeg savner far, når jeg er hos mor");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("autosave-status"), "Kladden er gemt"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.findElement(By.id("eligibility"))
                .getText().contains("Barnet er " + age + " år"));
        String draftAddress = browser.getCurrentUrl();
        assertThat(draftAddress).as("the address finds the draft again").endsWith("/rediger");

        String closedTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        String reopenedTab = browser.getWindowHandle();
        browser.switchTo().window(closedTab).close();
        browser.switchTo().window(reopenedTab);
        browser.get(draftAddress);
        waitFor(By.id("firstName"));
        assertThat(browser.findElement(By.id("firstName")).getAttribute("value")).as("no lost input").isEqualTo("Ida");
        assertThat(browser.findElement(By.id("holder1Phone")).getAttribute("value")).isEqualTo("+45 22334455");
        assertThat(browser.findElement(By.id("whatIsHard")).getAttribute("value"))
                .isEqualTo("Jeg savner far, når jeg er hos mor");
        assertThat(browser.findElement(By.id("concern-PARENTAL_DIVORCE")).isSelected()).isTrue();
        assertAccessible("a reopened draft");
        browser.findElement(By.id("wishes")).sendKeys("At møde andre børn, hvis forældre er skilt");
        browser.findElement(By.cssSelector("button[value=submit]")).click();

        waitFor(By.cssSelector(".alert-success"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Henvisning af Ida Skov");
        String referralId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(browser.findElement(By.id("consent-state")).getText()).contains("venter på samtykke");

        // The consent step: the only custody holder gets a personal link by e-mail.
        browser.findElement(By.id("required-1")).click();
        assertThat(browser.findElement(By.id("holder0Email")).getAttribute("value")).isEqualTo(parent);
        assertThat(browser.findElement(By.id("holder0-LINK")).isSelected()).isTrue();
        assertAccessible("the consent step");
        browser.findElement(By.id("consent-submit")).click();
        waitFor(By.id("consent-links"));
        assertThat(browser.findElement(By.id("consent-links")).getText()).contains("p***@example.org")
                .doesNotContain(parent);
        logOut();

        // The parent opens the link from the e-mail, without an account, and consents without school details.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !CaughtMail.consentLinks(parent).isEmpty());
        assertThat(CaughtMail.textsFor(parent).get(0)).contains("Powerkids").doesNotContain("Ida", "Skov");
        browser.get(CaughtMail.consentLinks(parent).get(0));
        waitFor(By.id("link-form"));
        assertThat(browser.findElement(By.id("link-form")).getText()).contains("Powerkids",
                "Ungdommens Røde Kors Aarhus", "trække samtykket tilbage");
        assertAccessible("the custody holder's consent page");
        browser.findElement(By.id("category-SCHOOL")).click();
        browser.findElement(By.id("link-give")).click();
        waitFor(By.id("link-done"));
        assertThat(browser.findElement(By.id("link-done")).getText()).contains("Du har givet samtykke");
        browser.get(CaughtMail.consentLinks(parent).get(0));
        waitFor(By.cssSelector("main .alert"));
        assertThat(browser.findElement(By.tagName("main")).getText()).as("single use").contains("allerede brugt");

        logIn("koordinator.powerkids");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/indbakke");
            return !driver.findElements(By.cssSelector("a[href$='/indbakke/" + referralId + "']")).isEmpty();
        });
        browser.findElement(By.cssSelector("a[href$='/indbakke/" + referralId + "']")).click();
        waitFor(By.id("decision"));
        assertThat(browser.findElement(By.id("child-view-title")).findElement(By.xpath("..")).getText())
                .as("the NGO reads the child's own view").contains("Jeg savner far, når jeg er hos mor");
        assertThat(browser.findElement(By.id("child-contact")).getText()).as("the consent covers contact details")
                .contains("Ida", "Pia Skov", "+45 22334455");
        assertThat(browser.findElement(By.id("withheld")).getText()).as("the parent left out school")
                .contains("Skole eller dagtilbud");
        assertAccessible("the decision page with consented details");
        browser.findElement(By.id("decision")).click();
        browser.findElement(By.cssSelector("button[type=submit].button:not(.button-secondary)")).click();
        waitFor(By.cssSelector(".alert-success"));

        // Accepted: the coordinator gives the child a seat in the next group with a free seat.
        browser.get(portal + "/indbakke/" + referralId);
        waitFor(By.id("groups"));
        assertAccessible("the decision page with the coming groups");
        browser.findElement(By.cssSelector("#groups .seat-button")).click();
        waitFor(By.cssSelector("#groups .alert-success"));
        assertThat(browser.findElement(By.cssSelector("#groups .alert-success")).getText()).contains("plads");
        logOut();

        logIn("laerer.aarhus");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/henvisninger/" + referralId);
            return driver.findElement(By.cssSelector("dd.status")).getText().equals("Accepteret");
        });
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("Sendt", "Accepteret");

        browser.findElement(By.partialLinkText("Notifikationer")).click();
        waitFor(By.cssSelector(".notifications"));
        assertThat(browser.findElement(By.cssSelector(".notifications")).getText())
                .contains("Henvisningen til POWERKIDS er nu: Accepteret");
        assertAccessible("notifications");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/demo-post");
            return driver.findElement(By.tagName("main")).getText().contains("henvisning til Powerkids er accepteret");
        });
        assertThat(browser.findElement(By.tagName("main")).getText()).as("no child's name in e-mail")
                .contains("/henvisninger/" + referralId).doesNotContain("Ida", "Skov");
        assertAccessible("demo mailbox");
        logOut();

        // Later the parent withdraws through the link in the confirmation e-mail; the NGO's view empties at once.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> CaughtMail.consentLinks(parent).size() == 2);
        browser.get(CaughtMail.consentLinks(parent).get(1));
        waitFor(By.id("link-withdraw"));
        assertAccessible("the custody holder's withdrawal page");
        browser.findElement(By.id("link-withdraw-button")).click();
        waitFor(By.id("confirm-error"));
        browser.findElement(By.id("confirmed")).click();
        browser.findElement(By.id("link-withdraw-button")).click();
        waitFor(By.id("link-done"));
        assertThat(browser.findElement(By.id("link-done")).getText()).contains("trukket tilbage");

        logIn("koordinator.powerkids");
        browser.get(portal + "/indbakke/" + referralId);
        waitFor(By.id("withheld"));
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the child's details are gone")
                .doesNotContain("Ida", "Pia Skov", "22334455", "Jeg savner far");
        assertAccessible("the decision page after withdrawal");
        logOut();

        // The NGO service confirms that it erased what it held: the referrer and the administrator see it.
        logIn("laerer.aarhus");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/henvisninger/" + referralId);
            return !driver.findElements(By.id("consent-confirmations")).isEmpty();
        });
        assertThat(browser.findElement(By.id("consent-state")).getText()).contains("trukket tilbage");
        assertThat(browser.findElement(By.id("consent-confirmations")).getText()).contains("ngo-service");
        logOut();
        logIn("admin");
        browser.findElement(By.linkText("Sletninger")).click();
        waitFor(By.cssSelector("table.table"));
        assertThat(browser.findElement(By.cssSelector("table.table")).getText()).contains("Trukket tilbage", "ngo-service");
        assertAccessible("the erasure confirmations");
        logOut();
    }

    /**
     * CONSENT.md rules 3 and 11: a child of 16, so the young person's own consent is needed alongside the
     * custody holder's; the referral goes to the NGO only when both are there. The young person then
     * opens the access report from their receipt, on a phone-sized screen.
     */
    @Test
    void aSixteenYearOldConsentsByLinkAfterTheParentOnPaperAndOnlyThenIsTheReferralSentAndTheyCanSeeWhoRead()
            throws Exception {
        String young = "emil.berg." + System.nanoTime() + "@example.org";
        String referralId = ReferralsApi.create(portal, UserTokens.accessToken(portal, "laerer.aarhus"), """
                {"child": {"firstName": "Emil", "lastName": "Berg", "birthDate": "%s", "gender": "BOY"},
                 "custodyHolders": [{"name": "Hanne Berg", "relation": "MOTHER", "phone": "+45 20304051"}],
                 "interventionCode": "CYKELHJELM", "concerns": ["RELATIVE_MENTAL_ILLNESS"],
                 "childView": {"whatIsHard": "Far er syg", "wishes": "At tale med nogen"},
                 "confirmDuplicate": true}
                """.formatted(LocalDate.now().minusYears(16).minusMonths(2))).get("id").asText();
        logIn("laerer.aarhus");
        browser.get(portal + "/henvisninger/" + referralId);
        waitFor(By.id("consent-form"));
        assertThat(browser.findElement(By.id("youngPersonRequired")).isSelected()).as("the 15+ rule from the birth date")
                .isTrue();
        browser.findElement(By.id("required-1")).click();
        browser.findElement(By.id("holder0-PAPER")).click();
        browser.findElement(By.id("young-LINK")).click();
        browser.findElement(By.id("youngEmail")).sendKeys(young);
        browser.findElement(By.id("consent-submit")).click();
        waitFor(By.id("consent-age-rule"));
        assertThat(browser.findElement(By.id("consent-age-rule")).getText()).contains("fyldt 15");
        assertThat(browser.findElement(By.id("consent-state")).getText()).as("the parent alone is not enough")
                .contains("venter på samtykke");
        assertThat(browser.findElement(By.id("consent-recorded")).getText()).contains("Den unge selv", "Mangler");
        assertAccessible("the consent step waiting for the young person");
        logOut();

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !CaughtMail.consentLinks(young).isEmpty());
        browser.get(CaughtMail.consentLinks(young).get(0));
        waitFor(By.id("link-form"));
        assertThat(browser.findElement(By.id("link-form")).getText()).contains("fyldt 15");
        browser.findElement(By.id("link-give")).click();
        waitFor(By.id("link-done"));

        logIn("laerer.aarhus");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/henvisninger/" + referralId);
            return driver.findElement(By.id("consent-state")).getText().contains("sendt til organisationen");
        });
        assertThat(browser.findElements(By.id("consent-age-rule"))).isEmpty();
        logOut();

        // The receipt's withdrawal link leads to the access report: the teacher's reads, by role and categories.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> CaughtMail.consentLinks(young).size() == 2);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.get(CaughtMail.consentLinks(young).get(1));
            waitFor(By.id("access-report-link"));
            String report = browser.findElement(By.cssSelector("#access-report-link a")).getAttribute("href");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
                driver.get(report);
                return driver.findElements(By.id("access-lines")).stream()
                        .anyMatch(lines -> lines.getText().contains("Aarhus Kommune – Lærer"));
            });
            assertThat(browser.findElement(By.id("access-lines")).getText())
                    .contains("Bekymringer", "Barnets egne ord", "Henvisningen og tilbuddet til barnet")
                    .doesNotContain("laerer.aarhus", "Mette Holm", "Emil");
            assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling")
                    .isTrue();
            assertAccessible("the access report on a phone");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }

        // The young person withdraws; the data protection officer sees every version and the child's report.
        browser.get(CaughtMail.consentLinks(young).get(1));
        waitFor(By.id("link-withdraw"));
        browser.findElement(By.id("confirmed")).click();
        browser.findElement(By.id("link-withdraw-button")).click();
        waitFor(By.id("link-done"));
        String childId = ReferralsApi.get(portal, UserTokens.accessToken(portal, "laerer.aarhus"), referralId)
                .get("child").get("id").asText();
        logIn("admin");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/sletninger");
            return !driver.findElements(By.cssSelector("a[href$='/indsigt?barn=" + childId + "']")).isEmpty();
        });
        assertThat(browser.findElement(By.id("consent-rules")).getText()).as("the rules decisions apply")
                .contains("Alle med forældremyndighed skal give samtykke", "Ja", "fra 15 år", "fra 18 år");
        browser.findElement(By.cssSelector("a[href$='/indsigt?barn=" + childId + "']"))
                .findElement(By.xpath("../a[1]")).click();
        waitFor(By.id("history-versions"));
        assertThat(browser.findElement(By.id("history-versions")).getText()).contains("1. Registreret",
                "2. Samtykke givet", "underskrevet på papir", "3. Samtykke givet", "personal-link:YOUNG_PERSON",
                "4. Trukket tilbage");
        assertAccessible("the consent's history");
        browser.findElement(By.cssSelector("#history-facts a")).click();
        waitFor(By.id("access-lines"));
        assertThat(browser.findElement(By.id("access-lines")).getText()).contains("Aarhus Kommune – Lærer");
        assertAccessible("the access report for the data protection officer");
        logOut();
    }

    @Test
    void aHardExclusionShowsWhereToTurnAtOnceAndTheReferralCannotBeSent() {
        logIn("sundhedsplejerske.odense");
        browser.findElement(By.linkText("Henvis et barn")).click();
        waitFor(By.id("interventionCode"));
        browser.findElement(By.id("firstName")).sendKeys("Liva");
        browser.findElement(By.id("birthDate")).sendKeys("01052013");
        new Select(browser.findElement(By.id("interventionCode"))).selectByValue("NEFOS_SUICIDE");
        browser.findElement(By.id("concern-RELATIVE_SUICIDAL_BEHAVIOUR")).click();
        browser.findElement(By.id("concern-OWN_SUICIDE_ATTEMPT")).click();

        waitFor(By.id("exclusion"));
        assertThat(browser.findElement(By.id("exclusion")).getText())
                .contains("kan ikke henvises", "Henvis i stedet til: Child and adolescent psychiatry");
        assertThat(browser.findElement(By.id("send-referral")).isEnabled()).isFalse();
        assertAccessible("referral form with a hard exclusion");

        browser.findElement(By.id("concern-OWN_SUICIDE_ATTEMPT")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.invisibilityOfElementLocated(By.id("exclusion")));
        assertThat(browser.findElement(By.id("send-referral")).isEnabled()).isTrue();
        logOut();
    }

    @Test
    void teacherRefersAChildCorrectingWhatIsMissingWithoutLosingInputThenWithdrawsIt() {
        logIn("laerer.aarhus");
        browser.findElement(By.linkText("Henvis et barn")).click();
        waitFor(By.id("firstName"));
        assertAccessible("referral form");

        browser.findElement(By.id("firstName")).sendKeys("Sofie");
        browser.findElement(By.id("lastName")).sendKeys("Madsen");
        browser.findElement(By.id("holder1Name")).sendKeys("Jens Madsen");
        browser.findElement(By.id("holder1Email")).sendKeys("jens.madsen@example.org");
        browser.findElement(By.id("birthDate")).sendKeys("12032016");
        browser.findElement(By.id("gender")).click();
        new Select(browser.findElement(By.id("interventionCode"))).selectByValue("POWERKIDS");
        browser.findElement(By.id("concern-PARENTAL_DIVORCE")).click();
        browser.findElement(By.cssSelector("button[value=submit]")).click();

        waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText())
                .contains("Skriv, hvad barnet synes er svært.", "Skriv, hvad barnet ønsker sig.");
        assertThat(browser.findElement(By.id("firstName")).getAttribute("value")).as("no lost input").isEqualTo("Sofie");
        assertThat(browser.findElement(By.id("concern-PARENTAL_DIVORCE")).isSelected()).isTrue();
        assertAccessible("referral form with errors");

        browser.findElement(By.id("whatIsHard")).sendKeys("Jeg bliver ked af det, når de skændes");
        browser.findElement(By.id("wishes")).sendKeys("At snakke med andre, der har prøvet det samme");
        browser.findElement(By.cssSelector("button[value=submit]")).click();

        waitFor(By.cssSelector(".alert-success"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Henvisning af Sofie Madsen");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Henvisningen er sendt");
        assertAccessible("referral sent");

        browser.findElement(By.cssSelector("#withdraw-title + form button")).click();
        waitFor(By.id("reason-error"));
        assertThat(browser.findElement(By.id("reason-error")).getText()).contains("Skriv en begrundelse");
        browser.findElement(By.id("reason")).sendKeys("Familien har fundet et andet tilbud");
        browser.findElement(By.cssSelector("#withdraw-title + form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBe(By.cssSelector("dd.status"), "Trukket tilbage"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("trukket tilbage");
        assertThat(browser.findElements(By.id("withdraw-title"))).as("no withdrawing twice").isEmpty();
        logOut();
    }

    @Test
    void theCykelhjelmCoordinatorRegistersAChildWhoseParentsCameThemselvesAndRecordsTheirConsent() throws Exception {
        String teacher = UserTokens.accessToken(portal, "laerer.aarhus");
        List<String> knownBefore = ConsentsApi.JSON.readTree(NgoApi.get(portal, teacher,
                "/api/consents/registered-children")).findValuesAsText("childId");
        logIn("koordinator.cykelhjelm");
        browser.get(portal + "/indbakke");
        browser.findElement(By.id("register-link")).click();
        waitFor(By.id("registration-form"));
        assertAccessible("registration form");

        new Select(browser.findElement(By.id("partnership"))).selectByValue("CYKELHJELM-0751");
        browser.findElement(By.id("source")).click();
        browser.findElement(By.id("childAge")).sendKeys("25");
        browser.findElement(By.id("postcode")).sendKeys("8000");
        browser.findElement(By.id("concern-RELATIVE_MENTAL_ILLNESS")).click();
        browser.findElement(By.id("register-child")).click();

        waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText())
                .contains("Skriv barnets alder som et tal fra 0 til 18.", "Vælg barnets køn.");
        assertThat(browser.findElement(By.id("postcode")).getAttribute("value")).as("no lost input").isEqualTo("8000");
        assertThat(browser.findElement(By.id("concern-RELATIVE_MENTAL_ILLNESS")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.id("partnership"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("CYKELHJELM-0751");
        assertAccessible("registration form with errors");

        browser.findElement(By.id("childAge")).clear();
        browser.findElement(By.id("childAge")).sendKeys("12");
        browser.findElement(By.id("childGender")).click();
        browser.findElement(By.id("register-child")).click();

        waitFor(By.id("consent-form"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Forældrenes samtykke");
        assertThat(browser.findElement(By.id("consent-notice")).getText()).contains("Barnet er registreret");
        assertThat(browser.findElement(By.id("consent-none")).getText()).contains("Kommunen får intet at vide");
        assertThat(browser.findElement(By.id("youngPersonRequired")).isSelected()).as("12 years old").isFalse();
        assertAccessible("the registered child's consent");
        String referralId = browser.getCurrentUrl().replaceAll(".*/indbakke/([^/]+)/samtykke.*", "$1");

        // Joint custody: the mother signed the form, the father said yes to the coordinator.
        browser.findElement(By.id("holder0-PAPER")).click();
        browser.findElement(By.id("holder1-VERBAL")).click();
        browser.findElement(By.id("consent-submit")).click();

        waitFor(By.id("consent-recorded"));
        assertThat(browser.findElement(By.id("consent-notice")).getText()).isEqualTo("Samtykket er gemt.");
        assertThat(browser.findElement(By.id("consent-status")).getText()).isEqualTo("Givet");
        assertThat(browser.findElement(By.id("consent-recorded")).getText()).contains("2 af 2");
        assertThat(browser.findElement(By.id("consent-effect")).getText()).startsWith("Samtykket gælder");
        assertThat(browser.findElement(By.id("consent-purposes")).getText())
                .contains("At kommunen får at vide, at barnet får tilbuddet");
        assertThat(browser.findElements(By.id("consent-form"))).as("one consent at a time").isEmpty();
        assertAccessible("the registered child's consent, given");

        browser.get(portal + "/indbakke");
        WebElement row = browser.findElement(By.xpath("//tr[.//a[contains(@href, '" + referralId + "')]]"));
        assertThat(row.getText()).contains("12 år", "(Forældrenes egen henvendelse)", "CYKELHJELM");
        // With the consent, and only with it, Aarhus learns of the child: SIND registered it for Cykelhjelm.
        com.fasterxml.jackson.databind.JsonNode known = ConsentsApi.JSON.readTree(NgoApi.get(portal, teacher,
                "/api/consents/registered-children"));
        assertThat(known).hasSize(knownBefore.size() + 1);
        assertThat(known.findValuesAsText("ngoCode")).contains("SIND_PR");
        String childId = known.findValuesAsText("childId").stream().filter(id -> !knownBefore.contains(id))
                .findFirst().orElseThrow();
        logOut();

        // The teacher in Aarhus sees the child beside their referrals, by pseudonym: no name reaches them.
        logIn("laerer.aarhus");
        browser.get(portal + "/henvisninger");
        waitFor(By.id("registered"));
        WebElement registeredRow = browser.findElement(By.xpath("//table[@id='registered']//tr[.//code[text()='"
                + childId + "']]"));
        assertThat(registeredRow.getText()).contains("CYKELHJELM", "SIND_PR", "Forældrenes egen henvendelse");
        assertAccessible("referrals with a child an organisation registered");
        logOut();
    }

    @Test
    void theTeacherLetsTheSchoolPsychologistFollowAndTheTeamLeadSeesTheTeamsReferrals() throws Exception {
        String teacher = UserTokens.accessToken(portal, "laerer.aarhus");
        String referralId = ReferralsApi.submit(portal, teacher, "Freja", "Kock", "2016-04-04", "GIRL");
        logIn("laerer.aarhus");
        browser.get(portal + "/henvisninger/" + referralId);
        // The teacher finds the colleague by name, within Aarhus only; without consent naming the role, no.
        searchColleague("Karim");
        assertThat(browser.findElement(By.id("colleague-results")).getText()).contains("Karim Aziz, Skolepsykolog");
        assertAccessible("colleague search results");
        browser.findElement(By.cssSelector("#colleague-psykolog\\.aarhus button")).click();
        waitFor(By.id("follower-errors"));
        assertThat(browser.findElement(By.id("follower-errors")).getText()).contains("samtykke nævner ikke");
        assertThat(browser.findElement(By.id("kollega")).getAttribute("value")).as("no lost input").isEqualTo("Karim");
        searchColleague("Jonas");
        assertThat(browser.findElement(By.id("colleague-count")).getText()).as("Copenhagen's caseworker is not a colleague")
                .isEqualTo("Ingen kolleger fundet.");

        // The custody holder's consent, given on paper, lets the school psychologist follow.
        browser.findElement(By.id("follower-role-SCHOOL_PSYCHOLOGIST")).click();
        browser.findElement(By.id("required-1")).click();
        browser.findElement(By.id("holder0-PAPER")).click();
        browser.findElement(By.id("consent-submit")).click();
        waitFor(By.id("consent-follower-roles"));
        assertThat(browser.findElement(By.id("consent-follower-roles")).getText()).isEqualTo("Skolepsykolog");
        searchColleague("skolepsykolog");
        browser.findElement(By.cssSelector("#colleague-psykolog\\.aarhus button")).click();
        waitFor(By.id("followers"));
        assertThat(browser.findElement(By.id("followers")).getText()).contains("psykolog.aarhus@example.org",
                "Skolepsykolog");
        assertAccessible("referral with a follower");
        logOut();

        logIn("psykolog.aarhus");
        browser.findElement(By.linkText("Mine henvisninger")).click();
        waitFor(By.id("following"));
        assertThat(browser.findElement(By.id("following")).getText()).contains("Freja Kock");
        assertAccessible("referrals the psychologist follows");
        logOut();

        // The custody holder withdraws: the psychologist follows no more.
        String consentId = ConsentsApi.JSON.readTree(NgoApi.get(portal, teacher, "/api/consents?childId="
                + ReferralsApi.get(portal, teacher, referralId).at("/child/id").asText())).get(0).get("id").asText();
        ConsentsApi.withdraw(portal, teacher, consentId);
        String psychologist = UserTokens.accessToken(portal, "psykolog.aarhus");
        assertThat(NgoApi.get(portal, psychologist, "/api/referrals/following")).doesNotContain(referralId);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ReferralsApi.get(portal, teacher,
                referralId).get("followers").isEmpty());

        logIn("teamleder.aarhus");
        browser.get(portal + "/henvisninger?visning=team");
        waitFor(By.cssSelector("table.table"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Teamets henvisninger");
        assertThat(browser.findElement(By.cssSelector("table.table")).getText()).contains("Freja Kock", "Lærer");
        assertAccessible("the team's referrals");
        logOut();
    }

    /** Searches the referral page's colleague search and waits for its answer. */
    private static void searchColleague(String text) {
        waitFor(By.id("kollega"));
        WebElement field = browser.findElement(By.id("kollega"));
        field.clear();
        field.sendKeys(text);
        browser.findElement(By.cssSelector("#colleague-search button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(field));
        waitFor(By.id("colleague-count"));
    }

    @Test
    void theNgoSaysTheChildNeedsAnotherOfferAndTheCaseworkerRefersAgainFromTheEarlierReferral() throws Exception {
        String caseworker = UserTokens.accessToken(portal, "sagsbehandler.kbh");
        com.fasterxml.jackson.databind.JsonNode referral = ReferralsApi.create(portal, caseworker, """
                {"child": {"firstName": "Maja", "lastName": "Lund", "birthDate": "2015-09-09", "gender": "GIRL"},
                 "custodyHolders": [{"name": "Rikke Lund", "relation": "MOTHER", "phone": "+45 50607080"}],
                 "interventionCode": "STROEM", "concerns": ["LACKS_NETWORK"], "confirmDuplicate": true,
                 "currentSupport": {"specialSupportMeasure": false, "schoolSupport": true},
                 "childView": {"whatIsHard": "Jeg keder mig i frikvartererne", "wishes": "En voksen at tale med"}}
                """);
        String referralId = referral.get("id").asText();
        ConsentsApi.recordOnPaper(portal, caseworker, referral, "URK_KBH", "\"CONCERNS\", \"CHILD_VIEW\"", null);
        // The NGO's course, through its API: accepted, matched with a mentor, started, ended by the closing conversation.
        String coordinator = UserTokens.accessToken(portal, "koordinator.stroem");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> NgoApi.post(portal, coordinator,
                "/api/ngo/inbox/" + referralId + "/decision", "{\"decision\": \"ACCEPTED\"}") == 200);
        String mentor = ConsentsApi.JSON.readTree(NgoApi.get(portal, coordinator, "/api/ngo/inbox/" + referralId
                + "/proposals")).at("/proposals/0/volunteerId").asText();
        assertThat(NgoApi.post(portal, coordinator, "/api/ngo/inbox/" + referralId + "/match",
                "{\"volunteerId\": \"" + mentor + "\"}")).isEqualTo(200);
        assertThat(NgoApi.post(portal, coordinator, "/api/ngo/inbox/" + referralId + "/family-answer",
                "{\"volunteerId\": \"" + mentor + "\", \"answer\": \"ACCEPTED\", \"answeredBy\": \"BOTH\"}"))
                .isEqualTo(200);
        assertThat(NgoApi.post(portal, coordinator, "/api/ngo/inbox/" + referralId + "/start",
                "{\"startedOn\": \"" + LocalDate.now() + "\"}")).isEqualTo(200);
        assertThat(NgoApi.post(portal, coordinator, "/api/ngo/inbox/" + referralId + "/complete",
                "{\"needsAnotherOffer\": true}")).isEqualTo(200);

        logIn("sagsbehandler.kbh");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/henvisninger/" + referralId);
            return !driver.findElements(By.id("needs-another-offer")).isEmpty();
        });
        assertThat(browser.findElement(By.cssSelector("dd.status")).getText()).isEqualTo("Afsluttet");
        assertThat(browser.findElement(By.id("needs-another-offer")).getText()).contains("Henvis barnet igen");
        assertAccessible("a course ended with the need for another offer");

        browser.findElement(By.partialLinkText("Henvis barnet igen")).click();
        waitFor(By.id("firstName"));
        assertThat(browser.findElement(By.id("firstName")).getAttribute("value")).isEqualTo("Maja");
        assertThat(browser.findElement(By.id("lastName")).getAttribute("value")).isEqualTo("Lund");
        assertThat(browser.findElement(By.id("holder1Name")).getAttribute("value")).isEqualTo("Rikke Lund");
        assertThat(browser.findElement(By.id("whatIsHard")).getAttribute("value"))
                .isEqualTo("Jeg keder mig i frikvartererne");
        assertThat(browser.findElement(By.id("concern-LACKS_NETWORK")).isSelected()).isTrue();
        assertAccessible("the referral form filled in from the earlier referral");
        new Select(browser.findElement(By.id("interventionCode"))).selectByValue("STROEM");
        browser.findElement(By.cssSelector("button[value=submit]")).click();
        waitFor(By.cssSelector(".alert-success"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Henvisning af Maja Lund");
        String again = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(again).isNotEqualTo(referralId);
        assertThat(ReferralsApi.get(portal, caseworker, again).at("/child/id").asText())
                .as("the same child").isEqualTo(referral.at("/child/id").asText());
        logOut();
    }

    @Test
    void aReferralToAPartnershipThatSharesAggregatesOnlyTellsTheReferrerWhyNoProgressComes() throws Exception {
        String healthVisitor = UserTokens.accessToken(portal, "sundhedsplejerske.odense");
        com.fasterxml.jackson.databind.JsonNode referral = ReferralsApi.create(portal, healthVisitor, """
                {"child": {"firstName": "Alfred", "lastName": "Bro", "birthDate": "2017-01-01", "gender": "BOY"},
                 "custodyHolders": [{"name": "Sofie Bro", "relation": "MOTHER", "phone": "+45 60708090"}],
                 "interventionCode": "NEFOS_SUICIDE", "concerns": ["RELATIVE_SUICIDAL_BEHAVIOUR"],
                 "confirmDuplicate": true,
                 "childView": {"whatIsHard": "Jeg er bange for at far bliver syg igen", "wishes": "At tale med nogen"}}
                """);
        // The consent would let the NGO report progress; the Odense partnership shares aggregates only.
        ConsentsApi.recordOnPaper(portal, healthVisitor, referral, "NEFOS", "\"CONCERNS\"", null);

        logIn("sundhedsplejerske.odense");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/henvisninger/" + referral.get("id").asText());
            return !driver.findElements(By.id("progress-not-shared")).isEmpty();
        });
        assertThat(browser.findElement(By.id("progress-not-shared")).getText()).contains("kun samlede tal");
        logOut();
    }

    @Test
    void theStroemCoordinatorAcceptsAChildAndChoosesAMentorFromExplainedProposals() throws Exception {
        String caseworker = UserTokens.accessToken(portal, "sagsbehandler.kbh");
        com.fasterxml.jackson.databind.JsonNode referral = ReferralsApi.create(portal, caseworker, """
                {"child": {"firstName": "Sami", "lastName": "Ali", "birthDate": "2016-03-03", "gender": "BOY"},
                 "custodyHolders": [{"name": "Nadia Ali", "relation": "MOTHER", "phone": "+45 30405060"}],
                 "interventionCode": "STROEM", "concerns": ["LACKS_ADULT_CONTACT"], "confirmDuplicate": true,
                 "currentSupport": {"specialSupportMeasure": false, "schoolSupport": false},
                 "childView": {"whatIsHard": "Jeg er meget alene efter skole", "wishes": "En voksen at spille fodbold med"}}
                """);
        String referralId = referral.get("id").asText();
        ConsentsApi.recordOnPaper(portal, caseworker, referral, "URK_KBH", "\"CONCERNS\", \"CHILD_VIEW\"", null);

        logIn("koordinator.stroem");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/indbakke");
            return !driver.findElements(By.cssSelector("a[href$='/indbakke/" + referralId + "']")).isEmpty();
        });
        browser.findElement(By.cssSelector("a[href$='/indbakke/" + referralId + "']")).click();
        waitFor(By.id("decision"));
        browser.findElement(By.id("decision")).click();
        browser.findElement(By.cssSelector("button[type=submit].button:not(.button-secondary)")).click();
        waitFor(By.cssSelector(".alert-success"));

        browser.get(portal + "/indbakke/" + referralId);
        browser.findElement(By.id("find-mentor")).click();
        waitFor(By.id("proposals"));
        WebElement best = browser.findElement(By.id("proposal-0"));
        assertThat(best.getText()).as("each proposal says why").contains("Alder", "Tidspunkter", "Kvalifikation",
                "egnethed");
        assertAccessible("mentor proposals");
        String mentor = best.findElement(By.tagName("h2")).getText().split(" – ")[0];
        best.findElement(By.cssSelector("form button")).click();
        waitFor(By.cssSelector(".alert-success"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Matchet",
                "foreslået familien");

        // The family says yes at the meeting; the coordinator records it, first forgetting who answered.
        browser.findElement(By.cssSelector("#main a[href$='/indbakke/" + referralId + "']")).click();
        waitFor(By.id("family-answer"));
        assertThat(browser.findElement(By.id("proposed-mentor")).getText()).contains(mentor);
        browser.findElement(By.id("answer")).click();
        browser.findElement(By.id("family-answer-submit")).click();
        waitFor(By.id("answer-error-summary"));
        assertThat(browser.findElement(By.id("answer-error-summary")).getText()).contains("Vælg, hvem der svarede.");
        assertThat(browser.findElement(By.id("answer")).isSelected()).as("the entry is kept").isTrue();
        assertAccessible("the family's answer with an error");
        browser.findElement(By.id("answeredBy-BOTH")).click();
        browser.findElement(By.id("family-answer-submit")).click();
        waitFor(By.cssSelector(".alert-success"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Familien har sagt ja");

        browser.findElement(By.linkText("Kapacitet")).click();
        waitFor(By.id("capacity-STROEM"));
        WebElement stroem = browser.findElement(By.id("capacity-STROEM"));
        assertThat(stroem.findElement(By.tagName("h2")).getText()).isEqualTo("STRØM");
        assertThat(stroem.getText()).contains("Pladser", "Aktive uden barn eller hold", "Rekruttering");
        assertThat(browser.findElements(By.cssSelector("main section.card"))).as("URK_KBH's interventions only")
                .hasSize(1);
        assertAccessible("capacity view");
        logOut();

        assertThat(mentor).isNotBlank();
        // The caseworker's referral follows: the consent lets the NGO report the course back.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "MATCHED".equals(
                ReferralsApi.get(portal, caseworker, referralId).get("status").asText()));

        // The demo mentor frivillig.stroem gets another child, sees only their own children and logs a meeting.
        com.fasterxml.jackson.databind.JsonNode second = ReferralsApi.create(portal, caseworker, """
                {"child": {"firstName": "Lina", "lastName": "Berg", "birthDate": "2014-07-07", "gender": "GIRL"},
                 "custodyHolders": [{"name": "Eva Berg", "relation": "MOTHER", "phone": "+45 40506070"}],
                 "interventionCode": "STROEM", "concerns": ["LACKS_NETWORK"], "confirmDuplicate": true,
                 "currentSupport": {"specialSupportMeasure": false, "schoolSupport": false},
                 "childView": {"whatIsHard": "Jeg har ingen at være sammen med", "wishes": "En at gå i biografen med"}}
                """);
        String secondId = second.get("id").asText();
        ConsentsApi.recordOnPaper(portal, caseworker, second, "URK_KBH", "\"CONCERNS\"", null);
        String coordinator = UserTokens.accessToken(portal, "koordinator.stroem");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                NgoApi.post(portal, coordinator, "/api/ngo/inbox/" + secondId + "/decision",
                        "{\"decision\": \"ACCEPTED\"}") == 200);
        assertThat(NgoApi.post(portal, coordinator, "/api/ngo/inbox/" + secondId + "/match",
                "{\"volunteerId\": \"demo-stroem-v01\"}")).isEqualTo(200);
        assertThat(NgoApi.post(portal, coordinator, "/api/ngo/inbox/" + secondId + "/family-answer",
                "{\"volunteerId\": \"demo-stroem-v01\", \"answer\": \"ACCEPTED\","
                        + " \"answeredBy\": \"CUSTODY_HOLDERS\"}")).isEqualTo(200);

        logIn("frivillig.stroem");
        browser.findElement(By.linkText("Mine børn")).click();
        waitFor(By.id("child-" + secondId));
        if (!mentor.startsWith("Frivillig 1 ")) {
            assertThat(browser.findElements(By.id("child-" + referralId))).as("another mentor's child").isEmpty();
        }
        assertAccessible("the volunteer's own children");
        WebElement child = browser.findElement(By.id("child-" + secondId));
        assertThat(child.getText()).contains("Intet møde").doesNotContain("Lina", "Berg");
        child.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".alert-success"));
        assertThat(browser.findElement(By.id("child-" + secondId)).getText()).contains("Seneste møde");
        logOut();
    }

    @Test
    void thePowerkidsVolunteerSitsWithTheChildWhoAnswersBeforeOnATabletAndAWorryingAnswerReachesTheCoordinatorAtOnce()
            throws Exception {
        String teacher = UserTokens.accessToken(portal, "laerer.aarhus");
        String referralId = ReferralsApi.submit(portal, teacher, "Alma", "Skov", "2015-06-01", "GIRL");
        ConsentsApi.recordOnPaper(portal, teacher, ReferralsApi.get(portal, teacher, referralId), "URK_AAR",
                "\"REFERRAL_AND_DELIVERY\", \"OUTCOME_MEASUREMENT\"", "\"CONCERNS\", \"WELLBEING_SCORES\"", null);
        String coordinator = UserTokens.accessToken(portal, "koordinator.powerkids");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> NgoApi.post(portal, coordinator,
                "/api/ngo/inbox/" + referralId + "/decision", "{\"decision\": \"ACCEPTED\"}") == 200);
        // A seat in a group that the demo volunteer frivillig.powerkids (demo-powerkids-v01) leads, and the start.
        String groupId = null;
        for (com.fasterxml.jackson.databind.JsonNode group : ConsentsApi.JSON.readTree(
                NgoApi.get(portal, coordinator, "/api/ngo/groups?intervention=POWERKIDS"))) {
            if (group.get("leaderIds").toString().contains("\"demo-powerkids-v01\"") && group.get("freeSeats").asInt() > 0
                    && group.get("ageMin").asInt() <= 11 && group.get("ageMax").asInt() >= 11) {
                groupId = group.get("id").asText();
                break;
            }
        }
        assertThat(groupId).as("a Powerkids group led by frivillig.powerkids").isNotNull();
        assertThat(NgoApi.post(portal, coordinator, "/api/ngo/groups/" + groupId + "/seats",
                "{\"referralId\": \"" + referralId + "\"}")).isEqualTo(200);
        assertThat(NgoApi.post(portal, coordinator, "/api/ngo/inbox/" + referralId + "/start",
                "{\"startedOn\": \"" + LocalDate.now() + "\"}")).isEqualTo(200);

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(800, 1100));
        try {
            logIn("frivillig.powerkids");
            By answerBefore = By.id("answer-" + referralId + "-BEFORE");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
                driver.get(portal + "/mine-boern");
                return !driver.findElements(answerBefore).isEmpty();
            });
            assertThat(browser.findElement(By.id("checklist-" + referralId + "-BEFORE")).getText())
                    .contains("Før-måling", "Skal besvares nu", "Den, der er med barnet");
            assertThat(browser.findElement(By.id("checklist-" + referralId + "-FOLLOW_UP")).getText())
                    .contains("Koordinatoren");
            assertAccessible("the volunteer's children with their checklists");
            browser.get(portal + "/paamindelser");
            waitFor(By.xpath("//h1[text()='Påmindelser om spørgeskemaer']"));
            assertAccessible("the volunteer's reminders of overdue questionnaires");
            browser.get(portal + "/mine-boern");
            waitFor(answerBefore);

            browser.findElement(answerBefore).click();
            waitFor(By.id("question"));
            assertThat(browser.findElement(By.id("progress-text")).getText()).isEqualTo("Spørgsmål 1 af 23");
            assertThat(browser.findElement(By.id("answer-1")).getText()).contains("●○○○", "Aldrig");
            assertAccessible("a question on a tablet");
            browser.findElement(By.id("answer-3")).click();
            waitFor(By.xpath("//p[@id='progress-text' and text()='Spørgsmål 2 af 23']"));
            browser.findElement(By.id("answer-4")).click();
            waitFor(By.xpath("//p[@id='progress-text' and text()='Spørgsmål 3 af 23']"));
            browser.findElement(By.id("skip")).click();
            waitFor(By.xpath("//p[@id='progress-text' and text()='Spørgsmål 4 af 23']"));

            // A break: the answers are saved; later the child goes on from the first question not answered.
            browser.findElement(By.id("pause")).click();
            waitFor(answerBefore);
            assertThat(browser.findElement(By.id("checklist-" + referralId + "-BEFORE")).getText())
                    .contains("sat på pause");
            assertThat(browser.findElement(answerBefore).getText()).isEqualTo("Fortsæt");
            browser.findElement(answerBefore).click();
            waitFor(By.xpath("//p[@id='progress-text' and text()='Spørgsmål 3 af 23']"));
            browser.findElement(By.id("previous")).click();
            waitFor(By.xpath("//p[@id='progress-text' and text()='Spørgsmål 2 af 23']"));
            assertThat(browser.findElement(By.id("answer-4")).getAttribute("aria-pressed")).as("no lost answer")
                    .isEqualTo("true");
            browser.findElement(By.id("answer-4")).click();
            for (int question = 3; question <= 23; question++) {
                waitFor(By.xpath("//p[@id='progress-text' and text()='Spørgsmål " + question + " af 23']"));
                String code = browser.findElement(By.name("code")).getAttribute("value");
                // The partnership added SELF_HARM: this child agrees strongly that she hurts herself.
                browser.findElement(By.id(code.startsWith("SH_") ? "answer-4" : "answer-3")).click();
            }
            waitFor(By.id("submit-answers"));
            assertThat(browser.findElement(By.id("answered-count")).getText()).isEqualTo("23 af 23 spørgsmål er besvaret.");
            assertAccessible("the questionnaire's review");
            browser.findElement(By.id("submit-answers")).click();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> NgoApi.get(portal, coordinator, "/api/measurements/concern-tasks")
                            .contains(referralId));

            waitFor(By.cssSelector(".alert-success"));
            assertThat(browser.findElement(By.id("checklist-" + referralId + "-BEFORE")).getText()).contains("Besvaret");
            assertThat(browser.findElements(answerBefore)).as("done").isEmpty();
            logOut();
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }

        logIn("koordinator.powerkids");
        browser.findElement(By.linkText("Bekymringsopgaver")).click();
        waitFor(By.id("task-" + referralId));
        assertThat(browser.findElement(By.id("task-" + referralId)).getText())
                .contains("Ny – ikke kvitteret", "Svar om selvskade", "Jeg skader nogle gange mig selv")
                .doesNotContain("Alma", "Skov");
        assertAccessible("the coordinator's concern tasks");
        browser.findElement(By.id("acknowledge-" + referralId)).click();
        waitFor(By.cssSelector(".alert-success"));
        assertThat(browser.findElement(By.id("task-" + referralId)).getText()).contains("Kvitteret");
        browser.get(portal + "/indbakke/" + referralId);
        waitFor(By.id("checklist-" + referralId));
        assertThat(browser.findElement(By.id("checklist-" + referralId + "-BEFORE")).getText()).contains("Besvaret");
        assertThat(browser.findElement(By.id("checklist-" + referralId + "-BACKGROUND")).getText())
                .contains("Koordinatoren", "Skal besvares nu");
        logOut();
    }

    @Test
    void steeringGroupFiltersTheOutcomeDashboardOfTheirPartnershipSeesASmallCellHiddenAndDownloadsTheCsv()
            throws Exception {
        logIn("styregruppe.aarhus");
        browser.findElement(By.linkText("Resultater")).click();
        waitFor(By.cssSelector("section.dimension h2"));

        // Aarhus also has Cykelhjelm, and the demo data six other partnerships: the steering group has Powerkids only.
        assertThat(optionLabels("intervention")).containsExactly("Alle", "Powerkids");
        assertThat(optionLabels("municipality")).containsExactly("Alle", "Aarhus Kommune");
        assertThat(texts(By.cssSelector("section.dimension h2"))).containsExactly("Relationel trivsel",
                "Positiv selvopfattelse");
        List<WebElement> charts = browser.findElements(By.cssSelector("section.dimension svg.chart[role=img]"));
        assertThat(charts).as("a means chart per dimension and a bar per comparison").hasSize(2 + 2 * 3);
        assertThat(charts).allSatisfy(chart -> assertThat(chart.getAttribute("aria-label")).contains("børn"));
        assertThat(charts.get(0).getAttribute("aria-label")).startsWith("Gennemsnit for Relationel trivsel");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("%", "Før – Efter")
                .doesNotContain("E-0", "C-0");
        assertThat(browser.findElements(By.cssSelector("section.dimension .suppressed")))
                .as("unfiltered, every block has at least 5 children").isEmpty();
        assertAccessible("outcome dashboard");

        // Powerkids' 2015 cohort in the run mode's demo data (measurement-service's demo/responses.ndjson):
        // 16 children answered before, but only 4 have a valid self-perception score at the follow-up.
        new Select(browser.findElement(By.id("intervention"))).selectByValue("POWERKIDS");
        enterDate("from", "2015-01-01");
        enterDate("to", "2015-12-31");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("to=2015-12-31"));
        waitFor(By.cssSelector("section.dimension h2"));

        assertThat(browser.findElement(By.cssSelector(".applied-filters")).getText())
                .contains("Powerkids", "1. januar 2015 – 31. december 2015");
        assertThat(new Select(browser.findElement(By.id("intervention"))).getFirstSelectedOption().getText())
                .as("the form keeps the choice").isEqualTo("Powerkids");
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo("2015-01-01");
        WebElement selfPerception = browser.findElement(By.id("dimension-SELF_PERCEPTION"));
        assertThat(selfPerception.findElements(By.cssSelector("td.suppressed")))
                .as("the follow-up and both comparisons ending there").hasSize(3)
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("Skjult – færre end 5 børn"));
        assertThat(selfPerception.findElement(By.cssSelector("svg.chart-means")).getAttribute("aria-label"))
                .contains("Opfølgning: Skjult – færre end 5 børn");
        assertThat(browser.findElement(By.id("dimension-RELATIONAL")).findElements(By.cssSelector(".suppressed")))
                .as("7 children answered at follow-up: shown").isEmpty();
        assertAccessible("filtered outcome dashboard with a suppressed cell");

        // The steering group's meeting: printed on one A4 page, without menu and form, the filters on top.
        assertThat(browser.findElement(By.id("print-report")).isDisplayed()).as("shown once its script runs").isTrue();
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector("nav.main-nav")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("form.filters")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".applied-filters")).getText()).contains("Powerkids", "Dannet");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        Pdf printout = chrome.print(new PrintOptions().setPageSize(PageSize.ISO_A4).setShrinkToFit(false)
                .setBackground(true));
        assertThat(pages(printout)).as("pages printed").isEqualTo(1);

        WebElement download = browser.findElement(By.linkText("Download CSV"));
        assertThat(download.getAttribute("href")).contains("/resultater.csv?intervention=POWERKIDS&from=2015-01-01");
        // The browser's own session fetches the file, as a click on the link would.
        String cookies = browser.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(download.getAttribute("href"))).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("").toLowerCase()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"resultater-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(csv.body()).startsWith("\uFEFFdimension,dimensionName,higherIsBetter,block,occasion,from,to,n,mean,");
        List<Map<String, String>> rows = csvRows(csv.body().substring(1));
        assertThat(rows).as("2 dimensions × (3 occasions + 3 comparisons)").hasSize(12);
        assertThat(row(rows, "SELF_PERCEPTION", "FOLLOW_UP")).containsEntry("n", "4").containsEntry("mean", "")
                .containsEntry("suppressed", "true").containsEntry("filterIntervention", "POWERKIDS")
                .containsEntry("filterFrom", "2015-01-01").containsEntry("filterTo", "2015-12-31");
        assertThat(row(rows, "RELATIONAL", "BEFORE")).containsEntry("n", "16").containsEntry("suppressed", "false")
                .hasEntrySatisfying("mean", mean -> assertThat(Double.parseDouble(mean)).isBetween(1.0, 4.0));
        logOut();
    }

    @Test
    void steeringGroupSeesTheirPowerkidsReferralInTheOperationsFunnelAndFiltersByPeriod() throws Exception {
        // The period around today; the referral this test sends must raise its count, whatever ran before.
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));
        String period = "from=" + today.minusDays(1) + "&to=" + today;
        String steering = UserTokens.accessToken(portal, "styregruppe.aarhus");
        long before = ConsentsApi.JSON.readTree(NgoApi.get(portal, steering, "/api/operations?" + period))
                .get("funnel").get(0).get("count").asLong();
        String teacher = UserTokens.accessToken(portal, "laerer.aarhus");
        String referralId = ReferralsApi.submit(portal, teacher, "Ida", "Krogh", "2016-03-04", "GIRL");
        // The consent shares the referral with the NGO: only then is it submitted to Powerkids.
        ConsentsApi.recordOnPaper(portal, teacher, ReferralsApi.get(portal, teacher, referralId), "URK_AAR",
                "\"CONCERNS\", \"CHILD_VIEW\"", null);

        logIn("styregruppe.aarhus");
        browser.findElement(By.linkText("Drift og kapacitet")).click();
        waitFor(By.id("funnel-heading"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Drift og kapacitet");
        assertThat(optionLabels("intervention")).containsExactly("Alle", "Powerkids");
        assertThat(optionLabels("municipality")).containsExactly("Alle", "Aarhus Kommune");
        assertThat(texts(By.cssSelector("main section h2"))).contains("Fra henvisning til afsluttet forløb",
                "Svartid og ventetid", "Kapacitet pr. indsats", "Frivillige pr. organisation", "Baggrund ved opstart",
                "Målinger til tiden");
        assertAccessible("operations dashboard");

        enterDate("from", today.minusDays(1).toString());
        enterDate("to", today.toString());
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("to=" + today));
        // The referral reaches the figures through the event stream: reload until it is counted.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.get(portal + "/drift?" + period);
            List<WebElement> submitted = driver.findElements(By.cssSelector("#step-SUBMITTED td"));
            return !submitted.isEmpty() && Long.parseLong(submitted.get(0).getText()) >= before + 1;
        });
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).as("the form keeps the period")
                .isEqualTo(today.minusDays(1).toString());
        assertThat(browser.findElement(By.cssSelector(".applied-filters")).getText()).contains("Periode");
        WebElement chart = browser.findElement(By.cssSelector("#funnel svg[role=img]"));
        assertThat(chart.getAttribute("aria-label")).startsWith("Henvisninger pr. trin: Henvist ")
                .contains("Besvaret af organisationen");
        assertThat(browser.findElement(By.id("sources")).getText()).as("the teacher referred").contains("Lærer");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Ida", "Krogh");
        assertThat(browser.findElement(By.linkText("Download CSV")).getAttribute("href"))
                .contains("/drift.csv?from=" + today.minusDays(1));
        assertAccessible("operations dashboard filtered by period");
        logOut();
    }

    /** Logs in on the login page, in Danish whatever an earlier journey chose. */
    @Test
    void aGroupLeaderLogsASessionWithWhoCame() throws Exception {
        String teacher = UserTokens.accessToken(portal, "laerer.aarhus");
        String referralId = ReferralsApi.submit(portal, teacher, "Ella", "Holm", "2015-09-09", "GIRL");
        ConsentsApi.recordOnPaper(portal, teacher, ReferralsApi.get(portal, teacher, referralId), "URK_AAR",
                "\"CONCERNS\"", null);
        String coordinator = UserTokens.accessToken(portal, "koordinator.powerkids");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> NgoApi.post(portal, coordinator,
                "/api/ngo/inbox/" + referralId + "/decision", "{\"decision\": \"ACCEPTED\"}") == 200);
        // A group that started today, led by the demo volunteer frivillig.powerkids (demo-powerkids-v01).
        String groupId = ConsentsApi.JSON.readTree(NgoApi.postForBody(portal, coordinator, "/api/ngo/groups", """
                {"interventionCode": "POWERKIDS", "startDate": "%s", "sessions": 8, "sessionEveryDays": 7,
                 "ageMin": 9, "ageMax": 13, "sizeLimit": 8, "leaderIds": ["demo-powerkids-v01"]}"""
                .formatted(LocalDate.now()))).get("id").asText();
        assertThat(NgoApi.post(portal, coordinator, "/api/ngo/groups/" + groupId + "/seats",
                "{\"referralId\": \"" + referralId + "\"}")).isEqualTo(200);

        logIn("frivillig.powerkids");
        browser.findElement(By.linkText("Mine børn")).click();
        waitFor(By.id("group-" + groupId));
        WebElement group = browser.findElement(By.id("group-" + groupId));
        assertThat(group.getText()).contains("0 af 8 samlinger", "Plads 1, 11 år").doesNotContain("Ella", "Holm");
        assertThat(group.findElement(By.id("present-" + groupId + "-1")).isSelected()).isTrue();
        assertAccessible("the group leader's groups");
        group.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector(".alert-success"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("Samlingen er registreret");
        assertThat(browser.findElement(By.id("group-" + groupId)).getText()).contains("1 af 8 samlinger");
        logOut();
    }

    /**
     * Issue 4: the administrator opens the catalogue from the menu, changes a partnership's collaboration
     * model, is asked why (nothing entered is lost), gives the reason, and sees the new terms with the
     * earlier ones kept in the history. Skive's partnership about CYKELHJELM, which no other journey uses.
     */
    @Test
    void theAdministratorChangesAPartnershipsModelWithAReasonAndSeesTheHistory() {
        logIn("admin");
        browser.findElement(By.linkText("Katalog")).click();
        waitFor(By.id("partnerships"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Katalog");
        assertThat(browser.findElement(By.id("partnership-CYKELHJELM-0779")).getText())
                .contains("Skive Kommune", "B3 – Partnerskab om rekruttering og udførelse");
        assertAccessible("the catalogue");

        browser.findElement(By.cssSelector("a[href$='/katalog/samarbejder/CYKELHJELM-0779']")).click();
        waitFor(By.id("terms-form"));
        assertThat(browser.findElement(By.id("current-model")).getText())
                .isEqualTo("B3 – Partnerskab om rekruttering og udførelse");
        assertThat(browser.findElement(By.id("model-B1_PARTNERSHIP_RECRUITMENT-help")).getText())
                .as("each model is explained").contains("Begge parter finder børn");
        assertAccessible("a partnership with its terms");

        browser.findElement(By.id("model-B1_PARTNERSHIP_RECRUITMENT")).click();
        browser.findElement(By.id("save-terms")).click();
        waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Skriv, hvorfor vilkårene skifter");
        assertThat(browser.findElement(By.id("reason-error")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("model-B1_PARTNERSHIP_RECRUITMENT")).isSelected()).as("no lost input")
                .isTrue();
        assertAccessible("the terms form with an error");

        browser.findElement(By.id("reason")).sendKeys("Styregruppen besluttede, at foreningen også opsøger børn i Skive");
        browser.findElement(By.id("save-terms")).click();
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("current-model")).getText())
                .isEqualTo("B1 – Partnerskab om rekruttering");
        assertThat(browser.findElement(By.id("version-2")).getText()).contains("B1 – Partnerskab om rekruttering",
                "admin", "Styregruppen besluttede, at foreningen også opsøger børn i Skive");
        assertThat(browser.findElement(By.id("version-1")).getText())
                .contains("B3 – Partnerskab om rekruttering og udførelse", "Kataloget", "samarbejdets start");
        assertAccessible("the partnership's history");
        logOut();
    }

    private void logIn(String username) {
        browser.get(portal + "/login?lang=da");
        waitFor(By.id("username"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector("nav.main-nav"));
    }

    private void logOut() {
        browser.findElement(By.cssSelector(".logout-form button")).click();
        waitFor(By.cssSelector("main h1"));
    }

    private List<String> optionLabels(String select) {
        return new Select(browser.findElement(By.id(select))).getOptions().stream().map(WebElement::getText).toList();
    }

    private List<String> texts(By elements) {
        return browser.findElements(elements).stream().map(WebElement::getText).toList();
    }

    /** Sets the date as the date picker does: typing it would depend on the format the browser's locale shows. */
    private void enterDate(String field, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id(field)), isoDate);
    }

    /** RFC 4180 rows by column name; the export quotes no field here (codes, numbers and plain names). */
    private static List<Map<String, String>> csvRows(String csv) {
        List<String> lines = List.of(csv.split("\r\n"));
        List<String> header = List.of(lines.get(0).split(","));
        return lines.subList(1, lines.size()).stream().map(line -> {
            String[] fields = line.split(",", -1);
            assertThat(fields).as(line).hasSize(header.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                row.put(header.get(i), fields[i]);
            }
            return row;
        }).toList();
    }

    /** Page objects of Chromium's PDF ("/Type /Page", not the "/Type /Pages" tree). */
    private static int pages(Pdf pdf) {
        String content = new String(Base64.getDecoder().decode(pdf.getContent()), StandardCharsets.ISO_8859_1);
        return (int) Pattern.compile("/Type\\s*/Page(?!s)").matcher(content).results().count();
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String dimension, String occasion) {
        return rows.stream().filter(row -> dimension.equals(row.get("dimension")) && occasion.equals(row.get("occasion")))
                .findFirst().orElseThrow(() -> new AssertionError("No " + dimension + " " + occasion + " in " + rows));
    }

    private List<String> navigation() {
        return browser.findElements(By.cssSelector("nav.main-nav a .nav-label")).stream().map(link -> link.getText())
                .toList();
    }

    private static void waitFor(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    private static void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(PortalBrowserIT::describe)
                .toList();
        assertThat(serious).as("serious or critical accessibility violations on the " + page).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }
}
