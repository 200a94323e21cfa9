package org.rapport.platform;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;

/**
 * Spring MVC's handler lookup, testing only the mappings whose path patterns match. A request whose path has a
 * variable ({@code /api/v1/contacts/{id}}) is tested against every mapping of the application (~230), and Spring tests
 * the method, parameters, headers and media types first, each through the request's chain of wrappers. A mapping
 * matches only if all its conditions do, so the outcome is the same. Measured on {@code GET /api/v1/contacts/{id}}:
 * the lookup took about 30% of the request's CPU in the application; testing the paths first brought it to 15-19%.
 * <p>
 * htmx-spring-boot registers its own MVC parts the same way (its mapping adds {@code @HxRequest} conditions); Boot uses
 * only one {@link WebMvcRegistrations}, so this one is primary, extends htmx's mapping and hands out htmx's other parts.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstRequestMappings {

    @Bean
    @Primary
    WebMvcRegistrations pathFirstMvcRegistrations(HtmxMvcAutoConfiguration htmx) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mapping();
            }

            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return htmx.getRequestMappingHandlerAdapter();
            }

            @Override
            public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
                return htmx.getExceptionHandlerExceptionResolver();
            }
        };
    }

    /**
     * Rejects the mappings whose path patterns do not match before asking the others, and remembers, per shape of
     * path (the path with its lower-case UUID segments made one and the same UUID), which mappings' patterns match:
     * no pattern of ours tells one UUID from another, so the next {@code /api/v1/contacts/<id>} is tested against
     * those few instead of every pattern.
     */
    static final class Mapping extends HtmxRequestMappingHandlerMapping {

        /** Shapes of paths remembered at most; past it (a client sending made-up paths), lookups test every pattern. */
        static final int MAX_SHAPES = 2_000;
        private static final String SOME_UUID = "00000000-0000-4000-8000-000000000000";

        /** The mappings whose path patterns match the path being looked up (set only while it is). */
        private static final ThreadLocal<Set<RequestMappingInfo>> CANDIDATES = new ThreadLocal<>();
        private final Map<String, Set<RequestMappingInfo>> candidatesByShape = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            Set<RequestMappingInfo> outer = CANDIDATES.get();
            CANDIDATES.set(candidates(request));
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                CANDIDATES.set(outer);
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            Set<RequestMappingInfo> candidates = CANDIDATES.get();
            return candidates != null && !candidates.contains(info) ? null : super.getMatchingMapping(info, request);
        }

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            candidatesByShape.clear();
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            super.registerMapping(mapping, handler, method);
            candidatesByShape.clear();
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            candidatesByShape.clear();
        }

        /** The mappings whose path patterns match the request's path, or null to test them all. */
        private Set<RequestMappingInfo> candidates(HttpServletRequest request) {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                return null;
            }
            String path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
            String shape = shape(path);
            Set<RequestMappingInfo> known = candidatesByShape.get(shape);
            if (known != null || candidatesByShape.size() >= MAX_SHAPES) {
                return known;
            }
            PathContainer shaped = PathContainer.parsePath(shape);
            Set<RequestMappingInfo> matching = Collections.newSetFromMap(new IdentityHashMap<>());
            for (RequestMappingInfo info : getHandlerMethods().keySet()) {
                PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
                if (patterns == null) {
                    return null;
                }
                if (patterns.getPatterns().stream().anyMatch(pattern -> pattern.matches(shaped))) {
                    matching.add(info);
                }
            }
            candidatesByShape.put(shape, matching);
            return matching;
        }

        /** The path with each segment that is a lower-case UUID replaced by {@link #SOME_UUID}. */
        static String shape(String path) {
            StringBuilder shape = null;
            int start = 0;
            while (start <= path.length()) {
                int end = path.indexOf('/', start);
                end = end < 0 ? path.length() : end;
                if (end - start == SOME_UUID.length() && isLowerCaseUuid(path, start)) {
                    shape = shape == null ? new StringBuilder(path) : shape;
                    shape.replace(start, end, SOME_UUID);
                }
                start = end + 1;
            }
            return shape == null ? path : shape.toString();
        }

        private static boolean isLowerCaseUuid(String s, int from) {
            for (int i = 0; i < SOME_UUID.length(); i++) {
                char c = s.charAt(from + i);
                boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
                if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return false;
                }
            }
            return true;
        }
    }
}
