package org.kefu.banking;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which accounts had their PIN verified in which call (R-4.6, issue 14 item 8): the per-call
 * token that money operations reached from a call must find. {@link BankingService#verifyPin}
 * issues it on success, bound to the call id and the account; balance, statement, payees,
 * transfer, bill payment, card loss and securities orders and positions with channel IVR or
 * AGENT refuse with {@link BankingError#NOT_VERIFIED} without it. The binding lives in memory on
 * the node that holds the call (as the IVR's secrets do), ends with the call (the callflow calls
 * {@link #callEnded}), and expires anyway after {@value #MAX_HOURS} hours (no call lasts longer).
 * Nothing is stored about the PIN itself.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll // local only
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CallerVerifications {

    static final int MAX_HOURS = 4;
    private static final Duration MAX_AGE = Duration.ofHours(MAX_HOURS);

    private record Grant(Set<String> accounts, Instant since) {
    }

    private final Map<String, Grant> calls = new ConcurrentHashMap<>();

    /** The caller proved the PIN of {@code account} in {@code callId}. */
    public void verified(String callId, String account) {
        if (callId == null || account == null) {
            return;
        }
        calls.computeIfAbsent(callId, k -> new Grant(ConcurrentHashMap.newKeySet(), Instant.now())).accounts().add(account);
        if (calls.size() % 256 == 0) {
            expire();
        }
    }

    /** Whether the PIN of {@code account} was verified in {@code callId}. */
    public boolean isVerified(String callId, String account) {
        if (callId == null || account == null) {
            return false;
        }
        Grant g = calls.get(callId);
        if (g == null) {
            return false;
        }
        if (g.since().plus(MAX_AGE).isBefore(Instant.now())) {
            calls.remove(callId);
            return false;
        }
        return g.accounts().contains(account);
    }

    /**
     * Refuses unless the operation is exempt (the back office's channel, which its remote views
     * guard by role) or the PIN of {@code account} was verified in the context's call.
     */
    public void require(OperationContext ctx, String account) throws BankingException {
        if (ctx == null || ctx.channel() == null) {
            throw new BankingException(BankingError.NOT_VERIFIED, "no call context");
        }
        if (ctx.channel() == Channel.BACKOFFICE) {
            return;
        }
        if (!isVerified(ctx.callId(), account)) {
            throw new BankingException(BankingError.NOT_VERIFIED, "the PIN of this account was not verified in this call");
        }
    }

    /** Forgets the call's verifications (the call ended). */
    public void callEnded(String callId) {
        if (callId != null) {
            calls.remove(callId);
        }
    }

    private void expire() {
        Instant oldest = Instant.now().minus(MAX_AGE);
        calls.values().removeIf(g -> g.since().isBefore(oldest));
    }
}
