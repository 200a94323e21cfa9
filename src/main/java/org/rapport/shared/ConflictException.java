package org.rapport.shared;

/** The request cannot be applied to the record's current state (answers 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
