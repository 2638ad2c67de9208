package org.kefu.crm;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

/**
 * The minimal "new customer" of an unknown caller's screen pop: a name and the caller's number;
 * everything else is edited later in the customer records. Audited as CUSTOMER_CREATE.
 */
@Stateless
@RolesAllowed({"agent", "supervisor", "admin"})
public class QuickCustomers {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditLog audit;

    public long create(String name, String phone, String language) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new ContactRecordException("NAME_REQUIRED", "a name of 1 to 100 characters is required");
        }
        String p = phone == null ? "" : phone.replaceAll("[\\s-]", "");
        if (!p.matches("\\+?[0-9]{3,32}")) {
            throw new ContactRecordException("BAD_PHONE", phone);
        }
        Long existing = em.createQuery("select c.id from Customer c join c.phones ph where ph.phone = :p", Long.class)
                .setParameter("p", p).setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            throw new ContactRecordException("PHONE_TAKEN", p);
        }
        Customer customer = new Customer(n, null, 0, "en".equals(language) ? "en" : "zh-CN");
        customer.addPhone(new CustomerPhone(p, p.startsWith("1") && p.length() == 11 ? "MOBILE" : "HOME"));
        em.persist(customer);
        em.flush();
        audit.record(context.getCallerPrincipal().getName(), "CUSTOMER_CREATE", String.valueOf(customer.getId()),
                AuditOutcome.SUCCESS, "from the screen pop of " + p, null);
        return customer.getId();
    }
}
