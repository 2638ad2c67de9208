package org.kefu.banking;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The double-entry ledger (LedgerDS). Money moves only through {@link #move}, which writes the
 * two postings and updates both cached balances in the caller's transaction, so that a balance
 * is always the sum of its account's postings. Accounts are locked in account-number order, so
 * two transfers between the same accounts in opposite directions cannot deadlock.
 */
@Stateless
@PermitAll // local only; who may ask is decided by the service that calls it
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Ledger {

    /** The bank's business day, for the daily limit. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @PersistenceContext(unitName = "ledger")
    private EntityManager em;

    /** A customer account, locked for update; internal accounts are not reachable by phone. */
    public LedgerAccount lockCustomerAccount(String number) throws BankingException {
        LedgerAccount account = lock(number);
        if (!"CUSTOMER".equals(account.getKind())) {
            throw new BankingException(BankingError.UNKNOWN_ACCOUNT, "no such customer account");
        }
        return account;
    }

    public LedgerAccount lock(String number) throws BankingException {
        LedgerAccount account = number == null || number.isBlank() || number.length() > 32
                ? null : em.find(LedgerAccount.class, number, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new BankingException(BankingError.UNKNOWN_ACCOUNT, "no such account");
        }
        return account;
    }

    /** Locks both accounts, lower number first. */
    public void lockInOrder(String a, String b) throws BankingException {
        if (a != null && b != null && a.compareTo(b) > 0) {
            lock(b);
            lock(a);
        } else {
            lock(a);
            lock(b);
        }
    }

    public Optional<LedgerAccount> find(String number) {
        if (number == null || number.isBlank() || number.length() > 32) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(LedgerAccount.class, number));
    }

    public Optional<BankCard> cardOf(String accountNumber, boolean forUpdate) {
        List<BankCard> cards = em.createQuery("SELECT c FROM BankCard c WHERE c.accountNumber = :a", BankCard.class)
                .setParameter("a", accountNumber)
                .setLockMode(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultList();
        return cards.stream().findFirst();
    }

    public boolean isRegisteredPayee(String owner, String payeeAccount) {
        return !em.createQuery("SELECT p FROM Payee p WHERE p.ownerAccount = :o AND p.payeeAccount = :p", Payee.class)
                .setParameter("o", owner).setParameter("p", payeeAccount).getResultList().isEmpty();
    }

    public List<Payee> payeesOf(String owner) {
        return em.createQuery("SELECT p FROM Payee p WHERE p.ownerAccount = :o ORDER BY p.payeeName", Payee.class)
                .setParameter("o", owner).getResultList();
    }

    public Optional<UtilityBill> lockBill(String billNumber) {
        if (billNumber == null || billNumber.isBlank() || billNumber.length() > 32) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(UtilityBill.class, billNumber, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<UtilityBill> unpaidBills(String utilityCustomer) {
        return em.createQuery("SELECT b FROM UtilityBill b WHERE b.utilityCustomer = :c AND b.status = 'UNPAID' ORDER BY b.billingPeriod",
                        UtilityBill.class)
                .setParameter("c", utilityCustomer).getResultList();
    }

    public BigDecimal held(String accountNumber) {
        BigDecimal sum = em.createQuery(
                        "SELECT SUM(h.amount) FROM AccountHold h WHERE h.accountNumber = :a AND h.status = 'ACTIVE'", BigDecimal.class)
                .setParameter("a", accountNumber).getSingleResult();
        return money(sum);
    }

    /** What the account has sent out today through customer-initiated movements. */
    public BigDecimal debitedToday(String accountNumber) {
        Instant startOfDay = LocalDate.now(BUSINESS_ZONE).atStartOfDay(BUSINESS_ZONE).toInstant();
        BigDecimal sum = em.createQuery("""
                        SELECT SUM(p.amount) FROM Posting p
                        WHERE p.accountNumber = :a AND p.amount < 0 AND p.postedAt >= :from
                          AND p.movementKind IN ('TRANSFER', 'BILL_PAYMENT')""", BigDecimal.class)
                .setParameter("a", accountNumber).setParameter("from", startOfDay).getSingleResult();
        return money(sum).negate();
    }

    public AccountBalance balanceOf(LedgerAccount account) {
        BigDecimal held = held(account.getAccountNumber());
        return new AccountBalance(account.getAccountNumber(), account.getCurrency(), money(account.getBalance()), held,
                money(account.getBalance()).subtract(held), account.getStatus());
    }

    /** The last postings, newest first, each with the balance right after it. */
    public List<StatementLine> statement(LedgerAccount account, int lines) {
        List<Posting> postings = em.createQuery(
                        "SELECT p FROM Posting p WHERE p.accountNumber = :a ORDER BY p.postedAt DESC, p.id DESC", Posting.class)
                .setParameter("a", account.getAccountNumber()).setMaxResults(lines).getResultList();
        List<StatementLine> result = new ArrayList<>(postings.size());
        BigDecimal after = money(account.getBalance());
        for (Posting p : postings) {
            result.add(new StatementLine(p.getPostedAt(), p.getMovementKind(), p.getDescription(), money(p.getAmount()), after));
            after = after.subtract(p.getAmount());
        }
        return result;
    }

    /** The one way money moves: a debit and a credit of the same amount, balances updated. */
    public void move(String movementRef, LedgerAccount from, LedgerAccount to, BigDecimal amount, MovementKind kind,
                     String description) {
        Instant now = Instant.now();
        em.persist(new Posting(movementRef, from.getAccountNumber(), amount.negate(), kind, description, now));
        em.persist(new Posting(movementRef, to.getAccountNumber(), amount, kind, description, now));
        from.post(amount.negate());
        to.post(amount);
    }

    public AccountHold hold(LedgerAccount account, BigDecimal amount, String reason, String reference) {
        AccountHold hold = new AccountHold(account.getAccountNumber(), amount, reason, reference, Instant.now());
        em.persist(hold);
        return hold;
    }

    /** Locks any accounts (customer, internal, securities cash) in account-number order. */
    public List<LedgerAccount> lockAllInOrder(String... numbers) throws BankingException {
        List<String> sorted = new ArrayList<>(List.of(numbers));
        sorted.sort(null);
        for (String n : sorted) {
            lock(n);
        }
        List<LedgerAccount> locked = new ArrayList<>(numbers.length);
        for (String n : numbers) {
            locked.add(lock(n));
        }
        return locked;
    }

    /** The active holds made for an operation (securities: the order reference), locked. */
    public List<AccountHold> activeHolds(String reference) {
        return em.createQuery("SELECT h FROM AccountHold h WHERE h.reference = :r AND h.status = 'ACTIVE'", AccountHold.class)
                .setParameter("r", reference).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** Ends a hold: SETTLED when the money it froze moved, RELEASED when it is free again. */
    public void closeHold(AccountHold hold, boolean settled) {
        hold.close(settled ? "SETTLED" : "RELEASED", Instant.now());
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
