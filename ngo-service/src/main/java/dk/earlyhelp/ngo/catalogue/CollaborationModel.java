package dk.earlyhelp.ngo.catalogue;

/**
 * How a municipality and an NGO share the work of one partnership (DOMAIN.md, collaboration models;
 * {@code collaborationModels} in catalog.json): who finds and recruits the children, who delivers.
 */
public enum CollaborationModel {

    /** Purchaser–provider: the municipality finds and refers, the NGO delivers. */
    A_FUNCTIONAL_SPLIT(false),
    /** Both find children (outreach, parents' own contact, referrals); one party delivers. */
    B1_PARTNERSHIP_RECRUITMENT(true),
    /** One party recruits; both deliver. */
    B2_PARTNERSHIP_DELIVERY(false),
    /** Both recruit and both deliver. */
    B3_PARTNERSHIP_FULL(true);

    private final boolean ngoRecruits;

    CollaborationModel(boolean ngoRecruits) {
        this.ngoRecruits = ngoRecruits;
    }

    /** Whether the NGO may register children itself ({@code recruits: BOTH} in catalog.json). */
    public boolean ngoRecruits() {
        return ngoRecruits;
    }

    /** The model a stored name stands for; null for none or one this code does not know. */
    static CollaborationModel of(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
