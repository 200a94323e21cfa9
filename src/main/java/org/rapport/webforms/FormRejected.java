package org.rapport.webforms;

import org.springframework.http.HttpStatus;

/**
 * A public submission that is not taken: the status to answer, the submitted field at fault (may be null), a message
 * for the person who submitted, and for 429 the seconds to wait.
 */
class FormRejected extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final long retryAfterSeconds;

    FormRejected(HttpStatus status, String field, String message) {
        this(status, field, message, 0);
    }

    FormRejected(HttpStatus status, String field, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
