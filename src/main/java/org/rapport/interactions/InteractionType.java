package org.rapport.interactions;

/** The channel of an interaction. */
public enum InteractionType {
    CALL("Call"), EMAIL("Email"), MEETING("Meeting"), NOTE("Note"), CHAT("Chat"), SMS("SMS"), SOCIAL("Social"),
    LETTER("Letter"), WEB_FORM("Web form");

    private final String label;

    InteractionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
