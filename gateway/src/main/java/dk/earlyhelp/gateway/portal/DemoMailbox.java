package dk.earlyhelp.gateway.portal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * The run mode's demo mailbox: reads, over IMAP, the mail the local mail catcher caught for a
 * user's address, so a demo shows the notification e-mails without a real mail server. Never
 * configured in production ({@code earlyhelp.demo-mailbox.imap-port} is set by the run mode only).
 */
@Component
@ConditionalOnProperty("earlyhelp.demo-mailbox.imap-port")
class DemoMailbox {

    private final int imapPort;

    DemoMailbox(@Value("${earlyhelp.demo-mailbox.imap-port}") int imapPort) {
        this.imapPort = imapPort;
    }

    /** One caught e-mail. */
    public record Mail(String from, String subject, Instant received, String text) {
    }

    /** The mail caught for the address, newest first. */
    List<Mail> mailFor(String address) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "3000");
        properties.put("mail.imap.timeout", "3000");
        Store store = Session.getInstance(properties).getStore("imap");
        // The catcher logs anyone in to their own address without a password check.
        store.connect("localhost", imapPort, address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(String.valueOf(message.getFrom()[0]), message.getSubject(),
                            message.getReceivedDate() == null ? Instant.EPOCH : message.getReceivedDate().toInstant(),
                            String.valueOf(message.getContent())));
                }
                mails.sort(Comparator.comparing(Mail::received).reversed());
                return mails;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }
}
