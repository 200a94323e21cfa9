package org.rapport.email;

/** Where a mailbox's sync stands: never synced yet, last sync worked, last sync failed. */
enum MailboxStatus {
    NEW("Not synced yet"), OK("OK"), ERROR("Failing");

    private final String label;

    MailboxStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
