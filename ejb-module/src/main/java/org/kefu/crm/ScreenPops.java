package org.kefu.crm;

import org.kefu.platform.PhoneRegion;
import org.kefu.platform.PhoneRegions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.banking.AccountBalance;
import org.kefu.banking.BankingException;
import org.kefu.banking.BankingService;
import org.kefu.reporting.CallRecord;
import org.kefu.tickets.Tickets;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kefu.telephony.CallData;

/**
 * Builds the screen pop of a call from its attached data: the customer the ACD recognised
 * ({@code kefu.customerId}), else the one whose account number the caller entered in the IVR
 * ({@code ivr.*}), else the one whose phone is the caller's number; for an unknown caller, the
 * number's region.
 */
@Stateless
@RolesAllowed({"agent", "supervisor", "admin"})
public class ScreenPops {

    static final int LAST_CONTACTS = 10;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private BankingService banking;

    @EJB
    private Tickets tickets;

    @EJB
    private PhoneRegions regions;

    /** The screen pop of call {@code callId} (left out of its own contact history). */
    public ScreenPop forCall(String callId, Map<String, String> callData) {
        // A call Kefu placed (click to dial, a callback) has the agent's desk as its caller: the other party is the one dialled.
        String phone = callData.containsKey(CallData.DIALLED) ? callData.get(CallData.DIALLED) : callData.get(CallData.ANI);
        Customer customer = null;
        String foundBy = null;
        String id = callData.get(CallData.CUSTOMER_ID);
        if (id != null && id.matches("[0-9]{1,18}")) {
            customer = em.find(Customer.class, Long.valueOf(id));
            foundBy = "CALL";
        }
        if (customer == null) {
            for (Map.Entry<String, String> e : callData.entrySet()) {
                if (e.getKey().startsWith("ivr.") && e.getValue() != null && e.getValue().matches("[0-9A-Za-z]{4,32}")) {
                    customer = byAccount(e.getValue());
                    if (customer != null) {
                        foundBy = "IVR";
                        break;
                    }
                }
            }
        }
        if (customer == null && phone != null) {
            customer = byPhone(phone);
            foundBy = customer == null ? null : "PHONE";
        }
        return customer == null ? forNumber(phone, callId) : forCustomer(customer, phone, foundBy, callId);
    }

    /** An unknown caller: the number, its region and the number's own past calls. */
    public ScreenPop forNumber(String phone, String callId) {
        return new ScreenPop(phone, null, null, 0, null, phone == null ? null : regions.regionOf(phone).orElse(null),
                List.of(), phone == null ? List.of() : contacts(null, List.of(phone), callId), List.of());
    }

    private ScreenPop forCustomer(Customer customer, String phone, String foundBy, String callId) {
        List<String> phones = new ArrayList<>();
        customer.getPhones().forEach(p -> phones.add(p.getPhone()));
        if (phone != null && !phones.contains(phone)) {
            phones.add(phone);
        }
        return new ScreenPop(phone, customer.getId(), customer.getName(), customer.getVipLevel(), foundBy,
                phone == null ? null : regions.regionOf(phone).orElse(null),
                accounts(customer.getId()), contacts(customer.getId(), phones, callId), tickets.openTicketsOfCustomer(customer.getId()));
    }

    private Customer byPhone(String phone) {
        return em.createQuery("select c from Customer c join c.phones p where p.phone = :phone", Customer.class)
                .setParameter("phone", phone).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private Customer byAccount(String accountNumber) {
        List<?> ids = em.createNativeQuery("SELECT customer_id FROM customer_account WHERE account_number = ?1")
                .setParameter(1, accountNumber).setMaxResults(1).getResultList();
        return ids.isEmpty() ? null : em.find(Customer.class, ((Number) ids.get(0)).longValue());
    }

    private List<AccountLine> accounts(long customerId) {
        List<AccountLine> lines = new ArrayList<>();
        List<?> rows = em.createNativeQuery("SELECT account_number, kind FROM customer_account WHERE customer_id = ?1 ORDER BY kind, account_number")
                .setParameter(1, customerId).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String number = (String) r[0];
            String kind = (String) r[1];
            if ("BANK".equals(kind)) {
                try {
                    AccountBalance b = banking.balance(number);
                    lines.add(new AccountLine(number, kind, b.balance(), b.currency()));
                    continue;
                } catch (BankingException | RuntimeException e) {
                    // shown without a balance: the ledger is another system and may refuse
                }
            }
            lines.add(new AccountLine(number, kind, null, null));
        }
        return lines;
    }

    /** The last calls and wrap-ups of the customer (or of the numbers), newest first. */
    private List<ContactLine> contacts(Long customerId, List<String> phones, String currentCall) {
        List<ContactLine> lines = new ArrayList<>();
        var calls = em.createQuery("select r from CallRecord r where r.callRef <> :current and (r.ani in :phones"
                        + (customerId == null ? "" : " or r.customerId = :customer") + ") order by r.startedAt desc", CallRecord.class)
                .setParameter("phones", phones)
                .setParameter("current", currentCall == null ? "" : currentCall)
                .setMaxResults(LAST_CONTACTS);
        for (CallRecord r : customerId == null ? calls.getResultList()
                : calls.setParameter("customer", customerId).getResultList()) {
            lines.add(new ContactLine(r.getStartedAt(), "CALL", r.getAgentJobNumber(),
                    r.getQueueCode() == null ? r.getDnis() : r.getQueueCode(), r.getEndCause()));
        }
        // The code's names come along, so that the agent reads "转接" / "Transferred", not TRANSFERRED.
        var records = em.createNativeQuery("SELECT c.recorded_at, c.agent_job_number, c.wrap_up_code, c.notes, w.name_zh, w.name_en"
                + " FROM contact_record c LEFT JOIN wrap_up_code w ON w.code = c.wrap_up_code"
                + " WHERE c.phone IN (:phones)" + (customerId == null ? "" : " OR c.customer_id = :customer")
                + " ORDER BY c.recorded_at DESC")
                .setParameter("phones", phones)
                .setMaxResults(LAST_CONTACTS);
        if (customerId != null) {
            records.setParameter("customer", customerId);
        }
        for (Object row : records.getResultList()) {
            Object[] r = (Object[]) row;
            lines.add(new ContactLine(instant(r[0]), "WRAP_UP", (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5]));
        }
        lines.sort(Comparator.comparing(ContactLine::getAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return lines.size() > LAST_CONTACTS ? lines.subList(0, LAST_CONTACTS) : lines;
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        return null;
    }
}
