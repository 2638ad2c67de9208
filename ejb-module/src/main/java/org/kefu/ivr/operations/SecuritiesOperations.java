package org.kefu.ivr.operations;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.banking.BankingException;
import org.kefu.banking.BankingService;
import org.kefu.banking.OperationContext;
import org.kefu.ivr.SecretVault;
import org.kefu.ivr.ServiceRegistry.ServiceOutcome;
import org.kefu.securities.Holdings;
import org.kefu.securities.OrderReceipt;
import org.kefu.securities.PositionView;
import org.kefu.securities.Quote;
import org.kefu.securities.SecAccount;
import org.kefu.securities.SecuritiesException;
import org.kefu.securities.SecuritiesService;
import org.kefu.securities.Side;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code securities.*} for the IVR (95501) over {@link SecuritiesService}. A caller keys the
 * securities account without its letter prefix (GZ01000001 is 01000001): the keypad has no
 * letters. The trading PIN is the PIN of the bank card linked to the securities account (银证转账
 * account), checked by BankingService with its lockout; there is no second PIN store.
 */
@Stateless
@LocalBean
@PermitAll // local only
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SecuritiesOperations {

    /** How many positions the flow reads out at most. */
    static final int MAX_POSITIONS = 3;

    @EJB
    private SecuritiesService securities;

    @EJB
    private BankingService banking;

    @EJB
    private org.kefu.banking.CallerVerifications verifications;

    @PersistenceContext(unitName = "ledger")
    private EntityManager ledger;

    public ServiceOutcome invoke(OperationContext ctx, String operation, Map<String, String> in, SecretVault secrets)
            throws SecuritiesException, BankingException {
        return switch (operation) {
            case "securities.verifyPin" -> verifyPin(ctx, in, secrets);
            case "securities.quote" -> quote(in);
            case "securities.positions" -> positions(ctx, in);
            case "securities.placeOrder" -> placeOrder(ctx, in);
            default -> ServiceOutcome.error(OperationErrors.NOT_AVAILABLE);
        };
    }

    private ServiceOutcome verifyPin(OperationContext ctx, Map<String, String> in, SecretVault secrets) throws BankingException {
        SecAccount account = account(in.get("account"));
        char[] pin = secrets == null ? null : secrets.reveal("pin");
        if (pin == null) {
            return ServiceOutcome.error("INVALID_REQUEST");
        }
        try {
            if (account == null || account.getBankAccount() == null) {
                return ServiceOutcome.error("UNKNOWN_ACCOUNT");
            }
            banking.verifyPin(ctx, account.getBankAccount(), pin);
            // The linked card's PIN proves the securities account too, for this call only.
            verifications.verified(ctx.callId(), account.getAccountId());
            return ServiceOutcome.ok(Map.of("accountId", account.getAccountId(), "branch", account.getBranchCode()));
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private ServiceOutcome quote(Map<String, String> in) throws SecuritiesException {
        Quote q = securities.quote(in.get("code"));
        return ServiceOutcome.ok(Map.of("price", plain(q.last()), "prevClose", plain(q.prevClose())));
    }

    private ServiceOutcome positions(OperationContext ctx, Map<String, String> in) throws SecuritiesException {
        SecAccount account = account(in.get("account"));
        if (account == null) {
            return ServiceOutcome.error("UNKNOWN_ACCOUNT");
        }
        Holdings h = securities.holdings(ctx, account.getAccountId());
        Map<String, String> out = new HashMap<>();
        out.put("funds", plain(h.availableCash()));
        out.put("cash", plain(h.cash()));
        List<PositionView> positions = h.positions();
        out.put("position.count", String.valueOf(positions.size()));
        for (int i = 0; i < Math.min(MAX_POSITIONS, positions.size()); i++) {
            out.put("position." + (i + 1) + ".code", positions.get(i).code());
            out.put("position." + (i + 1) + ".quantity", String.valueOf(positions.get(i).available()));
        }
        return ServiceOutcome.ok(out);
    }

    private ServiceOutcome placeOrder(OperationContext ctx, Map<String, String> in) throws SecuritiesException {
        SecAccount account = account(in.get("account"));
        if (account == null) {
            return ServiceOutcome.error("UNKNOWN_ACCOUNT");
        }
        Side side;
        try {
            side = Side.valueOf(in.getOrDefault("side", ""));
        } catch (IllegalArgumentException e) {
            return ServiceOutcome.error("INVALID_REQUEST");
        }
        BigDecimal price;
        long quantity;
        try {
            price = new BigDecimal(in.getOrDefault("price", ""));
        } catch (NumberFormatException e) {
            return ServiceOutcome.error("INVALID_PRICE");
        }
        try {
            quantity = Long.parseLong(in.getOrDefault("quantity", ""));
        } catch (NumberFormatException e) {
            return ServiceOutcome.error("INVALID_QUANTITY");
        }
        OrderReceipt r = securities.placeOrder(ctx, account.getAccountId(), side, in.get("code"), price, quantity);
        return ServiceOutcome.ok(Map.of("orderRef", r.orderRef(), "frozenCash", plain(r.frozenCash())));
    }

    /** The customer's securities account for what the caller keyed: the full id, or its digits. */
    SecAccount account(String keyed) {
        if (keyed == null || keyed.isBlank() || keyed.length() > 16) {
            return null;
        }
        List<SecAccount> found = ledger.createQuery("SELECT a FROM SecAccount a WHERE a.accountId LIKE :tail", SecAccount.class)
                .setParameter("tail", "%" + keyed)
                .getResultList().stream()
                .filter(SecAccount::isCustomer)
                .filter(a -> a.getAccountId().equals(keyed) || a.getAccountId().replaceFirst("^[A-Za-z]+", "").equals(keyed))
                .toList();
        return found.size() == 1 ? found.get(0) : null;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "0" : d.toPlainString();
    }
}
