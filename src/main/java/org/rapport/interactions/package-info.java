/**
 * Interactions: one shared timeline per record of every touch with a customer on every channel (calls, email,
 * meetings, notes, chat, SMS, social, letters, web forms), logged by hand, through the API or by a machine.
 */
package org.rapport.interactions;
