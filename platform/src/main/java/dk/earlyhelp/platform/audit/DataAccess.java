package dk.earlyhelp.platform.audit;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Which categories of a child's data a read touched and what for (CONSENT.md rules 10 and 11):
 * category and purpose codes as the consent's provisions name them, never values.
 *
 * @param consent the consent version the access relied on, {@code <consentId>@v<version>}, or null
 *                where none was asked (the caller's own municipality's records) or none permitted
 */
public record DataAccess(List<String> categories, String purpose, String consent) {

    /** Nothing said: the record still counts in the access report, without categories. */
    public static final DataAccess UNSPECIFIED = new DataAccess(List.of(), null);

    public DataAccess {
        categories = categories == null ? List.of()
                : categories.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    public DataAccess(List<String> categories, String purpose) {
        this(categories, purpose, null);
    }

    /** The same access, relying on this version of a consent; unchanged when no consent is named. */
    public DataAccess underConsent(String consentId, Number version) {
        if (consentId == null) {
            return this;
        }
        return new DataAccess(categories, purpose, consentId + (version == null ? "" : "@v" + version));
    }

    /** @param categories enum constants or codes; their names are kept */
    public static DataAccess of(Object purpose, Collection<?> categories) {
        return new DataAccess(categories.stream().map(category -> category instanceof Enum<?> code ? code.name()
                : String.valueOf(category)).toList(), purpose instanceof Enum<?> code ? code.name()
                        : purpose == null ? null : purpose.toString());
    }
}
