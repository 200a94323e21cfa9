package org.rapport.interactions;

/** How an interaction's body is written: markdown typed by a person, plain text, or HTML from an email. */
public enum BodyFormat {
    MARKDOWN, TEXT, HTML
}
