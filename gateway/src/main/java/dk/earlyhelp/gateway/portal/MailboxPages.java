package dk.earlyhelp.gateway.portal;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.mail.MessagingException;

/** "E-mail (demo)": the mail the run mode caught for the logged-in user. */
@Controller
@ConditionalOnProperty("earlyhelp.demo-mailbox.imap-port")
class MailboxPages {

    private static final Logger log = LoggerFactory.getLogger(MailboxPages.class);

    private final DemoMailbox mailbox;

    MailboxPages(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** One e-mail as the page shows it. */
    public record MailRow(String from, String subject, String received, String text) {
    }

    @GetMapping("/demo-post")
    String mail(@ModelAttribute("user") PortalUser user, Model model) {
        if (user == null || user.caller().email() == null) {
            return "forbidden";
        }
        try {
            model.addAttribute("mails", mailbox.mailFor(user.caller().email()).stream()
                    .map(mail -> new MailRow(mail.from(), mail.subject(), Rows.time(mail.received()),
                            mail.text()))
                    .toList());
        } catch (MessagingException | IOException e) {
            log.warn("Demo mailbox unavailable: {}", e.getClass().getSimpleName());
            model.addAttribute("mails", List.of());
            model.addAttribute("unavailable", true);
        }
        model.addAttribute("address", user.caller().email());
        return "mailbox";
    }
}
