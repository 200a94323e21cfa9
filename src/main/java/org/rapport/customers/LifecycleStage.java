package org.rapport.customers;

/** Where a customer stands in the journey from first contact to advocate. */
public enum LifecycleStage { SUBSCRIBER, LEAD, MARKETING_QUALIFIED, SALES_QUALIFIED, OPPORTUNITY, CUSTOMER, EVANGELIST, OTHER }
