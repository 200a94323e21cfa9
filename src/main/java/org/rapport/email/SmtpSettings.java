package org.rapport.email;

import java.time.Instant;

/** The shared SMTP sender as shown and edited; the password itself never leaves the server, only whether one is set. */
record SmtpSettings(String host, int port, SmtpSecurity security, String username, boolean passwordSet,
                    String fromAddress, String fromName, boolean enabled, Instant updatedAt, int version) {

    /** Whether a server and a sender address are filled in. */
    public boolean configured() {
        return host != null && fromAddress != null;
    }

    /** Whether mail can go out: configured and switched on. */
    public boolean usable() {
        return enabled && configured();
    }
}
