package org.rapport.tasks;

/** Where a task stands; DONE and CANCELLED are closed. */
public enum TaskStatus {
    OPEN("Open"), IN_PROGRESS("In progress"), DONE("Done"), CANCELLED("Cancelled");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
