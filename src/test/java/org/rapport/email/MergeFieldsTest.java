package org.rapport.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MergeFieldsTest {

    @Test
    void fillsKnownFieldsLiterallyOnceAndLeavesUnknownOnesVisible() {
        Map<String, String> values = new HashMap<>();
        values.put("contact.firstName", "{{user.name}} $1 \\");
        values.put("user.name", "Ann");
        values.put("account.name", null);
        MergeFields.Result r = MergeFields.fill("Hi {{ contact.firstName }}, {{contact.middleName}} {{account.name}}!"
                + " {{user.name}}", values);
        assertThat(r.text()).isEqualTo("Hi {{user.name}} $1 \\, {{contact.middleName}} ! Ann");
        assertThat(r.unknown()).containsExactly("contact.middleName");
        assertThat(r.empty()).containsExactly("account.name");
    }

    @Test
    void aSubjectStaysOneLine() {
        assertThat(MergeFields.fillLine("Re: {{contact.lastName}}", Map.of("contact.lastName", "Evil\r\nBcc: x@y.z"))
                .text()).isEqualTo("Re: Evil Bcc: x@y.z");
    }
}
