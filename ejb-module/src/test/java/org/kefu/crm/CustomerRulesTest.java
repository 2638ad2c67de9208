package org.kefu.crm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerRulesTest {

    private static CustomerDraft good() {
        CustomerDraft d = new CustomerDraft();
        d.setName(" 赵六 ");
        d.setIdNumber("440101198001010017");
        d.setVipLevel(2);
        d.setLanguage("zh-CN");
        d.setAddress("广州市天河区");
        d.getPhones().add(new PhoneEntry("138-0013-8001", "mobile"));
        d.getPhones().add(new PhoneEntry("", "HOME")); // an empty line of the editor
        d.getAccounts().add(new AccountEntry("6222020000000009", "bank", null));
        return d;
    }

    private static List<String> codes(CustomerDraft d) {
        return CustomerRules.check(d.normalized()).stream().map(FieldProblem::getCode).toList();
    }

    @Test
    void aGoodRecordHasNoProblemAndIsNormalized() {
        CustomerDraft n = good().normalized();
        assertThat(CustomerRules.check(n)).isEmpty();
        assertThat(n.getName()).isEqualTo("赵六");
        assertThat(n.getPhones()).singleElement().satisfies(p -> {
            assertThat(p.getNumber()).isEqualTo("13800138001");
            assertThat(p.getKind()).isEqualTo("MOBILE");
        });
        assertThat(n.getAccounts()).singleElement().satisfies(a -> assertThat(a.getKind()).isEqualTo("BANK"));
    }

    @Test
    void nameIsRequired() {
        CustomerDraft d = good();
        d.setName("  ");
        assertThat(codes(d)).containsExactly("name.required");
    }

    @Test
    void aWrongIdNumberNamesItsProblemAndNoIdNumberIsAllowed() {
        CustomerDraft d = good();
        d.setIdNumber("440101198001010011");
        List<FieldProblem> problems = CustomerRules.check(d.normalized());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.getField()).isEqualTo("idNumber");
            assertThat(p.getCode()).isEqualTo("idNumber.checksum");
            assertThat(p.getArgs()).containsExactly("440101198001010011");
        });
        d.setIdNumber("");
        assertThat(codes(d)).isEmpty();
    }

    @Test
    void vipLevelLanguageAndAddressHaveTheirLimits() {
        CustomerDraft d = good();
        d.setVipLevel(10);
        d.setLanguage("fr");
        d.setAddress("路".repeat(201));
        assertThat(codes(d)).containsExactly("vipLevel.range", "language.unknown", "address.tooLong");
        d.setVipLevel(null);
        assertThat(codes(d)).contains("vipLevel.range");
    }

    @Test
    void phonesMustBeDigitsOfAKnownKindAndNotRepeated() {
        CustomerDraft d = good();
        d.getPhones().add(new PhoneEntry("abc", "MOBILE"));
        d.getPhones().add(new PhoneEntry("13800138001", "HOME"));
        d.getPhones().add(new PhoneEntry("+8613800138002", "FAX"));
        assertThat(codes(d)).containsExactly("phone.format", "phone.repeated", "phone.kind");
    }

    @Test
    void accountsNeedAKnownKindAndSecuritiesABranch() {
        CustomerDraft d = good();
        d.getAccounts().add(new AccountEntry("S0100009", "SECURITIES", ""));
        d.getAccounts().add(new AccountEntry("X1", "LOAN", null));
        d.getAccounts().add(new AccountEntry("62-22", "BANK", null));
        assertThat(codes(d)).containsExactly("account.branchRequired", "account.kind", "account.format");
    }
}
