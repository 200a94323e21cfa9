package org.rapport.email;

/** A mail could not be sent; the message says why in words a person can act on. */
class MailDeliveryException extends RuntimeException {

    MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
