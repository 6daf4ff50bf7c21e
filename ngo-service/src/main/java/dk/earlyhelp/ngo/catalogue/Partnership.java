package dk.earlyhelp.ngo.catalogue;

/**
 * One municipality and one NGO working together on one intervention, under a collaboration model.
 * Its id is {@code <intervention>-<municipality code>}, the form tokens name partnerships in.
 */
public record Partnership(String id, String interventionCode, String interventionName, String ngoCode,
                          String ngoName, String municipalityCode, String model) {

    static Partnership of(Intervention intervention, String ngoName, String municipalityCode) {
        return new Partnership(intervention.code() + "-" + municipalityCode, intervention.code(), intervention.name(),
                intervention.ngoCode(), ngoName, municipalityCode, intervention.model());
    }
}
