package dk.earlyhelp.local.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** The mail the run mode's mail catcher holds for an address, read over IMAP as a mail client would. */
final class CaughtMail {

    private CaughtMail() {
    }

    /** The texts of the mail caught for the address, oldest first. */
    static List<String> textsFor(String address) {
        try {
            return read(address);
        } catch (Exception e) {
            throw new IllegalStateException("The mail catcher could not be read", e);
        }
    }

    private static List<String> read(String address) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        // The catcher logs anyone in to their own address without a password check.
        store.connect("localhost", RunningSystem.get().imapPort(), address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<String> texts = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    texts.add(message.getSubject() + "\n" + message.getContent());
                }
                return texts;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** The personal consent links in the mail caught for the address, oldest first. */
    static List<String> consentLinks(String address) {
        List<String> links = new ArrayList<>();
        for (String text : textsFor(address)) {
            Matcher link = Pattern.compile("https?://\\S+/samtykke/[A-Za-z0-9_-]+").matcher(text);
            while (link.find()) {
                links.add(link.group());
            }
        }
        return links;
    }
}
