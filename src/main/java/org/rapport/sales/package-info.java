/**
 * Sales: leads, deals in pipelines, forecast and sales-force tracking.
 */
package org.rapport.sales;
