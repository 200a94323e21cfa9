package org.rapport.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.rapport.shared.ConflictException;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Sends page requests that fail with a domain error to the styled error pages under {@code templates/error/}. */
@ControllerAdvice(annotations = Controller.class)
class WebExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    void forbidden(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    @ExceptionHandler(InvalidFieldException.class)
    void badRequest(HttpServletResponse response, InvalidFieldException e) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    void conflict(HttpServletResponse response, ConflictException e) throws IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT, e.getMessage());
    }
}
