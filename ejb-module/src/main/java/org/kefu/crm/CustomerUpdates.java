package org.kefu.crm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Changes to a customer's record that the bank's back office sends. */
@Stateless
@PermitAll // local only: reached from the back-office MDB, which the broker's ACL guards
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CustomerUpdates {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    /** The customer with this national ID number, if Kefu knows them. */
    public Optional<Customer> byIdNumber(String idNumber) {
        return em.createQuery("SELECT c FROM Customer c WHERE c.idNumber = :n", Customer.class)
                .setParameter("n", idNumber).getResultStream().findFirst();
    }

    /** False when no customer has this ID number (nothing is changed then). */
    public boolean update(String idNumber, String name, String address, Integer vipLevel, String language) {
        Optional<Customer> customer = byIdNumber(idNumber);
        customer.ifPresent(c -> c.update(name, address, vipLevel, language));
        return customer.isPresent();
    }
}
