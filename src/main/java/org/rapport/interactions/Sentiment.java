package org.rapport.interactions;

/** How the customer seemed. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE
}
