package org.rapport.webforms;

/**
 * The contact or lead field a web form field fills in. Company fills a lead's company and only goes into the logged
 * message of a contact; other fields only go into the message.
 */
public enum FieldTarget {
    FIRST_NAME("First name", "text"),
    LAST_NAME("Last name", "text"),
    EMAIL("Email", "email"),
    PHONE("Phone", "tel"),
    COMPANY("Company (of a lead; kept in the message of a contact)", "text"),
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
