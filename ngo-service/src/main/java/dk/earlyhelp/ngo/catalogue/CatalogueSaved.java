package dk.earlyhelp.ngo.catalogue;

/** In-process news that the catalogue was saved, so features derived from it (availability) recompute. */
public record CatalogueSaved() {
}
