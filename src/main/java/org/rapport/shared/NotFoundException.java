package org.rapport.shared;

/** A record does not exist or the caller may not see it; both answer 404 so nothing leaks. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
