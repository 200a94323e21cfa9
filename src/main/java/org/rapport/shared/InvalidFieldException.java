package org.rapport.shared;

/** One field of a request holds a value the domain rejects (answers 400 naming the field). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
