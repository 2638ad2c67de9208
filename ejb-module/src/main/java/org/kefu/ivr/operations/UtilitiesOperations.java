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
import org.kefu.banking.BillSummary;
import org.kefu.banking.OperationContext;
import org.kefu.ivr.ServiceRegistry.ServiceOutcome;

import java.util.List;
import java.util.Map;

/**
 * {@code utilities.*} for the IVR (96000). A caller keys the utility customer number without its
 * letter prefix (U100001 is 100001). {@code utilities.pay} pays the bill from the bank account
 * of the same customer (customer_account: the utility account and a BANK account of one customer),
 * through BankingService.payBill: one XA transaction, as every bill payment.
 */
@Stateless
@LocalBean
@PermitAll // local only
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UtilitiesOperations {

    @EJB
    private BankingService banking;

    @PersistenceContext(unitName = "kefu")
    private EntityManager kefu;

    public ServiceOutcome invoke(OperationContext ctx, String operation, Map<String, String> in) throws BankingException {
        return invoke(ctx, operation, in, null);
    }

    public ServiceOutcome invoke(OperationContext ctx, String operation, Map<String, String> in, org.kefu.ivr.SecretVault secrets)
            throws BankingException {
        return switch (operation) {
            case "utilities.verifyPin" -> verifyPin(ctx, in, secrets);
            case "utilities.bill" -> bill(in);
            case "utilities.pay" -> pay(ctx, in);
            default -> ServiceOutcome.error(OperationErrors.NOT_AVAILABLE);
        };
    }

    /**
     * The PIN of the card of the bank account that pays the customer's bills (the one
     * {@code utilities.pay} debits): a payment from a call needs it verified in that call.
     */
    private ServiceOutcome verifyPin(OperationContext ctx, Map<String, String> in, org.kefu.ivr.SecretVault secrets)
            throws BankingException {
        char[] pin = secrets == null ? null : secrets.reveal("pin");
        if (pin == null) {
            return ServiceOutcome.error(OperationErrors.INVALID_REQUEST);
        }
        try {
            String bankAccount = linkedBankAccount(customer(in.get("customer")));
            if (bankAccount == null) {
                return ServiceOutcome.error("NO_LINKED_ACCOUNT");
            }
            banking.verifyPin(ctx, bankAccount, pin);
            return ServiceOutcome.ok(Map.of());
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    private ServiceOutcome bill(Map<String, String> in) {
        List<BillSummary> bills = banking.unpaidBills(customer(in.get("customer")));
        if (bills.isEmpty()) {
            return ServiceOutcome.error("UNKNOWN_BILL");
        }
        BillSummary b = bills.get(0);
        return ServiceOutcome.ok(Map.of("billNumber", b.billNumber(), "billAmount", b.amount().toPlainString(),
                "billStatus", "UNPAID"));
    }

    private ServiceOutcome pay(OperationContext ctx, Map<String, String> in) throws BankingException {
        String customer = customer(in.get("customer"));
        String bill = in.get("bill");
        if (bill == null || bill.isBlank()) {
            return ServiceOutcome.error(OperationErrors.INVALID_REQUEST);
        }
        // The bill must be this customer's: a caller cannot pay (or probe) another customer's bill.
        if (banking.unpaidBills(customer).stream().noneMatch(b -> b.billNumber().equals(bill))) {
            return ServiceOutcome.error("UNKNOWN_BILL");
        }
        String bankAccount = linkedBankAccount(customer);
        if (bankAccount == null) {
            return ServiceOutcome.error("NO_LINKED_ACCOUNT");
        }
        return ServiceOutcome.ok(Map.of("reference", banking.payBill(ctx, bankAccount, bill).reference()));
    }

    /** The bank account of the customer who owns the utility account, or null. */
    String linkedBankAccount(String utilityCustomer) {
        @SuppressWarnings("unchecked")
        List<String> accounts = kefu.createNativeQuery("SELECT b.account_number FROM customer_account u"
                        + " JOIN customer_account b ON b.customer_id = u.customer_id AND b.kind = 'BANK'"
                        + " WHERE u.account_number = ? AND u.kind = 'UTILITY' ORDER BY b.account_number")
                .setParameter(1, utilityCustomer)
                .getResultList();
        return accounts.isEmpty() ? null : accounts.get(0);
    }

    /** The customer (id) who owns the utility account, or null. */
    public Long customerOf(String utilityCustomer) {
        List<?> ids = kefu.createNativeQuery("SELECT customer_id FROM customer_account WHERE account_number = ? AND kind = 'UTILITY'")
                .setParameter(1, utilityCustomer)
                .getResultList();
        return ids.size() == 1 ? ((Number) ids.get(0)).longValue() : null;
    }

    /** Customer numbers are keyed without their letter prefix (U100001 is 100001). */
    static String customer(String keyed) {
        String customer = keyed == null ? "" : keyed;
        if (!customer.isEmpty() && Character.isDigit(customer.charAt(0))) {
            customer = "U" + customer;
        }
        return customer;
    }
}
