package org.rapport.identity;

/** Organization setting: which records internal non-admin users see besides their own. */
public enum VisibilityScope {
    OWN("Only their own records"),
    DEPARTMENT("Their own and their department's records"),
    ALL("All records");

    private final String label;

    VisibilityScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
