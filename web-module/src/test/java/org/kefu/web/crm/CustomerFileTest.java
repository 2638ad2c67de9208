package org.kefu.web.crm;

import org.kefu.crm.AccountEntry;
import org.kefu.crm.CustomerDraft;
import org.kefu.crm.FieldProblem;
import org.kefu.crm.ImportRow;
import org.kefu.crm.PhoneEntry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerFileTest {

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void chineseHeadingsInAnyOrderFillTheRecord() throws Exception {
        List<ImportRow> rows = CustomerFile.read("客户.CSV", csv(
                "电话,姓名,VIP等级,身份证号,语言,地址,账户\n"
                        + "13800138001/HOME; 13800138002,赵六,2,440101198001010017,en,广州,6222020000000009/BANK;S01/SECURITIES/GZ01\n"));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.getLine()).isEqualTo(2);
            assertThat(r.getReadProblems()).isEmpty();
            CustomerDraft d = r.getDraft();
            assertThat(d.getName()).isEqualTo("赵六");
            assertThat(d.getVipLevel()).isEqualTo(2);
            assertThat(d.getLanguage()).isEqualTo("en");
            assertThat(d.getPhones()).extracting(PhoneEntry::getNumber, PhoneEntry::getKind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("13800138001", "HOME"),
                            org.assertj.core.groups.Tuple.tuple("13800138002", "MOBILE"));
            assertThat(d.getAccounts()).extracting(AccountEntry::getNumber, AccountEntry::getKind, AccountEntry::getBranch)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("6222020000000009", "BANK", null),
                            org.assertj.core.groups.Tuple.tuple("S01", "SECURITIES", "GZ01"));
        });
    }

    @Test
    void englishHeadingsAndFieldNamesWorkAndMissingColumnsTakeDefaults() throws Exception {
        List<ImportRow> rows = CustomerFile.read("c.csv", csv("Name,id number\nTom,\n\n,\nAnn,\n"));
        assertThat(rows).extracting(ImportRow::getLine).containsExactly(2, 5);
        assertThat(rows.get(0).getDraft().getLanguage()).isEqualTo("zh-CN");
        assertThat(rows.get(0).getDraft().getVipLevel()).isZero();
    }

    @Test
    void unreadableCellsAreRowProblemsWithTheirColumn() throws Exception {
        List<ImportRow> rows = CustomerFile.read("c.csv", csv("name,vipLevel,phones,accounts\n张三,high,1/2/3,6222\n"));
        assertThat(rows.get(0).getReadProblems()).extracting(FieldProblem::getField, FieldProblem::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vipLevel", "vipLevel.notNumber"),
                        org.assertj.core.groups.Tuple.tuple("phones", "phone.cell"),
                        org.assertj.core.groups.Tuple.tuple("accounts", "account.cell"));
    }

    @Test
    void fileProblemsStopTheWholeFile() {
        assertThatThrownBy(() -> CustomerFile.read("c.csv", csv("name,shoe size\n张三,42\n")))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("file.unknownColumn");
                    assertThat(e.getArgs()).containsExactly("shoe size");
                });
        assertThatThrownBy(() -> CustomerFile.read("c.csv", csv("address\n广州\n")))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> assertThat(e.getCode()).isEqualTo("file.nameColumnMissing"));
        assertThatThrownBy(() -> CustomerFile.read("c.txt", csv("name\n")))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> assertThat(e.getCode()).isEqualTo("file.unknownFormat"));
        assertThatThrownBy(() -> CustomerFile.read("c.csv", new byte[0]))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> assertThat(e.getCode()).isEqualTo("file.empty"));
    }

    @Test
    void anExportReadsBackAsTheSameCustomersInBothFormats() throws Exception {
        CustomerDraft d = new CustomerDraft();
        d.setName("=张三");
        d.setIdNumber("440101198001010017");
        d.setVipLevel(3);
        d.setLanguage("zh-CN");
        d.setAddress("广州市天河区体育西路1号");
        d.getPhones().add(new PhoneEntry("13800138000", "MOBILE"));
        d.getAccounts().add(new AccountEntry("S0100001", "SECURITIES", "GZ01"));
        List<List<String>> table = CustomerFile.table(List.of(d), Locale.ENGLISH);
        assertThat(table.get(0)).startsWith("Name", "ID number");

        for (ImportRow row : List.of(CustomerFile.read("x.csv", CsvTable.write(table)).get(0),
                CustomerFile.read("x.xlsx", XlsxTable.write("Customers", table)).get(0))) {
            CustomerDraft back = row.getDraft();
            assertThat(back.getName()).isEqualTo("=张三");
            assertThat(back.getIdNumber()).isEqualTo("440101198001010017");
            assertThat(back.getVipLevel()).isEqualTo(3);
            assertThat(back.getAddress()).isEqualTo("广州市天河区体育西路1号");
            assertThat(back.getPhones()).singleElement().extracting(PhoneEntry::getNumber).isEqualTo("13800138000");
            assertThat(back.getAccounts()).singleElement().extracting(AccountEntry::getBranch).isEqualTo("GZ01");
        }
    }
}
