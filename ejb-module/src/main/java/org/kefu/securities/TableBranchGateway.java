package org.kefu.securities;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Protocol TABLE (branches GZ04–GZ06): the order as a NEW row of {@code branch_order_box} in
 * LedgerDS, which the branch's system polls and answers in place; {@link BranchTablePoller}
 * picks up the answers.
 */
@Stateless
@Local(BranchGateway.class)
@PermitAll // local only
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TableBranchGateway implements BranchGateway {

    public static final String PROTOCOL = "TABLE";

    @PersistenceContext(unitName = "ledger")
    private EntityManager em;

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public void submit(BranchOrder order) {
        em.persist(new BranchOrderBox(order, Instant.now()));
    }
}
