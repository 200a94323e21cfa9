package org.rapport.imports;

/** Where an import stands: mapped by its user, waiting for or running its job, done, or being undone. */
enum ImportStatus {
    DRAFT, QUEUED, RUNNING, COMPLETED, FAILED, UNDOING, UNDONE;

    /** Whether a job is (about to be) working on it. */
    public boolean active() {
        return this == QUEUED || this == RUNNING || this == UNDOING;
    }

    public boolean undoable() {
        return this == COMPLETED || this == FAILED;
    }
}
