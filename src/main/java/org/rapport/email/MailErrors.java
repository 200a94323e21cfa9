package org.rapport.email;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import org.springframework.mail.MailSendException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

/** Says in a sentence a person can act on why talking to a mail server failed. */
final class MailErrors {

    private MailErrors() {
    }

    static String describe(Throwable error, String host, int port) {
        for (Throwable t = error; t != null; t = next(t)) {
            String message = switch (t) {
                case SecretBox.Unreadable e -> e.getMessage();
                case AuthenticationFailedException e -> "Authentication failed: the server refused the username "
                        + "or password" + detail(e);
                case UnknownHostException e -> "Unknown host '" + host + "': check the server name";
                case ConnectException e -> "Cannot connect to " + host + ":" + port + " (" + e.getMessage() + ")";
                case NoRouteToHostException e -> "No route to " + host + ":" + port;
                case SocketTimeoutException e -> "The server " + host + ":" + port + " did not answer in time";
                case SSLException e -> "Secure connection to " + host + ":" + port + " failed: " + e.getMessage()
                        + " (check the port and the security setting)";
                case FolderNotFoundException e -> "The folder does not exist on the server" + detail(e);
                case SendFailedException e when e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0 ->
                        "The server refused the recipient " + e.getInvalidAddresses()[0] + detail(e);
                default -> null;
            };
            if (message != null) {
                return shorten(message);
            }
        }
        String fallback = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return shorten("Mail server " + host + ":" + port + " failed: " + fallback);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MailSendException send && send.getCause() == null && !send.getFailedMessages().isEmpty()) {
            return send.getFailedMessages().values().iterator().next();
        }
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String detail(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "" : " (" + m.strip() + ")";
    }

    private static String shorten(String message) {
        String flat = message.replaceAll("\\s+", " ").strip();
        return flat.length() <= 1000 ? flat : flat.substring(0, 999) + "…";
    }
}
