package org.rapport.email;

/** How Rapport secures its connection to the SMTP server. */
enum SmtpSecurity {
    NONE("None (plain)"), STARTTLS("STARTTLS (usually port 587)"), SSL("SSL/TLS (usually port 465)");

    private final String label;

    SmtpSecurity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
