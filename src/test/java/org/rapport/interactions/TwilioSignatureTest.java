package org.rapport.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.shared.NotFoundException;
import org.springframework.mock.web.MockHttpServletRequest;

/** Twilio's signature algorithm against the example of Twilio's documentation, and the callback without a token. */
class TwilioSignatureTest {

    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    @Test
    void matchesTwilioDocumentedExample() {
        assertThat(TwilioSignature.sign("12345", URL, documented())).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(TwilioSignature.valid("12345", URL, documented(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
    }

    @Test
    void acceptsTheUrlWithOrWithoutItsDefaultPortOnly() {
        String signature = TwilioSignature.sign("12345", URL, documented());
        assertThat(TwilioSignature.valid("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", documented(),
                signature)).isTrue();
        assertThat(TwilioSignature.valid("12345", "https://mycompany.com:8443/myapp.php?foo=1&bar=2", documented(),
                signature)).isFalse();
        assertThat(TwilioSignature.valid("54321", URL, documented(), signature)).isFalse();
        assertThat(TwilioSignature.valid("12345", URL, documented(), null)).isFalse();
    }

    @Test
    void withoutAnAuthTokenTheCallbackDoesNotExist() {
        TwilioStatusCallback callback = new TwilioStatusCallback(null, "", "", "US", Clock.systemUTC());
        assertThatThrownBy(() -> callback.status(new MockHttpServletRequest("POST", "/telephony/twilio/status"), "x"))
                .isInstanceOf(NotFoundException.class);
    }

    private static Map<String, List<String>> documented() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("CallSid", List.of("CA1234567890ABCDE"));
        params.put("Caller", List.of("+12349013030"));
        params.put("Digits", List.of("1234"));
        params.put("From", List.of("+12349013030"));
        params.put("To", List.of("+18005551212"));
        return params;
    }
}
