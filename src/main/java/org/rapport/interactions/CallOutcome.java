package org.rapport.interactions;

/** How a call ended; the organization chooses which outcomes count as successful. */
public enum CallOutcome {
    CONNECTED("Connected"), NO_ANSWER("No answer"), VOICEMAIL("Voicemail"), BUSY("Busy"),
    WRONG_NUMBER("Wrong number");

    private final String label;

    CallOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
