package org.kefu.outbound;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Sends e-mail through WildFly's mail session {@code java:jboss/mail/kefu} (the SMTP server is the
 * outbound socket binding kefu-smtp, {@code kefu.smtp.host}:{@code kefu.smtp.port}; its waits are
 * bounded and its login, if any, kept there: wildfly-config/cli/server.cli).
 */
@Stateless
@PermitAll // local only: the dunning and ticket-answer deliveries
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSender {

    @Resource(lookup = "java:jboss/mail/kefu")
    private Session mail;

    /** Sends one plain-text UTF-8 message; returns its Message-ID. */
    public String send(String to, String subject, String body) throws ChannelDown {
        try {
            MimeMessage message = new MimeMessage(mail);
            message.setFrom(); // the session's mail.from
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.saveChanges();
            Transport.send(message);
            return message.getMessageID();
        } catch (AddressException e) {
            throw new ChannelDown("not an e-mail address: " + e.getMessage(), false, e);
        } catch (SendFailedException e) {
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new ChannelDown("the mail server did not take the message: " + e.getMessage(), !refused, e);
        } catch (MessagingException e) {
            throw new ChannelDown("the mail server is unreachable: " + e.getMessage(), true, e);
        }
    }
}
