package org.kefu.crm;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk import of customer records, all or nothing: every row is checked (its own rules,
 * repeats inside the file, values other customers already have) and when any row is wrong
 * nothing is stored and every problem is reported with its line and column. A half-imported
 * file would leave the supervisor to work out which rows to send again; a whole file refused
 * with the complete list of corrections can simply be fixed and sent again. A row whose ID number
 * or phone is already known is refused rather than merged: updating existing customers from a
 * file is a different, riskier job.
 */
@Stateless
@RolesAllowed({"supervisor", "admin"})
public class CustomerImport {

    /** Larger files are refused as a whole; split them. */
    public static final int MAX_ROWS = 5_000;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditLog audit;

    /** Imports every row and returns how many customers were created, or refuses them all. */
    public int importAll(String fileName, List<ImportRow> rows) throws CustomerException {
        String actor = context.getCallerPrincipal().getName();
        List<FieldProblem> problems = problems(rows);
        if (!problems.isEmpty()) {
            long badRows = problems.stream().mapToInt(FieldProblem::getRow).distinct().count();
            audit.recordIndependently(actor, "CUSTOMER_IMPORT", fileName, AuditOutcome.FAILURE,
                    "rows=" + rows.size() + " badRows=" + badRows + " problems=" + problems.size() + " imported=0", null);
            throw new CustomerException(problems);
        }
        for (ImportRow row : rows) {
            CustomerDraft d = row.getDraft().normalized();
            Customer customer = new Customer(d.getName(), d.getIdNumber(), d.getVipLevel(), d.getLanguage());
            customer.edit(d.getName(), d.getIdNumber(), d.getVipLevel(), d.getLanguage(), d.getAddress(),
                    CustomerRecords.phones(d), CustomerRecords.accounts(d));
            em.persist(customer);
        }
        em.flush();
        audit.record(actor, "CUSTOMER_IMPORT", fileName, AuditOutcome.SUCCESS,
                "rows=" + rows.size() + " imported=" + rows.size(), null);
        return rows.size();
    }

    /** Every problem of every row, each with its line; empty when the file may be imported. */
    List<FieldProblem> problems(List<ImportRow> rows) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add(FieldProblem.of("file", "file.noRows"));
            return problems;
        }
        if (rows.size() > MAX_ROWS) {
            problems.add(FieldProblem.of("file", "file.tooManyRows", String.valueOf(rows.size()), String.valueOf(MAX_ROWS)));
            return problems;
        }
        Map<String, Integer> idNumbers = new HashMap<>();
        Map<String, Integer> phones = new HashMap<>();
        Map<String, Integer> accounts = new HashMap<>();
        for (ImportRow row : rows) {
            List<FieldProblem> own = new ArrayList<>(row.getReadProblems());
            CustomerDraft d = row.getDraft().normalized();
            d.setId(null);
            own.addAll(CustomerRules.check(d));
            if (own.isEmpty()) {
                own.addAll(repeats(d, row.getLine(), idNumbers, phones, accounts));
                own.addAll(CustomerDuplicates.against(em, d));
            }
            own.forEach(p -> problems.add(p.atRow(row.getLine())));
        }
        return problems;
    }

    private static List<FieldProblem> repeats(CustomerDraft d, int line, Map<String, Integer> idNumbers,
                                              Map<String, Integer> phones, Map<String, Integer> accounts) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.getIdNumber() != null) {
            Integer first = idNumbers.putIfAbsent(d.getIdNumber(), line);
            if (first != null) {
                problems.add(FieldProblem.of("idNumber", "idNumber.inFile", d.getIdNumber(), String.valueOf(first)));
            }
        }
        for (PhoneEntry p : d.getPhones()) {
            Integer first = phones.putIfAbsent(p.getNumber(), line);
            if (first != null) {
                problems.add(FieldProblem.of("phones", "phone.inFile", p.getNumber(), String.valueOf(first)));
            }
        }
        for (AccountEntry a : d.getAccounts()) {
            Integer first = accounts.putIfAbsent(a.getKind() + ":" + a.getNumber(), line);
            if (first != null) {
                problems.add(FieldProblem.of("accounts", "account.inFile", a.getNumber(), String.valueOf(first)));
            }
        }
        return problems;
    }
}
