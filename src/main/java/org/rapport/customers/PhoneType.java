package org.rapport.customers;

/** The kind of a phone number of a contact. */
public enum PhoneType { WORK, MOBILE, HOME, FAX, OTHER }
