package org.rapport.interactions;

/** How an interaction reached Rapport; with an external id it makes machine deliveries idempotent. */
public enum InteractionSource {
    MANUAL, API, SMTP, IMAP, TELEPHONY, WEB_FORM, IMPORT, DEMO
}
