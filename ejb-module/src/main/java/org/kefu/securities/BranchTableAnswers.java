package org.kefu.securities;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/** The Kefu side of the TABLE protocol: finds answered rows and settles each in its own transaction. */
@Stateless
@PermitAll // local only
public class BranchTableAnswers {

    private static final Logger LOG = Logger.getLogger(BranchTableAnswers.class);

    @PersistenceContext(unitName = "ledger")
    private EntityManager em;

    @EJB
    private OrderSettlement settlement;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> answered(int max) {
        return em.createQuery("SELECT b.orderRef FROM BranchOrderBox b WHERE b.status <> 'NEW' AND b.settledAt IS NULL "
                + "ORDER BY b.answeredAt", String.class).setMaxResults(max).getResultList();
    }

    /** @return whether the row was settled now (false: already settled, or an answer Kefu cannot apply) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean settle(String orderRef) {
        BranchOrderBox row = em.find(BranchOrderBox.class, orderRef, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.getSettledAt() != null || "NEW".equals(row.getStatus())) {
            return false;
        }
        try {
            if ("FILLED".equals(row.getStatus())) {
                settlement.fill(orderRef, row.getBranchCode(), row.getFillPrice(), row.getFillQuantity() == null ? -1 : row.getFillQuantity());
            } else {
                settlement.reject(orderRef, row.getBranchCode(), row.getRejectReason());
            }
        } catch (BadBranchAnswer e) {
            // Left unsettled (and the hold in place) for an operator; logged at every poll.
            LOG.warnf("Branch table answer for order %s cannot be applied: %s", orderRef, e.getMessage());
            return false;
        }
        row.settled(Instant.now());
        return true;
    }
}
