package org.kefu.banking;

import jakarta.ejb.Remote;

import java.util.List;

/**
 * The back office's synchronous window into phone banking, for role {@code backoffice}
 * only. JNDI for remote clients:
 * {@code ejb:kefu/kefu-ejb/BackOfficeBankingBean!org.kefu.banking.BackOfficeBanking}.
 */
@Remote
public interface BackOfficeBanking {

    AccountBalance balance(String accountNumber) throws BankingException;

    List<StatementLine> miniStatement(String accountNumber, int lines) throws BankingException;

    Receipt freezeAccount(String accountNumber, String reason, String idempotencyKey) throws BankingException;

    Receipt unfreezeAccount(String accountNumber, String reason, String idempotencyKey) throws BankingException;

    /** Clears the wrong-PIN counter after the customer identified themselves at the counter. */
    void unlockPin(String accountNumber) throws BankingException;
}
