package org.kefu.backoffice;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.jboss.logging.Logger;
import org.kefu.acd.CallbackRequests;
import org.kefu.banking.AccountFreezes;
import org.kefu.banking.BankingException;
import org.kefu.banking.Ledger;
import org.kefu.banking.OperationContext;
import org.kefu.banking.Receipt;
import org.kefu.crm.CustomerUpdates;
import org.kefu.platform.ServerAddresses;
import org.kefu.tickets.NewTicket;
import org.kefu.tickets.Opened;
import org.kefu.tickets.Tickets;
import org.kefu.securities.SecuritiesBook;

import java.time.Instant;

/**
 * Commands from the bank's back office (queue kefu.backoffice.in), each handled in one XA
 * transaction with whatever it changes and whatever it answers. A message that cannot be
 * understood is moved to the dead-letter queue at once with the reason in property
 * "kefu_error" (retrying it would fail the same way); a failure of ours rolls back and the
 * broker redelivers, then dead-letters after max-delivery-attempts.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/kefu/backoffice/in"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@PermitAll // the broker delivers without a caller; who may send is the broker's ACL
public class BackOfficeInbound implements MessageListener {

    private static final Logger LOG = Logger.getLogger(BackOfficeInbound.class);

    @EJB
    private BackOfficeOutbound outbound;

    @EJB
    private AccountFreezes freezes;

    @EJB
    private Ledger ledger;

    @EJB
    private CustomerUpdates customers;

    @EJB
    private CallbackRequests callbacks;

    @EJB
    private SecuritiesBook securities;

    @EJB
    private Tickets tickets;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/in/DLQ")
    private Queue deadLetters;

    @Override
    public void onMessage(Message message) {
        String messageId = messageId(message);
        try {
            if (!(message instanceof TextMessage text)) {
                throw new MalformedCommand("expected a text message with a JSON body");
            }
            BackOfficeCommand command = BackOfficeCommand.parse(text.getText());
            handle(command, correlationOf(message, command));
        } catch (MalformedCommand e) {
            LOG.warnf("Back-office message %s rejected: %s", messageId, e.getMessage());
            deadLetter(message, e.getMessage());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read back-office message " + messageId, e);
        }
    }

    private void handle(BackOfficeCommand command, String correlationId) throws MalformedCommand {
        switch (command.type()) {
            case "ping" -> outbound.send(Json.createObjectBuilder()
                    .add("type", "pong")
                    .add("inReplyTo", command.id() == null ? "" : command.id())
                    .add("node", System.getProperty("jboss.node.name", "kefu"))
                    .add("console", ServerAddresses.consoleUrl())
                    .add("at", Instant.now().toString())
                    .build(), correlationId);
            case "freeze-account" -> freeze(command, correlationId, true);
            case "unfreeze-account" -> freeze(command, correlationId, false);
            case "update-customer" -> updateCustomer(command, correlationId);
            case "request-callback" -> requestCallback(command, correlationId);
            case "quote.update" -> updateQuote(command, correlationId);
            case "open-ticket" -> openTicket(command, correlationId);
            default -> throw new MalformedCommand("unknown command type \"" + command.type() + "\"");
        }
    }

    /**
     * The command's id is the idempotency key: a command the back office sends twice freezes
     * once. Refusals are checked here, before the freeze, because a refusal thrown by the
     * banking service would roll back this transaction and with it the dead-lettering.
     */
    private void freeze(BackOfficeCommand command, String correlationId, boolean frozen) throws MalformedCommand {
        String id = requireId(command);
        String account = command.requiredText("account", 32);
        String reason = command.text("reason", 200);
        if (ledger.find(account).filter(a -> "CUSTOMER".equals(a.getKind())).isEmpty()) {
            throw new MalformedCommand("UNKNOWN_ACCOUNT: no customer account " + account);
        }
        try {
            Receipt receipt = freezes.setFrozen(OperationContext.backOffice("bo:" + id), account, frozen, reason);
            outbound.send(ack(command).add("reference", receipt.reference()).add("replayed", receipt.replayed()).build(),
                    correlationId);
        } catch (BankingException e) {
            // Only DUPLICATE_REQUEST is left (the id reused for the other command): roll back and
            // let the broker dead-letter it after its attempts, with the reason in the log.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void updateCustomer(BackOfficeCommand command, String correlationId) throws MalformedCommand {
        String idNumber = command.requiredText("idNumber", 32);
        String name = command.text("name", 100);
        String address = command.text("address", 200);
        Integer vip = command.integer("vipLevel", 0, 9);
        String lang = command.text("lang", 16);
        if (lang != null && !lang.matches("[a-z]{2}(-[A-Z]{2})?")) {
            throw new MalformedCommand("field \"lang\" must be a language tag like zh-CN or en");
        }
        if (name != null && name.isEmpty()) {
            throw new MalformedCommand("field \"name\" must not be empty");
        }
        if (!customers.update(idNumber, name, address, vip, lang)) {
            throw new MalformedCommand("UNKNOWN_CUSTOMER: no customer with this ID number");
        }
        outbound.send(ack(command).build(), correlationId);
    }

    private void requestCallback(BackOfficeCommand command, String correlationId) throws MalformedCommand {
        String id = requireId(command);
        String phone = command.requiredText("phone", 32);
        if (!phone.matches("\\+?[0-9]{3,20}")) {
            throw new MalformedCommand("field \"phone\" must be 3 to 20 digits");
        }
        String reason = command.text("reason", 200);
        String idNumber = command.text("idNumber", 32);
        String notBefore = command.text("notBefore", 40);
        if (notBefore != null) {
            try {
                Instant.parse(notBefore);
            } catch (java.time.format.DateTimeParseException e) {
                throw new MalformedCommand("field \"notBefore\" must be an ISO-8601 instant");
            }
        }
        JsonObjectBuilder job = Json.createObjectBuilder()
                .add("type", "callback")
                .add("requestId", "bo:" + id)
                .add("phone", phone)
                .add("requestedAt", Instant.now().toString());
        if (reason != null) {
            job.add("reason", reason);
        }
        if (idNumber != null) {
            job.add("idNumber", idNumber);
        }
        if (notBefore != null) {
            job.add("notBefore", notBefore);
        }
        callbacks.enqueue(job.build(), "bo:" + id);
        outbound.send(ack(command).build(), correlationId);
    }

    /**
     * Opens a ticket for a customer the back office deals with (a complaint taken at a branch, a
     * fault found by the billing system): {@code category} and {@code subject} required,
     * {@code ticketType}, {@code description}, {@code phone}, {@code idNumber} (the customer) optional.
     * Checked here, before the ticket service, whose refusals would roll back the dead-lettering.
     * A repeat (the same customer or number, type and category, much the same text, within days)
     * is noted on the open ticket, so a command sent twice opens one ticket; the ack says which.
     */
    private void openTicket(BackOfficeCommand command, String correlationId) throws MalformedCommand {
        String id = requireId(command);
        String category = command.requiredText("category", 32);
        String subject = command.requiredText("subject", 200);
        String type = command.text("ticketType", 16);
        String description = command.text("description", 2000);
        String phone = command.text("phone", 32);
        String idNumber = command.text("idNumber", 32);
        if (tickets.categories().stream().noneMatch(c -> c.getCode().equals(category))) {
            throw new MalformedCommand("UNKNOWN_CATEGORY: no ticket category " + category);
        }
        if (type != null && tickets.types().stream().noneMatch(t -> t.getCode().equals(type))) {
            throw new MalformedCommand("UNKNOWN_TYPE: no ticket type " + type);
        }
        if (phone != null && !phone.matches("\\+?[0-9]{3,20}")) {
            throw new MalformedCommand("field \"phone\" must be 3 to 20 digits");
        }
        Long customer = null;
        if (idNumber != null) {
            customer = customers.byIdNumber(idNumber).map(c -> c.getId())
                    .orElseThrow(() -> new MalformedCommand("UNKNOWN_CUSTOMER: no customer with this ID number"));
        }
        if (customer == null && phone == null) {
            throw new MalformedCommand("an \"idNumber\" or a \"phone\" says whose ticket it is");
        }
        Opened opened = tickets.open(new NewTicket(customer, phone, type, category, subject, description, "BACKOFFICE",
                null, "backoffice"));
        outbound.send(ack(command).add("ticket", opened.ticket().getId()).add("repeat", opened.repeat()).build(), correlationId);
    }

    /**
     * Refreshes a stock's quote: {@code code} (six digits), {@code last} (required),
     * {@code prevClose} (the day's reference for the price band) and {@code name} (both required
     * for a code Kefu does not know yet). Prices are decimal strings (or JSON numbers) in fen.
     */
    private void updateQuote(BackOfficeCommand command, String correlationId) throws MalformedCommand {
        String code = command.requiredText("code", 6);
        if (!code.matches("[0-9]{6}")) {
            throw new MalformedCommand("field \"code\" must be six digits");
        }
        java.math.BigDecimal last = price(command, "last");
        if (last == null) {
            throw new MalformedCommand("missing field \"last\"");
        }
        java.math.BigDecimal prevClose = price(command, "prevClose");
        String name = command.text("name", 50);
        if (name != null && name.isEmpty()) {
            throw new MalformedCommand("field \"name\" must not be empty");
        }
        if (!securities.upsertQuote(code, name, prevClose, last)) {
            throw new MalformedCommand("UNKNOWN_STOCK: " + code + " is new; give \"name\" and \"prevClose\" to list it");
        }
        outbound.send(ack(command).add("code", code).build(), correlationId);
    }

    private static java.math.BigDecimal price(BackOfficeCommand command, String field) throws MalformedCommand {
        jakarta.json.JsonValue value = command.body().get(field);
        if (value == null || value.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return null;
        }
        java.math.BigDecimal price;
        try {
            price = value instanceof jakarta.json.JsonNumber n ? n.bigDecimalValue()
                    : value.getValueType() == jakarta.json.JsonValue.ValueType.STRING ? new java.math.BigDecimal(command.body().getString(field))
                    : null;
        } catch (NumberFormatException e) {
            price = null;
        }
        if (price == null || price.signum() <= 0 || price.stripTrailingZeros().scale() > 2 || price.compareTo(new java.math.BigDecimal("100000")) >= 0) {
            throw new MalformedCommand("field \"" + field + "\" must be a positive price with at most two decimals");
        }
        return price.setScale(2);
    }

    private static String requireId(BackOfficeCommand command) throws MalformedCommand {
        if (command.id() == null || command.id().isBlank() || command.id().length() > 60) {
            throw new MalformedCommand("command \"" + command.type() + "\" needs an \"id\" of 1 to 60 characters");
        }
        return command.id();
    }

    private static JsonObjectBuilder ack(BackOfficeCommand command) {
        return Json.createObjectBuilder()
                .add("type", "ack")
                .add("command", command.type())
                .add("inReplyTo", command.id() == null ? "" : command.id())
                .add("at", Instant.now().toString());
    }

    private static String correlationOf(Message message, BackOfficeCommand command) throws JMSException {
        if (message.getJMSCorrelationID() != null) {
            return message.getJMSCorrelationID();
        }
        return command.id() != null ? command.id() : message.getJMSMessageID();
    }

    private void deadLetter(Message original, String reason) {
        org.kefu.platform.DeadLetters.send(jms, deadLetters, original, reason);
    }

    private static String messageId(Message message) {
        return org.kefu.platform.DeadLetters.idOf(message);
    }
}
