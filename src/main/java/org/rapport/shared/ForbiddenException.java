package org.rapport.shared;

/** The caller may see the record but may not do this to it (answers 403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
