package org.rapport.customers;

/** The kind of an email address of a contact. */
public enum EmailType { WORK, PERSONAL, OTHER }
