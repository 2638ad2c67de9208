package org.kefu.web.crm;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxTableTest {

    @Test
    void whatItWritesItReadsBackAsText() throws Exception {
        List<List<String>> table = List.of(List.of("姓名", "身份证号"), List.of("张三", "440101198001010017"), List.of("李四", ""));
        byte[] xlsx = XlsxTable.write("客户", table);
        assertThat(xlsx).startsWith((byte) 'P', (byte) 'K');
        assertThat(XlsxTable.read(xlsx)).containsExactly(
                List.of("姓名", "身份证号"), List.of("张三", "440101198001010017"), List.of("李四", ""));
    }

    @Test
    void numbersTypedByAPersonReadAsTheirDigitsAndEmptyRowsKeepTheirPlace() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        ws.value(0, 0, "name");
        ws.value(0, 1, "phones");
        ws.value(0, 2, "vipLevel");
        ws.value(2, 0, "王五");
        ws.value(2, 1, 13800138000L);
        ws.value(2, 2, 3.0);
        wb.finish();
        List<List<String>> rows = XlsxTable.read(out.toByteArray());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).isEmpty();
        assertThat(rows.get(2)).containsExactly("王五", "13800138000", "3");
    }

    @Test
    void somethingElseIsRefusedAsNoWorkbook() {
        assertThatThrownBy(() -> XlsxTable.read("name\n张三".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> assertThat(e.getCode()).isEqualTo("file.notXlsx"));
        assertThatThrownBy(() -> XlsxTable.read(new byte[] {'P', 'K', 3, 4, 0, 0}))
                .isInstanceOf(MalformedFileException.class);
    }
}
