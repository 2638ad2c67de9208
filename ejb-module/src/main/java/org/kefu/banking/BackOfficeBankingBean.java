package org.kefu.banking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.kefu.security.Role;

import java.util.List;

/** {@link BackOfficeBanking} over the same services the IVR uses; role backoffice only. */
@Stateless
@RolesAllowed(Role.BACKOFFICE)
public class BackOfficeBankingBean implements BackOfficeBanking {

    @EJB
    private BankingService banking;

    @EJB
    private AccountFreezes freezes;

    @EJB
    private PinVerifier pins;

    @Override
    public AccountBalance balance(String accountNumber) throws BankingException {
        return banking.balance(accountNumber);
    }

    @Override
    public List<StatementLine> miniStatement(String accountNumber, int lines) throws BankingException {
        return banking.miniStatement(accountNumber, lines);
    }

    @Override
    public Receipt freezeAccount(String accountNumber, String reason, String idempotencyKey) throws BankingException {
        return freezes.setFrozen(OperationContext.backOffice(idempotencyKey), accountNumber, true, reason);
    }

    @Override
    public Receipt unfreezeAccount(String accountNumber, String reason, String idempotencyKey) throws BankingException {
        return freezes.setFrozen(OperationContext.backOffice(idempotencyKey), accountNumber, false, reason);
    }

    @Override
    public void unlockPin(String accountNumber) throws BankingException {
        if (!pins.reset(accountNumber)) {
            throw new BankingException(BankingError.UNKNOWN_ACCOUNT, "no card for this account");
        }
    }
}
