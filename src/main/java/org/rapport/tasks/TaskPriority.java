package org.rapport.tasks;

/** How urgent a task is. */
public enum TaskPriority {
    LOW, NORMAL, HIGH, URGENT;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
