/**
 * Email: the organization's shared SMTP sender (settings, test mail, system mails), email templates with merge fields,
 * composing from a contact, and IMAP mailboxes (shared inboxes and personal ones) synced onto the timeline.
 */
package org.rapport.email;
