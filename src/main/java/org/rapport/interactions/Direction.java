package org.rapport.interactions;

/** Whether the customer reached us (inbound) or we reached the customer (outbound). */
public enum Direction {
    INBOUND, OUTBOUND
}
