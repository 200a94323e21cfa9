package org.rapport.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Errors that happen outside a controller (unknown path, wrong method, a filter's failure): browsers get
 * the styled pages under {@code templates/error/}, everything else gets problem+json without internals.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPagesConfig {

    @Bean
    BasicErrorController basicErrorController(ErrorAttributes errorAttributes, ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(errorAttributes, resolvers.orderedStream().toList());
    }

    static class ProblemErrorController extends BasicErrorController {

        ProblemErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> resolvers) {
            super(errorAttributes, new ErrorProperties(), resolvers);
        }

        @Override
        public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
            HttpStatus status = HttpStatus.resolve(getStatus(request).value());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", status.getReasonPhrase());
            body.put("status", status.value());
            body.put("detail", detail(status));
            Object path = request.getAttribute("jakarta.servlet.error.request_uri");
            if (path != null) {
                body.put("instance", URI.create(path.toString()).toString());
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
        }

        private static String detail(HttpStatus status) {
            return switch (status) {
                case NOT_FOUND -> "No such resource";
                case METHOD_NOT_ALLOWED -> "This method is not allowed here";
                case UNAUTHORIZED -> "Authentication required";
                case FORBIDDEN -> "Access denied";
                case CONTENT_TOO_LARGE -> "The request body is too large";
                default -> status.is5xxServerError() ? "An unexpected error occurred; it has been logged."
                        : status.getReasonPhrase();
            };
        }
    }
}
