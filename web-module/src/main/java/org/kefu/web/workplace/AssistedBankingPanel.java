package org.kefu.web.workplace;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.assisted.AssistedBanking;
import org.kefu.banking.AccountBalance;
import org.kefu.banking.BankingException;
import org.kefu.banking.PayeeSummary;
import org.kefu.banking.Receipt;
import org.kefu.crm.ScreenPop;
import org.kefu.web.PageMessages;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The workplace's assisted banking (form bank): the caller enters the PIN on the phone (the agent
 * is held meanwhile and sees no digits); once verified the agent reads the balance, transfers to a
 * payee and reports a card lost.
 */
@Named
@ViewScoped
public class AssistedBankingPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AssistedBanking assisted;

    @Inject
    private AgentDesk desk;

    /** The account whose PIN is asked. */
    private String bankAccount;
    private String bankBalance;
    private String payee;
    private String amount;
    private String bankReceipt;
    /** One key per transfer form: a double click is one transfer (the bank's idempotency). */
    private String transferKey = UUID.randomUUID().toString();

    void onNewCall(@Observes NewCall call) {
        bankAccount = null;
        bankBalance = null;
        bankReceipt = null;
        PartialUpdate.render("bank");
    }

    /** Sends the caller to PIN entry on the phone. */
    public void askForPin() {
        if (bankAccount == null || bankAccount.isBlank()) {
            PageMessages.error("workplace.bank.accountRequired");
            return;
        }
        desk.act(() -> assisted.askForPin(bankAccount));
    }

    public void showBalance() {
        desk.act(() -> {
            try {
                AccountBalance b = assisted.balance();
                bankBalance = b.balance().toPlainString() + " " + b.currency() + " (" + PageMessages.text("workplace.bank.available") + " "
                        + b.available().toPlainString() + ")";
            } catch (BankingException e) {
                PageMessages.error("workplace.bank." + e.getError().name());
            }
        });
    }

    public void bankTransfer() {
        BigDecimal value;
        try {
            value = new BigDecimal(amount == null ? "" : amount.trim());
        } catch (NumberFormatException e) {
            PageMessages.error("workplace.bank.INVALID_AMOUNT");
            return;
        }
        if (payee == null || payee.isBlank()) {
            PageMessages.error("workplace.bank.payeeRequired");
            return;
        }
        String key = transferKey;
        desk.act(() -> {
            try {
                Receipt r = assisted.transfer(payee, value, key);
                bankReceipt = PageMessages.text("workplace.bank.done", r.reference());
                transferKey = UUID.randomUUID().toString();
            } catch (BankingException e) {
                PageMessages.error("workplace.bank." + e.getError().name());
            }
        });
    }

    public void reportCardLoss() {
        desk.act(() -> {
            try {
                Receipt r = assisted.reportCardLoss("loss-" + UUID.randomUUID());
                bankReceipt = PageMessages.text("workplace.bank.done", r.reference());
            } catch (BankingException e) {
                PageMessages.error("workplace.bank." + e.getError().name());
            }
        });
    }

    /** NONE, WAITING, VERIFIED or a refusal code, for the page. */
    public String getBankStatus() {
        try {
            return desk.isLoggedIn() ? assisted.status() : "NONE";
        } catch (RuntimeException e) {
            return "NONE";
        }
    }

    public List<PayeeSummary> getPayees() {
        try {
            return "VERIFIED".equals(getBankStatus()) ? assisted.payees() : List.of();
        } catch (BankingException | RuntimeException e) {
            return List.of();
        }
    }

    /** The caller's bank accounts from the screen pop: which one's PIN to ask. */
    public List<String> getBankAccounts() {
        List<String> list = new ArrayList<>();
        ScreenPop pop = desk.pop();
        if (pop != null) {
            pop.getAccounts().stream().filter(a -> "BANK".equals(a.getKind())).forEach(a -> list.add(a.getAccountNumber()));
        }
        return list;
    }

    public String getBankAccount() {
        return bankAccount;
    }

    public void setBankAccount(String bankAccount) {
        this.bankAccount = bankAccount;
    }

    public String getBankBalance() {
        return bankBalance;
    }

    public String getBankReceipt() {
        return bankReceipt;
    }

    public String getPayee() {
        return payee;
    }

    public void setPayee(String payee) {
        this.payee = payee;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
