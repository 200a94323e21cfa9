package org.rapport.sales;

import java.util.Locale;
import java.util.UUID;

/** One admin-defined scoring rule: points for a field's value (FIELD) or for a behaviour on the lead's timeline. */
record ScoringRule(UUID id, Kind kind, Field field, String value, Behaviour behaviour, int points) {

    /** What the rule looks at. */
    enum Kind { FIELD, BEHAVIOUR }

    /** The lead fields a rule can test. */
    enum Field { SOURCE, COUNTRY, TITLE_CONTAINS, COMPANY_PRESENT, EMAIL_DOMAIN }

    /** Behaviours read from the interactions on the lead's timeline. */
    enum Behaviour { EMAIL_REPLIED, FORM_SUBMITTED, CALL_CONNECTED }

    /** The rule in words, as shown beside a score. */
    String describe() {
        if (kind == Kind.BEHAVIOUR) {
            return switch (behaviour) {
                case EMAIL_REPLIED -> "Replied to an email";
                case FORM_SUBMITTED -> "Submitted a web form";
                case CALL_CONNECTED -> "Had a connected call";
            };
        }
        return switch (field) {
            case SOURCE -> "Source is " + value;
            case COUNTRY -> "Country is " + value;
            case TITLE_CONTAINS -> "Title contains \"" + value + "\"";
            case COMPANY_PRESENT -> "Company given";
            case EMAIL_DOMAIN -> "Email domain is " + value;
        };
    }

    boolean matches(LeadView lead) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (field) {
            case SOURCE -> lead.source().name().equalsIgnoreCase(v);
            case COUNTRY -> v.equalsIgnoreCase(lead.country());
            case TITLE_CONTAINS -> lead.title() != null && !v.isEmpty()
                    && lead.title().toLowerCase(Locale.ROOT).contains(v);
            case COMPANY_PRESENT -> lead.company() != null;
            case EMAIL_DOMAIN -> lead.email() != null && lead.email().endsWith("@" + v);
        };
    }
}
