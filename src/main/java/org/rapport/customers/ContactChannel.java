package org.rapport.customers;

/** How a contact prefers to be reached. */
public enum ContactChannel { EMAIL, PHONE, SMS, MAIL, IN_PERSON }
