package org.kefu.crm;

import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;

/**
 * A phone number, an ID number or a linked account belongs to one customer only. Checked before
 * storing, so the person gets a message naming the other customer; the unique indexes of V8
 * catch what two people save at the same instant.
 */
final class CustomerDuplicates {

    private CustomerDuplicates() {
    }

    /** Problems for values of {@code d} that another customer (not {@code d.getId()}) already has. */
    static List<FieldProblem> against(EntityManager em, CustomerDraft d) {
        long self = d.getId() == null ? -1L : d.getId();
        List<FieldProblem> problems = new ArrayList<>();
        if (d.getIdNumber() != null) {
            em.createQuery("SELECT c.name FROM Customer c WHERE c.idNumber = :n AND c.id <> :self", String.class)
                    .setParameter("n", d.getIdNumber()).setParameter("self", self)
                    .getResultStream().findFirst()
                    .ifPresent(other -> problems.add(FieldProblem.of("idNumber", "idNumber.taken", d.getIdNumber(), other)));
        }
        for (PhoneEntry p : d.getPhones()) {
            em.createQuery("SELECT c.name FROM Customer c JOIN c.phones p WHERE p.phone = :n AND c.id <> :self", String.class)
                    .setParameter("n", p.getNumber()).setParameter("self", self)
                    .getResultStream().findFirst()
                    .ifPresent(other -> problems.add(FieldProblem.of("phones", "phone.taken", p.getNumber(), other)));
        }
        for (AccountEntry a : d.getAccounts()) {
            em.createQuery("SELECT c.name FROM Customer c JOIN c.accounts a WHERE a.accountNumber = :n AND a.kind = :k AND c.id <> :self", String.class)
                    .setParameter("n", a.getNumber()).setParameter("k", a.getKind()).setParameter("self", self)
                    .getResultStream().findFirst()
                    .ifPresent(other -> problems.add(FieldProblem.of("accounts", "account.taken", a.getNumber(), other)));
        }
        return problems;
    }
}
