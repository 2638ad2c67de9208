package org.kefu.banking;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/**
 * Checks a PIN against its card and counts failures. Its own transaction, because a failure
 * must be counted even though the caller's operation is refused (and rolled back); the card row
 * is locked for the check, so concurrent guesses are counted one after the other and cannot
 * slip past the limit.
 */
@Stateless
@PermitAll // local only
public class PinVerifier {

    public static final int MAX_FAILURES = 3;

    @jakarta.ejb.EJB
    private Ledger ledger;

    @PersistenceContext(unitName = "ledger")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PinOutcome verify(String accountNumber, char[] pin) {
        Optional<BankCard> found = accountNumber == null ? Optional.empty() : ledger.cardOf(accountNumber, true);
        if (found.isEmpty()) {
            return PinOutcome.NO_CARD;
        }
        BankCard card = found.get();
        if (card.isBlocked()) {
            return PinOutcome.CARD_BLOCKED;
        }
        if (card.getPinFailures() >= MAX_FAILURES) {
            return PinOutcome.LOCKED;
        }
        if (PinHasher.matches(pin, card.storedPin())) {
            card.pinSucceeded();
            return PinOutcome.VERIFIED;
        }
        card.pinFailed();
        return card.getPinFailures() >= MAX_FAILURES ? PinOutcome.NOW_LOCKED : PinOutcome.WRONG;
    }

    /** The back office's unlock after the customer proved who they are at the counter. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean reset(String accountNumber) {
        Optional<BankCard> card = ledger.cardOf(accountNumber, true);
        card.ifPresent(BankCard::pinSucceeded);
        return card.isPresent();
    }

    /** How many attempts remain before the lock (for the IVR's prompt). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int remaining(String accountNumber) {
        return em.createQuery("SELECT c.pinFailures FROM BankCard c WHERE c.accountNumber = :a", Integer.class)
                .setParameter("a", accountNumber).getResultStream().findFirst()
                .map(f -> Math.max(0, MAX_FAILURES - f)).orElse(0);
    }
}
