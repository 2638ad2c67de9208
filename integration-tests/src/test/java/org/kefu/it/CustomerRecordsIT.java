package org.kefu.it;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer records in a real browser against the deployed EAR: search by phone, edit
 * and save, a bad ID number refused inline, a new customer from the screen pop's link, an import
 * with one bad row (nothing imported, the row's problem shown) and good files (CSV and Excel),
 * export as CSV and Excel of what the list shows. The database is checked through SqlProbeClient.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomerRecordsIT {

    private static final String PASSWORD = "kefu2026";
    private static final Duration WAIT = Duration.ofSeconds(20);


    @Deployment(name = "sql-probe", order = 2, testable = false)
    static WebArchive probe() {
        return SqlProbeClient.war();
    }

    @Test
    void anAgentFindsACustomerByPhoneEditsAndSaves() throws Exception {
        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn("1002", PASSWORD);
            browser.go("agent/customers.xhtml");
            browser.type(By.id("customers:search-text"), "139 0013 9000");
            browser.driver().findElement(By.id("customers:search-go")).click();
            Waits.until(browser, d -> {
                String list = d.findElement(By.id("customers:list")).getText();
                return list.contains("李四") && !list.contains("张三");
            }, WAIT);
            WebElement dial = browser.driver().findElement(By.cssSelector("#customers\\:list a.kefu-dial"));
            assertThat(dial.getAttribute("href")).endsWith("/kefu/agent/index.xhtml?dial=13900139000");

            browser.driver().findElement(By.linkText("李四")).click();
            browser.waitFor(By.id("customers:editor-address"), WAIT);
            assertThat(browser.driver().findElement(By.id("customers:editor-idNumber")).getAttribute("value")).isEqualTo("440101198502020029");
            assertThat(browser.driver().findElements(By.cssSelector("#customers\\:editor-accounts input[type=text]")).stream()
                    .map(e -> e.getAttribute("value")).toList())
                    .containsExactly("6222020000000002", "", "S0400002", "GZ04", "U100002", "");
            String address = "广州市越秀区北京路" + (100 + (int) (Math.random() * 800)) + "号";
            browser.type(By.id("customers:editor-address"), address);
            new Select(browser.driver().findElement(By.id("customers:editor-language"))).selectByValue("en");
            browser.driver().findElement(By.id("customers:save")).click();
            Waits.forText(browser, By.id("customers:msgs"), "已保存客户李四", WAIT);
            browser.screenshot("customers-saved");

            assertThat(SqlProbeClient.value("SELECT address || '|' || lang || '|' || vip_level FROM customer WHERE id_number = ?", "440101198502020029"))
                    .isEqualTo(address + "|en|0");
            assertThat(SqlProbeClient.value("SELECT detail FROM audit_event WHERE action = 'CUSTOMER_UPDATE' AND actor = '1002' ORDER BY id DESC"))
                    .isEqualTo("changed language,address");
            // The phones and accounts were written back unchanged.
            assertThat(SqlProbeClient.rows("SELECT p.phone FROM customer_phone p JOIN customer c ON c.id = p.customer_id WHERE c.id_number = ?", "440101198502020029"))
                    .containsExactly("13900139000");
            assertThat(SqlProbeClient.rows("SELECT a.account_number FROM customer_account a JOIN customer c ON c.id = a.customer_id WHERE c.id_number = ? ORDER BY 1", "440101198502020029"))
                    .containsExactly("6222020000000002", "S0400002", "U100002");
        }
    }

    @Test
    void aWrongIdNumberIsRefusedInlineAndNothingChanges() throws Exception {
        String id = SqlProbeClient.value("SELECT id FROM customer WHERE id_number = ?", "440101198001010017");
        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn("1001", PASSWORD);
            browser.go("agent/customers.xhtml?id=" + id);
            browser.waitFor(By.id("customers:editor-idNumber"), WAIT);
            assertThat(browser.driver().findElement(By.id("customers:editor-name")).getAttribute("value")).isEqualTo("张三");
            browser.type(By.id("customers:editor-idNumber"), "440101198001010011");
            browser.type(By.id("customers:editor-address"), "不应保存的地址");
            browser.driver().findElement(By.id("customers:save")).click();
            String shown = Waits.forText(browser, By.id("customers:editor"), "校验位不符", WAIT);
            assertThat(shown).contains("440101198001010011");
            Waits.forText(browser, By.id("customers:msgs"), "未保存", WAIT);
            browser.screenshot("customers-bad-id");
        }
        assertThat(SqlProbeClient.value("SELECT address FROM customer WHERE id = CAST(? AS BIGINT)", id)).isEqualTo("广州市天河区体育西路1号");
        assertThat(SqlProbeClient.value("SELECT COUNT(*) FROM customer WHERE id_number = ?", "440101198001010011")).isEqualTo("0");
    }

    @Test
    void theScreenPopsLinkStartsANewCustomerWithTheCallersNumber() throws Exception {
        String phone = "136" + (10_000_000 + (int) (Math.random() * 89_999_999));
        try (Browser browser = Browser.open("en")) {
            browser.signIn("1003", PASSWORD);
            browser.go("agent/customers.xhtml?new=" + phone);
            browser.waitFor(By.id("customers:editor-name"), WAIT);
            assertThat(browser.driver().findElement(By.cssSelector("#customers\\:editor-phones input[type=text]")).getAttribute("value")).isEqualTo(phone);
            browser.type(By.id("customers:editor-name"), "Chen Mei");
            // Taken by 张三: refused with his name.
            browser.type(By.id("customers:editor-idNumber"), "440101198001010017");
            browser.driver().findElement(By.id("customers:save")).click();
            Waits.forText(browser, By.id("customers:editor"), "already belongs to customer 张三", WAIT);
            browser.type(By.id("customers:editor-idNumber"), "");
            browser.driver().findElement(By.id("customers:save")).click();
            Waits.forText(browser, By.id("customers:msgs"), "Customer Chen Mei created", WAIT);
        }
        assertThat(SqlProbeClient.value("SELECT c.name FROM customer c JOIN customer_phone p ON p.customer_id = c.id WHERE p.phone = ?", phone)).isEqualTo("Chen Mei");
        assertThat(SqlProbeClient.value("SELECT COUNT(*) FROM audit_event WHERE action = 'CUSTOMER_CREATE' AND actor = '1003'")).isNotEqualTo("0");
    }

    @Test
    void anImportWithOneBadRowImportsNothingThenTheCorrectedFilesImport(/* CSV, then Excel */) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = List.of(valid("4401061990010100"), valid("4401061990010200"), valid("4401061990010300"));
        List<String> phones = List.of(phone(), phone(), phone());
        List<String> xIds = List.of(valid("4401061991010100"), valid("4401061991010200"), valid("4401061991010300"));
        String header = "姓名,身份证号,VIP等级,语言,地址,电话,账户\r\n";
        String row1 = "导入甲" + tag + "," + ids.get(0) + ",1,zh-CN,广州市海珠区," + phones.get(0) + "/MOBILE,\r\n";
        String row2bad = "导入乙" + tag + ",440106199001020011,1,zh-CN,,\"" + phones.get(1) + "/HOME\",\r\n";
        String row3 = "导入丙" + tag + "," + ids.get(2) + ",1,en,,13800138000/MOBILE,\r\n"; // 张三's phone
        Path dir = Files.createTempDirectory("kefu-import");
        Path bad = dir.resolve("customers-bad.csv");
        Files.write(bad, (header + row1 + row2bad + row3).getBytes(StandardCharsets.UTF_8));

        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn("1005", PASSWORD);
            browser.go("agent/customers.xhtml");
            upload(browser, bad);
            String problems = Waits.forText(browser, By.id("import:import-problems"), "校验位不符", WAIT);
            assertThat(problems).contains("440106199001020011").contains("身份证号")
                    .contains("13800138000").contains("张三");
            List<String> rows = browser.driver().findElements(By.cssSelector("#import\\:import-problems tbody tr")).stream()
                    .map(WebElement::getText).toList();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).matches("(?s)3\\s+身份证号.*");
            assertThat(rows.get(1)).matches("(?s)4\\s+电话.*");
            assertThat(browser.driver().findElement(By.id("import")).getText()).contains("未导入任何数据：3行中有2行需要更正");
            browser.screenshot("customers-import-refused");
            assertThat(SqlProbeClient.value("SELECT COUNT(*) FROM customer WHERE name LIKE ?", "%" + tag)).isEqualTo("0");

            Path good = dir.resolve("customers-good.csv");
            Files.write(good, (header + row1 + row2bad.replace("440106199001020011", ids.get(1))
                    + row3.replace("13800138000", phones.get(2))).getBytes(StandardCharsets.UTF_8));
            upload(browser, good);
            Waits.forText(browser, By.tagName("body"), "已从customers-good.csv导入3位客户", WAIT);
            assertThat(browser.driver().findElements(By.id("import:import-problems"))).isEmpty();

            // The same upload in Excel: three more customers, read by the server's fastexcel.
            Path xlsx = dir.resolve("customers.xlsx");
            writeXlsx(xlsx, tag, xIds);
            upload(browser, xlsx);
            Waits.forText(browser, By.tagName("body"), "已从customers.xlsx导入3位客户", WAIT);
        }
        assertThat(SqlProbeClient.rows("SELECT name FROM customer WHERE name LIKE ? ORDER BY name", "%" + tag)).hasSize(6);
        assertThat(SqlProbeClient.value("SELECT p.kind FROM customer_phone p WHERE p.phone = ?", phones.get(1))).isEqualTo("HOME");
        assertThat(SqlProbeClient.value("SELECT lang FROM customer WHERE id_number = ?", ids.get(2))).isEqualTo("en");
        assertThat(SqlProbeClient.value("SELECT a.branch_code FROM customer_account a JOIN customer c ON c.id = a.customer_id WHERE c.id_number = ?", xIds.get(0)))
                .isEqualTo("GZ02");
        assertThat(SqlProbeClient.rows("SELECT outcome || ' ' || detail FROM audit_event WHERE action = 'CUSTOMER_IMPORT' AND actor = '1005' AND target = ? ORDER BY id",
                "customers-bad.csv")).containsExactly("FAILURE rows=3 badRows=2 problems=2 imported=0");
        assertThat(SqlProbeClient.rows("SELECT outcome || ' ' || detail FROM audit_event WHERE action = 'CUSTOMER_IMPORT' AND actor = '1005' AND target = ? ORDER BY id",
                "customers-good.csv")).containsExactly("SUCCESS rows=3 imported=3");
    }

    @Test
    void exportGivesWhatTheListShowsAsCsvAndExcel() throws Exception {
        try (Browser browser = Browser.open("zh-CN")) {
            browser.signIn("1005", PASSWORD);
            browser.go("agent/customers.xhtml");
            new Select(browser.driver().findElement(By.id("customers:search-vip"))).selectByValue("3");
            // Found by a linked account's number (the securities account), filtered on VIP level 3.
            browser.type(By.id("customers:search-text"), "s0100001");
            browser.driver().findElement(By.id("customers:search-go")).click();
            Waits.until(browser, d -> d.findElement(By.id("customers:export-csv")).getAttribute("href").contains("vip=3"), WAIT);
            String csvUrl = browser.driver().findElement(By.id("customers:export-csv")).getAttribute("href");
            String xlsxUrl = browser.driver().findElement(By.id("customers:export-xlsx")).getAttribute("href");
            String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

            HttpResponse<byte[]> csv = download(csvUrl, session);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains(".csv");
            byte[] body = csv.body();
            assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n");
            assertThat(lines[0]).isEqualTo("姓名,身份证号,VIP等级,语言,地址,电话,账户");
            assertThat(lines).hasSize(2);
            assertThat(lines[1]).isEqualTo("张三,440101198001010017,3,zh-CN,广州市天河区体育西路1号,13800138000/MOBILE,"
                    + "6222020000000001/BANK; S0100001/SECURITIES/GZ01; U100001/UTILITY");

            HttpResponse<byte[]> xlsx = download(xlsxUrl, session);
            assertThat(xlsx.statusCode()).isEqualTo(200);
            List<List<String>> sheet = new ArrayList<>();
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                for (Row r : wb.getFirstSheet().read()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < r.getCellCount(); c++) {
                        cells.add(r.getCellText(c));
                    }
                    sheet.add(cells);
                }
            }
            assertThat(sheet).hasSize(2);
            assertThat(sheet.get(0)).containsExactly("姓名", "身份证号", "VIP等级", "语言", "地址", "电话", "账户");
            assertThat(sheet.get(1)).startsWith("张三", "440101198001010017", "3", "zh-CN");
            assertThat(sheet.get(1).get(5)).isEqualTo("13800138000/MOBILE");
        }
        assertThat(SqlProbeClient.rows("SELECT target || ' ' || detail FROM audit_event WHERE action = 'CUSTOMER_EXPORT' AND actor = '1005' ORDER BY id"))
                .contains("csv customers=1", "xlsx customers=1");

        // Bulk export is for supervisors and admins; an agent gets 403 and nothing.
        try (Browser agent = Browser.open("zh-CN")) {
            agent.signIn("1001", PASSWORD);
            String session = agent.driver().manage().getCookieNamed("JSESSIONID").getValue();
            assertThat(download(Deployments.baseUrl() + "agent/customers-export?format=csv", session).statusCode()).isEqualTo(403);
            agent.go("agent/customers.xhtml");
            agent.waitFor(By.id("customers:list"), WAIT);
            assertThat(agent.driver().findElements(By.id("customers:export-csv"))).isEmpty();
            assertThat(agent.driver().findElements(By.id("import"))).isEmpty();
        }
    }

    private static void upload(Browser browser, Path file) {
        WebElement input = browser.driver().findElement(By.cssSelector("#import input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.driver().findElement(By.id("import:import-go")).click();
    }

    private static HttpResponse<byte[]> download(String url, String session) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void writeXlsx(Path file, String tag, List<String> ids) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "CustomerRecordsIT", "1.0");
            Worksheet ws = wb.newWorksheet("Sheet1");
            String[] heading = {"Name", "ID number", "VIP level", "Phones", "Accounts"};
            for (int c = 0; c < heading.length; c++) {
                ws.value(0, c, heading[c]);
            }
            for (int r = 0; r < 3; r++) {
                ws.value(r + 1, 0, "Excel" + r + tag);
                ws.value(r + 1, 1, ids.get(r));
                ws.value(r + 1, 2, 2); // a number cell, as Excel stores typed digits
                ws.value(r + 1, 3, Long.parseLong(phone()));
                ws.value(r + 1, 4, "S" + tag.toUpperCase().replaceAll("[^A-Z0-9]", "") + r + "/SECURITIES/GZ02");
            }
            wb.finish();
        }
    }

    private static String phone() {
        return "135" + (10_000_000 + (int) (Math.random() * 89_999_999));
    }

    /** A resident ID number: 16 given digits, a random sequence digit and the right check digit. */
    private static String valid(String first16) {
        String first17 = first16 + (int) (Math.random() * 10);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
