package org.rapport.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.rapport.platform.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Two filter chains. {@code /api/**}: stateless, bearer tokens only (no cookies read, hence no CSRF),
 * GET needs scope {@code read} and anything else scope {@code write}; errors as problem+json.
 * Everything else: form sign-in with CSRF, sessions in PostgreSQL, admin pages for ADMIN only.
 * Deny by default: whatever no rule permits needs an authenticated user.
 * A third chain serves the few public endpoints that authenticate each request themselves (web form key,
 * phone-system signature, calendar feed token): stateless, no session, no CSRF.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String[] PUBLIC_ASSETS = {"/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error"};
    private static final String[] API_DOCS = {"/api/docs", "/api/docs/**", "/api/swagger-ui/**"};
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    private final LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");

    /**
     * No Micrometer observations of the security filters, authentications and authorizations: they timed and counted
     * every filter of every request (an eighth of the CPU of an API GET), and no endpoint exposes them.
     * Requests are still observed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Public endpoints; their handlers check the form key, the webhook signature or the feed token. */
    static final String[] SELF_AUTHENTICATED = {"/forms/**", "/telephony/**", "/calendar/**"};

    @Bean
    @Order(0)
    SecurityFilterChain selfAuthenticatedChain(HttpSecurity http) throws Exception {
        http.securityMatcher(SELF_AUTHENTICATED)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, Problems problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(API_DOCS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(Scope.READ.authority())
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority(Scope.READ.authority())
                        .anyRequest().hasAuthority(Scope.WRITE.authority()))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { })
                .addFilterBefore(new ApiTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "Authentication required: send an API token as 'Authorization: Bearer ...'",
                                Map.of(HttpHeaders.WWW_AUTHENTICATE, ApiTokenFilter.CHALLENGE)))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "This token's scopes or its user's role do not allow this")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, UserRepository users) throws Exception {
        RequestMatcher everywhere = request -> true;
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);
        http.requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_ASSETS).permitAll()
                        .requestMatchers(API_DOCS).permitAll()
                        .requestMatchers("/login", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, ex) -> {
                            String email = request.getParameter("email");
                            String target = UriComponentsBuilder.fromPath("/login")
                                    .queryParam("error", ex instanceof LockedException ? "locked" : "bad")
                                    .queryParamIfPresent("email", java.util.Optional.ofNullable(email))
                                    .encode().build().toUriString();
                            response.sendRedirect(request.getContextPath() + target);
                        })
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .addFilterAfter(new SessionUserRefreshFilter(users), SecurityContextHolderFilter.class)
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(everywhere,
                        new ContentSecurityPolicyHeaderWriter(CSP))))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    if (request.getHeader("HX-Request") != null) {
                        response.setHeader("HX-Redirect", "/login");
                        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    } else {
                        loginPage.commence(request, response, ex);
                    }
                }));
        return http.build();
    }
}
