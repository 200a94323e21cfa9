package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class SmokeTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void servesTheLoginPage() {
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("Sign in to Rapport");
    }
}
