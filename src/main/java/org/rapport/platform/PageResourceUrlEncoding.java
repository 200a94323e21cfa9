package org.rapport.platform;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring's resource URL encoding (the versioned webjar links of Thymeleaf pages) for pages only, in place of the one
 * Boot registers for every request: it wraps each request and response and sees every request attribute set, which
 * cost about 3% of the app's CPU on an API GET, and the JSON API renders no resource links.
 */
@Configuration(proxyBeanMethods = false)
class PageResourceUrlEncoding {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> pageResourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new PagesOnly());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Passes API requests ({@code /api/**}) straight on. */
    static final class PagesOnly extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request instanceof HttpServletRequest http && isApi(http)) {
                chain.doFilter(request, response);
            } else {
                super.doFilter(request, response, chain);
            }
        }

        private static boolean isApi(HttpServletRequest request) {
            String uri = request.getRequestURI();
            int start = request.getContextPath().length();
            return uri.startsWith("/api/", start);
        }
    }
}
