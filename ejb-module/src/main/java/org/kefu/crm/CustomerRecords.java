package org.kefu.crm;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer records as agents, supervisors and admins keep them: search, open,
 * create, edit; every change audited with the signed-in user as actor. Bulk export is for
 * supervisors and admins: it hands out many people's data at once.
 */
@Stateless
@RolesAllowed({"agent", "supervisor", "admin"})
public class CustomerRecords {

    /** At most this many customers in one export file. */
    public static final int EXPORT_LIMIT = 10_000;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditLog audit;

    public long count(CustomerSearch search) {
        return new CustomerQueries(em).count(search);
    }

    public List<CustomerSummary> search(CustomerSearch search, int first, int max) {
        List<CustomerSummary> page = new ArrayList<>();
        for (Customer c : new CustomerQueries(em).page(search, first, max)) {
            page.add(new CustomerSummary(c.getId(), c.getName(), c.getIdNumber(), c.getVipLevel(), c.getLanguage(),
                    c.getPhones().stream().map(CustomerPhone::getPhone).toList()));
        }
        return page;
    }

    public Optional<CustomerDraft> load(long id) {
        return Optional.ofNullable(em.find(Customer.class, id)).map(CustomerRecords::draftOf);
    }

    /** Stores a new customer; returns its id. */
    public long create(CustomerDraft draft) throws CustomerException {
        CustomerDraft d = draft.normalized();
        d.setId(null);
        refuseIfWrong(d);
        Customer customer = new Customer(d.getName(), d.getIdNumber(), d.getVipLevel(), d.getLanguage());
        customer.edit(d.getName(), d.getIdNumber(), d.getVipLevel(), d.getLanguage(), d.getAddress(), phones(d), accounts(d));
        em.persist(customer);
        flush(d);
        audit.record(actor(), "CUSTOMER_CREATE", "customer:" + customer.getId(), AuditOutcome.SUCCESS,
                "phones=" + d.getPhones().size() + " accounts=" + d.getAccounts().size(), null);
        return customer.getId();
    }

    /** Replaces the record of customer {@code draft.getId()} with the draft. */
    public void update(CustomerDraft draft) throws CustomerException {
        CustomerDraft d = draft.normalized();
        Customer customer = d.getId() == null ? null : em.find(Customer.class, d.getId());
        if (customer == null) {
            throw new CustomerException(List.of(FieldProblem.of("id", "customer.unknown", String.valueOf(d.getId()))));
        }
        refuseIfWrong(d);
        String changed = changedFields(draftOf(customer), d);
        customer.edit(d.getName(), d.getIdNumber(), d.getVipLevel(), d.getLanguage(), d.getAddress(), phones(d), accounts(d));
        flush(d);
        // Field names only: the values (ID number, phones) are personal data, kept out of the trail.
        audit.record(actor(), "CUSTOMER_UPDATE", "customer:" + customer.getId(), AuditOutcome.SUCCESS,
                changed.isEmpty() ? "no change" : "changed " + changed, null);
    }

    /** Every customer the search finds (up to {@link #EXPORT_LIMIT}), in its order, with accounts. */
    @RolesAllowed({"supervisor", "admin"})
    public List<CustomerDraft> export(CustomerSearch search, String format) {
        List<CustomerDraft> rows = new CustomerQueries(em).page(search, 0, EXPORT_LIMIT).stream()
                .map(CustomerRecords::draftOf).toList();
        audit.record(actor(), "CUSTOMER_EXPORT", format, AuditOutcome.SUCCESS, "customers=" + rows.size(), null);
        return rows;
    }

    private void refuseIfWrong(CustomerDraft d) throws CustomerException {
        List<FieldProblem> problems = new ArrayList<>(CustomerRules.check(d));
        if (problems.isEmpty()) {
            problems.addAll(CustomerDuplicates.against(em, d));
        }
        if (!problems.isEmpty()) {
            throw new CustomerException(problems);
        }
    }

    /** Someone else saved the same number a moment ago: the unique index says so, we say it kindly. */
    private void flush(CustomerDraft d) throws CustomerException {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new CustomerException(List.of(FieldProblem.of("phones", "customer.concurrentDuplicate", d.getName())));
        }
    }

    private String actor() {
        return context.getCallerPrincipal().getName();
    }

    static List<CustomerPhone> phones(CustomerDraft d) {
        return d.getPhones().stream().map(p -> new CustomerPhone(p.getNumber(), p.getKind())).toList();
    }

    static List<LinkedAccount> accounts(CustomerDraft d) {
        return d.getAccounts().stream().map(a -> new LinkedAccount(a.getNumber(), a.getKind(), a.getBranch())).toList();
    }

    static CustomerDraft draftOf(Customer c) {
        CustomerDraft d = new CustomerDraft();
        d.setId(c.getId());
        d.setName(c.getName());
        d.setIdNumber(c.getIdNumber());
        d.setVipLevel(c.getVipLevel());
        d.setLanguage(c.getLanguage());
        d.setAddress(c.getAddress());
        c.getPhones().forEach(p -> d.getPhones().add(new PhoneEntry(p.getPhone(), p.getKind())));
        // By number: the database keeps no order, and an export should read the same every time.
        c.getAccounts().stream().sorted(java.util.Comparator.comparing(LinkedAccount::getAccountNumber))
                .forEach(a -> d.getAccounts().add(new AccountEntry(a.getAccountNumber(), a.getKind(), a.getBranchCode())));
        return d;
    }

    private static String changedFields(CustomerDraft before, CustomerDraft after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.getName(), after.getName())) {
            changed.add("name");
        }
        if (!Objects.equals(before.getIdNumber(), after.getIdNumber())) {
            changed.add("idNumber");
        }
        if (!Objects.equals(before.getVipLevel(), after.getVipLevel())) {
            changed.add("vipLevel(" + before.getVipLevel() + "->" + after.getVipLevel() + ")");
        }
        if (!Objects.equals(before.getLanguage(), after.getLanguage())) {
            changed.add("language");
        }
        if (!Objects.equals(before.getAddress(), after.getAddress())) {
            changed.add("address");
        }
        if (!key(before.getPhones().stream().map(p -> p.getNumber() + "/" + p.getKind()).toList())
                .equals(key(after.getPhones().stream().map(p -> p.getNumber() + "/" + p.getKind()).toList()))) {
            changed.add("phones");
        }
        if (!key(before.getAccounts().stream().map(a -> a.getNumber() + "/" + a.getKind() + "/" + a.getBranch()).toList())
                .equals(key(after.getAccounts().stream().map(a -> a.getNumber() + "/" + a.getKind() + "/" + a.getBranch()).toList()))) {
            changed.add("accounts");
        }
        return String.join(",", changed);
    }

    private static List<String> key(List<String> values) {
        return values.stream().sorted().toList();
    }
}
