package org.rapport.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description served at {@code /api/docs}: bearer tokens, problem+json errors, cursor pages. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    @Bean
    OpenAPI rapportOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Rapport API").version("v1")
                        .license(new License().name("Open source"))
                        .description("""
                                JSON API of the Rapport CRM. Authenticate with a bearer token: get one from \
                                POST /api/v1/auth/token with your email and password, or create a named token \
                                under your user menu > API tokens. Scopes: read (GET), write (everything else), \
                                admin. Every endpoint applies the same record visibility as the web pages: a record \
                                you may not see answers 404. Errors are application/problem+json (RFC 9457) with \
                                an `errors` list of {field, message}. Lists are cursor-paginated: pass `nextCursor` \
                                back as `cursor`. Updates need If-Match with the ETag from GET."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("rpt_...")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
