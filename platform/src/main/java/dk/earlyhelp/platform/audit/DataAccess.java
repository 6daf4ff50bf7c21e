package dk.earlyhelp.platform.audit;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Which categories of a child's data a read touched and what for (CONSENT.md rules 10 and 11):
 * category and purpose codes as the consent's provisions name them, never values.
 */
public record DataAccess(List<String> categories, String purpose) {

    /** Nothing said: the record still counts in the access report, without categories. */
    public static final DataAccess UNSPECIFIED = new DataAccess(List.of(), null);

    public DataAccess {
        categories = categories == null ? List.of()
                : categories.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** @param categories enum constants or codes; their names are kept */
    public static DataAccess of(Object purpose, Collection<?> categories) {
        return new DataAccess(categories.stream().map(category -> category instanceof Enum<?> code ? code.name()
                : String.valueOf(category)).toList(), purpose instanceof Enum<?> code ? code.name()
                        : purpose == null ? null : purpose.toString());
    }
}
