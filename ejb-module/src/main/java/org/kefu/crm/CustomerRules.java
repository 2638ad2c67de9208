package org.kefu.crm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a customer record must satisfy by itself (uniqueness against other customers is
 * {@link CustomerDuplicates}'s): the same rules for the editor and for every imported row.
 */
public final class CustomerRules {

    public static final List<String> LANGUAGES = List.of("zh-CN", "en");
    public static final List<String> PHONE_KINDS = List.of("MOBILE", "HOME", "WORK", "OTHER");
    public static final List<String> ACCOUNT_KINDS = List.of("BANK", "UTILITY", "SECURITIES");

    private CustomerRules() {
    }

    /** Every problem of a normalized draft ({@link CustomerDraft#normalized()}); empty when it may be stored. */
    public static List<FieldProblem> check(CustomerDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.getName() == null) {
            problems.add(FieldProblem.of("name", "name.required"));
        } else if (d.getName().length() > 100) {
            problems.add(FieldProblem.of("name", "name.tooLong", "100"));
        }
        if (d.getIdNumber() != null) {
            String problem = ResidentIdNumber.problem(d.getIdNumber());
            if (problem != null) {
                problems.add(FieldProblem.of("idNumber", problem, d.getIdNumber()));
            }
        }
        if (d.getVipLevel() == null || d.getVipLevel() < 0 || d.getVipLevel() > 9) {
            problems.add(FieldProblem.of("vipLevel", "vipLevel.range", String.valueOf(d.getVipLevel())));
        }
        if (d.getLanguage() == null || !LANGUAGES.contains(d.getLanguage())) {
            problems.add(FieldProblem.of("language", "language.unknown", String.valueOf(d.getLanguage()), String.join(", ", LANGUAGES)));
        }
        if (d.getAddress() != null && d.getAddress().length() > 200) {
            problems.add(FieldProblem.of("address", "address.tooLong", "200"));
        }
        Set<String> numbers = new HashSet<>();
        for (PhoneEntry p : d.getPhones()) {
            if (!p.getNumber().matches("\\+?[0-9]{3,20}")) {
                problems.add(FieldProblem.of("phones", "phone.format", p.getNumber()));
            } else if (!numbers.add(p.getNumber())) {
                problems.add(FieldProblem.of("phones", "phone.repeated", p.getNumber()));
            }
            if (!PHONE_KINDS.contains(p.getKind())) {
                problems.add(FieldProblem.of("phones", "phone.kind", p.getKind(), String.join(", ", PHONE_KINDS)));
            }
        }
        Set<String> accounts = new HashSet<>();
        for (AccountEntry a : d.getAccounts()) {
            if (!a.getNumber().matches("[A-Za-z0-9]{1,32}")) {
                problems.add(FieldProblem.of("accounts", "account.format", a.getNumber()));
            }
            if (a.getKind() == null || !ACCOUNT_KINDS.contains(a.getKind())) {
                problems.add(FieldProblem.of("accounts", "account.kind", String.valueOf(a.getKind()), String.join(", ", ACCOUNT_KINDS)));
            } else if (!accounts.add(a.getKind() + ":" + a.getNumber())) {
                problems.add(FieldProblem.of("accounts", "account.repeated", a.getNumber()));
            }
            if ("SECURITIES".equals(a.getKind()) && a.getBranch() == null) {
                problems.add(FieldProblem.of("accounts", "account.branchRequired", a.getNumber()));
            }
            if (a.getBranch() != null && !a.getBranch().matches("[A-Z0-9]{1,16}")) {
                problems.add(FieldProblem.of("accounts", "account.branchFormat", a.getBranch()));
            }
        }
        return problems;
    }
}
