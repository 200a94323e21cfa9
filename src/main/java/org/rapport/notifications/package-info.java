/**
 * In-app notifications for one user (the bell in the navigation bar): other modules raise them through
 * {@link org.rapport.notifications.NotificationService}.
 */
package org.rapport.notifications;
