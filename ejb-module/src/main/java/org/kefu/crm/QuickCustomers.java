package org.kefu.crm;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.util.List;

/**
 * The minimal "new customer" of an unknown caller's screen pop: a name and the caller's number;
 * everything else is edited later in the customer records. It goes through
 * {@link CustomerRecords#create} — the same rules, duplicate checks and audit (CUSTOMER_CREATE) as
 * the editor — and only turns its refusal into the screen pop's three messages.
 */
@Stateless
@RolesAllowed({"agent", "supervisor", "admin"})
public class QuickCustomers {

    @EJB
    private CustomerRecords records;

    public long create(String name, String phone, String language) {
        String p = phone == null ? "" : phone.replaceAll("[\\s-]", "");
        CustomerDraft draft = new CustomerDraft();
        draft.setName(name);
        draft.setVipLevel(0);
        draft.setLanguage("en".equals(language) ? "en" : "zh-CN");
        draft.setPhones(List.of(new PhoneEntry(p, p.startsWith("1") && p.length() == 11 ? "MOBILE" : "HOME")));
        try {
            return records.create(draft);
        } catch (CustomerException e) {
            FieldProblem first = e.getProblems().get(0);
            if ("name".equals(first.getField())) {
                throw new ContactRecordException("NAME_REQUIRED", "a name of 1 to 100 characters is required");
            }
            if (first.getCode().endsWith(".taken") || first.getCode().equals("customer.concurrentDuplicate")) {
                throw new ContactRecordException("PHONE_TAKEN", p);
            }
            throw new ContactRecordException("BAD_PHONE", phone);
        }
    }
}
