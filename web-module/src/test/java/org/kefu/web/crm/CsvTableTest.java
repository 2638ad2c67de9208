package org.kefu.web.crm;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {

    @Test
    void writesUtf8WithAByteOrderMarkAndCrLf() {
        byte[] bytes = CsvTable.write(List.of(List.of("姓名", "地址"), List.of("张三", "广州,天河")));
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("姓名,地址\r\n张三,\"广州,天河\"\r\n");
    }

    @Test
    void readsQuotesDoubledQuotesAndLineBreaksInsideQuotes() throws Exception {
        String csv = "\uFEFFname,address\r\n\"Li \"\"Jr\"\"\",\"line 1\nline 2\"\r\n王五,\r\n";
        assertThat(CsvTable.read(csv.getBytes(StandardCharsets.UTF_8))).containsExactly(
                List.of("name", "address"), List.of("Li \"Jr\"", "line 1\nline 2"), List.of("王五", ""));
    }

    @Test
    void aLastLineWithoutLineBreakIsRead() throws Exception {
        assertThat(CsvTable.read("a,b\n1,2".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void whatItWritesItReadsBack() throws Exception {
        List<List<String>> table = List.of(List.of("名", "备注"), List.of("赵\"六\"", "a,b\r\nc"), List.of("", "+8613800138000"));
        assertThat(CsvTable.read(CsvTable.write(table))).isEqualTo(table);
    }

    @Test
    void chineseExcelsGb18030IsUnderstood() throws Exception {
        byte[] gbk = "姓名,电话\n张三,13800138000\n".getBytes(Charset.forName("GB18030"));
        assertThat(CsvTable.read(gbk)).containsExactly(List.of("姓名", "电话"), List.of("张三", "13800138000"));
    }

    @Test
    void anUnclosedQuoteIsAFileProblem() {
        assertThatThrownBy(() -> CsvTable.read("a\n\"oops\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> assertThat(e.getCode()).isEqualTo("file.unclosedQuote"));
    }

    @Test
    void formulasAreDefusedButPhoneNumbersAreNot() {
        assertThat(CsvTable.defuse("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CsvTable.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTable.defuse("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvTable.defuse("+8613800138000")).isEqualTo("+8613800138000");
        assertThat(CsvTable.defuse("张三")).isEqualTo("张三");
    }

    @Test
    void aLeadingTabOrCarriageReturnIsDefusedToo() {
        assertThat(CsvTable.defuse("\t=1+2")).isEqualTo("'\t=1+2");
        assertThat(CsvTable.defuse("\r=HYPERLINK(\"x\")")).isEqualTo("'\r=HYPERLINK(\"x\")");
        assertThat(CsvTable.defused("'\t=1+2")).isTrue();
        assertThat(CsvTable.defused("'abc")).isFalse();
        String csv = new String(CsvTable.write(java.util.List.of(java.util.List.of("\t=cmd|' /C calc'!A0"))), StandardCharsets.UTF_8);
        assertThat(csv).contains("'\t=cmd");
    }
}
