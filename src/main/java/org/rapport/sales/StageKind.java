package org.rapport.sales;

/** What entering a stage means: the deal stays open, is won or is lost. */
public enum StageKind { OPEN, WON, LOST }
