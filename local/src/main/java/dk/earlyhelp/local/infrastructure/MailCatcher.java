package dk.earlyhelp.local.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Catches the e-mail the services send in the run mode (GreenMail): nothing leaves the machine,
 * and every address gets a mailbox the portal's demo mailbox reads over IMAP. Mail is kept in
 * memory only, so a restart empties the mailboxes.
 */
public final class MailCatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

    private GreenMail server;

    /** Starts SMTP and IMAP on the loopback address and returns once both accept connections. */
    public synchronized void start(int smtpPort, int imapPort) {
        if (server != null) {
            throw new IllegalStateException("Mail catcher already running");
        }
        server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        // Any address may receive, and its owner logs in without a password: demo use only.
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        log.info("Mail catcher on SMTP {} and IMAP {}", smtpPort, imapPort);
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
