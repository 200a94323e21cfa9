package org.rapport.customers;

/** The kinds of value a custom field holds. */
public enum CustomFieldType { TEXT, LONG_TEXT, NUMBER, MONEY, DATE, BOOLEAN, SELECT, MULTI_SELECT, URL, EMAIL }
