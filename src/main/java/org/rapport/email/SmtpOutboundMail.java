package org.rapport.email;

import java.util.List;

import org.rapport.notifications.OutboundMail;
import org.springframework.stereotype.Component;

/** System mails (reminders, notices) go out through the shared SMTP sender when it is set up and enabled. */
@Component
class SmtpOutboundMail implements OutboundMail {

    private final SmtpSettingsService settings;
    private final SmtpSender sender;

    SmtpOutboundMail(SmtpSettingsService settings, SmtpSender sender) {
        this.settings = settings;
        this.sender = sender;
    }

    @Override
    public boolean available() {
        return settings.current().usable();
    }

    @Override
    public void send(String toAddress, String subject, String textBody) {
        try {
            sender.send(new SmtpSender.Outgoing(SmtpSender.newMessageId(settings.current()), List.of(toAddress), subject,
                    textBody, null));
        } catch (MailDeliveryException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
