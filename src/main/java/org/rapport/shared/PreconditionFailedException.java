package org.rapport.shared;

/** An If-Match version did not match the record's current version (answers 412), or was missing (428). */
public class PreconditionFailedException extends RuntimeException {

    private final boolean missing;

    public PreconditionFailedException(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    public boolean missing() {
        return missing;
    }
}
