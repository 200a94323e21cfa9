package org.rapport.webforms;

/** The contact field a web form field fills in; company and other fields only go into the logged message. */
public enum FieldTarget {
    FIRST_NAME("First name", "text"),
    LAST_NAME("Last name", "text"),
    EMAIL("Email", "email"),
    PHONE("Phone", "tel"),
    COMPANY("Company (kept in the message)", "text"),
    TITLE("Job title", "text"),
    MESSAGE("Message", "textarea"),
    MARKETING_OPT_IN("Marketing opt-in (checkbox)", "checkbox"),
    OTHER("Other (kept in the message)", "text");

    private final String label;
    private final String inputType;

    FieldTarget(String label, String inputType) {
        this.label = label;
        this.inputType = inputType;
    }

    public String label() {
        return label;
    }

    /** The HTML input type of the snippet ({@code textarea} for a text area). */
    public String inputType() {
        return inputType;
    }
}
