package org.rapport.email;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends plain-text mail through the shared SMTP sender, building a {@link JavaMailSenderImpl} from the stored
 * settings for each mail (so a change of settings applies at once), with a Message-ID of Rapport's own.
 */
@Component
class SmtpSender {

    static final String NOT_SET_UP = "No email sender is set up: an administrator configures and enables it under "
            + "Admin > Email";

    /** A mail to send with the Message-ID it gets (from {@link #newMessageId}); {@code replyTo} may be null. */
    record Outgoing(String messageId, List<String> to, String subject, String text, String replyTo) {
    }

    private final SmtpSettingsService settings;

    SmtpSender(SmtpSettingsService settings) {
        this.settings = settings;
    }

    /** A new Message-ID, with its angle brackets, in the sender's domain. */
    static String newMessageId(SmtpSettings from) {
        String address = from.fromAddress() == null ? "rapport@rapport.invalid" : from.fromAddress();
        return "<" + UUID.randomUUID() + "@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    /**
     * Sends now.
     *
     * @throws MailDeliveryException when no sender is set up or the server refused
     */
    void send(Outgoing mail) {
        SmtpSettingsService.Connection connection;
        try {
            connection = settings.connection();
        } catch (SecretBox.Unreadable e) {
            throw new MailDeliveryException(e.getMessage(), e);
        }
        SmtpSettings s = connection.settings();
        if (!s.usable()) {
            throw new MailDeliveryException(NOT_SET_UP, null);
        }
        JavaMailSenderImpl sender = senderFor(connection);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(s.fromAddress(), s.fromName() == null ? "" : s.fromName());
            helper.setTo(mail.to().toArray(String[]::new));
            if (mail.replyTo() != null) {
                helper.setReplyTo(mail.replyTo());
            }
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            message.setHeader("Message-ID", mail.messageId());
            sender.send(message);
        } catch (MessagingException | UnsupportedEncodingException | MailException e) {
            throw new MailDeliveryException(MailErrors.describe(e, s.host(), s.port()), e);
        }
    }

    private static JavaMailSenderImpl senderFor(SmtpSettingsService.Connection connection) {
        SmtpSettings s = connection.settings();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(s.host());
        sender.setPort(s.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties p = sender.getJavaMailProperties();
        if (s.username() != null) {
            sender.setUsername(s.username());
            sender.setPassword(connection.password());
            p.put("mail.smtp.auth", "true");
        }
        p.put("mail.smtp.connectiontimeout", "15000");
        p.put("mail.smtp.timeout", "30000");
        p.put("mail.smtp.writetimeout", "30000");
        switch (s.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return sender;
    }
}
