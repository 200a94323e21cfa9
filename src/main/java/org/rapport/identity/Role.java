package org.rapport.identity;

/** A user's role: what they may do and which records they see. */
public enum Role {
    ADMIN("Administrator"),
    MANAGER("Manager"),
    SALES_REP("Sales rep"),
    SUPPORT_AGENT("Support agent"),
    MARKETER("Marketer"),
    READ_ONLY("Read only"),
    PARTNER("Partner (external)");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this role may create, change or delete business records at all. */
    public boolean canWrite() {
        return this != READ_ONLY && this != PARTNER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
