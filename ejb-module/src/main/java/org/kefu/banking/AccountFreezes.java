package org.kefu.banking;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.util.Optional;
import java.util.UUID;

/**
 * Freezing and unfreezing an account at the back office's request (by JMS command or the remote
 * EJB): a frozen account neither pays nor receives by phone. Journaled and confirmed to the back
 * office like every other operation, idempotent by key.
 */
@Stateless
@PermitAll // local only: reached through BackOfficeBanking (role backoffice) and the inbound MDB
public class AccountFreezes {

    @EJB
    private Ledger ledger;

    @EJB
    private OperationJournal journal;

    @EJB
    private BackOfficeEvents backOffice;

    public Receipt setFrozen(OperationContext ctx, String accountNumber, boolean frozen, String reason) throws BankingException {
        ctx.validate();
        Operation op = frozen ? Operation.ACCOUNT_FREEZE : Operation.ACCOUNT_UNFREEZE;
        Optional<Receipt> replay = journal.replay(ctx, op, accountNumber, null, null);
        if (replay.isPresent()) {
            return replay.get();
        }
        LedgerAccount account = ledger.lockCustomerAccount(accountNumber);
        account.setStatus(frozen ? LedgerAccount.FROZEN : LedgerAccount.ACTIVE);
        String reference = UUID.randomUUID().toString();
        journal.record(ctx, op, accountNumber, null, null, reference);
        backOffice.send(BackOfficeEvent.of(frozen ? "account.frozen" : "account.unfrozen", reference, ctx)
                .add("account", accountNumber)
                .add("reason", reason == null ? "" : reason)
                .build(), reference);
        return new Receipt(reference, op, ctx.idempotencyKey(), null, false);
    }
}
