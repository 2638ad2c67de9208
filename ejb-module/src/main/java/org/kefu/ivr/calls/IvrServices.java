package org.kefu.ivr.calls;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.jboss.logging.Logger;
import org.kefu.acd.Offers;
import org.kefu.banking.AccountBalance;
import org.kefu.banking.BankingException;
import org.kefu.banking.BankingService;
import org.kefu.banking.OperationContext;
import org.kefu.banking.PayeeSummary;
import org.kefu.banking.Receipt;
import org.kefu.banking.StatementLine;
import org.kefu.ivr.SecretVault;
import org.kefu.ivr.ServiceRegistry;
import org.kefu.ivr.operations.DunningOperations;
import org.kefu.ivr.operations.VisitOperations;
import org.kefu.ivr.operations.OperationErrors;
import org.kefu.ivr.operations.SecuritiesOperations;
import org.kefu.ivr.operations.SurveyOperations;
import org.kefu.ivr.operations.TicketOperations;
import org.kefu.ivr.operations.UtilitiesOperations;
import org.kefu.securities.SecuritiesException;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flows' self-service operations over Kefu's services. {@code banking.*} is BankingService
 * (channel IVR, the call and the action's idempotency key; a refusal's {@code BankingError} name
 * is the error code); the other domains have a class each in {@code org.kefu.ivr.operations}
 * ({@code securities.*}, {@code utilities.*}, {@code dunning.*}, {@code survey.*}, {@code tickets.*} and {@code voicemail.store});
 * {@code acd.hours} answers from the office hours and holidays of the routing rules,
 * {@code acd.lastAgent} the agent the caller spoke to last (R-2.5; error NONE). An unknown
 * operation fails with
 * {@value #NOT_AVAILABLE}, which the flows' {@code onError.*} handles (usually: to an agent).
 */
@Stateless
@LocalBean
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IvrServices implements ServiceRegistry {

    public static final String NOT_AVAILABLE = OperationErrors.NOT_AVAILABLE;
    private static final Logger LOG = Logger.getLogger(IvrServices.class);
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @EJB
    private BankingService banking;

    @EJB
    private Offers offers;

    @EJB
    private SecuritiesOperations securities;

    @EJB
    private UtilitiesOperations utilities;

    @EJB
    private TicketOperations tickets;

    @EJB
    private OfficeCalendar routing;

    @EJB
    private DunningOperations dunning;

    @EJB
    private VisitOperations visits;

    @EJB
    private SurveyOperations survey;

    /** Operations by name; the call is taken from the idempotency key ({@code callId:node:visit}). */
    @Override
    public Optional<Operation> find(String name) {
        return Optional.of((inputs, secrets, key) -> invoke(callOf(key), name, inputs, secrets, key));
    }

    /** Runs one operation for a call. Secrets are handed over as char[] and wiped after use. */
    public ServiceOutcome invoke(String callId, String operation, Map<String, String> in, SecretVault secrets, String key) {
        OperationContext ctx = OperationContext.ivr(callId == null || callId.length() > 64 ? null : callId, key);
        try {
            return switch (operation) {
                case "banking.verifyPin" -> verifyPin(ctx, in, secrets);
                case "banking.balance" -> balance(ctx, in);
                case "banking.miniStatement" -> miniStatement(ctx, in);
                case "banking.payees" -> payees(ctx, in);
                case "banking.transfer" -> receipt(banking.transfer(ctx, in.get("account"), in.get("payee"), amount(in.get("amount"))));
                case "banking.payBill" -> receipt(banking.payBill(ctx, in.get("account"), in.get("bill")));
                case "banking.reportCardLoss" -> receipt(banking.reportCardLoss(ctx, in.get("account")));
                case "acd.hours" -> hours(in);
                case "acd.lastAgent" -> offers.lastAgentOf(in.get("caller")).map(a -> ServiceOutcome.ok(Map.of("lastAgent", a)))
                        .orElse(ServiceOutcome.error("NONE"));
                default -> byDomain(ctx, operation, in, secrets);
            };
        } catch (SecuritiesException e) {
            LOG.debugf("Call %s: %s refused: %s", callId, operation, e.getError());
            return ServiceOutcome.error(e.getError().name());
        } catch (BankingException e) {
            LOG.debugf("Call %s: %s refused: %s", callId, operation, e.getError());
            return ServiceOutcome.error(e.getError().name());
        } catch (NumberFormatException e) {
            return ServiceOutcome.error("INVALID_AMOUNT");
        } catch (RuntimeException e) {
            // A broken operation must not leave the caller in silence: the flow's onError takes over.
            // The inputs are not logged (they may hold account numbers); secrets never reach here.
            LOG.warnf("Call %s: %s failed: %s", callId, operation, e.toString());
            return ServiceOutcome.error(OperationErrors.FAILED);
        }
    }

    private ServiceOutcome byDomain(OperationContext ctx, String operation, Map<String, String> in, SecretVault secrets)
            throws BankingException, SecuritiesException {
        if (operation.startsWith("securities.")) {
            return securities.invoke(ctx, operation, in, secrets);
        }
        if (operation.startsWith("utilities.")) {
            return utilities.invoke(ctx, operation, in, secrets);
        }
        if (operation.startsWith("survey.")) {
            return survey.invoke(ctx.callId(), operation, in);
        }
        if (operation.startsWith("visit.")) {
            return visits.invoke(ctx.callId(), operation, in);
        }
        if (operation.startsWith("dunning.")) {
            return dunning.invoke(ctx.callId(), operation, in);
        }
        if (operation.startsWith("tickets.") || operation.startsWith("voicemail.")) {
            return tickets.invoke(ctx.callId(), operation, in);
        }
        return ServiceOutcome.error(NOT_AVAILABLE);
    }

    /**
     * {@code acd.hours}: open when the queue (input {@code queue}) and the service number (input
     * {@code number}) that are given are both within their office hours and not on a holiday;
     * from the routing rules' cached calendar, no database access.
     */
    private ServiceOutcome hours(Map<String, String> in) {
        boolean open = (in.get("queue") == null || routing.isOpen("QUEUE", in.get("queue")))
                && (in.get("number") == null || routing.isOpen("NUMBER", in.get("number")));
        return ServiceOutcome.ok(Map.of("open", String.valueOf(open)));
    }

    private ServiceOutcome verifyPin(OperationContext ctx, Map<String, String> in, SecretVault secrets) throws BankingException {
        char[] pin = secrets == null ? null : secrets.reveal("pin");
        if (pin == null) {
            return ServiceOutcome.error("INVALID_REQUEST");
        }
        try {
            banking.verifyPin(ctx, in.get("account"), pin);
            return ServiceOutcome.ok(Map.of());
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private ServiceOutcome balance(OperationContext ctx, Map<String, String> in) throws BankingException {
        AccountBalance b = banking.balance(ctx, in.get("account"));
        return ServiceOutcome.ok(Map.of("balance", plain(b.balance()), "available", plain(b.available())));
    }

    private ServiceOutcome miniStatement(OperationContext ctx, Map<String, String> in) throws BankingException {
        int lines = Integer.parseInt(in.getOrDefault("lines", "5"));
        List<StatementLine> list = banking.miniStatement(ctx, in.get("account"), Math.max(1, Math.min(lines, 20)));
        Map<String, String> out = new HashMap<>();
        int i = 1;
        for (StatementLine l : list) {
            out.put("line." + i + ".date", l.postedAt().atZone(BUSINESS_ZONE).toLocalDate().toString());
            out.put("line." + i + ".amount", plain(l.amount()));
            i++;
        }
        return ServiceOutcome.ok(out);
    }

    private ServiceOutcome payees(OperationContext ctx, Map<String, String> in) throws BankingException {
        List<PayeeSummary> list = banking.payees(ctx, in.get("account"));
        Map<String, String> out = new HashMap<>();
        out.put("payee.count", String.valueOf(list.size()));
        int i = 1;
        for (PayeeSummary p : list) {
            out.put("payee." + i + ".account", p.accountNumber());
            out.put("payee." + i + ".name", p.name());
            i++;
        }
        return ServiceOutcome.ok(out);
    }

    private static ServiceOutcome receipt(Receipt r) {
        return ServiceOutcome.ok(Map.of("reference", r.reference()));
    }

    private static BigDecimal amount(String s) {
        return new BigDecimal(s == null ? "" : s);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "0" : d.toPlainString();
    }

    private static String callOf(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        return colon > 0 ? key.substring(0, colon) : null;
    }
}
