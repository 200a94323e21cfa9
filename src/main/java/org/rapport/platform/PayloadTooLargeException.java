package org.rapport.platform;

import java.io.IOException;

/** A request body went past the API's size limit (answers 413). */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
