package org.rapport.customers;

/** The orders a contact list can be sorted in, each with its own keyset cursor. */
public enum ContactSort { NAME, UPDATED, CREATED }
